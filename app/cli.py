"""CLI commands: `flask --app app reference load | user create | token create | seed-demo`."""

from __future__ import annotations

import sys

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from app.extensions import db
from signals.accounts import create_token, create_user, get_user_by_email
from signals.demo import seed_demo
from signals.errors import InvalidInput
from signals.followup import check_deadlines
from signals.importer import import_rows, read_rows, read_xlsx_rows
from signals.notifications import deliver_pending
from signals.proposals import queue_proposal_digest, refresh_proposals
from signals.reference import load_reference_data
from signals.vocabulary import ROLES


def _fail(error: InvalidInput) -> None:
    for name, messages in error.fields.items():
        for message in messages:
            click.echo(f"{name}: {message}", err=True)
    raise SystemExit(1)


reference_cli = AppGroup("reference", help="Referentiegegevens (ministeries, organisaties, kanalen, regelingen).")
user_cli = AppGroup("user", help="Gebruikers.")
token_cli = AppGroup("token", help="API-sleutels.")


@reference_cli.command("load")
def reference_load():
    """Load or update the reference data from signals/data/*.csv."""
    counts = load_reference_data(db.session)
    db.session.commit()
    click.echo(", ".join(f"{k}: {v}" for k, v in counts.items()))


@user_cli.command("create")
@click.argument("email")
@click.option("--role", required=True, type=click.Choice(sorted(ROLES)))
@click.option("--org", "organisation", required=True, help="Code of the organisation, e.g. SZW or UWV.")
@click.option("--password", default=None, help="At least 8 characters; generated and printed when left out.")
@click.option("--name", default="")
@click.option(
    "--must-change/--no-must-change",
    default=None,
    help="Ask for a new password at the first log-in (default: yes when the password is generated).",
)
def user_create(email, role, organisation, password, name, must_change):
    """Create a user."""
    try:
        user, plain = create_user(db.session, email, role, organisation, password=password, name=name)
    except InvalidInput as error:
        _fail(error)
    # a password someone else chose (printed here) is changed at the first log-in (issue 14)
    user.must_change_password = password is None if must_change is None else must_change
    db.session.commit()
    click.echo(f"Gebruiker {user.email} ({user.role}, {user.organisation_code}) aangemaakt.")
    if password is None:
        click.echo(f"Wachtwoord: {plain}")


@token_cli.command("create")
@click.argument("email")
@click.option("--name", default="", help="What the token is for.")
@click.option("--expires-days", type=click.IntRange(0, 3650), default=90, show_default=True, help="Valid for this many days (0: no expiry).")
def token_create(email, name, expires_days):
    """Create an API token for a user; the token is the last line printed."""
    import datetime as dt

    from signals.models import utcnow

    user = get_user_by_email(db.session, email)
    if user is None:
        click.echo(f"Onbekende gebruiker: {email}", err=True)
        raise SystemExit(1)
    expires_at = utcnow() + dt.timedelta(days=expires_days) if expires_days else None
    _token, plain = create_token(db.session, user, name=name, expires_at=expires_at)
    db.session.commit()
    click.echo(f"API-sleutel voor {user.email} (bewaar hem nu, hij wordt niet nog eens getoond):")
    click.echo(plain)


@click.command("seed-demo")
@click.option("--count", default=200, show_default=True, help="Number of demo signals.")
def seed_demo_command(count):
    """Load demo users and signals (once; later runs only print the log-ins)."""
    load_reference_data(db.session)
    result = seed_demo(db.session, count=count)
    db.session.commit()
    if result.created:
        click.echo(f"Demodata geladen: {result.signals} signalen.")
    else:
        click.echo(f"Demodata was al geladen ({result.signals} signalen).")
    click.echo(f"Demo-inlogs (wachtwoord voor allemaal: {result.logins[0][1]}):")
    for email, _password, role, org in result.logins:
        click.echo(f"  {role:<12} {org:<6} {email}")


deadlines_cli = AppGroup("deadlines", help="Termijnen bewaken (voor cron).")


