"""SQLAlchemy 2 models of the domain, handed to Flask-SQLAlchemy as its model class."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    """Current time in UTC, timezone-aware."""
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    """Declarative base with a stable naming convention for migrations."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class UTCDateTime(TypeDecorator):
    """A moment in time, stored in UTC and always handed back timezone-aware (UTC) on every database.

    SQLite keeps no zone, so a naive value read back would be taken for server-local time by
    ``.astimezone()``; this type converts aware values to UTC on the way in (naive ones are taken
    to be UTC already) and marks values coming out as UTC.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None or not isinstance(value, dt.datetime):
            return value
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        value = value.astimezone(dt.UTC)
        # SQLite stores the text without a zone; keep it naive UTC there so comparisons stay textual
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


Timestamp = UTCDateTime()


class Ministry(Base):
    """A ministry; retired ones point at their successor."""

    __tablename__ = "ministry"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    valid_from: Mapped[dt.date | None] = mapped_column(Date)
    valid_until: Mapped[dt.date | None] = mapped_column(Date)
    #: where signals go once this ministry no longer exists
    successor_code: Mapped[str | None] = mapped_column(ForeignKey("ministry.code"))
    note: Mapped[str] = mapped_column(Text, default="")
    #: how sure we are of this row (confirmed, weak, conflicting, not found, unknown)
    certainty: Mapped[str] = mapped_column(String(20), default="confirmed")
    #: per-ministry deadlines (DESIGN §4)
    accept_within_working_days: Mapped[int] = mapped_column(Integer, default=10)
    answer_within_weeks: Mapped[int] = mapped_column(Integer, default=13)

    successor: Mapped[Ministry | None] = relationship(remote_side=[code])

    def __repr__(self) -> str:
        return f"<Ministry {self.code}>"


class Organisation(Base):
    """An organisation users belong to; every ministry is one too."""

    __tablename__ = "organisation"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40), default="")
    owner_ministry_code: Mapped[str | None] = mapped_column(ForeignKey("ministry.code"))
    main_tasks: Mapped[str] = mapped_column(Text, default="")
    certainty: Mapped[str] = mapped_column(String(20), default="confirmed")
    #: set when this organisation *is* a ministry (same code)
    is_ministry: Mapped[bool] = mapped_column(Boolean, default=False)
    #: set when this organisation is an office of an agency (loaded only when asked for: the
    #: reference-data migrations before 0019 read organisations without this table)
    office: Mapped[OrganisationOffice | None] = relationship(
        foreign_keys="OrganisationOffice.organisation_code", uselist=False, viewonly=True
    )

    @property
    def parent_code(self) -> str | None:
        """The agency this office belongs to (UWV for UWV Alkmaar); None for an agency itself."""
        return self.office.parent_code if self.office is not None else None

    def __repr__(self) -> str:
        return f"<Organisation {self.code}>"


class OrganisationOffice(Base):
    """A regional office, desk or contact centre of an agency; the office is an organisation itself."""

    __tablename__ = "organisation_office"

    organisation_code: Mapped[str] = mapped_column(ForeignKey("organisation.code", ondelete="CASCADE"), primary_key=True)
    parent_code: Mapped[str] = mapped_column(ForeignKey("organisation.code"), index=True)
    #: vestiging, loket, steunpunt, contactcentrum, hoofdkantoor …
    kind: Mapped[str] = mapped_column(String(40), default="")
    place: Mapped[str] = mapped_column(String(100), default="")
    #: the key of the public source in signals/data/SOURCES.md
    source: Mapped[str] = mapped_column(String(60), default="")

    def __repr__(self) -> str:
        return f"<OrganisationOffice {self.organisation_code} of {self.parent_code}>"


class Channel(Base):
    """A frontline channel through which signals arrive."""

    __tablename__ = "channel"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    organisation_code: Mapped[str | None] = mapped_column(ForeignKey("organisation.code"))
    description: Mapped[str] = mapped_column(Text, default="")
    certainty: Mapped[str] = mapped_column(String(20), default="confirmed")
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)

    def __repr__(self) -> str:
        return f"<Channel {self.code}>"


class Regulation(Base):
    """A law or lower regulation, by BWB id where known."""

    __tablename__ = "regulation"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: the BWB id, or a provisional X- code while the BWB id is not confirmed
    code: Mapped[str] = mapped_column(String(32), unique=True)
    bwb_id: Mapped[str | None] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(300))
    abbreviation: Mapped[str] = mapped_column(String(40), default="")
    ministry_code: Mapped[str] = mapped_column(ForeignKey("ministry.code"))
    #: codes of co-responsible ministries, space separated
    co_ministry_codes: Mapped[str] = mapped_column(String(200), default="")
    executed_by: Mapped[str] = mapped_column(Text, default="")
    certainty: Mapped[str] = mapped_column(String(20), default="confirmed")
    note: Mapped[str] = mapped_column(Text, default="")

    terms: Mapped[list[RegulationTerm]] = relationship(
        back_populates="regulation", cascade="all, delete-orphan", order_by="RegulationTerm.id"
    )

    @property
    def co_ministries(self) -> list[str]:
        return self.co_ministry_codes.split()

    @property
    def aliases(self) -> list[str]:
        return [t.term for t in self.terms if t.kind == "alias"]

    def __repr__(self) -> str:
        return f"<Regulation {self.code} {self.abbreviation}>"


class RegulationTerm(Base):
    """A word or phrase that points at a regulation: an alias or typical phrasing."""

    __tablename__ = "regulation_term"

    id: Mapped[int] = mapped_column(primary_key=True)
    regulation_id: Mapped[int] = mapped_column(ForeignKey("regulation.id", ondelete="CASCADE"))
    term: Mapped[str] = mapped_column(String(120))
    #: alias (a name people use) or phrase (typical wording)
    kind: Mapped[str] = mapped_column(String(10), default="alias")
    #: how strongly the term alone points at the regulation, 0..1
    weight: Mapped[float] = mapped_column(Float, default=1.0)

    regulation: Mapped[Regulation] = relationship(back_populates="terms")

    def __repr__(self) -> str:
        return f"<RegulationTerm {self.term!r}>"


class User(Base):
    """A person who logs in; belongs to exactly one organisation."""

    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(256), default="")
    role: Mapped[str] = mapped_column(String(20))
    organisation_code: Mapped[str] = mapped_column(ForeignKey("organisation.code"))
    locale: Mapped[str | None] = mapped_column(String(8))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(Timestamp, default=utcnow)
    #: set when someone else chose this password (an admin, the CLI): the user must change it at log-in
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    organisation: Mapped[Organisation] = relationship()

    # The attributes Flask-Login expects, without importing Flask here.
    is_authenticated = True
    is_anonymous = False

    def get_id(self) -> str:
        return str(self.id)

    def __repr__(self) -> str:
        return f"<User {self.id} {self.role}@{self.organisation_code}>"


class ApiToken(Base):
    """A bearer token for the API; only its SHA-256 hash is stored."""

    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    #: first characters of the token, to recognise it in lists
    prefix: Mapped[str] = mapped_column(String(12))
    name: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[dt.datetime] = mapped_column(Timestamp, default=utcnow)
    last_used_at: Mapped[dt.datetime | None] = mapped_column(Timestamp)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(Timestamp)
    #: after this moment the token no longer authenticates (None: no expiry)
    expires_at: Mapped[dt.datetime | None] = mapped_column(Timestamp)

    user: Mapped[User] = relationship()

    def __repr__(self) -> str:
        return f"<ApiToken {self.prefix}… user={self.user_id}>"


class Signal(Base):
    """One frontline observation that a rule works out harshly."""

    __tablename__ = "signal"
    __table_args__ = (
        # a channel's own reference is unique within that channel: imports and API calls repeat safely
        UniqueConstraint("channel_code", "external_id", name="uq_signal_channel_external_id"),
        # the screens' lists: per organisation newest first, per status oldest first (queue, unrouted)
        Index("ix_signal_organisation_created", "organisation_code", "created_at", "status"),
        Index("ix_signal_status_created", "status", "created_at"),
        # the dashboards' and the letter's counts over a period read this index only, not the wide rows
        Index(
            "ix_signal_report",
            "created_at", "status", "outcome", "channel_code", "organisation_code", "answered_at", "due_at",
            "deadline_started_at", "needs_info_since", "closed_at", "people_affected",
        ),  # fmt: skip
        # the open-work counts: answered with a request to reopen (few), running deadlines, answered in a period
        Index(
            "ix_signal_reopen_requested", "reopen_requested_at",
            sqlite_where=text("reopen_requested_at IS NOT NULL"), postgresql_where=text("reopen_requested_at IS NOT NULL"),
        ),  # fmt: skip
        Index("ix_signal_status_due", "status", "due_at"),
        Index(
            "ix_signal_assignee_id", "assignee_id",
            sqlite_where=text("assignee_id IS NOT NULL"), postgresql_where=text("assignee_id IS NOT NULL"),
        ),  # fmt: skip
        # "laatst door mij gemeld" on the frontline's start page
        Index("ix_signal_submitter_created", "submitter_id", "created_at"),
        # the frontline's worklists, in their order: answers to rate (oldest answer first; counted
        # from the index alone) and questions to answer (longest waiting first)
        Index("ix_signal_organisation_rating", "organisation_code", "status", "feedback_at", "answered_at"),
        Index("ix_signal_organisation_waiting", "organisation_code", "status", "needs_info_since"),
        # a status's signals in id order (PostgreSQL orders a one-column index's equal keys by their
        # place on disk): the capped count of a status within a ministry merges it with signal_ministry
        Index("ix_signal_status_id", "status", "id"),
        # the signals answered in a period, newest first (a list's filter): the range and the order from
        # the index alone, without reading the rows
        Index("ix_signal_answered_created", "answered_at", "created_at"),
        # the lists' sort orders that no other index gives: by title, and by deadline with none last
        # (the triage queue's "termijn eerst"); without them a queue of 150,000 open signals was read
        # whole and sorted at every page (2 s at a million signals)
        Index("ix_signal_title_lower", text("lower(title)")),
        Index("ix_signal_due_order", text("(due_at IS NULL)"), "due_at"),
        # every list's order (newest first, ties by id): with the id in the index a page far on is counted
        # off the index alone; PostgreSQL read each row's heap page to break the ties (page 2,000: 950 ms)
        Index("ix_signal_created_id", "created_at", "id"),
        # the signals merged into one (its detail page): 1% of all signals, so a partial index
        Index(
            "ix_signal_merged_into_id", "merged_into_id",
            sqlite_where=text("merged_into_id IS NOT NULL"), postgresql_where=text("merged_into_id IS NOT NULL"),
        ),  # fmt: skip
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: human-readable reference, e.g. SIG-2026-000042
    reference: Mapped[str | None] = mapped_column(String(32), unique=True)
    #: the channel's own reference for this signal (import, API), unique per channel
    external_id: Mapped[str | None] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(20), default="received")
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text)
    channel_code: Mapped[str] = mapped_column(ForeignKey("channel.code"))
    #: the submitter's organisation: frontline users of it see the signal
    organisation_code: Mapped[str] = mapped_column(ForeignKey("organisation.code"), index=True)
    submitter_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    observed_on: Mapped[dt.date | None] = mapped_column(Date)
    people_affected: Mapped[int | None] = mapped_column(Integer)
    themes: Mapped[list] = mapped_column(JSON, default=list)
    impact: Mapped[str] = mapped_column(Text, default="")
    proposed_solution: Mapped[str] = mapped_column(Text, default="")
    #: kinds of personal data the privacy guard masked on intake
    masked: Mapped[list] = mapped_column(JSON, default=list)
    #: how the lead ministry was chosen: regulation, text or manual
    routing_method: Mapped[str | None] = mapped_column(String(20))
    routing_confidence: Mapped[float | None] = mapped_column(Float)
    routing_explanation: Mapped[str] = mapped_column(Text, default="")
    #: the text router's top suggestions [{ministry, regulation, confidence, matched}]
    routing_suggestions: Mapped[list] = mapped_column(JSON, default=list)
    outcome: Mapped[str | None] = mapped_column(String(20))
    response: Mapped[str] = mapped_column(Text, default="")
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("signal.id"))
    knelpunt_id: Mapped[int | None] = mapped_column(ForeignKey("knelpunt.id"), index=True)
    #: the lead ministry's staff member who works the signal (claimed or assigned)
    #: (indexed where set: ix_signal_assignee_id, partial, so its statistics see the assigned signals only)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    #: when the ministry must act next: accept after routing, answer after accepting
    due_at: Mapped[dt.datetime | None] = mapped_column(Timestamp, index=True)
    #: when the running deadline started (routing or acceptance), to tell late from very late
    deadline_started_at: Mapped[dt.datetime | None] = mapped_column(Timestamp)
    #: when the frontline was asked for more information (set while needs_info): the ministry's clock is paused since
    needs_info_since: Mapped[dt.datetime | None] = mapped_column(Timestamp)
    #: the deadline state stored as two moments (signals.deadlines.late_moments, kept in step by a flush
    #: hook and the bulk importer): late at ``now`` when ``late_from < now``, very late when
    #: ``very_late_from < now``; NULL: never (or no deadline). Not indexed: a late list is read in its
    #: own order and each row compared (with an index on them SQLite sorted 200,000 late signals instead)
    late_from: Mapped[dt.datetime | None] = mapped_column(Timestamp)
    very_late_from: Mapped[dt.datetime | None] = mapped_column(Timestamp)
    #: the frontline's rating of the answer
    feedback_useful: Mapped[bool | None] = mapped_column(Boolean)
    feedback_comment: Mapped[str] = mapped_column(Text, default="")
    feedback_at: Mapped[dt.datetime | None] = mapped_column(Timestamp)
    #: set when the frontline found the answer not useful; the ministry must act on it
    reopen_requested_at: Mapped[dt.datetime | None] = mapped_column(Timestamp)
    created_at: Mapped[dt.datetime] = mapped_column(Timestamp, default=utcnow)  # ix_signal_created_id
    updated_at: Mapped[dt.datetime] = mapped_column(Timestamp, default=utcnow, onupdate=utcnow)
    routed_at: Mapped[dt.datetime | None] = mapped_column(Timestamp)
    answered_at: Mapped[dt.datetime | None] = mapped_column(Timestamp)
    closed_at: Mapped[dt.datetime | None] = mapped_column(Timestamp)

    channel: Mapped[Channel] = relationship()
    submitter: Mapped[User | None] = relationship(foreign_keys=[submitter_id])
    assignee: Mapped[User | None] = relationship(foreign_keys=[assignee_id])
    regulation_links: Mapped[list[SignalRegulation]] = relationship(
        back_populates="signal", cascade="all, delete-orphan", order_by="SignalRegulation.position"
    )
    ministry_links: Mapped[list[SignalMinistry]] = relationship(
        back_populates="signal", cascade="all, delete-orphan", order_by="SignalMinistry.id"
    )
    merged_into: Mapped[Signal | None] = relationship(remote_side=[id])
    knelpunt: Mapped[Knelpunt | None] = relationship(back_populates="signals")

    @property
    def regulations(self) -> list[Regulation]:
        return [link.regulation for link in self.regulation_links]

    @property
    def lead_ministry_code(self) -> str | None:
        return next((m.ministry_code for m in self.ministry_links if m.is_lead), None)

    @property
    def co_ministry_codes(self) -> list[str]:
        return [m.ministry_code for m in self.ministry_links if not m.is_lead]

    def __repr__(self) -> str:
        return f"<Signal {self.reference} {self.status}>"


class SignalRegulation(Base):
    """A regulation a signal is about; position 0 is the lead regulation."""

    __tablename__ = "signal_regulation"
    __table_args__ = (
        UniqueConstraint("signal_id", "regulation_id"),
        Index("ix_signal_regulation_regulation", "regulation_id", "signal_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    signal_id: Mapped[int] = mapped_column(ForeignKey("signal.id", ondelete="CASCADE"), index=True)
    regulation_id: Mapped[int] = mapped_column(ForeignKey("regulation.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)

    signal: Mapped[Signal] = relationship(back_populates="regulation_links")
    regulation: Mapped[Regulation] = relationship()


class SignalMinistry(Base):
    """A ministry a signal is routed to: the lead, or co-responsible (samenloop)."""

    __tablename__ = "signal_ministry"
    __table_args__ = (
        UniqueConstraint("signal_id", "ministry_code"),
        # "signals led by ministry X" without touching the table: queue, dashboards, letter scope
        Index("ix_signal_ministry_lead", "ministry_code", "is_lead", "signal_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    signal_id: Mapped[int] = mapped_column(ForeignKey("signal.id", ondelete="CASCADE"), index=True)
    ministry_code: Mapped[str] = mapped_column(ForeignKey("ministry.code"), index=True)
    is_lead: Mapped[bool] = mapped_column(Boolean, default=False)

    signal: Mapped[Signal] = relationship(back_populates="ministry_links")


class AuditEvent(Base):
    """An immutable record of one state change: who, when, from, to, note."""

    __tablename__ = "audit_event"
    #: (entity_type, created_at): a kind's events in a period (the letter's knelpunt follow-up) without
    #: walking a year of the signals' millions of events; it also serves entity_type alone
    __table_args__ = (Index("ix_audit_event_entity_type_created", "entity_type", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: what kind of thing changed: signal, user, token, reference
    entity_type: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[str] = mapped_column(String(40), index=True)
    signal_id: Mapped[int | None] = mapped_column(ForeignKey("signal.id"), index=True)
    action: Mapped[str] = mapped_column(String(30))
    from_state: Mapped[str | None] = mapped_column(String(20))
    to_state: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    #: structured details: ministries, outcome, routing method …
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[dt.datetime] = mapped_column(Timestamp, default=utcnow, index=True)

    actor: Mapped[User | None] = relationship()

    def __repr__(self) -> str:
        return f"<AuditEvent {self.entity_type}:{self.entity_id} {self.action}>"


class Knelpunt(Base):
    """A problem in a rule, established from one or more signals; what a letter reports."""

    __tablename__ = "knelpunt"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: human-readable reference, e.g. KNP-2026-0007
    reference: Mapped[str | None] = mapped_column(String(32), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    problem: Mapped[str] = mapped_column(Text, default="")
    consequences: Mapped[str] = mapped_column(Text, default="")
    solution_direction: Mapped[str] = mapped_column(Text, default="")
    #: wetswijziging, amvb_regeling, beleidsregel or uitvoering
    instrument: Mapped[str | None] = mapped_column(String(20))
    ministry_code: Mapped[str] = mapped_column(ForeignKey("ministry.code"), index=True)
    #: codes of co-responsible ministries, space separated
    co_ministry_codes: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    #: why it was rejected (mandatory then) or the latest status note
    status_reason: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[dt.datetime] = mapped_column(Timestamp, default=utcnow, index=True)
    updated_at: Mapped[dt.datetime] = mapped_column(Timestamp, default=utcnow, onupdate=utcnow)

    signals: Mapped[list[Signal]] = relationship(back_populates="knelpunt", order_by="Signal.id")
    regulation_links: Mapped[list[KnelpuntRegulation]] = relationship(
        back_populates="knelpunt", cascade="all, delete-orphan", order_by="KnelpuntRegulation.position"
    )
    created_by: Mapped[User | None] = relationship()

    @property
    def co_ministries(self) -> list[str]:
        return self.co_ministry_codes.split()

    @property
    def regulations(self) -> list[Regulation]:
        return [link.regulation for link in self.regulation_links]

    def __repr__(self) -> str:
        return f"<Knelpunt {self.reference} {self.status}>"


class KnelpuntRegulation(Base):
    """A regulation a knelpunt is about; position 0 first."""

    __tablename__ = "knelpunt_regulation"
    __table_args__ = (UniqueConstraint("knelpunt_id", "regulation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    knelpunt_id: Mapped[int] = mapped_column(ForeignKey("knelpunt.id", ondelete="CASCADE"), index=True)
    regulation_id: Mapped[int] = mapped_column(ForeignKey("regulation.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    #: the article concerned, e.g. "art. 34 lid 2"
    article: Mapped[str] = mapped_column(String(100), default="")

    knelpunt: Mapped[Knelpunt] = relationship(back_populates="regulation_links")
    regulation: Mapped[Regulation] = relationship()


class Notification(Base):
    """An e-mail Knelpunt sent (or would send); the dedup key makes escalation idempotent."""

    __tablename__ = "notification"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: one key per reason to write, e.g. "overdue:accept:42:2026-11-30"; never sent twice
    dedup_key: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    signal_id: Mapped[int | None] = mapped_column(ForeignKey("signal.id"), index=True)
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(Timestamp, default=utcnow)
    #: set once the mail adapter delivered it; pending notifications are retried
    sent_at: Mapped[dt.datetime | None] = mapped_column(Timestamp)

    def __repr__(self) -> str:
        return f"<Notification {self.kind} to={self.recipient}>"


class MailTemplate(Base):
    """An editable e-mail text; placeholders in {braces}."""

    __tablename__ = "mail_template"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(Timestamp, default=utcnow, onupdate=utcnow)


class SavedFilter(Base):
    """A named list filter a user keeps (query string of the list page)."""

    __tablename__ = "saved_filter"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    #: which list: signals, queue, knelpunten
    page: Mapped[str] = mapped_column(String(40))
    query: Mapped[str] = mapped_column(String(1000), default="")
    created_at: Mapped[dt.datetime] = mapped_column(Timestamp, default=utcnow)


class PublishedLetter(Base):
    """A bottleneck letter as published: frozen data and renderings, served unchanged later."""

    __tablename__ = "published_letter"
    __table_args__ = (UniqueConstraint("period", "scope", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: 2026-Q3, 2026-H1 or 2026
    period: Mapped[str] = mapped_column(String(10), index=True)
    #: a ministry code, or ALL for the government-wide letter
    scope: Mapped[str] = mapped_column(String(16), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    title: Mapped[str] = mapped_column(String(300))
    #: the letter's data exactly as rendered
    data: Mapped[dict] = mapped_column(JSON)
    #: SHA-256 over the data and every rendered file
    checksum: Mapped[str] = mapped_column(String(64))
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    published_at: Mapped[dt.datetime] = mapped_column(Timestamp, default=utcnow)

    files: Mapped[list[LetterFile]] = relationship(
        back_populates="letter", cascade="all, delete-orphan", order_by="LetterFile.format"
    )
    published_by: Mapped[User | None] = relationship()

    def __repr__(self) -> str:
        return f"<PublishedLetter {self.period} {self.scope} v{self.version}>"


class LetterFile(Base):
    """One rendering of a published letter (html, pdf, docx, csv, xlsx), stored byte for byte."""

    __tablename__ = "letter_file"
    __table_args__ = (UniqueConstraint("letter_id", "format"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    letter_id: Mapped[int] = mapped_column(ForeignKey("published_letter.id", ondelete="CASCADE"), index=True)
    format: Mapped[str] = mapped_column(String(10))
    media_type: Mapped[str] = mapped_column(String(100))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))

    letter: Mapped[PublishedLetter] = relationship(back_populates="files")


class RoutingModel(Base):
    """Labelled examples the text router learns from, saved by `routing retrain`."""

    __tablename__ = "routing_model"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: [[text, regulation code], …] from manual routing decisions
    examples: Mapped[list] = mapped_column(JSON, default=list)
    #: accuracy on the examples, lexicon only and with the examples (leave-out estimate)
    accuracy_before: Mapped[float | None] = mapped_column(Float)
    accuracy_after: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[dt.datetime] = mapped_column(Timestamp, default=utcnow)
    #: the trained ministry classifier (joblib), its figures on the corpus, and whether routing uses it
    artifact: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    metrics: Mapped[dict | None] = mapped_column(JSON)
    is_active: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    note: Mapped[str] = mapped_column(Text, default="", server_default="")


class SignalContact(Base):
    """The submitter's own contact details for this signal, kept apart from its text and purged after closing."""

    __tablename__ = "signal_contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    signal_id: Mapped[int] = mapped_column(ForeignKey("signal.id", ondelete="CASCADE"), unique=True)
    #: how the ministry can reach the frontline worker about this signal
    contact: Mapped[str] = mapped_column(String(500))
    created_at: Mapped[dt.datetime] = mapped_column(Timestamp, default=utcnow)


