"""The bottleneck letter (knelpuntenbrief, DESIGN §7) as plain, JSON-serialisable data.

Renderers (reports/render_*.py) take this data; a published letter stores it unchanged.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import String, cast, func, or_, select, true
from sqlalchemy.orm import Session, selectinload

from reports import aggregation as agg
from reports.letterhead import count_phrase, dutch_date, letterhead_block, verb
from reports.periods import Period
from signals.deadlines import local_date
from signals.errors import N_
from signals.knelpunten import INSTRUMENTS, KNELPUNT_STATUSES
from signals.models import AuditEvent, Channel, Knelpunt, KnelpuntRegulation, Ministry, Signal, utcnow
from signals.privacy import mask_personal_data
from signals.vocabulary import OUTCOMES, STATUSES, THEMES

SCHEMA_VERSION = 1
ALL = "ALL"
#: the letter's data holds at most this many annex rows (what PDF and DOCX print); CSV and XLSX
#: stream the whole annex from the database (reports/export.py), so no letter carries it in memory
ANNEX_EXTRACT = 1000
ANNEX_TITLE = "Bijlage: overzicht van de signalen"
ANNEX_COLUMNS = [
    ("reference", "Kenmerk"),
    ("date", "Datum"),
    ("channel", "Kanaal"),
    ("ministry", "Ministerie"),
    ("regulation", "Regeling"),
    ("status", "Status"),
    ("outcome", "Uitkomst"),
    ("title", "Titel (zonder persoonsgegevens)"),
]

#: the groups of DESIGN §7 for earlier knelpunten, in the letter's order
FOLLOW_UP_GROUPS = (
    ("addressed", N_("Opgelost"), ("addressed",)),
    ("solution_underway", N_("Oplossing in gang gezet"), ("solution_underway",)),
    ("in_study", N_("In onderzoek"), ("in_study",)),
    ("no_solution", N_("(Nog) geen oplossing"), ("open", "rejected")),
)
FINAL_KNELPUNT_STATUSES = ("addressed", "rejected")

OUTCOME_LABELS = {**OUTCOMES, "none": agg.NO_OUTCOME}


def fmt_int(value: int | None) -> str:
    """Dutch thousands separator: 12.345."""
    return "—" if value is None else f"{int(value):,}".replace(",", ".")


def fmt_num(value: float | None, digits: int = 1) -> str:
    """Dutch decimal comma: 12,5."""
    if value is None:
        return "—"
    return f"{value:,.{digits}f}".replace(",", "_").replace(".", ",").replace("_", ".")


def fmt_change(current: float | None, previous: float | None) -> str:
    """Change against the previous period, e.g. '+12 (+8,5%)'."""
    if current is None or previous is None:
        return "—"
    diff = current - previous
    sign = "+" if diff > 0 else ("−" if diff < 0 else "±")
    text = f"{sign}{fmt_num(abs(diff), 0 if float(diff).is_integer() else 1)}"
    if previous:
        text += f" ({sign}{fmt_num(abs(100.0 * diff / previous))}%)"
    return text


def fmt_date(value: dt.datetime | dt.date | None) -> str:
    """ISO date (yyyy-mm-dd), unambiguous in every format; a moment counts on its Dutch calendar day."""
    if value is None:
        return ""
    return local_date(value).isoformat() if isinstance(value, dt.datetime) else value.isoformat()


def _table(title: str, columns: list[tuple[str, str]], rows: list[list]) -> dict:
    return {"title": title, "columns": [{"key": k, "label": label} for k, label in columns], "rows": rows}


def knelpunt_scope_condition(ministry: str | None):
    """Knelpunten of ``ministry`` as responsible or co-responsible ministry; all when None."""
    if not ministry:
        return true()
    return or_(Knelpunt.ministry_code == ministry, agg.padded(Knelpunt.co_ministry_codes).like(f"% {ministry} %"))


def build_bottleneck_letter(
    session: Session,
    period: Period,
    ministry: str | None = None,
    now: dt.datetime | None = None,
    letterhead: dict | None = None,
) -> dict:
    """The whole letter for ``period`` and ``ministry`` (None: all ministries) as a JSON-ready dict.

    ``letterhead`` (reports.letterhead.letterhead_from_config) names sender, addressee and signatory.
    """
    now = now or utcnow()
    names = dict(session.execute(select(Ministry.code, Ministry.name)).all())
    channel_names = dict(session.execute(select(Channel.code, Channel.name)).all())
    scope_code = ministry or ALL
    scope_name = names.get(ministry, ministry) if ministry else "alle ministeries"
    previous = period.previous()

    conditions = agg.signal_conditions(period, ministry)
    previous_conditions = agg.signal_conditions(previous, ministry)
    # the period and scope alone: the summary tables answer (signals/tallies.py), the same figures
    tallied = agg.summary_for(period, ministry or "")
    figures = agg.key_figures(session, conditions, now, summary=tallied)
    previous_figures = agg.key_figures(session, previous_conditions, now, summary=agg.summary_for(previous, ministry or ""))

    new_knelpunten = _knelpunten(
        session, ministry, names, channel_names, created_from=period.start, created_to=period.end
    )
    previous_new = session.scalar(
        select(func.count(Knelpunt.id)).where(
            knelpunt_scope_condition(ministry),
            Knelpunt.created_at >= previous.start,
            Knelpunt.created_at < previous.end,
        )
    )
    follow_up = _follow_up(session, period, ministry, names, channel_names, now)

    tables: dict[str, dict] = {}
    summary = _summary(period, previous, figures, previous_figures, len(new_knelpunten), int(previous_new or 0), tables)
    outcomes = agg.outcome_counts(session, conditions, summary=tallied)
    tables["outcomes"] = _table(
        "Signalen per uitkomst",
        [("outcome", "Uitkomst"), ("count", "Aantal")],
        [[OUTCOMES.get(o, o), int(c)] for o, c in outcomes.itertuples(index=False)],
    )
    charts = _chart_tables(session, conditions, now, names, channel_names, tables, tallied)
    themes = agg.theme_counts(session, conditions, summary=tallied)
    tables["themes"] = _table(
        "Rode draden: signalen per thema",
        [("theme", "Thema"), ("count", "Aantal signalen")],
        [[THEMES[code], int(count)] for code, count in themes.itertuples(index=False)],
    )
    charts.insert(3, {"id": "themes", "kind": "hbar", "title": "Signalen per thema (rode draden)", "table": "themes"})
    tables["new_knelpunten"] = _knelpunt_table("Nieuwe knelpunten", new_knelpunten)
    tables["follow_up"] = _knelpunt_table(
        "Stand van zaken eerder gemelde knelpunten",
        [k for group in follow_up for k in group["items"]],
        with_changes=True,
    )
    # the annex lists the signals the key figures count: its total is theirs (no second count)
    tables["annex"] = _annex(session, conditions, channel_names, limit=ANNEX_EXTRACT, total=figures["total"])

    title = f"Knelpuntenbrief {period.label} – {scope_name if ministry else 'alle ministeries'}"
    return {
        "schema": SCHEMA_VERSION,
        "language": "nl",
        "title": title,
        "period": _period_json(period),
        "previous_period": _period_json(previous),
        "scope": {"code": scope_code, "name": scope_name},
        "generated_at": now.isoformat(timespec="seconds"),
        "sending": letterhead_block(letterhead, period, scope_code, scope_name, now),
        "aanleiding": _aanleiding(period, scope_name, ministry),
        "summary": summary,
        "new_knelpunten": new_knelpunten,
        "follow_up": follow_up,
        "themes": _themes_text(themes, figures["total"]),
        "charts": charts,
        "tables": tables,
    }


def _period_json(period: Period) -> dict:
    return {
        "code": period.code,
        "label": period.label,
        "span": period.span_label,
        "start": period.start.date().isoformat(),
        "end": (period.end - dt.timedelta(days=1)).date().isoformat(),
    }


def _aanleiding(period: Period, scope_name: str, ministry: str | None) -> list[str]:
    scope = f"het ministerie van {scope_name.removeprefix('Ministerie van ')}" if ministry else "alle ministeries"
    return [
        "Medewerkers in de frontlijn – bij uitvoeringsorganisaties, gemeenten en loketten – zien elke dag waar "
        "regels onbedoeld hard uitpakken voor mensen. Zij melden dat als signaal in Knelpunt. Het ministerie dat "
        "verantwoordelijk is voor de regel beoordeelt elk signaal en laat de frontlijn weten wat ermee gebeurt.",
        f"Met deze brief informeer ik uw Kamer over de signalen en knelpunten van de periode {period.span_label} "
        f"({period.label}) voor {scope}. De brief volgt de opzet van de knelpuntenbrieven van UWV en SVB: eerst de "
        "cijfers, dan de nieuwe knelpunten, daarna de stand van zaken van eerder gemelde knelpunten en de rode draden.",
        "De brief bevat geen persoonsgegevens. Titels van signalen zijn bij binnenkomst ontdaan van persoonsgegevens; "
        "de beschrijvingen van signalen staan niet in deze brief.",
    ]


def _summary(period, previous, figures, previous_figures, new_count, previous_new, tables) -> dict:
    rows_spec = [
        ("total", "Signalen ontvangen", figures["total"], previous_figures["total"]),
        ("answered", "Waarvan beantwoord", figures["answered"], previous_figures["answered"]),
        ("open", "Waarvan nog in behandeling", figures["open"], previous_figures["open"]),
        ("late", "Te laat beantwoord of over de termijn", figures["late"], previous_figures["late"]),
        ("people_affected", "Aantal geraakte mensen (opgave frontlijn)", figures["people_affected"], previous_figures["people_affected"]),
        ("avg_days_to_answer", "Gemiddelde doorlooptijd tot antwoord (dagen)", figures["avg_days_to_answer"], previous_figures["avg_days_to_answer"]),
        ("new_knelpunten", "Nieuwe knelpunten", new_count, previous_new),
    ]  # fmt: skip
    key_figures = [
        {"key": key, "label": label, "value": value, "previous": prev, "change": fmt_change(value, prev)}
        for key, label, value, prev in rows_spec
    ]
    tables["summary"] = _table(
        "Samenvatting in cijfers",
        [("figure", "Kengetal"), ("value", period.label), ("previous", previous.label), ("change", "Verandering")],
        [[f["label"], f["value"], f["previous"], f["change"]] for f in key_figures],
    )
    total = figures["total"]
    previous_total = previous_figures["total"]
    paragraphs = [
        f"In de periode {period.span_label} {verb(total, 'kwam', 'kwamen')} {count_phrase(total, 'signaal', 'signalen')} "
        f"binnen; in de periode daarvoor ({previous.label}) {verb(previous_total, 'was', 'waren')} dat er "
        f"{fmt_int(previous_total)}, een verandering van {fmt_change(total, previous_total)}.",
    ]
    if total:
        paragraphs.append(
            f"Van deze signalen {verb(figures['answered'], 'is er', 'zijn er')} {fmt_int(figures['answered'])} beantwoord "
            f"en {fmt_int(figures['closed'])} afgesloten; {fmt_int(figures['open'])} "
            f"{verb(figures['open'], 'is', 'zijn')} nog in behandeling. "
            + (
                f"Een antwoord kwam gemiddeld na {fmt_num(figures['avg_days_to_answer'])} dagen; "
                f"{fmt_int(figures['answered_within_13_weeks'])} van de "
                f"{count_phrase(figures['answered'], 'antwoord', 'antwoorden')} "
                f"{verb(figures['answered_within_13_weeks'], 'kwam', 'kwamen')} binnen 13 weken."
                if figures["answered"]
                else "Er zijn nog geen antwoorden gegeven."
            )
        )
        if figures["with_deadline"]:
            paragraphs.append(
                f"Van de {count_phrase(figures['with_deadline'], 'signaal', 'signalen')} met een termijn "
                f"{verb(figures['late'], 'is er', 'zijn er')} {fmt_int(figures['late'])} te laat beantwoord of "
                f"{verb(figures['late'], 'staat het', 'staan ze')} nog open terwijl de termijn voorbij is."
            )
    paragraphs.append(
        f"In deze periode {verb(new_count, 'is', 'zijn')} "
        f"{count_phrase(new_count, 'nieuw knelpunt', 'nieuwe knelpunten')} vastgesteld."
    )
    return {"figures": key_figures, "paragraphs": paragraphs, "values": figures, "previous_values": previous_figures}


def _chart_tables(session, conditions, now, names, channel_names, tables, summary=None) -> list[dict]:
    """The data behind every chart, as tables; returns the chart list (``summary``: the conditions
    are just that period and scope, so the summary tables answer)."""
    per_month = agg.per_month_by_ministry(session, conditions, summary=summary)
    tables["per_month"] = _table(
        "Signalen per maand en per ministerie (eerstverantwoordelijk)",
        [("month", "Maand"), ("ministry", "Ministerie"), ("count", "Aantal")],
        [[m, ministry, int(c)] for m, ministry, c in per_month.itertuples(index=False)],
    )
    flow = agg.flow(session, conditions, summary=summary)
    tables["flow"] = _table(
        "Van kanaal via ministerie naar uitkomst",
        [("channel", "Kanaal"), ("ministry", "Ministerie"), ("outcome", "Uitkomst"), ("count", "Aantal")],
        [[ch, mi, OUTCOME_LABELS.get(o, o), int(c)] for ch, mi, o, c in flow.itertuples(index=False)],
    )
    answer = agg.answer_time(session, conditions, summary=summary)
    tables["answer_time"] = _table(
        "Doorlooptijd tot antwoord",
        [("bucket", "Doorlooptijd"), ("count", "Aantal beantwoorde signalen")],
        [[b, int(c)] for b, c in answer.itertuples(index=False)],
    )
    regulations = agg.top_regulations(session, conditions, summary=summary)
    tables["top_regulations"] = _table(
        "Meest genoemde regelingen",
        [("regulation", "Regeling"), ("code", "BWB-id"), ("ministry", "Ministerie"), ("count", "Aantal signalen")],
        [
            [(abbr or title), code, ministry, int(c)]
            for code, title, abbr, ministry, c in regulations.itertuples(index=False)
        ],
    )
    punctual = agg.punctuality(session, conditions, now, summary=summary)
    tables["punctuality"] = _table(
        "Tijdigheid per ministerie (eerstverantwoordelijk)",
        [
            ("ministry", "Ministerie"),
            ("count", "Signalen"),
            ("with_deadline", "Met termijn"),
            ("on_time", "Op tijd"),
            ("late", "Te laat"),
            ("pct_on_time", "% op tijd"),
        ],
        [
            [r.ministry, int(r.count), int(r.with_deadline), int(r.on_time), int(r.late), r.pct_on_time]
            for r in punctual.itertuples(index=False)
        ],
    )
    return [
        {"id": "per_month", "kind": "stacked_bar", "title": "Signalen per maand, per ministerie", "table": "per_month"},
        {"id": "flow", "kind": "sankey", "title": "Van kanaal via ministerie naar uitkomst", "table": "flow"},
        {"id": "answer_time", "kind": "bar", "title": "Doorlooptijd tot antwoord", "table": "answer_time"},
        {"id": "top_regulations", "kind": "hbar", "title": "Meest genoemde regelingen", "table": "top_regulations"},
        {"id": "punctuality", "kind": "punctuality", "title": "Tijdigheid per ministerie", "table": "punctuality"},
    ]


def _themes_text(themes, total: int) -> list[str]:
    ranked = [(THEMES[code], int(count)) for code, count in themes.itertuples(index=False) if count]
    ranked.sort(key=lambda item: -item[1])
    if not ranked:
        return ["In deze periode zijn bij de signalen geen thema's aangegeven."]
    top = ", ".join(f"{label.lower()} ({fmt_int(count)})" for label, count in ranked[:3])
    return [
        "De frontlijn geeft bij een signaal aan welke rode draden uit de hardheden-inventarisatie van 2022 erin "
        "terugkomen; een signaal kan bij meer dan één thema horen.",
        f"Het vaakst genoemd werden: {top}.",
    ]


def _linked_signal_stats(session: Session, ids: list[int]) -> tuple[dict, dict]:
    """Per knelpunt: (signals, people affected) and its channels with counts, computed in the database."""
    if not ids:
        return {}, {}
    totals = {
        kid: (int(n), int(p or 0))
        for kid, n, p in session.execute(
            select(Signal.knelpunt_id, func.count(Signal.id), func.sum(Signal.people_affected))
            .where(Signal.knelpunt_id.in_(ids))
            .group_by(Signal.knelpunt_id)
        )
    }
    channels: dict[int, list] = {}
    for kid, channel, n in session.execute(
        select(Signal.knelpunt_id, Signal.channel_code, func.count(Signal.id))
        .where(Signal.knelpunt_id.in_(ids))
        .group_by(Signal.knelpunt_id, Signal.channel_code)
        .order_by(Signal.knelpunt_id, func.count(Signal.id).desc(), Signal.channel_code)
    ):
        channels.setdefault(kid, []).append([channel, int(n)])
    return totals, channels


def _knelpunten(session, ministry, names, channel_names, created_from=None, created_to=None, extra=None) -> list[dict]:
    stmt = (
        select(Knelpunt)
        .where(knelpunt_scope_condition(ministry))
        .options(selectinload(Knelpunt.regulation_links).selectinload(KnelpuntRegulation.regulation))
        .order_by(Knelpunt.created_at, Knelpunt.id)
    )
    if created_from is not None:
        stmt = stmt.where(Knelpunt.created_at >= created_from)
    if created_to is not None:
        stmt = stmt.where(Knelpunt.created_at < created_to)
    if extra is not None:
        stmt = stmt.where(extra)
    knelpunten = session.scalars(stmt).all()
    totals, channels = _linked_signal_stats(session, [k.id for k in knelpunten])
    result = []
    for k in knelpunten:
        signals, people = totals.get(k.id, (0, 0))
        result.append(
            {
                "id": k.id,
                "reference": k.reference or f"KNP-{k.id}",
                "title": k.title,
                "created_at": fmt_date(k.created_at),
                "regulations": [
                    {
                        "code": link.regulation.code,
                        "title": link.regulation.title,
                        "abbreviation": link.regulation.abbreviation,
                        "article": link.article,
                    }
                    for link in k.regulation_links
                ],
                "problem": k.problem,
                "consequences": k.consequences,
                "signals": signals,
                "people_affected": people,
                "channels": [
                    {"code": code, "name": channel_names.get(code, code), "count": n}
                    for code, n in channels.get(k.id, [])
                ],
                "solution_direction": k.solution_direction,
                "instrument": k.instrument,
                "instrument_label": INSTRUMENTS.get(k.instrument or "", k.instrument or ""),
                "ministry": k.ministry_code,
                "ministry_name": names.get(k.ministry_code, k.ministry_code),
                "co_ministries": k.co_ministries,
                "status": k.status,
                "status_label": KNELPUNT_STATUSES.get(k.status, k.status),
                "status_reason": k.status_reason,
            }
        )
    return result


def _follow_up(session, period: Period, ministry, names, channel_names, now) -> list[dict]:
    """Knelpunten from before the period that were still open at its end or changed within it.

    A letter reports its own period: changes after the period's end are left out, and each
    knelpunt is grouped by its status at the end of the period (or now, for the running period).
    """
    period_end = min(period.end, now) if now >= period.start else period.end
    knelpunt_events = select(AuditEvent.entity_id).where(AuditEvent.entity_type == "knelpunt")
    changed_in_period = knelpunt_events.where(AuditEvent.created_at >= period.start, AuditEvent.created_at < period_end)
    changed_after = knelpunt_events.where(AuditEvent.created_at >= period_end)
    candidates = or_(
        Knelpunt.status.not_in(FINAL_KNELPUNT_STATUSES),
        cast(Knelpunt.id, String).in_(changed_in_period),
        cast(Knelpunt.id, String).in_(changed_after),
    )
    items = _knelpunten(session, ministry, names, channel_names, created_to=period.start, extra=candidates)
    changes: dict[str, list] = {}
    status_at_end: dict[str, str] = {}
    if items:
        for event in session.scalars(
            select(AuditEvent)
            .where(
                AuditEvent.entity_type == "knelpunt",
                AuditEvent.entity_id.in_([str(k["id"]) for k in items]),
                AuditEvent.created_at < period_end,
            )
            .order_by(AuditEvent.created_at, AuditEvent.id)
        ):
            if event.to_state:
                status_at_end[event.entity_id] = event.to_state
            if as_aware(event.created_at) < period.start:
                continue
            changes.setdefault(event.entity_id, []).append(
                {
                    "date": fmt_date(event.created_at),
                    "from": KNELPUNT_STATUSES.get(event.from_state or "", event.from_state or ""),
                    "to": KNELPUNT_STATUSES.get(event.to_state or "", event.to_state or ""),
                    "note": event.note,
                }
            )
    groups = []
    for key, label, statuses in FOLLOW_UP_GROUPS:
        group_items = []
        for item in items:
            status = status_at_end.get(str(item["id"]), item["status"])
            if status in FINAL_KNELPUNT_STATUSES and not changes.get(str(item["id"])):
                continue  # settled before this period: reported in an earlier letter
            if status in statuses:
                group_items.append(
                    {
                        **item,
                        "status": status,
                        "status_label": KNELPUNT_STATUSES.get(status, status),
                        "changes": changes.get(str(item["id"]), []),
                    }
                )
        groups.append({"key": key, "label": label, "items": group_items})
    return groups


def as_aware(value: dt.datetime) -> dt.datetime:
    """SQLite hands back naive UTC datetimes; compare them as UTC."""
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _knelpunt_table(title: str, items: list[dict], with_changes: bool = False) -> dict:
    columns = [
        ("reference", "Kenmerk"),
        ("title", "Knelpunt"),
        ("regulation", "Regeling en artikel"),
        ("problem", "Wat gaat er mis"),
        ("consequences", "Gevolgen voor mensen"),
        ("signals", "Aantal signalen"),
        ("people_affected", "Geraakte mensen"),
        ("channels", "Kanalen"),
        ("solution_direction", "Oplossingsrichting"),
        ("instrument", "Instrument"),
        ("ministry", "Verantwoordelijk ministerie"),
        ("status", "Status"),
    ]
    if with_changes:
        columns.append(("changes", "Wat is er veranderd"))
    rows = []
    for k in items:
        row = [
            k["reference"],
            k["title"],
            regulations_text(k),
            k["problem"],
            k["consequences"],
            k["signals"],
            k["people_affected"],
            ", ".join(f"{c['code']} ({c['count']})" for c in k["channels"]),
            k["solution_direction"],
            k["instrument_label"],
            " ".join([k["ministry"], *(f"(mede: {c})" for c in k["co_ministries"])]),
            k["status_label"],
        ]
        if with_changes:
            row.append(changes_text(k.get("changes", [])))
        rows.append(row)
    return _table(title, columns, rows)


def regulations_text(knelpunt: dict) -> str:
    """'Participatiewet, art. 34 lid 2; …'."""
    parts = []
    for r in knelpunt["regulations"]:
        name = r["title"] + (f" ({r['abbreviation']})" if r["abbreviation"] else "")
        parts.append(f"{name}, {r['article']}" if r["article"] else name)
    return "; ".join(parts) or "—"


def changes_text(changes: list[dict]) -> str:
    """'1 augustus 2026: In onderzoek → Oplossing in gang gezet (note)'."""
    lines = []
    for c in changes:
        step = f"{c['from']} → {c['to']}" if c["from"] or c["to"] else "bijgewerkt"
        lines.append(f"{dutch_date(c['date'])}: {step}" + (f" ({c['note']})" if c["note"] else ""))
    return "; ".join(lines) or "Geen wijziging in deze periode."


def _masked_title(title: str | None) -> str:
    """The title through the privacy guard again (defence in depth; intake masked it already).

    Every kind of personal data the guard knows holds a digit or an @, so other titles skip the scan.
    """
    title = title or ""
    if "@" in title or any(character.isdigit() for character in title):
        return mask_personal_data(title).text
    return title


def annex_row(reference, created_at, channel, ministry, regulation, status, outcome, title) -> list:
    """One annex row as the letter shows it (labels, ISO date, masked title)."""
    return [
        reference,
        fmt_date(created_at),
        channel,
        ministry or agg.NO_MINISTRY,
        regulation or "",
        STATUSES.get(status, status),
        OUTCOMES.get(outcome, "") if outcome else "",
        _masked_title(title),
    ]


def iter_annex(session: Session, conditions: list, limit: int | None = None):
    """The annex rows, streamed from the database (constant memory), oldest first."""
    for row in agg.annex_rows(session, conditions, limit=limit):
        yield annex_row(*row)


def annex_conditions(period: Period, ministry: str | None) -> list:
    """Which signals the annex of a letter lists."""
    return agg.signal_conditions(period, ministry)


def _annex(
    session: Session, conditions: list, channel_names: dict, limit: int | None = ANNEX_EXTRACT, total: int | None = None
) -> dict:
    """The annex as a capped extract: ``rows`` holds the first ``limit``, ``count`` how many there are
    in all (``total``, when the caller counted the same signals already)."""
    rows = list(iter_annex(session, conditions, limit=limit))
    if limit is None or len(rows) < limit:
        count = len(rows)
    else:
        count = total if total is not None else agg.count_signals(session, conditions)
    table = _table(ANNEX_TITLE, ANNEX_COLUMNS, rows)
    table["count"] = count
    table["complete"] = count == len(rows)
    return table
