"""Fill a database with N realistic signals over three years, in bulk: `python -m bench.generate --signals N --db URL`.

What it writes (deterministic for a seed):

* the reference data (ministries, organisations, channels, regulations), users for every role
  (password ``bench-password``; see ``BENCH_USERS``);
* ``N`` signals created over the three years before now, with a status that fits their age
  (old ones mostly answered or closed, recent ones routed or in progress, ~2% never routed),
  a lead ministry from a Zipf-like choice of regulations (10% with a co-ministry), deadlines,
  outcomes, feedback, themes, external ids for a third of them;
* one knelpunt per ~250 signals, each with 5–200 signals linked;
* audit events for every step each signal went through (about 2.7 per signal);
* the full-text index (built once after the load, not per row).

Rows go in through the DBAPI: ``executemany`` on SQLite, ``COPY`` on PostgreSQL; values pass
through each column type's own bind processor, so they are stored exactly as the ORM would.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import itertools
import json
import random
import sys
import time

from sqlalchemy import Engine, create_engine, select, text
from sqlalchemy.orm import Session

from signals.deadlines import end_of_day, late_moments, local_date, refill_late_moments
from signals.models import (
    AuditEvent,
    Base,
    Channel,
    Knelpunt,
    Ministry,
    Organisation,
    Regulation,
    Signal,
    SignalMinistry,
    SignalRegulation,
    User,
)
from signals.reference import DATA_DIR, load_reference_data
from signals.search import drop_fulltext, install_fulltext
from signals.vocabulary import THEMES

UTC = dt.UTC
PASSWORD = "bench-password"
#: (email, role, organisation) of the users bench.run logs in as; more are added per ministry
BENCH_USERS = [
    ("frontline-gem@example.org", "frontline", "GEM"),
    ("frontline-uwv@example.org", "frontline", "UWV"),
    ("frontline-svb@example.org", "frontline", "SVB"),
    ("frontline-bd@example.org", "frontline", "BD"),
    ("triage-szw@example.org", "triage", "SZW"),
    ("coordinator@example.org", "coordinator", "BZK"),
    ("liaison@example.org", "liaison", "SZW"),
    ("admin@example.org", "admin", "BZK"),
]
OUTCOMES = ["taken_up", "further_study", "not_taken_up", "already_addressed"]
OUTCOME_WEIGHTS = [4, 3, 3, 2]
KNELPUNT_STATUSES = ["open", "in_study", "solution_underway", "addressed", "rejected"]
INSTRUMENTS = ["wetswijziging", "amvb_regeling", "beleidsregel", "uitvoering", None]
BATCH = 20_000


def _weighted(rng: random.Random, items: list, weights: list[float]):
    cumulative = list(itertools.accumulate(weights))

    def pick():
        return items[bisect.bisect(cumulative, rng.random() * cumulative[-1])]

    return pick


class BulkWriter:
    """Insert rows of one table fast: COPY on PostgreSQL, executemany elsewhere."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.dialect = engine.dialect
        self.raw = engine.raw_connection()
        if self.dialect.name == "sqlite":
            # a bulk load that can be redone: no fsync per batch, a large page cache; WAL so that
            # bench.run's gunicorn workers read while one of them writes
            cursor = self.raw.cursor()
            for pragma in ("journal_mode=WAL", "synchronous=OFF", "cache_size=-262144"):
                cursor.execute(f"PRAGMA {pragma}")
            cursor.close()

    def columns(self, table, names: list[str]):
        processors = []
        for name in names:
            column = table.c[name]
            processors.append(column.type._cached_bind_processor(self.dialect))
        return processors

    def write(self, table, names: list[str], rows: list[tuple]) -> None:
        if not rows:
            return
        processors = self.columns(table, names)
        if any(processors):
            rows = [
                tuple(p(v) if (p is not None and v is not None) else v for p, v in zip(processors, row, strict=True))
                for row in rows
            ]
        cursor = self.raw.cursor()
        if self.dialect.name == "postgresql":
            with cursor.copy(f'COPY "{table.name}" ({", ".join(names)}) FROM STDIN') as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["?" if self.dialect.paramstyle == "qmark" else "%s"] * len(names))
            cursor.executemany(f'INSERT INTO "{table.name}" ({", ".join(names)}) VALUES ({marks})', rows)
        cursor.close()

    def commit(self) -> None:
        self.raw.commit()

    def close(self) -> None:
        self.raw.commit()
        self.raw.close()


def prepare_schema(engine: Engine, fresh: bool) -> None:
    """Create the tables (dropping them first when ``fresh``) without the full-text index."""
    with engine.begin() as connection:
        drop_fulltext(connection)
    if fresh:
        Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)