class SignalFeatures(Base):
    """A signal's words, concepts and regulations as weighted features: the index proposals compare against."""

    __tablename__ = "signal_features"

    signal_id: Mapped[int] = mapped_column(ForeignKey("signal.id", ondelete="CASCADE"), primary_key=True)
    #: feature -> count (w: stems, c: concepts, r: regulations); IDF is applied when comparing
    bag: Mapped[dict] = mapped_column(JSON, default=dict)
    #: the text's sentence embedding (signals.proposal_embed), int8-quantised; None when no model was available
    embedding: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    computed_at: Mapped[dt.datetime] = mapped_column(Timestamp, default=utcnow, index=True)
    #: the nearest centroid of ProposalIndex (an inverted file over the embeddings): a new signal is
    #: compared only with the signals of the few buckets nearest to it; None before the first full refresh
    bucket: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: the open or dismissed proposal that holds this signal (kept with Proposal.signal_ids by
    #: signals.proposals), so an incremental refresh finds its neighbours' proposals by index instead
    #: of unnesting every proposal's id list; may point at a proposal decided on since (filtered on read)
    proposal_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)

    __table_args__ = (
        # a new signal's nearest buckets are read as (id, embedding) pairs: from this index alone they
        # lie together, where from the table each pair is on a page of its own (beside the feature bag)
        Index("ix_signal_features_bucket_embedding", "bucket", "signal_id", "embedding"),
    )


