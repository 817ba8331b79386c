"""Reference data: ministries, organisations, channels and regulations.

Loaded from the CSV files in ``signals/data`` (idempotent upsert, so a changed
file can be loaded again) and read through the ``get_``/``list_`` helpers here.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from signals.models import Channel, Ministry, Organisation, OrganisationOffice, Regulation, RegulationTerm

DATA_DIR = Path(__file__).parent / "data"


def _rows(name: str) -> list[dict[str, str]]:
    path = DATA_DIR / name
    if not path.exists():
        return []
    with path.open(newline="", encoding="utf-8") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


def _date(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def load_reference_data(session: Session, offices: bool = True) -> dict[str, int]:
    """Upsert all reference data from the CSV files; returns counts per kind.

    ``offices=False`` for the migrations that run before the office table exists (0019 adds it).
    """
    counts = {"ministries": 0, "organisations": 0, "channels": 0, "regulations": 0, "terms": 0, "offices": 0}
    ministry_rows = _rows("ministries.csv")
    for row in ministry_rows:
        ministry = session.get(Ministry, row["code"]) or Ministry(code=row["code"])
        ministry.name = row["name"]
        ministry.valid_from = _date(row["valid_from"])
        ministry.valid_until = _date(row["valid_until"])
        ministry.note = row["note"]
        ministry.certainty = row.get("certainty") or "confirmed"
        session.add(ministry)
        counts["ministries"] += 1
    session.flush()
    for row in ministry_rows:  # successors only once every ministry exists
        session.get(Ministry, row["code"]).successor_code = row["successor"] or None
        org = session.get(Organisation, row["code"]) or Organisation(code=row["code"])
        org.name, org.kind, org.is_ministry = row["name"], "ministerie", True
        org.owner_ministry_code = row["code"]
        session.add(org)
    for row in _rows("organisations.csv"):
        org = session.get(Organisation, row["code"]) or Organisation(code=row["code"])
        org.name, org.kind, org.main_tasks = row["name"], row["kind"], row["main_tasks"]
        org.owner_ministry_code = row["owner_ministry"] or None
        org.certainty = row["certainty"] or "confirmed"
        session.add(org)
        counts["organisations"] += 1
    counts["organisations"] += load_municipalities(session)
    session.flush()
    if offices:
        counts["offices"] = load_offices(session)
    for row in _rows("channels.csv"):
        channel = session.get(Channel, row["code"]) or Channel(code=row["code"])
        channel.name, channel.description = row["name"], row["description"]
        channel.organisation_code = row["organisation"] or None
        channel.certainty = row["certainty"] or "confirmed"
        session.add(channel)
        counts["channels"] += 1
    by_code = {r.code: r for r in session.scalars(select(Regulation))}
    for row in _rows("regulations.csv"):
        regulation = by_code.get(row["code"]) or Regulation(code=row["code"])
        regulation.bwb_id = row["bwb_id"] or None
        regulation.title = row["title"]
        regulation.abbreviation = row["abbreviation"]
        regulation.ministry_code = row["ministry"]
        regulation.co_ministry_codes = " ".join(row["co_ministries"].replace(",", " ").split())
        regulation.executed_by = row["executed_by"]
        regulation.certainty = row["id_certainty"] or "confirmed"
        regulation.note = row["note"]
        session.add(regulation)
        by_code[regulation.code] = regulation
        counts["regulations"] += 1
    session.flush()
    term_rows = _rows("regulation_terms.csv")
    if term_rows:
        existing = {(t.regulation_id, t.term, t.kind): t for t in session.scalars(select(RegulationTerm))}
        for row in term_rows:
            regulation = by_code.get(row["code"])
            if regulation is None or not row["term"]:
                continue
            key = (regulation.id, row["term"], row["kind"] or "alias")
            term = existing.get(key) or RegulationTerm(
                regulation_id=regulation.id, term=row["term"], kind=row["kind"] or "alias"
            )
            term.weight = float(row["weight"] or 1.0)
            session.add(term)
            existing[key] = term
            counts["terms"] += 1
    session.flush()
    return counts


def load_municipalities(session: Session) -> int:
    """Every municipality as an organisation, coded as CBS does (GM0363 = Amsterdam).

    Source: signals/data/gemeenten.csv, the CBS gemeentelijke indeling 2023 (342 gemeenten,
    unchanged on 1 January 2024 and 2025) as kept in minvws/nl-covid19-data-dashboard
    (packages/common/src/data/gm.ts, commit 5d711c75b), with CBS's official names.
    """
    count = 0
    for row in _rows("gemeenten.csv"):
        org = session.get(Organisation, row["code"]) or Organisation(code=row["code"])
        org.name = f"Gemeente {row['name']}"
        org.kind = "gemeente"
        org.owner_ministry_code = org.owner_ministry_code or "BZK"
        org.certainty = "confirmed"
        session.add(org)
        count += 1
    return count


def load_offices(session: Session) -> int:
    """Every agency office of signals/data/offices.csv as an organisation with its parent agency.

    The office inherits the agency's owner ministry; the sources are listed in SOURCES.md.
    Rows whose agency is unknown are skipped (an office never exists without its agency).
    """
    count = 0
    for row in _rows("offices.csv"):
        parent = session.get(Organisation, row["parent"])
        if parent is None:
            continue
        org = session.get(Organisation, row["code"]) or Organisation(code=row["code"])
        org.name, org.kind = row["name"], row["kind"] or "kantoor"
        org.owner_ministry_code = parent.owner_ministry_code
        org.main_tasks = org.main_tasks or ""
        org.certainty = row["certainty"] or "confirmed"
        session.add(org)
        session.flush()
        office = session.get(OrganisationOffice, row["code"]) or OrganisationOffice(organisation_code=row["code"])
        office.parent_code, office.kind, office.place, office.source = parent.code, row["kind"], row["place"], row["source"]
        session.add(office)
        count += 1
    session.flush()
    return count


def list_offices(session: Session, parent_code: str | None = None) -> list[OrganisationOffice]:
    """Agency offices by agency and name (of one agency when ``parent_code`` is given)."""
    stmt = select(OrganisationOffice).join(Organisation, Organisation.code == OrganisationOffice.organisation_code)
    if parent_code:
        stmt = stmt.where(OrganisationOffice.parent_code == parent_code)
    return list(session.scalars(stmt.order_by(OrganisationOffice.parent_code, Organisation.name)))


def list_ministries(session: Session, include_retired: bool = True) -> list[Ministry]:
    """All ministries, current ones first, by code."""
    ministries = session.scalars(select(Ministry).order_by(Ministry.code)).all()
    if not include_retired:
        ministries = [m for m in ministries if m.valid_until is None]
    return sorted(ministries, key=lambda m: (m.valid_until is not None, m.code))


def list_current_ministries(session: Session) -> list[Ministry]:
    """The ministries that exist today."""
    return list_ministries(session, include_retired=False)


def resolve_ministry(session: Session, code: str | None) -> Ministry | None:
    """The ministry that holds ``code``'s portfolio today, following successors."""
    if not code:
        return None
    current = current_ministry_codes(session).get(code.strip().upper())
    return session.get(Ministry, current) if current else None


