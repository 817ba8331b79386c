"""The summary table agrees with a live count after every kind of change (issue 12: figures that agree everywhere)."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select, union_all

from signals import deadlines, tallies
from signals.importer import import_signals
from signals.models import Signal, SignalTally
from signals.workflow import transition_signal


def _live(db, tally=tallies.TALLIES[0]) -> Counter:
    """Each summary table's rows counted live from the signals (the same SELECTs as ``rebuild``)."""
    rows = union_all(*tally.rows(db.session.get_bind().dialect.name, None)).subquery()
    columns = [rows.c[name] for name in tally.key]
    sums = [func.sum(rows.c[name]) for name in tally.measures]
    return Counter(
        {tuple(row[: len(columns)]): tuple(int(v) for v in row[len(columns) :]) for row in db.session.execute(select(*columns, func.count(), *sums).group_by(*columns))}
    )


def _stored(db, tally=tallies.TALLIES[0]) -> Counter:
    columns = [tally.table.c[name] for name in tally.key]
    sums = [tally.table.c[name] for name in ("count", *tally.measures)]
    rows = db.session.execute(select(*columns, *sums))
    return Counter({tuple(row[: len(columns)]): tuple(int(v) for v in row[len(columns) :]) for row in rows if row[len(columns)]})


def _agree(db):
    """Every summary table equals its live count; the signal_tally figures (key -> count)."""
    db.session.flush()
    for tally in tallies.TALLIES:
        live, stored = _live(db, tally), _stored(db, tally)
        assert stored == live, (tally.table.name, set(live.items()) - set(stored.items()), set(stored.items()) - set(live.items()))
    return Counter({key: sums[0] for key, sums in _live(db).items()})


def test_tallies_equal_a_live_count_after_intake_routing_answering_merging_and_import(db, make_user, make_signal):
    coordinator = make_user("coordinator", "BZK")
    triage = make_user("triage", "SZW")
    unrouted = make_signal(regulations=[], status="received", title="Onduidelijk", description="Iets ging mis maar wat precies weet niemand.")
    routed = make_signal()
    answered = make_signal(status="answered")
    waiting = make_signal(status="needs_info")
    figures = _agree(db)
    assert sum(figures.values()) == 4

    transition_signal(db.session, unrouted, "routed", coordinator, ministry="SZW", note="Gaat over de Participatiewet.")
    _agree(db)
    transition_signal(db.session, routed, "in_progress", triage)
    transition_signal(db.session, routed, "answered", triage, outcome="further_study", response="We zoeken het uit.")
    _agree(db)
    transition_signal(db.session, unrouted, "merged", triage, target=answered, note="Zelfde geval.")
    transition_signal(db.session, waiting, "in_progress", waiting.submitter, note="Het was maart.")
    _agree(db)
    rerouted = make_signal()
    transition_signal(db.session, rerouted, "routed", coordinator, ministry="BZK", co_ministries=["SZW", "FIN"], note="Toch BZK.")
    db.session.commit()
    _agree(db)
    # what only the detail and topic tables count: themes, people affected, channel, regulations, co-ministries
    rerouted.themes = ["samenloop", "complex_rules"]
    rerouted.people_affected = 40
    db.session.flush()
    _agree(db)
    from signals.models import Regulation, SignalRegulation

    other = db.session.scalars(select(Regulation).where(Regulation.code != "BWBR0015703")).first()
    db.session.add(SignalRegulation(signal=rerouted, regulation_id=other.id, position=1))
    db.session.flush()
    _agree(db)
    db.session.delete(rerouted.regulation_links[0])
    transition_signal(db.session, rerouted, "routed", coordinator, ministry="SZW", note="Toch SZW.")
    db.session.commit()
    _agree(db)

    csv = "channel;title;description;regulations\n" + "".join(
        f"GEM-BL;Gift van familie {n} leidt tot terugvordering;Een cliënt moet de uitkering terugbetalen.;BWBR0015703\n"
        for n in range(3)
    )
    report = import_signals(db.session, make_user("frontline", "GEM"), csv, threshold=None)
    db.session.commit()
    assert len(report.imported) == 3
    figures = _agree(db)
    assert sum(figures.values()) == 8