class ProposalIndex(Base):
    """What the last full refresh learnt of the window, so an incremental one need not load it:
    centroids of the embeddings (the buckets of SignalFeatures.bucket) and the document frequencies."""

    __tablename__ = "proposal_index"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: k x 384 float32 unit vectors (centred embeddings), or None without a sentence model
    centroids: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    #: feature -> number of signals of the window (and of the shipped background) that have it
    frequencies: Mapped[dict] = mapped_column(JSON, default=dict, deferred=True)
    documents: Mapped[int] = mapped_column(Integer, default=0)
    built_at: Mapped[dt.datetime] = mapped_column(Timestamp, default=utcnow)


class Proposal(Base):
    """Signals that describe the same problem: a proposed knelpunt, or an offer to add them to one."""

    __tablename__ = "proposal"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: open, dismissed, adopted (became or joined a knelpunt) or gone (the group fell apart)
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    lead_ministry_code: Mapped[str | None] = mapped_column(ForeignKey("ministry.code"), index=True)
    #: the other ministries the signals are routed to (samenloop), space separated
    co_ministry_codes: Mapped[str] = mapped_column(String(200), default="")
    #: set when the signals resemble those of an existing knelpunt: offered to that one instead
    knelpunt_id: Mapped[int | None] = mapped_column(ForeignKey("knelpunt.id"), index=True)
    #: ids of the signals proposed, strongest first
    signal_ids: Mapped[list] = mapped_column(JSON, default=list)
    #: [{code, title, abbreviation, ministry, signals, words}]
    regulations: Mapped[list] = mapped_column(JSON, default=list)
    channels: Mapped[list] = mapped_column(JSON, default=list)
    organisations: Mapped[list] = mapped_column(JSON, default=list)
    people_affected: Mapped[int] = mapped_column(Integer, default=0)
    #: signals of the last four weeks, and of before
    recent_count: Mapped[int] = mapped_column(Integer, default=0)
    earlier_count: Mapped[int] = mapped_column(Integer, default=0)
    #: how alike the signals are on average (0..1) and the resulting ranking score
    cohesion: Mapped[float] = mapped_column(Float, default=0.0)
    strength: Mapped[float] = mapped_column(Float, default=0.0, index=True)
    #: the most common words and concepts, to explain the grouping
    top_terms: Mapped[list] = mapped_column(JSON, default=list)
    dismissed_reason: Mapped[str] = mapped_column(Text, default="")
    dismissed_at: Mapped[dt.datetime | None] = mapped_column(Timestamp)
    dismissed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    #: how many signals it had when dismissed: it comes back only once it has grown by half
    dismissed_count: Mapped[int] = mapped_column(Integer, default=0)
    adopted_knelpunt_id: Mapped[int | None] = mapped_column(ForeignKey("knelpunt.id"))
    created_at: Mapped[dt.datetime] = mapped_column(Timestamp, default=utcnow, index=True)
    updated_at: Mapped[dt.datetime] = mapped_column(Timestamp, default=utcnow)
    #: when a signal last joined
    grown_at: Mapped[dt.datetime | None] = mapped_column(Timestamp)

    knelpunt: Mapped[Knelpunt | None] = relationship(foreign_keys=[knelpunt_id])

    @property
    def signal_count(self) -> int:
        return len(self.signal_ids or [])

    @property
    def co_ministries(self) -> list[str]:
        return self.co_ministry_codes.split()

    def __repr__(self) -> str:
        return f"<Proposal {self.id} {self.status} n={self.signal_count}>"