def current_ministry_codes(session: Session) -> dict[str, str]:
    """Every ministry code, retired ones included, mapped to the code that holds its portfolio today."""
    successors = dict(session.execute(select(Ministry.code, Ministry.successor_code)).all())
    current = {}
    for code in successors:
        seen, walk = set(), code
        while successors.get(walk) and walk not in seen:
            seen.add(walk)
            walk = successors[walk]
        current[code] = walk
    return current


def list_organisations(session: Session) -> list[Organisation]:
    """All organisations by code, each office with its agency (``parent_code``)."""
    return list(session.scalars(select(Organisation).options(selectinload(Organisation.office)).order_by(Organisation.code)))


def list_channels(session: Session, active_only: bool = False) -> list[Channel]:
    """All channels by code."""
    query = select(Channel).order_by(Channel.code)
    if active_only:
        query = query.where(Channel.is_active.is_(True))
    return list(session.scalars(query))


def list_regulations(session: Session) -> list[Regulation]:
    """All regulations by title."""
    return list(session.scalars(select(Regulation).order_by(Regulation.title)))


def find_regulation(session: Session, key: str) -> Regulation | None:
    """A regulation by its code or BWB id (case-insensitive)."""
    key = (key or "").strip().upper()
    if not key:
        return None
    return session.scalars(
        select(Regulation).where(or_(Regulation.code == key, Regulation.bwb_id == key))
    ).first()


