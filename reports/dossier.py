"""The dossier of one regulation: every signal and knelpunt about one law, for an invoeringstoets or evaluation.

What it holds: the law (with its link on wetten.overheid.nl), key figures, the trend per month since
the first signal, outcomes, the rode draden it touches, its samenloop with other laws, the knelpunten
about it and — for roles that work with signals — the signals themselves.

Scope: signals are counted through ``reports.dashboard.countable_signals`` (``signals.access``): a
triage user counts their ministry's signals, frontline their organisation's; a liaison counts every
signal but gets aggregates only (no list of signals, DESIGN §1). Knelpunten go through
``visible_knelpunten``.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session, aliased

from reports import aggregation as agg
from reports.dashboard import countable_signals
from reports.letter import OUTCOME_LABELS
from reports.palette import ministry_colour
from signals.access import can_work_with_signals, visible_signals
from signals.errors import N_, NotFound
from signals.knelpunten import KNELPUNT_STATUSES, visible_knelpunten
from signals.models import (
    Knelpunt,
    KnelpuntRegulation,
    Ministry,
    Regulation,
    Signal,
    SignalMinistry,
    SignalRegulation,
    User,
)
from signals.reference import find_regulation
from signals.vocabulary import OPEN_STATUSES, STATUSES, THEMES

WETTEN_URL = "https://wetten.overheid.nl/{bwb_id}"
#: the dossier page lists at most this many signals; the export has all
SIGNAL_LIST_LIMIT = 200


def get_regulation_or_404(session: Session, key: str) -> Regulation:
    """The regulation by BWB id or code, else NotFound."""
    regulation = find_regulation(session, key)
    if regulation is None:
        raise NotFound(N_("Deze regeling kennen we niet."))
    return regulation


def _table(title, columns, rows):
    return {"title": title, "columns": [{"key": k, "label": label} for k, label in columns], "rows": rows}


def _about(regulation: Regulation):
    """Signals that name ``regulation`` (lead or otherwise)."""
    return Signal.id.in_(select(SignalRegulation.signal_id).where(SignalRegulation.regulation_id == regulation.id))


def build_dossier(session: Session, user: User, regulation: Regulation, now: dt.datetime | None = None) -> dict:
    """The whole dossier of ``regulation`` as ``user`` may see it, as JSON-ready data."""
    visible = countable_signals(user)
    conditions = [_about(regulation), Signal.id.in_(visible)]
    names = dict(session.execute(select(Ministry.code, Ministry.name)).all())
    figures = agg.key_figures(session, conditions, now)
    knelpunten = _knelpunten(session, user, regulation, names)
    tables = {
        "trend": _trend(session, conditions),
        "outcomes": _table(
            N_("Uitkomsten"),
            [("outcome", N_("Uitkomst")), ("count", N_("Signalen"))],
            [[OUTCOME_LABELS.get(o, o), int(c)] for o, c in agg.outcome_counts(session, conditions).itertuples(index=False)],
        ),
        "statuses": _table(
            N_("Signalen per status"),
            [("status", N_("Status")), ("count", N_("Signalen"))],
            [[STATUSES.get(s, s), int(c)] for s, c in agg.status_counts(session, conditions).itertuples(index=False)],
        ),
        "themes": _table(
            N_("Rode draden"),
            [("theme", N_("Thema")), ("count", N_("Signalen"))],
            [
                [THEMES[t], int(c)]
                for t, c in agg.theme_counts(session, conditions).itertuples(index=False)
                if int(c)
            ],
        ),
        "samenloop": _samenloop(session, regulation, visible, names),
        "per_ministry": _per_ministry(session, conditions, names),
    }
    bwb_id = regulation.bwb_id or (regulation.code if regulation.code.startswith("BWBR") else None)
    first_signal = session.scalar(select(func.min(Signal.created_at)).where(*conditions))
    dossier = {
        "regulation": {
            "code": regulation.code,
            "bwb_id": bwb_id,
            "title": regulation.title,
            "abbreviation": regulation.abbreviation,
            "ministry": regulation.ministry_code,
            "ministry_name": names.get(regulation.ministry_code, regulation.ministry_code),
            "ministry_colour": ministry_colour(regulation.ministry_code),
            "co_ministries": [{"code": c, "name": names.get(c, c)} for c in regulation.co_ministries],
            "executed_by": regulation.executed_by,
            "certainty": regulation.certainty,
            "url": WETTEN_URL.format(bwb_id=bwb_id) if bwb_id else None,
        },
        "figures": {
            "signals": int(figures["total"]),
            "open": int(figures["open"]),
            "answered": int(figures["answered"]),
            "late": int(figures["late"]),
            "people_affected": int(figures["people_affected"] or 0),
            "knelpunten": len(knelpunten),
            "first_signal": first_signal.date().isoformat() if first_signal else None,
        },
        "knelpunten": knelpunten,
        "tables": tables,
        "signals": None,
    }
    if can_work_with_signals(user):
        dossier["signals"] = list_dossier_signals(session, user, regulation, limit=SIGNAL_LIST_LIMIT)
    return dossier


def _trend(session: Session, conditions: list) -> dict:
    """Signals per month from the first signal about the law up to the last, months without signals included."""
    month = agg.month_of(session, Signal.created_at).label("month")
    found = dict(session.execute(select(month, func.count(Signal.id)).where(*conditions).group_by(month)).all())
    rows = []
    if found:
        year, number = (int(part) for part in min(found).split("-"))
        last = max(found)
        while True:
            key = f"{year}-{number:02d}"
            rows.append([key, int(found.get(key, 0))])
            if key >= last:
                break
            number += 1
            if number == 13:
                year, number = year + 1, 1
    return _table(N_("Signalen per maand sinds het eerste signaal"), [("month", N_("Maand")), ("count", N_("Signalen"))], rows)


def _samenloop(session: Session, regulation: Regulation, visible, names: dict) -> dict:
    """Other regulations named on the same signals: where rules together cause the harm."""
    mine = aliased(SignalRegulation)
    other = aliased(SignalRegulation)
    count = func.count(func.distinct(other.signal_id))
    rows = session.execute(
        select(Regulation.code, Regulation.title, Regulation.abbreviation, Regulation.ministry_code, count)
        .select_from(mine)
        .join(other, and_(other.signal_id == mine.signal_id, other.regulation_id != mine.regulation_id))
        .join(Regulation, Regulation.id == other.regulation_id)
        .where(mine.regulation_id == regulation.id, mine.signal_id.in_(visible))
        .group_by(Regulation.code, Regulation.title, Regulation.abbreviation, Regulation.ministry_code)
        .order_by(count.desc(), Regulation.title)
    ).all()
    return _table(
        N_("Samenloop met andere regelingen"),
        [("regulation", N_("Regeling")), ("code", N_("BWB-id")), ("ministry", N_("Ministerie")), ("count", N_("Gedeelde signalen"))],
        [
            [f"{title} ({abbr})" if abbr and abbr != title else title, code, names.get(ministry, ministry), int(n)]
            for code, title, abbr, ministry, n in rows
        ],
    )


def _per_ministry(session: Session, conditions: list, names: dict) -> dict:
    frame = agg.punctuality(session, conditions)
    return _table(
        N_("Per eerstverantwoordelijk ministerie"),
        [("ministry", N_("Ministerie")), ("count", N_("Signalen")), ("open", N_("Open")), ("open_late", N_("Open en over de termijn"))],
        [[names.get(r.ministry, r.ministry), int(r.count), int(r.open), int(r.open_late)] for r in frame.itertuples(index=False)],
    )


def _knelpunten(session: Session, user: User, regulation: Regulation, names: dict) -> list[dict]:
    about = select(KnelpuntRegulation.knelpunt_id).where(KnelpuntRegulation.regulation_id == regulation.id)
    rows = session.scalars(
        visible_knelpunten(user).where(Knelpunt.id.in_(about)).order_by(Knelpunt.created_at.desc(), Knelpunt.id.desc())
    ).all()
    articles = dict(
        session.execute(
            select(KnelpuntRegulation.knelpunt_id, KnelpuntRegulation.article).where(
                KnelpuntRegulation.regulation_id == regulation.id
            )
        ).all()
    )
    return [
        {
            "id": k.id,
            "reference": k.reference,
            "title": k.title,
            "status": k.status,
            "status_label": KNELPUNT_STATUSES.get(k.status, k.status),
            "ministry": k.ministry_code,
            "ministry_name": names.get(k.ministry_code, k.ministry_code),
            "article": articles.get(k.id, ""),
            "created_at": k.created_at.date().isoformat(),
        }
        for k in rows
    ]


def list_dossier_signals(session: Session, user: User, regulation: Regulation, limit: int | None = None) -> list[dict]:
    """The signals about ``regulation`` that ``user`` may see (never for a liaison), newest first."""
    if not can_work_with_signals(user):
        return []
    lead_ministry = aliased(SignalMinistry)
    stmt = (
        select(
            Signal.id,
            Signal.reference,
            Signal.created_at,
            Signal.title,
            Signal.status,
            Signal.outcome,
            Signal.channel_code,
            lead_ministry.ministry_code,
        )
        .outerjoin(lead_ministry, and_(lead_ministry.signal_id == Signal.id, lead_ministry.is_lead.is_(True)))
        .where(Signal.id.in_(visible_signals(user).with_only_columns(Signal.id)), _about(regulation))
        .order_by(Signal.created_at.desc(), Signal.id.desc())
    )
    if limit:
        stmt = stmt.limit(limit)
    return [
        {
            "id": sid,
            "reference": reference,
            "created_at": created.date().isoformat(),
            "title": title,
            "status": status,
            "status_label": STATUSES.get(status, status),
            "outcome": outcome,
            "is_open": status in OPEN_STATUSES,
            "channel": channel,
            "ministry": ministry,
        }
        for sid, reference, created, title, status, outcome, channel, ministry in session.execute(stmt)
    ]


def signals_table(signals: list[dict]) -> dict:
    """The signal list as an export table."""
    return _table(
        N_("Signalen over deze regeling"),
        [
            ("reference", N_("Kenmerk")),
            ("date", N_("Datum")),
            ("title", N_("Titel")),
            ("status", N_("Status")),
            ("outcome", N_("Uitkomst")),
            ("channel", N_("Kanaal")),
            ("ministry", N_("Ministerie")),
        ],
        [
            [s["reference"], s["created_at"], s["title"], s["status_label"], OUTCOME_LABELS.get(s["outcome"], "") if s["outcome"] else "", s["channel"], s["ministry"] or ""]
            for s in signals
        ],
    )


def knelpunten_table(knelpunten: list[dict]) -> dict:
    """The knelpunten about the law as an export table."""
    return _table(
        N_("Knelpunten over deze regeling"),
        [("reference", N_("Kenmerk")), ("title", N_("Titel")), ("article", N_("Artikel")), ("status", N_("Status")), ("ministry", N_("Ministerie")), ("date", N_("Vastgesteld"))],
        [[k["reference"], k["title"], k["article"], k["status_label"], k["ministry_name"], k["created_at"]] for k in knelpunten],
    )


def regulation_index(session: Session, user: User) -> list[dict]:
    """Every regulation with the number of signals ``user`` may count about it, most signals first."""
    visible = countable_signals(user)
    count = func.count(func.distinct(SignalRegulation.signal_id))
    counts = dict(
        session.execute(
            select(SignalRegulation.regulation_id, count)
            .where(SignalRegulation.signal_id.in_(visible))
            .group_by(SignalRegulation.regulation_id)
        ).all()
    )
    names = dict(session.execute(select(Ministry.code, Ministry.name)).all())
    rows = [
        {
            "code": r.code,
            "title": r.title,
            "abbreviation": r.abbreviation,
            "ministry": r.ministry_code,
            "ministry_name": names.get(r.ministry_code, r.ministry_code),
            "signals": int(counts.get(r.id, 0)),
        }
        for r in session.scalars(select(Regulation))
    ]
    rows.sort(key=lambda row: (-row["signals"], row["title"].lower()))
    return rows