@deadlines_cli.command("check")
@click.option("--auto-close-days", type=int, default=None, help="Close answered signals without reaction after this many days.")
def deadlines_check(auto_close_days):
    """Escalate missed deadlines and auto-close answered signals; safe to run as often as you like."""
    days = auto_close_days if auto_close_days is not None else current_app.config["AUTO_CLOSE_DAYS"]
    run = check_deadlines(db.session, auto_close_days=days, contact_retention_days=current_app.config["CONTACT_RETENTION_DAYS"])
    db.session.commit()
    proposals = refresh_proposals(db.session)  # new signals only, unless much is new
    queue_proposal_digest(db.session)  # once a week (dedup key per week)
    db.session.commit()
    sent = deliver_pending(db.session, current_app.extensions["knelpunt_mailer"])
    db.session.commit()
    click.echo(f"Geëscaleerd: {len(run.escalated)}; automatisch afgesloten: {len(run.closed)}; mails verstuurd: {sent}.")
    click.echo(f"Contactgegevens verwijderd na de bewaartermijn: {run.contacts_purged}.")
    click.echo(f"Mogelijke knelpunten: {len(proposals.created)} nieuw, {len(proposals.grown)} gegroeid.")


from app.routing_cli import routing_cli  # noqa: E402  (routing commands live in their own module)


@click.command("import-signals")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--as", "submitter_email", required=True, help="E-mail of the frontline or coordinator user the signals are logged for.")
def import_signals_command(file, submitter_email):
    """Import signals from CSV or XLSX (columns: channel,title,description[,regulations,observed_on,people_affected,themes,impact,proposed_solution,external_id]).

    Rows whose external_id (the channel's own reference) is already stored are skipped: importing
    the same file again creates nothing new. Committed per batch of 1,000 rows.
    """
    submitter = get_user_by_email(db.session, submitter_email)
    if submitter is None:
        click.echo(f"Onbekende gebruiker: {submitter_email}", err=True)
        raise SystemExit(1)
    if file.lower().endswith(".xlsx"):
        with open(file, "rb") as fh:
            header, rows = read_xlsx_rows(fh.read())
        rows = list(rows)
    else:
        with open(file, encoding="utf-8-sig", newline="") as fh:
            header, rows = read_rows(fh.read())
        rows = list(rows)
    with click.progressbar(length=len(rows), label="Signalen importeren", file=sys.stderr) as bar:
        report = import_rows(
            db.session, submitter, header, rows, current_app.config["ROUTING_THRESHOLD"],
            progress=bar.update, commit=db.session.commit,
        )  # fmt: skip
    db.session.commit()
    deliver_pending(db.session, current_app.extensions["knelpunt_mailer"])
    db.session.commit()
    for row, field, message in report.errors:
        click.echo(f"rij {row}: {field or 'rij'}: {message}")
    click.echo(
        f"Geïmporteerd: {len(report.imported)}; geweigerd: {report.failed_rows}; "
        f"met verwijderde persoonsgegevens: {report.masked_rows}."
        + (f" Al aanwezig (zelfde external_id), niet opnieuw: {len(report.skipped)}." if report.skipped else "")
    )
    if report.errors:
        raise SystemExit(1)


stats_cli = AppGroup("stats", help="De samenvattingstabel van de tellingen (signal_tally).")


@stats_cli.command("rebuild")
def stats_rebuild():
    """Count every signal again into the summary table (after writes that bypassed the app)."""
    from signals import tallies

    rows = tallies.rebuild(db.session)
    db.session.commit()
    click.echo(f"summary table rebuilt: {rows} rows")


privacy_cli = AppGroup("privacy", help="Privacy guard over stored data.")


@privacy_cli.command("rescan")
@click.option("--dry-run", is_flag=True, help="Only count what would be masked; change nothing.")
def privacy_rescan_command(dry_run):
    """Run the current privacy guard over stored texts and mask what it finds (idempotent)."""
    from signals.privacy_rescan import rescan

    report = rescan(db.session, dry_run=dry_run)
    if not dry_run:
        db.session.commit()
    click.echo(("Proefdraai, niets gewijzigd." if dry_run else "Klaar.") + " Gevonden per soort:")
    for line in report.lines() or ["niets gevonden"]:
        click.echo(f"  {line}")


def register(app: Flask) -> None:
    """Attach the commands to ``app.cli``."""
    app.cli.add_command(reference_cli)
    app.cli.add_command(user_cli)
    app.cli.add_command(token_cli)
    app.cli.add_command(seed_demo_command)
    app.cli.add_command(deadlines_cli)
    app.cli.add_command(stats_cli)
    app.cli.add_command(routing_cli)
    app.cli.add_command(import_signals_command)
    app.cli.add_command(privacy_cli)

    from app.letters.cli import report_cli

    app.cli.add_command(report_cli)

    from app import security_cli

    security_cli.register(app)

    from app.knelpunten.cli import knelpunten_cli

    app.cli.add_command(knelpunten_cli)