class UserSecurity(Base):
    """A user's second factor (TOTP) and last log-in; kept apart from the user row."""

    __tablename__ = "user_security"

    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True)
    #: base32 TOTP secret; set at enrolment, confirmed by a first valid code
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_enabled_at: Mapped[dt.datetime | None] = mapped_column(Timestamp)
    #: the last accepted TOTP time step, so a code is accepted once
    totp_last_step: Mapped[int | None] = mapped_column(Integer)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(Timestamp)


class RateLimitCounter(Base):
    """Fixed-window counters of the rate limits (log-ins per address and per account, API calls per token),
    shared by every worker when no Redis is configured."""

    __tablename__ = "rate_limit_counter"

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)
    #: Unix time at which the window ends
    expires_at: Mapped[float] = mapped_column(Float)


class CacheVersion(Base):
    """A version number per shared cache: bumped in the transaction that changes what the cache holds,
    read once per transaction by every process (signals/refcache.py), so each app server sees a
    change at once."""

    __tablename__ = "cache_version"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)


class IdempotencyRecord(Base):
    """The first answer to an API POST with an Idempotency-Key, stored in the same transaction as its change."""

    __tablename__ = "idempotency_record"
    __table_args__ = (UniqueConstraint("user_id", "key", name="uq_idempotency_record_user_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(200))
    method: Mapped[str] = mapped_column(String(10))
    path: Mapped[str] = mapped_column(String(500))
    #: SHA-256 of method, path and the (canonical) JSON body
    fingerprint: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int] = mapped_column(Integer)
    body: Mapped[bytes] = mapped_column(LargeBinary)
    content_type: Mapped[str] = mapped_column(String(100), default="application/json")
    location: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[dt.datetime] = mapped_column(Timestamp, default=utcnow, index=True)


class SignalNote(Base):
    """An internal note on a signal, for the ministries and the coordinator; the frontline never sees it."""

    __tablename__ = "signal_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    signal_id: Mapped[int] = mapped_column(ForeignKey("signal.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    #: the author's organisation when writing (a ministry code, or the coordinator's)
    organisation_code: Mapped[str] = mapped_column(String(16), default="")
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(Timestamp, default=utcnow)

    author: Mapped[User | None] = relationship()

    def __repr__(self) -> str:
        return f"<SignalNote {self.id} on {self.signal_id}>"


class StandardAnswer(Base):
    """A ministry's reusable answer text for the frontline (with the outcome it usually goes with)."""

    __tablename__ = "standard_answer"

    id: Mapped[int] = mapped_column(primary_key=True)
    ministry_code: Mapped[str] = mapped_column(ForeignKey("ministry.code"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    outcome: Mapped[str | None] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(Timestamp, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(Timestamp, default=utcnow, onupdate=utcnow)

    def __repr__(self) -> str:
        return f"<StandardAnswer {self.ministry_code} {self.title!r}>"


class BackgroundJob(Base):
    """Heavy work run off the request (a letter file, publishing): state, progress and result, shared by all servers."""

    __tablename__ = "background_job"

    #: a random hex id, so job pages cannot be guessed
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    #: letter_file or publish_letter
    kind: Mapped[str] = mapped_column(String(30))
    params: Mapped[dict] = mapped_column(JSON, default=dict)
    #: queued, running, done or failed
    status: Mapped[str] = mapped_column(String(12), default="queued")
    #: 0..100
    progress: Mapped[int] = mapped_column(Integer, default=0)
    message: Mapped[str] = mapped_column(Text, default="")
    file_name: Mapped[str | None] = mapped_column(String(200))
    media_type: Mapped[str | None] = mapped_column(String(120))
    content: Mapped[bytes | None] = mapped_column(LargeBinary)
    #: where the result lives when it is not a file (a published letter's page)
    result_url: Mapped[str | None] = mapped_column(String(300))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(Timestamp, default=utcnow)
    finished_at: Mapped[dt.datetime | None] = mapped_column(Timestamp)


class OneTimeLink(Base):
    """An invitation or password-reset link: used once, expires; only the SHA-256 of the token is stored."""

    __tablename__ = "one_time_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    #: invite (a new user sets a first password) or reset (an admin sent a new link)
    purpose: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[dt.datetime] = mapped_column(Timestamp, default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(Timestamp)
    used_at: Mapped[dt.datetime | None] = mapped_column(Timestamp)

    user: Mapped[User] = relationship()

    def __repr__(self) -> str:
        return f"<OneTimeLink {self.purpose} user={self.user_id}>"


class KnelpuntSubscription(Base):
    """A user who wants an e-mail on every status change of a knelpunt."""

    __tablename__ = "knelpunt_subscription"
    __table_args__ = (UniqueConstraint("knelpunt_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    knelpunt_id: Mapped[int] = mapped_column(ForeignKey("knelpunt.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(Timestamp, default=utcnow)


class SignalTally(Base):
    """How many signals share one combination of the figures the screens count (signals/tallies.py):
    month received, lead ministry, status, deadline state and month answered.

    Kept in step in the same transaction as every change to a signal (ORM flush hooks, the bulk
    importer) and rebuilt from scratch by ``flask --app app stats rebuild``; counts over a million
    signals read these few thousand rows instead.
    """

    __tablename__ = "signal_tally"
    __table_args__ = (
        UniqueConstraint(
            "month", "ministry_code", "status", "lateness", "due_at", "very_late_day", "answered_month",
            name="uq_signal_tally_key",
        ),
        Index("ix_signal_tally_ministry", "ministry_code", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: YYYY-MM of created_at in UTC (reporting periods are whole UTC months)
    month: Mapped[str] = mapped_column(String(7))
    #: the lead ministry; '' while the signal is not routed
    ministry_code: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    #: signals.deadlines.TALLY_*: no deadline, clock running (judged now), on time, late, very late
    lateness: Mapped[int] = mapped_column(Integer)
    #: the deadline of signals whose clock runs (lateness TALLY_RUNNING), so "late now" is a sum; else the epoch
    due_at: Mapped[dt.datetime] = mapped_column(Timestamp)
    #: for running clocks the UTC day number on which they become very late (signals.deadlines); else -1
    very_late_day: Mapped[int] = mapped_column(Integer)
    #: YYYY-MM of answered_at in UTC; '' while not answered
    answered_month: Mapped[str] = mapped_column(String(7))
    count: Mapped[int] = mapped_column(Integer, default=0)

    def __repr__(self) -> str:
        return f"<SignalTally {self.month} {self.ministry_code} {self.status} {self.count}>"


class SignalTallyDetail(Base):
    """Signals counted per month received, ministry scope, lead ministry, channel, status, outcome,
    deadline state and time-to-answer bucket, with the sums of people affected and time to answer:
    what the letter's key figures, outcomes, channels, flow, answer times and punctuality need for a
    period and a ministry scope (signals/tallies.py).

    A signal counts once under ``scope_code`` '' (every signal) and once under each ministry it is
    routed to (lead or co-responsible): a ministry's letter and triage dashboard count exactly those.
    """

    __tablename__ = "signal_tally_detail"
    __table_args__ = (
        UniqueConstraint(
            "scope_code", "month", "lead_code", "channel_code", "status", "outcome", "lateness", "due_at",
            "answer_bucket", name="uq_signal_tally_detail_key",
        ),
    )  # fmt: skip

    id: Mapped[int] = mapped_column(primary_key=True)
    #: '' for every signal, else a ministry the signal is routed to (lead or co-responsible)
    scope_code: Mapped[str] = mapped_column(String(20))
    #: YYYY-MM of created_at in UTC
    month: Mapped[str] = mapped_column(String(7))
    #: the lead ministry; '' while the signal is not routed
    lead_code: Mapped[str] = mapped_column(String(20))
    channel_code: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(20))
    #: '' while the signal has no outcome
    outcome: Mapped[str] = mapped_column(String(20))
    #: as SignalTally.lateness and due_at: "late now" is a sum at any moment
    lateness: Mapped[int] = mapped_column(Integer)
    due_at: Mapped[dt.datetime] = mapped_column(Timestamp)
    #: index into reports.aggregation.ANSWER_BUCKETS (signals.tallies.ANSWER_DAY_LIMITS); -1 while not answered
    answer_bucket: Mapped[int] = mapped_column(Integer)
    count: Mapped[int] = mapped_column(Integer, default=0)
    #: sum of people_affected (none counts 0)
    people: Mapped[int] = mapped_column(BigInteger, default=0)
    #: sum of the time from receipt to answer, in milliseconds (answered signals)
    answer_ms: Mapped[int] = mapped_column(BigInteger, default=0)


class SignalTallyTopic(Base):
    """Signals counted per month received, ministry scope (as SignalTallyDetail) and theme or
    regulation named: the letter's and dashboards' themes and most named regulations."""

    __tablename__ = "signal_tally_topic"
    __table_args__ = (
        UniqueConstraint("scope_code", "month", "kind", "code", name="uq_signal_tally_topic_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    scope_code: Mapped[str] = mapped_column(String(20))
    month: Mapped[str] = mapped_column(String(7))
    #: 'theme' or 'regulation'
    kind: Mapped[str] = mapped_column(String(12))
    #: the theme code, or the regulation's id (as text)
    code: Mapped[str] = mapped_column(String(40))
    count: Mapped[int] = mapped_column(Integer, default=0)


class SignalTallyRollup(Base):
    """Signals counted per scope, month received and one facet, coarse enough that a dashboard reads
    a few hundred rows for a year (signals/tallies.py): what the dashboards' key figures, punctuality,
    months, statuses, answer times, channels, outcomes and themes need.

    A signal counts once in scope ``all``, once per ministry it is routed to (``ministry``, lead or
    co-responsible) and once under the organisation that logged it (``organisation``), and in each
    scope once per facet: ``signal`` (lead, status, deadline state, answer bucket, people, time to
    answer), ``channel`` (channel, status, outcome) and ``theme`` (one row per theme tagged).
    """

    __tablename__ = "signal_tally_rollup"
    __table_args__ = (
        UniqueConstraint(
            "scope_kind", "scope_code", "facet", "month", "label", "lead_code", "status", "outcome", "lateness",
            "due_block", "very_late_block", "answer_bucket", name="uq_signal_tally_rollup_key",
        ),
    )  # fmt: skip

    id: Mapped[int] = mapped_column(primary_key=True)
    #: 'all', 'ministry' (routed to it, lead or co-responsible) or 'organisation' (logged by it)
    scope_kind: Mapped[str] = mapped_column(String(12))
    #: '' for all, else the ministry's or organisation's code
    scope_code: Mapped[str] = mapped_column(String(20))
    #: YYYY-MM of created_at in UTC
    month: Mapped[str] = mapped_column(String(7))
    #: 'signal', 'channel' or 'theme'
    facet: Mapped[str] = mapped_column(String(12))
    #: the channel (facet channel), the theme (facet theme); else ''
    label: Mapped[str] = mapped_column(String(40))
    #: the lead ministry (facet signal); '' while not routed and in the other facets
    lead_code: Mapped[str] = mapped_column(String(20))
    #: the status (facets signal and channel); '' in facet theme
    status: Mapped[str] = mapped_column(String(20))
    #: the outcome (facet channel); '' without one and in the other facets
    outcome: Mapped[str] = mapped_column(String(20))
    #: as SignalTally.lateness (facet signal; else TALLY_NO_DEADLINE)
    lateness: Mapped[int] = mapped_column(Integer)
    #: for running clocks the block of signals.tallies.DUE_BLOCK_DAYS days their deadline falls in
    #: (late now: earlier blocks are, later ones are not, the current one is judged one by one); else -1
    due_block: Mapped[int] = mapped_column(Integer)
    #: for running clocks the block in which they become very late (the same way); else -1
    very_late_block: Mapped[int] = mapped_column(Integer)
    #: as SignalTallyDetail.answer_bucket (facet signal; else -1)
    answer_bucket: Mapped[int] = mapped_column(Integer)
    count: Mapped[int] = mapped_column(Integer, default=0)
    #: sum of people_affected (facet signal)
    people: Mapped[int] = mapped_column(BigInteger, default=0)
    #: sum of the time from receipt to answer in milliseconds (facet signal)
    answer_ms: Mapped[int] = mapped_column(BigInteger, default=0)

    def __repr__(self) -> str:
        return f"<SignalTallyRollup {self.scope_kind}:{self.scope_code} {self.month} {self.facet} {self.count}>"


# the summary table's flush hooks, registered wherever the models are used (after every class above)
from signals import tallies as _tallies  # noqa: E402,F401
