"""Publishing letters: frozen data and renderings, served byte for byte later; who may read which letter."""

from __future__ import annotations

import datetime as dt
import hashlib

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, defer, load_only, selectinload

from reports import render
from reports.aggregation import validate_ministry
from reports.letter import ALL, build_bottleneck_letter
from reports.letterhead import kenmerk
from reports.periods import Period
from signals import permissions
from signals.audit import record_event
from signals.errors import N_, NotFound, PermissionDenied, TransitionNotAllowed
from signals.models import LetterFile, PublishedLetter, User

#: roles that may read letters (triage: own ministry only) and roles that may publish (kept for imports)
LETTER_ROLES = permissions.LETTER_ROLES
PUBLISH_ROLES = permissions.PUBLISH_ROLES


def letter_scope_for(session: Session, user: User, ministry: str | None, field: str = "ministry") -> str | None:
    """The ministry scope ``user`` may ask for (None: all); InvalidInput for unknown codes, PermissionDenied otherwise."""
    if not permissions.may_read_letters(user):
        raise PermissionDenied(N_("Uw rol geeft geen toegang tot knelpuntenbrieven."))
    code = validate_ministry(session, ministry, field)
    if permissions.letter_scope_is_own_ministry(user):
        if code is None:
            return user.organisation_code
        if code != user.organisation_code:
            raise PermissionDenied(N_("U kunt alleen de brief van uw eigen ministerie opvragen."))
    return code


def check_can_read(user: User, letter: PublishedLetter) -> None:
    """PermissionDenied unless ``user`` may read ``letter``."""
    if permissions.may_read_letter(user, letter.scope):
        return
    raise NotFound(N_("Deze brief bestaat niet of u hebt er geen toegang toe."))


def publish_letter(
    session: Session,
    user: User,
    period: Period,
    ministry: str | None,
    now: dt.datetime | None = None,
    letterhead: dict | None = None,
) -> PublishedLetter:
    """Build, render (every format) and store a letter as a new version, with an audit event; caller commits.

    The kenmerk of a published letter carries its version (KNP-2026-Q3-ALL-v2).
    """
    if not permissions.may_publish_letters(user):
        raise PermissionDenied(N_("Alleen de coördinator of een liaison kan een brief publiceren."))
    data = build_bottleneck_letter(session, period, ministry, now=now, letterhead=letterhead)
    from reports.export import annex_source

    scope = ministry or ALL
    version = (
        session.scalar(
            select(func.max(PublishedLetter.version)).where(
                PublishedLetter.period == period.code, PublishedLetter.scope == scope
            )
        )
        or 0
    ) + 1
    if "sending" in data:
        prefix = data["sending"].get("kenmerk_prefix") or "KNP"
        data["sending"]["kenmerk"] = kenmerk(prefix, period, scope, version)
    files = render.render_all(data, annex=annex_source(session, data))
    letter = PublishedLetter(
        period=period.code,
        scope=scope,
        version=version,
        title=data["title"][:300],
        data=data,
        checksum=render.checksum(data, files),
        published_by_id=user.id,
    )
    if now is not None:
        letter.published_at = now
    for fmt, content in files.items():
        letter.files.append(
            LetterFile(
                format=fmt, media_type=render.FORMATS[fmt], content=content, sha256=hashlib.sha256(content).hexdigest()
            )
        )
    try:
        with session.begin_nested():
            session.add(letter)
            session.flush()
    except IntegrityError:
        # someone published the same period and scope at the same moment: their version stands
        raise TransitionNotAllowed(
            N_("Tegelijk is een andere versie van deze brief gepubliceerd. Bekijk de lijst en publiceer zo nodig opnieuw.")
        ) from None
    record_event(
        session,
        "letter",
        letter.id,
        "publish",
        actor=user,
        to_state="published",
        note=data["title"],
        data={"period": period.code, "scope": scope, "version": version, "checksum": letter.checksum},
    )
    session.flush()
    return letter


def list_published_letters(
    session: Session, user: User, ministry: str | None = None, period: str | None = None
) -> list[PublishedLetter]:
    """Published letters ``user`` may read, newest first; optionally one scope or period.

    Only what a list shows: the frozen data (megabytes for a year at a million signals) and the
    files' bytes stay in the database until a letter or file is opened; loaded with the list,
    every page that names the latest letter read them all.
    """
    stmt = (
        select(PublishedLetter)
        .options(
            defer(PublishedLetter.data),
            selectinload(PublishedLetter.files).options(load_only(LetterFile.format, LetterFile.media_type)),
        )
        .order_by(PublishedLetter.published_at.desc(), PublishedLetter.id.desc())
    )
    if permissions.letter_scope_is_own_ministry(user):
        stmt = stmt.where(PublishedLetter.scope == user.organisation_code)
    elif not permissions.may_publish_letters(user):
        return []
    if ministry:
        stmt = stmt.where(PublishedLetter.scope == ministry.upper())
    if period:
        stmt = stmt.where(PublishedLetter.period == period)
    return list(session.scalars(stmt))


def get_published_letter(session: Session, user: User, letter_id: int) -> PublishedLetter:
    """A published letter ``user`` may read, or NotFound."""
    letter = session.get(PublishedLetter, letter_id)
    if letter is None:
        raise NotFound(N_("Deze brief bestaat niet of u hebt er geen toegang toe."))
    check_can_read(user, letter)
    return letter


def get_letter_file(session: Session, user: User, letter_id: int, fmt: str) -> LetterFile:
    """One stored rendering, exactly as published."""
    letter = get_published_letter(session, user, letter_id)
    stored = next((f for f in letter.files if f.format == fmt), None)
    if stored is None:
        raise NotFound(N_("Dit formaat is niet bewaard bij deze brief."))
    return stored


def file_name(period: str, scope: str, fmt: str, version: int | None = None) -> str:
    """knelpuntenbrief-2026-Q3-SZW[-v2].pdf"""
    suffix = f"-v{version}" if version else ""
    return f"knelpuntenbrief-{period}-{scope}{suffix}.{render.EXTENSIONS[fmt]}"