def test_rebuild_gives_the_same_table(db, make_signal):
    make_signal()
    make_signal(status="closed")
    before = [_stored(db, tally) for tally in tallies.TALLIES]
    _agree(db)
    tallies.rebuild(db.session)
    assert [_stored(db, tally) for tally in tallies.TALLIES] == before


def test_figures_from_the_tallies_equal_the_live_figures_at_any_moment(db, make_user, make_signal):
    """Late now, late later: the summary-backed figures of the liaison and coordinator pages equal a live count."""
    import datetime as dt

    from reports import aggregation as agg
    from reports.periods import parse_period
    from signals.models import utcnow
    from signals.stats import _period_record_live, open_counts_per_ministry, period_record_per_ministry

    make_signal()
    make_signal(status="in_progress")
    make_signal(status="needs_info")
    make_signal(status="answered")
    make_signal(regulations=[], status="received", title="Onduidelijk", description="Iets ging mis maar wat precies weet niemand.")
    db.session.commit()
    period = parse_period(str(utcnow().year))

    def rows(frame):
        return sorted(frame.to_dict("records"), key=lambda record: record["ministry"])

    for days in (0, 20, 200, 2000):  # on time, late, very late
        now = utcnow() + dt.timedelta(days=days)
        assert rows(agg.punctuality_all(db.session, now)) == rows(agg.punctuality(db.session, [], now))
        in_period = agg.signal_conditions(period)
        assert rows(agg.punctuality(db.session, in_period, now, whole_period=period)) == rows(
            agg.punctuality(db.session, in_period, now)
        )
        per_month = agg.per_month_by_ministry(db.session, in_period, whole_period=period).to_dict("records")
        assert sorted(per_month, key=str) == sorted(agg.per_month_by_ministry(db.session, in_period).to_dict("records"), key=str)
        record = {(r.code, r.received, r.received_late, r.answered, r.answered_on_time) for r in period_record_per_ministry(db.session, period.start, period.end, now)}
        live_record = {row[0]: row[1:] for row in _period_record_live(db.session, period.start, period.end, now)}
        assert {r for r in record if any(r[1:])} == {(code, *map(int, v)) for code, v in live_record.items() if any(v)}
        counts = open_counts_per_ministry(db.session, now)
        szw = next(c for c in counts if c.code == "SZW")
        assert (szw.awaiting_acceptance, szw.in_progress, szw.needs_info) == (1, 1, 1)
        backlog = select(func.count()).select_from(Signal).where(Signal.status.in_(deadlines.BACKLOG_STATUSES))
        assert szw.late == db.session.scalar(backlog.where(deadlines.late_condition(now)))
        assert szw.very_late == db.session.scalar(backlog.where(deadlines.very_late_condition(now)))


def test_backlog_of_every_signal_from_the_tallies_equals_the_live_backlog(db, make_signal):
    import datetime as dt

    from reports import aggregation as agg
    from signals.models import utcnow

    make_signal()
    make_signal(status="in_progress")
    make_signal(status="needs_info")
    db.session.commit()
    for days in (0, 20, 2000):
        now = utcnow() + dt.timedelta(days=days)
        live = agg.backlog(db.session, [Signal.id > 0], now)  # any condition: counted live
        assert agg.backlog(db.session, [], now).to_dict("records") == live.to_dict("records")


def test_stats_rebuild_command_counts_every_signal_again(db, runner, make_signal):
    make_signal()
    make_signal(status="answered")
    before = _agree(db)
    db.session.execute(SignalTally.__table__.delete())  # as if rows had been written past the app
    db.session.commit()
    result = runner.invoke(args=["stats", "rebuild"])
    assert result.exit_code == 0 and "summary table rebuilt" in result.output
    assert Counter({key: sums[0] for key, sums in _stored(db).items()}) == before
    _agree(db)