def upgrade_schema(engine: Engine) -> list[str]:
    """Bring an existing bench database to the current models: new tables, columns and indexes.

    (A bench database is made by create_all, not by migrations; this saves regenerating it.)
    """
    from sqlalchemy import inspect
    from sqlalchemy.schema import AddConstraint, CreateIndex

    done = []
    Base.metadata.create_all(engine)  # new tables
    with engine.begin() as connection:
        inspector = inspect(connection)  # in the same transaction: another connection would wait on its ALTERs
        for table in Base.metadata.sorted_tables:
            present = {c["name"] for c in inspector.get_columns(table.name)}
            for column in table.columns:
                if column.name not in present:
                    kind = column.type.compile(engine.dialect)
                    connection.execute(text(f'ALTER TABLE "{table.name}" ADD COLUMN {column.name} {kind}'))
                    done.append(f"{table.name}.{column.name}")
            indexes = {i["name"] for i in inspector.get_indexes(table.name)}
            uniques = {u["name"] for u in inspector.get_unique_constraints(table.name)}
            for index in table.indexes:
                if index.name not in indexes:
                    connection.execute(CreateIndex(index, if_not_exists=True))  # SQLite lists no expression index
                    done.append(index.name)
            for constraint in table.constraints:
                if constraint.__class__.__name__ == "UniqueConstraint" and constraint.name and constraint.name not in uniques | indexes:
                    if engine.dialect.name == "sqlite":
                        columns = ", ".join(c.name for c in constraint.columns)
                        connection.execute(text(f'CREATE UNIQUE INDEX "{constraint.name}" ON "{table.name}" ({columns})'))
                    else:
                        connection.execute(AddConstraint(constraint))
                    done.append(constraint.name)
    return done


def seed_reference_and_users(engine: Engine) -> dict:
    """Reference data and users; returns what the signal generator draws from."""
    from signals import accounts
    from signals.accounts import create_user

    accounts.PASSWORD_METHOD = "pbkdf2:sha256:1000"
    with Session(engine) as session:
        load_reference_data(session)
        session.flush()
        ministries = session.scalars(select(Ministry.code).where(Ministry.valid_until.is_(None))).all()
        users = list(BENCH_USERS) + [(f"triage-{m.lower()}@example.org", "triage", m) for m in ministries]
        for email, role, org in users:
            if session.scalar(select(User.id).where(User.email == email)) is None:
                create_user(session, email, role, org, password=PASSWORD)
        session.commit()
        channels = session.execute(select(Channel.code, Channel.organisation_code)).all()
        regulations = session.execute(select(Regulation.id, Regulation.ministry_code)).all()
        frontline = session.execute(
            select(User.id, User.organisation_code).where(User.role == "frontline")
        ).all()
        triage = dict(session.execute(select(User.organisation_code, User.id).where(User.role == "triage")).all())
        organisations = session.scalars(select(Organisation.code).where(Organisation.is_ministry.is_(False))).all()
    return {
        "channels": channels,
        "regulations": regulations,
        "ministries": ministries,
        "frontline": frontline,
        "triage": triage,
        "organisations": organisations,
    }


SIGNAL_COLUMNS = [
    "id", "reference", "status", "title", "description", "channel_code", "organisation_code", "submitter_id",
    "observed_on", "people_affected", "themes", "impact", "proposed_solution", "masked", "routing_method",
    "routing_confidence", "routing_explanation", "routing_suggestions", "outcome", "response", "knelpunt_id",
    "due_at", "deadline_started_at", "feedback_useful", "feedback_comment", "feedback_at", "created_at",
    "updated_at", "routed_at", "answered_at", "closed_at", "late_from", "very_late_from",
]  # fmt: skip
EVENT_COLUMNS = [
    "id", "entity_type", "entity_id", "signal_id", "action", "from_state", "to_state", "note", "data", "actor_id",
    "created_at",
]  # fmt: skip


