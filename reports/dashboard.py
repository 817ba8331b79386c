"""Dashboard figures per role, scoped through signals.access, computed in the database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from reports import aggregation as agg
from reports import charts as chart_tools
from reports.letter import OUTCOME_LABELS, fmt_change
from reports.periods import Period
from signals import permissions
from signals.access import can_work_with_signals, organisation_codes, visible_signals
from signals.errors import N_, PermissionDenied
from signals.models import Signal, User, utcnow
from signals.vocabulary import STATUSES, THEMES

DASHBOARD_ROLES = permissions.DASHBOARD_ROLES


def countable_signals(user: User):
    """A SELECT of the signal ids ``user``'s dashboard may count.

    Signal roles count what ``visible_signals`` shows them; a liaison counts every signal,
    but only ever sees aggregates (DESIGN §1).
    """
    if permissions.sees_aggregates_only(user):
        return select(Signal.id)
    if can_work_with_signals(user):
        return visible_signals(user).with_only_columns(Signal.id)
    raise PermissionDenied(N_("Uw rol heeft geen dashboard."))


def countable_condition(user: User):
    """The WHERE clause on Signal of what ``user``'s dashboard may count; None for every signal.

    The same scope as ``countable_signals``, as a condition on the counted rows themselves: an
    ``id IN (SELECT id FROM signal …)`` would make the database collect every visible id first.
    """
    if permissions.sees_aggregates_only(user):
        return None
    if can_work_with_signals(user):
        return visible_signals(user).whereclause
    raise PermissionDenied(N_("Uw rol heeft geen dashboard."))


def summary_scope(user: User, filters: agg.Filters | None) -> str | None:
    """The ministry scope the summary tables count ``user``'s dashboard in ('' for every signal), or
    None when they cannot (an organisation's signals; a channel, regulation or theme filter; a
    ministry filter other than the user's own ministry scope).

    The same signals as ``countable_condition`` and ``filters``: a ministry's triage counts signals
    routed to it (lead or co-responsible), which is what the tables' ministry scope holds.
    """
    filters = filters or agg.Filters()
    if filters.channel or filters.regulation or filters.theme:
        return None
    if countable_condition(user) is None:
        own = ""
    elif permissions.sees_signals_of_ministry(user) and not permissions.sees_all_signals(user):
        own = user.organisation_code
    else:
        return None
    if filters.ministry and own and filters.ministry != own:
        return None
    return own or filters.ministry or ""


def dashboard_summary(session: Session, user: User, period: Period, filters: agg.Filters | None) -> agg.Summary | None:
    """The Summary the summary tables count ``user``'s dashboard over ``period`` in, or None when they
    cannot (a channel, regulation, theme or - for an organisation - any ministry filter; a period of
    other than whole months).

    A ministry scope as ``summary_scope``; a frontline user counts the signals its organisation and
    its offices logged (``countable_condition``: signals.access.organisation_scope).
    """
    if permissions.sees_signals_of_organisation(user) and not permissions.sees_all_signals(user):
        countable_condition(user)  # PermissionDenied if the role has no dashboard
        filters = filters or agg.Filters()
        if filters.channel or filters.regulation or filters.theme or filters.ministry:
            return None
        return agg.summary_for(period, "", tuple(organisation_codes(session, user.organisation_code)))
    return agg.summary_for(period, summary_scope(user, filters))


def _table(title, columns, rows):
    return {"title": title, "columns": [{"key": k, "label": label} for k, label in columns], "rows": rows}


def build_dashboard(
    session: Session, user: User, period: Period, filters: agg.Filters | None = None, now: dt.datetime | None = None
) -> dict:
    """Key figures, tables and charts for ``user``'s dashboard over ``period`` with ``filters``."""
    now = now or utcnow()
    scope = countable_condition(user)
    scoped = [scope] if scope is not None else []
    # the signals counted, whatever the period (the period's conditions come on top)
    in_scope = agg.signal_conditions(filters=filters) + scoped
    # the period and a ministry or organisation scope alone: the summary tables answer (signals/tallies.py),
    # the same figures
    scope_code = summary_scope(user, filters)
    summary = dashboard_summary(session, user, period, filters)
    counted = agg.dashboard_figures(session, period, in_scope, now, summary=summary)
    figures, previous_figures = counted.figures, counted.previous_figures
    tables: dict[str, dict] = {}

    # the backlog now: open signals whatever the period, judged now - every count links to its signals
    if summary is not None and summary.organisations:
        backlog = agg.backlog_from_rollup(session, summary.scope, summary.organisations, in_scope, now)
    else:
        backlog = agg.backlog(session, in_scope, now, routed_to=scope_code)
    tables["backlog_now"] = _table(
        N_("Achterstand nu: open, te laat en ruim te laat per ministerie (los van de periode)"),
        [("ministry", N_("Ministerie")), ("open", N_("Open")), ("late", N_("Nu te laat")), ("very_late", N_("Nu ruim te laat"))],
        [[r.ministry, int(r.open), int(r.late), int(r.very_late)] for r in backlog.itertuples(index=False)],
    )
    if permissions.may_work_with_signals(user):
        tables["backlog_now"]["links"] = [
            {
                "open": {"ministry": r.ministry, "backlog": 1},
                "late": {"ministry": r.ministry, "backlog": 1, "deadline": "late"},
                "very_late": {"ministry": r.ministry, "backlog": 1, "deadline": "very_late"},
            }
            for r in backlog.itertuples(index=False)
        ]
    # the period's record: signals received in the period
    punctual = counted.punctuality
    tables["per_ministry"] = _table(
        N_("Ontvangen in de periode: open en te laat per ministerie (eerstverantwoordelijk)"),
        [
            ("ministry", N_("Ministerie")),
            ("count", N_("Signalen")),
            ("open", N_("Open")),
            ("open_late", N_("Open en over de termijn")),
            ("late", N_("Te laat (totaal)")),
            ("pct_on_time", N_("% op tijd")),
        ],
        [
            [r.ministry, int(r.count), int(r.open), int(r.open_late), int(r.late), r.pct_on_time]
            for r in punctual.itertuples(index=False)
        ],
    )
    tables["punctuality"] = _table(
        N_("Tijdigheid per ministerie"),
        [("ministry", N_("Ministerie")), ("count", N_("Signalen")), ("with_deadline", N_("Met termijn")), ("on_time", N_("Op tijd")), ("late", N_("Te laat")), ("pct_on_time", N_("% op tijd"))],
        [[r.ministry, int(r.count), int(r.with_deadline), int(r.on_time), int(r.late), r.pct_on_time] for r in punctual.itertuples(index=False)],
    )  # fmt: skip
    channels = counted.per_channel
    tables["per_channel"] = _table(
        N_("Instroom per kanaal"),
        [("channel", N_("Kanaal")), ("count", N_("Signalen")), ("open", N_("Open"))],
        [[c, int(n), int(o)] for c, n, o in channels.itertuples(index=False)],
    )
    per_month = counted.per_month
    tables["per_month"] = _table(
        N_("Signalen per maand en per ministerie"),
        [("month", N_("Maand")), ("ministry", N_("Ministerie")), ("count", N_("Aantal"))],
        [[m, mi, int(c)] for m, mi, c in per_month.itertuples(index=False)],
    )
    outcomes, statuses = counted.outcomes, counted.statuses
    tables["status"] = _table(
        N_("Signalen per status"),
        [("status", N_("Status")), ("count", N_("Aantal"))],
        [
            [STATUSES.get(s, s), int(c)]
            for s, c in sorted(
                statuses.itertuples(index=False),
                key=lambda row: list(STATUSES).index(row[0]) if row[0] in STATUSES else 99,
            )
        ],
    )
    tables["outcomes"] = _table(
        N_("Wat er met de signalen gebeurde (uitkomst)"),
        [("outcome", N_("Uitkomst")), ("count", N_("Aantal"))],
        [[OUTCOME_LABELS.get(o, o), int(c)] for o, c in outcomes.itertuples(index=False)],
    )
    themes = counted.themes
    tables["themes"] = _table(
        N_("Signalen per thema"),
        [("theme", N_("Thema")), ("count", N_("Aantal signalen"))],
        [[THEMES[t], int(c)] for t, c in themes.itertuples(index=False)],
    )
    answer = counted.answer_time
    tables["answer_time"] = _table(
        N_("Doorlooptijd tot antwoord"),
        [("bucket", N_("Doorlooptijd")), ("count", N_("Aantal beantwoorde signalen"))],
        [[b, int(c)] for b, c in answer.itertuples(index=False)],
    )
    charts = [
        {
            "id": "per_month",
            "kind": "stacked_bar",
            "title": N_("Signalen per maand, per ministerie"),
            "table": "per_month",
        },
        {"id": "punctuality", "kind": "punctuality", "title": N_("Tijdigheid per ministerie"), "table": "punctuality"},
        {"id": "themes", "kind": "hbar", "title": N_("Signalen per thema"), "table": "themes"},
        {"id": "answer_time", "kind": "bar", "title": N_("Doorlooptijd tot antwoord"), "table": "answer_time"},
    ]
    key = [
        ("total", N_("Signalen in de periode")),
        ("open", N_("Nog open")),
        ("late", N_("Ontvangen in de periode en te laat")),
        ("answered", N_("Beantwoord")),
    ]
    if filters is not None and filters.ministry:
        keep_only_ministry(tables, filters.ministry)
    return {
        "period": period.code,
        "period_label": period.label,
        "previous_label": period.previous().label,
        "figures": [
            {
                "key": k,
                "label": label,
                "value": figures[k],
                "previous": previous_figures[k],
                "change": fmt_change(figures[k], previous_figures[k]),
            }
            for k, label in key
        ],
        "values": figures,
        "tables": tables,
        "charts": charts,
    }


#: tables with one row (or row group) per ministry, and the column that names it
MINISTRY_TABLES = {"per_ministry": "ministry", "punctuality": "ministry", "per_month": "ministry"}


def keep_only_ministry(tables: dict, code: str) -> None:
    """With a ministry chosen, per-ministry tables (and the charts drawn from them) show only its rows."""
    for table_id, column in MINISTRY_TABLES.items():
        table = tables.get(table_id)
        if table is None:
            continue
        index = [c["key"] for c in table["columns"]].index(column)
        table["rows"] = [row for row in table["rows"] if row[index] == code]


def chart_json(dashboard: dict, translate: Callable[[str], str] | None = None) -> dict[str, str]:
    """The dashboard's charts as plotly JSON for static/js/charts.js (no inline script; no title: the page's
    heading names the chart once)."""
    result = {}
    for c in dashboard["charts"]:
        spec = chart_tools.figure_spec(c, dashboard["tables"][c["table"]])
        if translate is not None:
            chart_tools.translate_spec(spec, translate)
        chart_tools.merge_layout(spec, {"title": None, "margin": {"t": 20}})
        result[c["id"]] = chart_tools.spec_json(spec)
    return result