def test_letter_and_dashboards_from_the_tallies_equal_the_live_figures(db, make_user, make_signal, monkeypatch):
    """The letter's and dashboards' figures read from the summary tables equal the live GROUP BYs,
    for every signal and per ministry scope (lead or co-responsible), now and later."""
    import datetime as dt

    from reports import aggregation as agg
    from reports import dashboard
    from reports.dashboard import build_dashboard
    from reports.letter import build_bottleneck_letter
    from reports.periods import parse_period
    from signals.models import utcnow

    coordinator = make_user("coordinator", "BZK")
    make_signal()
    make_signal(status="in_progress")
    make_signal(status="needs_info")
    answered = make_signal(status="answered")
    answered.themes = ["samenloop", "human_dimension"]
    answered.people_affected = 12
    closed = make_signal(status="closed")
    closed.themes = ["samenloop"]
    shared = make_signal(channel="GEM-BL")
    transition_signal(db.session, shared, "routed", coordinator, ministry="BZK", co_ministries=["SZW"], note="Samen.")
    make_signal(regulations=[], status="received", title="Onduidelijk", description="Iets ging mis maar wat precies weet niemand.")
    db.session.commit()
    _agree(db)
    year = utcnow().year
    users = [coordinator, make_user("liaison", "BZK"), make_user("triage", "SZW"), make_user("triage", "BZK")]
    for days in (0, 20, 200, 2000):
        now = utcnow() + dt.timedelta(days=days)
        for code in (str(year), f"{year}-Q{(utcnow().month - 1) // 3 + 1}", str(year + 1)):
            period = parse_period(code)
            from_tables = [build_bottleneck_letter(db.session, period, ministry, now=now) for ministry in (None, "SZW", "BZK", "FIN")]
            from_tables += [build_dashboard(db.session, user, period, now=now) for user in users]
            from_tables += [build_dashboard(db.session, users[0], period, agg.Filters(ministry="SZW"), now=now)]
            with monkeypatch.context() as patched:
                patched.setattr(agg, "summary_for", lambda *_args: None)
                patched.setattr(dashboard, "summary_scope", lambda *_args: None)  # the backlog too
                live = [build_bottleneck_letter(db.session, period, ministry, now=now) for ministry in (None, "SZW", "BZK", "FIN")]
                live += [build_dashboard(db.session, user, period, now=now) for user in users]
                live += [build_dashboard(db.session, users[0], period, agg.Filters(ministry="SZW"), now=now)]
            assert from_tables == live
    assert from_tables[0]["summary"]["values"]["total"] == 0  # next year: nothing yet


def test_very_late_now_counts_each_clock_once_when_deadlines_coincide(db, make_signal):
    """Two running clocks with the same deadline: one became very late days ago, the other today.

    The coordinator's overview reads the first from the summed days and judges today's one by one
    by its deadline; the one that was already summed shares that deadline and must not count again.
    """
    import datetime as dt

    from signals.models import utcnow
    from signals.stats import open_counts_per_ministry

    now = utcnow().replace(hour=12, minute=0, second=0, microsecond=0)
    due = now - dt.timedelta(days=3)  # very late once twice the allowed time has passed after the deadline
    earlier, today = make_signal(), make_signal()
    earlier.deadline_started_at, earlier.due_at = due - dt.timedelta(hours=24), due  # very late since yesterday 12:00
    today.deadline_started_at, today.due_at = due - dt.timedelta(hours=33), due  # very late since 06:00 today
    db.session.flush()
    assert deadlines.deadline_state(earlier, now) == deadlines.deadline_state(today, now) == "very_late"
    szw = next(c for c in open_counts_per_ministry(db.session, now) if c.code == "SZW")
    backlog = select(func.count()).select_from(Signal).where(Signal.status.in_(deadlines.BACKLOG_STATUSES))
    assert szw.very_late == db.session.scalar(backlog.where(deadlines.very_late_condition(now))) == 2


