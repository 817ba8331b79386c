"""Mail after an API post: sent at once, marked sent a moment later by the worker, for many requests in one UPDATE."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from signals.models import Notification


@pytest.mark.committed  # the mark is written on a connection of its own, as a worker's thread writes it
def test_mail_of_posted_signals_goes_out_at_once_and_is_marked_sent_together(
    app, client, db, make_user, make_token, monkeypatch
):
    # Does each post's mail leave right after its commit, without a second write transaction in the
    # request, and does the worker then mark all of it sent, so deadlines check sends nothing twice?
    from app.mail import SentMarks

    marks = SentMarks(app, delay=3600)  # the thread would wait an hour: the test marks by hand
    monkeypatch.setitem(app.extensions, "knelpunt_sent_marks", marks)
    make_user("triage", "SZW")
    headers = {"Authorization": f"Bearer {make_token(make_user('frontline', 'GEM'))}"}
    outbox = app.extensions["knelpunt_mailer"].outbox
    before = len(outbox)
    for title in ("Gift van moeder", "Boodschappen terugbetalen"):
        body = {
            "channel": "GEM-BL",
            "title": title,
            "description": "Een cliënt in de bijstand moet alles terugbetalen.",
            "regulations": ["BWBR0015703"],
        }
        assert client.post("/api/v1/signals", json=body, headers=headers).status_code == 201
    assert len(outbox) == before + 2  # sent right after each commit
    mails = db.session.scalars(select(Notification).where(Notification.kind == "routed")).all()
    assert len(mails) == 2 and all(mail.sent_at is None for mail in mails)
    db.session.commit()
    assert marks.flush() == 2
    db.session.expire_all()
    assert all(
        mail.sent_at is not None
        for mail in db.session.scalars(select(Notification).where(Notification.kind == "routed"))
    )
    from signals.notifications import deliver_pending

    assert deliver_pending(db.session, app.extensions["knelpunt_mailer"]) == 0 and len(outbox) == before + 2