def generate(url: str, count: int, seed: int = 7, fresh: bool = True, now: dt.datetime | None = None, log=print) -> dict:
    """Build the whole data set; returns counts and the time it took."""
    started = time.perf_counter()
    rng = random.Random(seed)
    now = (now or dt.datetime.now(UTC)).replace(microsecond=0)
    engine = create_engine(url)
    prepare_schema(engine, fresh)
    pools = seed_reference_and_users(engine)
    has_external_id = "external_id" in Signal.__table__.c
    columns = SIGNAL_COLUMNS + (["external_id"] if has_external_id else [])

    templates = json.loads((DATA_DIR / "demo_signals.json").read_text(encoding="utf-8"))
    regulations = pools["regulations"]
    # a few regulations get most signals (Zipf-like), as in the 2022 hardship inventory
    reg_pick = _weighted(rng, regulations, [1 / (rank + 1) ** 0.9 for rank in range(len(regulations))])
    org_weights = {"GEM": 40, "UWV": 20, "SVB": 10, "BD": 15}
    orgs = pools["organisations"]
    org_pick = _weighted(rng, orgs, [org_weights.get(o, 1) for o in orgs])
    channels_of: dict[str, list[str]] = {}
    for code, org in pools["channels"]:
        channels_of.setdefault(org or "", []).append(code)
    any_channel = [c for c, _ in pools["channels"]]
    submitters = {org: uid for uid, org in pools["frontline"]}
    themes = list(THEMES)
    ministries = pools["ministries"]
    span = 3 * 365 * 86400
    start = now - dt.timedelta(seconds=span)

    knelpunt_count = max(1, count // 250)
    writer = BulkWriter(engine)
    # knelpunten first: signals point at them
    knelpunt_rows = []
    for k in range(1, knelpunt_count + 1):
        created = start + dt.timedelta(seconds=rng.randrange(span))
        template = rng.choice(templates)
        ministry = reg_pick()[1]
        knelpunt_rows.append(
            (
                k, f"KNP-{created.year}-{k:05d}", f"Knelpunt: {template['title']}"[:200], template["description"],
                "Mensen lopen vast.", "Regel aanpassen.", rng.choice(INSTRUMENTS), ministry, "",
                rng.choices(KNELPUNT_STATUSES, [4, 2, 2, 2, 1])[0], "", created, created,
            )
        )  # fmt: skip
    writer.write(
        Knelpunt.__table__,
        ["id", "reference", "title", "problem", "consequences", "solution_direction", "instrument", "ministry_code",
         "co_ministry_codes", "status", "status_reason", "created_at", "updated_at"],
        knelpunt_rows,
    )  # fmt: skip
    writer.commit()

    with engine.connect() as connection:
        def next_id(table):
            return (connection.execute(text(f"SELECT max(id) FROM {table}")).scalar() or 0) + 1

        event_id = itertools.count(next_id("audit_event"))
        link_id = itertools.count(next_id("signal_ministry"))
        reg_link_id = itertools.count(next_id("signal_regulation"))
    totals = {"signals": 0, "events": 0, "ministry_links": 0, "regulation_links": 0, "knelpunten": knelpunt_count}
    for offset in range(0, count, BATCH):
        signals, links, reg_links, events = [], [], [], []
        for i in range(offset + 1, min(count, offset + BATCH) + 1):
            created = start + dt.timedelta(seconds=int(span * (rng.random() ** 0.8)))  # growing use over time
            age_days = (now - created).days
            org = org_pick()
            channel = rng.choice(channels_of.get(org) or any_channel)
            submitter = submitters.get(org)
            template = rng.choice(templates)
            regulation_id, ministry = reg_pick()
            routed = rng.random() > 0.02
            # the older, the further along
            progress = min(1.0, age_days / 120) if routed else 0
            r = rng.random()
            if not routed:
                status = "received"
            elif rng.random() < 0.01:
                status = "merged"
            elif r < progress * 0.85:
                status = "closed" if rng.random() < 0.7 else "answered"
            elif r < progress * 0.92:
                status = rng.choice(["in_progress", "needs_info"])
            else:
                status = rng.choice(["routed", "in_progress", "in_progress"])
            routed_at = created + dt.timedelta(minutes=rng.randint(0, 3 * 24 * 60)) if routed else None
            routed_at = min(routed_at, now) if routed_at else None
            answered_at = closed_at = accepted_at = None
            outcome = response = None
            feedback_useful = feedback_at = None
            due_at = deadline_started = None
            if status in ("in_progress", "needs_info", "answered", "closed"):
                accepted_at = min(now, routed_at + dt.timedelta(days=rng.randint(0, 20)))
            if status in ("answered", "closed"):
                answered_at = min(now, accepted_at + dt.timedelta(days=int(rng.expovariate(1 / 60)) + 1))
                outcome = rng.choices(OUTCOMES, OUTCOME_WEIGHTS)[0]
                response = "Wij hebben het signaal bekeken en nemen het mee."
            if status == "closed":
                closed_at = min(now, answered_at + dt.timedelta(days=rng.randint(1, 40)))
                if rng.random() < 0.6:
                    feedback_useful = rng.random() < 0.7
                    feedback_at = closed_at
            if status == "routed":
                deadline_started, due_at = routed_at, end_of_day(local_date(routed_at + dt.timedelta(days=14)))
            elif status in ("in_progress", "needs_info"):
                deadline_started, due_at = accepted_at, end_of_day(local_date(accepted_at + dt.timedelta(weeks=13)))
            knelpunt_id = None
            if status not in ("received", "merged") and rng.random() < 0.05:
                knelpunt_id = rng.randint(1, knelpunt_count)
            updated = closed_at or answered_at or accepted_at or routed_at or created
            row = [
                i, f"SIG-{created.year}-{i:07d}", status, template["title"], template["description"], channel, org,
                submitter, created.date() - dt.timedelta(days=rng.randint(0, 30)),
                rng.choice([None, None, 1, 1, 2, 3, 5, 12, 40, 250]),
                rng.sample(themes, rng.choice([0, 1, 1, 2])), "", "", [],
                ("regulation" if rng.random() < 0.6 else "text") if routed else None,
                round(rng.uniform(0.5, 1.0), 2) if routed else round(rng.uniform(0, 0.5), 2),
                "", [], outcome, response or "", knelpunt_id, due_at, deadline_started,
                feedback_useful, "", feedback_at, created, updated, routed_at, answered_at, closed_at,
                *late_moments(status, due_at, deadline_started, None, answered_at, closed_at),
            ]  # fmt: skip
            if has_external_id:
                row.append(f"EXT-{i:08d}" if rng.random() < 0.33 else None)
            signals.append(tuple(row))
            if routed:
                links.append((next(link_id), i, ministry, True))
                if rng.random() < 0.1:
                    co = rng.choice(ministries)
                    if co != ministry:
                        links.append((next(link_id), i, co, False))
            reg_links.append((next(reg_link_id), i, regulation_id, 0))
            events.append(
                (next(event_id), "signal", str(i), i, "submitted", None, "received", "", {"channel": channel, "masked": []}, submitter, created)
            )  # fmt: skip
            actor = pools["triage"].get(ministry)
            if routed:
                events.append(
                    (next(event_id), "signal", str(i), i, "route", "received", "routed", "", {"ministry": ministry, "co_ministries": [], "method": "regulation"}, submitter, routed_at)
                )  # fmt: skip
            if accepted_at:
                events.append((next(event_id), "signal", str(i), i, "accept", "routed", "in_progress", "", {}, actor, accepted_at))
            if answered_at:
                events.append(
                    (next(event_id), "signal", str(i), i, "answer", "in_progress", "answered", "", {"outcome": outcome}, actor, answered_at)
                )  # fmt: skip
            if closed_at:
                events.append((next(event_id), "signal", str(i), i, "close", "answered", "closed", "", {}, submitter, closed_at))
        writer.write(Signal.__table__, columns, signals)
        writer.write(SignalMinistry.__table__, ["id", "signal_id", "ministry_code", "is_lead"], links)
        writer.write(SignalRegulation.__table__, ["id", "signal_id", "regulation_id", "position"], reg_links)
        writer.write(AuditEvent.__table__, EVENT_COLUMNS, events)
        writer.commit()
        totals["signals"] += len(signals)
        totals["events"] += len(events)
        totals["ministry_links"] += len(links)
        totals["regulation_links"] += len(reg_links)
        if log and (offset // BATCH) % 10 == 9:
            log(f"  {totals['signals']:,} signals ({time.perf_counter() - started:.0f} s)")
    writer.close()
    _after_load(engine)
    engine.dispose()
    totals["seconds"] = time.perf_counter() - started
    return totals


def _after_load(engine: Engine) -> None:
    """Sequences past the inserted ids, the full-text index, derived tables and planner statistics."""
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            for table in ("signal", "signal_ministry", "signal_regulation", "audit_event", "knelpunt"):
                connection.execute(
                    text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce(max(id), 1)) FROM {table}")
                )
        install_fulltext(connection)
    # the summary table: rows went in without the ORM hooks that keep it in step
    from signals import tallies

    with Session(engine) as session:
        tallies.rebuild(session)
        session.commit()
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            connection.execution_options(isolation_level="AUTOCOMMIT").execute(text("VACUUM ANALYZE"))
        else:
            connection.execute(text("ANALYZE"))
            connection.commit()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--signals", type=int, default=100_000)
    parser.add_argument("--db", required=True, help="SQLAlchemy URL, e.g. sqlite:////tmp/bench.db")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--upgrade-only", action="store_true", help="only add new tables, columns and indexes")
    args = parser.parse_args(argv)
    if args.upgrade_only:
        engine = create_engine(args.db)
        print("added:", ", ".join(upgrade_schema(engine)) or "nothing")
        with engine.begin() as connection:  # columns added empty: derived values from their sources
            print(f"deadline moments: {refill_late_moments(connection):,} signals")
        from signals import tallies

        with Session(engine) as session:
            print(f"summary table: {tallies.rebuild(session):,} rows")
            session.commit()
        with engine.connect() as connection:
            connection.execute(text("ANALYZE"))
            connection.commit()
        return
    log = lambda message: print(message, file=sys.stderr, flush=True)  # noqa: E731
    totals = generate(args.db, args.signals, seed=args.seed, log=log)
    print(
        f"{totals['signals']:,} signals, {totals['ministry_links']:,} ministry links, "
        f"{totals['events']:,} audit events, {totals['knelpunten']:,} knelpunten in {totals['seconds']:.1f} s"
    )


if __name__ == "__main__":
    main()