def test_dashboards_of_every_role_from_the_rollup_equal_the_live_figures(db, make_user, make_signal, monkeypatch):
    """Every role's dashboard read from signal_tally_rollup (ministry and organisation scopes, running
    clocks whose deadline falls in an earlier, the current or a later block) equals the live count,
    this period and the one before, now and 20, 200 and 2,000 days later."""
    import datetime as dt

    from reports import aggregation as agg
    from reports import dashboard
    from reports.dashboard import build_dashboard
    from reports.periods import parse_period
    from signals.models import utcnow

    coordinator = make_user("coordinator", "BZK")
    now = utcnow()
    signals = [make_signal(status=status) for status in ("routed", "in_progress", "in_progress", "needs_info", "answered", "closed")]
    signals.append(make_signal(org="UWV-ALKMAAR", channel="UWV-MW"))  # an office: its agency counts it too
    signals.append(make_signal(org="UWV", channel="UWV-KB", status="answered"))
    shared = make_signal(channel="GEM-BL")
    transition_signal(db.session, shared, "routed", coordinator, ministry="BZK", co_ministries=["SZW"], note="Samen.")
    make_signal(regulations=[], status="received", title="Onduidelijk", description="Iets ging mis maar wat precies weet niemand.")
    # running clocks due in an earlier block, in the current one before and after now, and in a later block
    _block, block_start = tallies.due_block_range(now)
    dues = [block_start - dt.timedelta(days=3), block_start + (now - block_start) / 2, now + dt.timedelta(hours=1), now + dt.timedelta(days=40)]
    for signal, due in zip(signals[:4], dues, strict=True):
        signal.deadline_started_at, signal.due_at = due - dt.timedelta(days=10), due
    # and clocks that become very late (twice the allowed day after their deadline) in the current block,
    # before and after now
    for very_late in (block_start + (now - block_start) / 2, now + dt.timedelta(hours=1)):
        signal = make_signal(status="in_progress")
        signal.due_at = very_late - dt.timedelta(days=2)
        signal.deadline_started_at = signal.due_at - dt.timedelta(days=1)
    signals[5].themes = ["samenloop"]
    signals[4].people_affected = 7
    last_year = make_signal(status="in_progress")
    last_year.created_at = now.replace(year=now.year - 1, month=6, day=1)
    db.session.commit()
    _agree(db)
    users = [
        coordinator, make_user("liaison", "BZK"), make_user("triage", "SZW"), make_user("triage", "BZK"),
        make_user("frontline", "GEM"), make_user("frontline", "UWV"), make_user("frontline", "UWV-ALKMAAR"),
        make_user("frontline", "SVB"),
    ]  # fmt: skip
    for days in (0, 20, 200, 2000):
        moment = now + dt.timedelta(days=days)
        for code in (str(now.year), f"{now.year}-Q{(now.month - 1) // 3 + 1}", str(now.year + 1)):
            period = parse_period(code)
            from_tables = [build_dashboard(db.session, user, period, now=moment) for user in users]
            with monkeypatch.context() as patched:
                patched.setattr(agg, "summary_for", lambda *_args: None)
                patched.setattr(dashboard, "summary_scope", lambda *_args: None)
                live = [build_dashboard(db.session, user, period, now=moment) for user in users]
            assert from_tables == live, (days, code)
    gem = build_dashboard(db.session, users[4], parse_period(str(now.year)), now=now)
    assert gem["values"]["total"] == 10 and gem["figures"][0]["previous"] == 1
    from signals.access import organisation_codes

    uwv_codes = organisation_codes(db.session, "UWV")  # with its offices, if the reference data has them
    uwv_signals = db.session.scalar(select(func.count()).select_from(Signal).where(Signal.organisation_code.in_(uwv_codes)))
    uwv = build_dashboard(db.session, users[5], parse_period(str(now.year)), now=now)
    assert uwv["values"]["total"] == uwv_signals >= 1
    # the frontline start page's counts per status: from the table, as counted live
    from signals.access import visible_signals
    from signals.stats import status_counts

    for user in users[4:]:
        visible = visible_signals(user).with_only_columns(Signal.status).subquery()
        live = dict(db.session.execute(select(visible.c.status, func.count()).group_by(visible.c.status)).all())
        assert {s: n for s, n in status_counts(db.session, user).items() if n} == live
    assert sum(status_counts(db.session, users[5]).values()) == uwv_signals
