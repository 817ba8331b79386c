"""Security commands: list and revoke API tokens, reset a second factor, back up and restore SQLite.

    flask --app app token list [--all]
    flask --app app token revoke ID|PREFIX
    flask --app app user reset-2fa EMAIL
    flask --app app backup FILE            # SQLite, online and consistent (sqlite3 backup API)
    flask --app app restore FILE [--yes]   # SQLite; stop the app servers first
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import click
from flask import Flask, current_app
from sqlalchemy.engine import make_url

from app.cli import token_cli, user_cli
from app.extensions import db
from signals.accounts import find_token, get_user_by_email, list_tokens, revoke_token, token_state
from signals.login import reset_second_factor

POSTGRES_HINT = (
    "PostgreSQL: maak een back-up met `pg_dump --format=custom --file=knelpunt.dump \"$DATABASE_URL\"` "
    "en zet hem terug met `pg_restore --clean --if-exists --no-owner --dbname=\"$DATABASE_URL\" knelpunt.dump` (zie README)."
)


@token_cli.command("list")
@click.option("--all", "show_all", is_flag=True, help="Also revoked and expired tokens.")
def token_list(show_all):
    """Every API token: number, first characters, user, name, expiry, last use, state."""
    shown = 0
    for token in list_tokens(db.session):
        state = token_state(token)
        if state != "active" and not show_all:
            continue
        shown += 1
        expires = token.expires_at.strftime("%Y-%m-%d") if token.expires_at else "-"
        used = token.last_used_at.strftime("%Y-%m-%d %H:%M") if token.last_used_at else "nooit"
        click.echo(f"{token.id}\t{token.prefix}…\t{token.user.email}\t{token.name or '-'}\tgeldig tot {expires}\tlaatst gebruikt {used}\t{state}")
    if not shown:
        click.echo("Geen sleutels.")


@token_cli.command("revoke")
@click.argument("ref")
def token_revoke(ref):
    """Revoke a token by its number or the characters it begins with."""
    token = find_token(db.session, ref)
    if token is None:
        click.echo(f"Geen (eenduidige) sleutel gevonden voor {ref!r}.", err=True)
        raise SystemExit(1)
    if token.revoked_at is not None:
        click.echo(f"Sleutel {token.prefix}… was al ingetrokken.")
        return
    revoke_token(db.session, token, None)
    db.session.commit()
    click.echo(f"Sleutel {token.prefix}… van {token.user.email} ingetrokken.")


@user_cli.command("reset-2fa")
@click.argument("email")
def user_reset_second_factor(email):
    """Remove a user's second factor (lost phone); they enrol again at the next log-in if it is required."""
    user = get_user_by_email(db.session, email)
    if user is None:
        click.echo(f"Onbekende gebruiker: {email}", err=True)
        raise SystemExit(1)
    reset_second_factor(db.session, user)
    db.session.commit()
    click.echo(f"Tweestapsverificatie van {user.email} gewist.")


def _sqlite_path() -> Path:
    url = make_url(current_app.config["SQLALCHEMY_DATABASE_URI"])
    if url.get_backend_name() != "sqlite":
        click.echo(POSTGRES_HINT, err=True)
        raise SystemExit(2)
    if not url.database or url.database == ":memory:":
        click.echo("Een database in het geheugen heeft geen back-up.", err=True)
        raise SystemExit(2)
    return Path(url.database)


def _copy(source: str, target: str) -> None:
    """Page by page with SQLite's backup API: a consistent snapshot, also while the app writes."""
    with sqlite3.connect(source, timeout=30) as src, sqlite3.connect(target, timeout=30) as dst:
        src.backup(dst)
    src.close()
    dst.close()


def _check(path: str) -> str | None:
    """Why ``path`` is not a usable Knelpunt database (None: it is)."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
            if connection.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                return "het bestand is beschadigd (integrity_check)"
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        connection.close()
    except sqlite3.DatabaseError as error:
        return f"geen SQLite-database ({error})"
    missing = {"alembic_version", "signal", "user_account"} - tables
    return f"geen Knelpunt-database (ontbreekt: {', '.join(sorted(missing))})" if missing else None


@click.command("backup")
@click.argument("file", type=click.Path(dir_okay=False, writable=True))
def backup_command(file):
    """Write a consistent copy of the SQLite database to FILE (online: the app may keep running)."""
    source = _sqlite_path()
    target = Path(file)
    if target.exists():
        click.echo(f"{file} bestaat al; kies een nieuw bestand.", err=True)
        raise SystemExit(1)
    db.session.remove()
    _copy(str(source), str(target))
    problem = _check(str(target))
    if problem:
        click.echo(f"Back-up mislukt: {problem}.", err=True)
        raise SystemExit(1)
    click.echo(f"Back-up geschreven naar {file} ({target.stat().st_size} bytes).")


@click.command("restore")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def restore_command(file, yes):
    """Replace the SQLite database by the backup FILE (stop the app servers first)."""
    target = _sqlite_path()
    problem = _check(file)
    if problem:
        click.echo(f"Terugzetten geweigerd: {problem}.", err=True)
        raise SystemExit(1)
    if not yes and not click.confirm(f"De database {target} wordt vervangen door {file}. Doorgaan?"):
        raise SystemExit(1)
    db.session.remove()
    db.engine.dispose()
    _copy(file, str(target))
    click.echo(f"Database teruggezet uit {file}. Voer daarna `flask --app app db upgrade` uit als de back-up ouder is.")


def register(app: Flask) -> None:
    app.cli.add_command(backup_command)
    app.cli.add_command(restore_command)
