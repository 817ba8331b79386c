"""Escalation, auto-close, merge, feedback and split."""

from __future__ import annotations

import datetime as dt

import pytest

from signals.errors import InvalidInput, PermissionDenied, TransitionNotAllowed
from signals.followup import check_deadlines, give_feedback, split_signal
from signals.models import Notification, Signal
from signals.notifications import MemoryMailer, deliver_pending
from signals.workflow import transition_signal

LATER = dt.timedelta(days=60)


def _now():
    return dt.datetime.now(dt.UTC)


def test_escalation_is_sent_once_however_often_the_check_runs(db, make_signal, make_user):
    make_user("coordinator", "BZK")
    signal = make_signal()
    moment = _now() + LATER
    first = check_deadlines(db.session, now=moment)
    second = check_deadlines(db.session, now=moment)
    third = check_deadlines(db.session, now=moment + dt.timedelta(hours=5))
    db.session.commit()
    assert first.escalated == [signal.reference]
    assert second.escalated == third.escalated == []
    mailer = MemoryMailer()
    assert deliver_pending(db.session, mailer) == 1
    assert deliver_pending(db.session, mailer) == 0
    assert "Termijn verstreken" in mailer.outbox[0][1]


def test_becoming_very_late_escalates_again_once(db, make_signal, make_user):
    make_user("coordinator", "BZK")
    make_signal()
    late = check_deadlines(db.session, now=_now() + dt.timedelta(days=20))
    very_late = check_deadlines(db.session, now=_now() + dt.timedelta(days=80))
    again = check_deadlines(db.session, now=_now() + dt.timedelta(days=81))
    assert (len(late.escalated), len(very_late.escalated), len(again.escalated)) == (1, 1, 0)


def test_signal_within_deadline_is_not_escalated(db, make_signal, make_user):
    make_user("coordinator", "BZK")
    make_signal()
    assert check_deadlines(db.session, now=_now()).escalated == []


def test_auto_close_is_idempotent_and_skips_reopen_requests(db, make_signal, make_user):
    quiet = make_signal(status="answered")
    unhappy = make_signal(status="answered")
    give_feedback(db.session, unhappy, make_user("frontline", "GEM"), False, "Gaat niet over mijn vraag.")
    run = check_deadlines(db.session, now=_now() + LATER, auto_close_days=30)
    again = check_deadlines(db.session, now=_now() + LATER, auto_close_days=30)
    assert run.closed == [quiet.reference] and again.closed == []
    assert quiet.status == "closed" and unhappy.status == "answered"


def test_recent_answer_is_not_closed(db, make_signal):
    make_signal(status="answered")
    assert check_deadlines(db.session, now=_now(), auto_close_days=30).closed == []


def test_merged_signal_follows_target_answer_and_its_submitter_hears(db, make_signal, make_user):
    from signals.workflow import followed_signal

    target = make_signal(org="GEM")
    duplicate = make_signal(org="UWV", channel="UWV-MW")
    szw = make_user("triage", "SZW")
    transition_signal(db.session, duplicate, "merged", szw, target=target)
    transition_signal(db.session, target, "in_progress", szw)
    transition_signal(db.session, target, "answered", szw, outcome="taken_up", response="Regel wordt aangepast.")
    db.session.commit()
    assert followed_signal(duplicate) is target
    recipients = {n.recipient for n in db.session.query(Notification).filter_by(kind="answered")}
    assert {target.submitter.email, duplicate.submitter.email} <= recipients


def test_useful_feedback_closes_and_not_useful_requests_reopen(db, make_signal, make_user):
    frontline = make_user("frontline", "GEM")
    make_user("triage", "SZW")
    good, bad = make_signal(status="answered"), make_signal(status="answered")
    give_feedback(db.session, good, frontline, True, "")
    give_feedback(db.session, bad, frontline, False, "Mijn vraag ging over iets anders.")
    assert good.status == "closed" and good.feedback_useful is True
    assert bad.status == "answered" and bad.reopen_requested_at is not None
    assert db.session.query(Notification).filter_by(kind="reopen_requested").count() >= 1


@pytest.mark.parametrize(("useful", "comment", "field"), [(None, "", "useful"), (False, "", "comment"), ("ja", "", "useful")])
def test_feedback_needs_a_clear_rating(db, make_signal, make_user, useful, comment, field):
    signal = make_signal(status="answered")
    with pytest.raises(InvalidInput) as error:
        give_feedback(db.session, signal, make_user("frontline", "GEM"), useful, comment)
    assert field in error.value.fields


def test_feedback_only_on_answered_and_only_by_own_organisation(db, make_signal, make_user):
    routed = make_signal()
    with pytest.raises(TransitionNotAllowed):
        give_feedback(db.session, routed, make_user("frontline", "GEM"), True)
    answered = make_signal(status="answered")
    with pytest.raises(PermissionDenied):
        give_feedback(db.session, answered, make_user("frontline", "UWV"), True)


def test_split_makes_a_second_signal_with_its_own_history(db, make_signal, make_user):
    from signals.audit import list_signal_history

    signal = make_signal(status="in_progress")
    part = split_signal(db.session, signal, make_user("triage", "SZW"), "Huurtoeslag ook geraakt", "De huurtoeslag werd ook teruggevorderd.", ["BWBR0008659"])
    db.session.commit()
    assert part.id != signal.id and part.status == "routed" and part.lead_ministry_code == "BZK"
    assert part.organisation_code == signal.organisation_code
    part_actions = [e.action for e in list_signal_history(db.session, part.id)]
    assert part_actions[0] == "split_from"
    assert "split" in [e.action for e in list_signal_history(db.session, signal.id)]
    assert db.session.query(Signal).count() == 2


def test_contact_details_are_kept_apart_shown_to_the_workers_and_purged(db, make_user):
    from signals.followup import get_contact_for
    from signals.intake import SignalDraft, submit_signal
    from signals.models import SignalContact

    frontline = make_user("frontline", "GEM")
    draft = SignalDraft(channel="GEM-BL", title="Bijstand", description="Bijstand teruggevorderd.", regulations=["BWBR0015703"], contact="06-12345678")
    signal, _ = submit_signal(db.session, frontline, draft)
    db.session.commit()
    assert "06-12345678" not in signal.description
    assert get_contact_for(db.session, make_user("triage", "SZW"), signal) == "06-12345678"
    assert get_contact_for(db.session, make_user("triage", "BZK"), signal) is None
    assert get_contact_for(db.session, make_user("frontline", "UWV"), signal) is None
    signal.status, signal.closed_at = "closed", _now() - dt.timedelta(days=100)
    db.session.commit()
    run = check_deadlines(db.session, now=_now(), contact_retention_days=90)
    assert run.contacts_purged == 1
    assert db.session.query(SignalContact).count() == 0
    assert check_deadlines(db.session, now=_now(), contact_retention_days=90).contacts_purged == 0