def search_regulations(session: Session, query: str, limit: int = 20) -> list[Regulation]:
    """Regulations whose title, abbreviation, BWB id or alias contains ``query``."""
    pattern = f"%{(query or '').strip().lower()}%"
    alias_match = select(RegulationTerm.regulation_id).where(
        RegulationTerm.kind == "alias", RegulationTerm.term.ilike(pattern)
    )
    stmt = (
        select(Regulation)
        .where(
            or_(
                Regulation.title.ilike(pattern),
                Regulation.abbreviation.ilike(pattern),
                Regulation.code.ilike(pattern),
                Regulation.id.in_(alias_match),
            )
        )
        .order_by(Regulation.title)
        .limit(limit)
    )
    return list(session.scalars(stmt))


_CODE_IN_TEXT = re.compile(r"\b(BWBR\d{7}|X-[A-Z0-9]+)\b", re.IGNORECASE)


def resolve_regulation_input(session: Session, text: str) -> Regulation | None:
    """A regulation from what a person typed: a BWB id, title, abbreviation or alias."""
    text = (text or "").strip()
    if not text:
        return None
    code = _CODE_IN_TEXT.search(text)
    if code:
        return find_regulation(session, code.group(1))
    lowered = text.lower()
    exact = session.scalars(
        select(Regulation).where(or_(func.lower(Regulation.title) == lowered, func.lower(Regulation.abbreviation) == lowered))
    ).first()
    if exact is not None:
        return exact
    alias = session.scalars(
        select(RegulationTerm).where(RegulationTerm.kind == "alias", func.lower(RegulationTerm.term) == lowered)
    ).first()
    return alias.regulation if alias is not None else None


def regulation_label(regulation: Regulation) -> str:
    """How a regulation is shown in pick lists: title (abbreviation) – code."""
    abbreviation = f" ({regulation.abbreviation})" if regulation.abbreviation else ""
    return f"{regulation.title}{abbreviation} – {regulation.code}"


def set_ministry_deadlines(session: Session, ministry: Ministry, accept_days: int, answer_weeks: int, actor) -> None:
    """Change a ministry's deadlines (applies to signals routed or accepted from now on)."""
    from signals.audit import record_event
    from signals.errors import N_, FieldErrors

    errors = FieldErrors()
    if not isinstance(accept_days, int) or not 1 <= accept_days <= 100:
        errors.add("accept_within_working_days", N_("Kies 1 tot en met 100 werkdagen."))
    if not isinstance(answer_weeks, int) or not 1 <= answer_weeks <= 104:
        errors.add("answer_within_weeks", N_("Kies 1 tot en met 104 weken."))
    errors.raise_if_any()
    before = (ministry.accept_within_working_days, ministry.answer_within_weeks)
    ministry.accept_within_working_days, ministry.answer_within_weeks = accept_days, answer_weeks
    record_event(
        session,
        "reference",
        ministry.code,
        "deadlines",
        actor=actor,
        data={"before": list(before), "after": [accept_days, answer_weeks]},
    )


def resolve_lead_and_co_ministries(session: Session, lead_code: str | None, co_codes: list[str] | None, errors) -> tuple[Ministry | None, list[str]]:
    """Today's lead ministry and co-ministries for the given codes (successors followed, lead and repeats left out).

    Unknown codes are noted in ``errors`` under ``ministry`` and ``co_ministries``.
    """
    from signals.errors import N_

    lead = resolve_ministry(session, lead_code) if lead_code else None
    if lead_code and lead is None:
        errors.add("ministry", N_("Onbekend ministerie."))
    co: list[str] = []
    for code in co_codes or []:
        resolved = resolve_ministry(session, code) if isinstance(code, str) else None
        if resolved is None:
            errors.add("co_ministries", N_("Onbekend ministerie."))
        elif (lead is None or resolved.code != lead.code) and resolved.code not in co:
            co.append(resolved.code)
    return lead, co
