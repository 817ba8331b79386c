"""`flask --app app knelpunten propose`: compute and print proposed knelpunten (for cron as well)."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup

from app.extensions import db
from signals.models import Proposal
from signals.notifications import deliver_pending
from signals.proposals import queue_proposal_digest, refresh_proposals

knelpunten_cli = AppGroup("knelpunten", help="Knelpunten en voorgestelde knelpunten.")


@knelpunten_cli.command("propose")
@click.option("--incremental", "mode", flag_value="incremental", help="Only compare new signals with the existing proposals (cron, every few minutes).")
@click.option("--full", "mode", flag_value="full", help="Group the whole window of signals again (nightly).")
@click.option("--digest/--no-digest", default=False, help="Also queue and send this week's digest mail.")
def propose(mode, digest):
    """Bring proposed knelpunten up to date and print the open ones, strongest first."""
    result = refresh_proposals(db.session, full={"full": True, "incremental": False}.get(mode))
    db.session.commit()
    if digest:
        queue_proposal_digest(db.session)
        db.session.commit()
        deliver_pending(db.session, current_app.extensions["knelpunt_mailer"])
        db.session.commit()
    items = sorted(
        (p for p in db.session.query(Proposal).filter(Proposal.status == "open") if p.signal_count),
        key=lambda p: (-(p.strength + p.recent_count), p.id),
    )
    click.echo(
        f"Bijgewerkt ({'volledig' if result.mode == 'full' else 'incrementeel'}): {result.considered} signalen bekeken, "
        f"{len(result.created)} nieuw, {len(result.grown)} gegroeid, {len(result.reopened)} teruggekomen; "
        f"{result.loaded} signalen gelezen."
    )
    click.echo(f"Mogelijke knelpunten: {len(items)}")
    for p in items:
        regulations = ", ".join(r.get("abbreviation") or r["code"] for r in p.regulations or []) or "-"
        target = f" -> toevoegen aan {p.knelpunt.reference}" if p.knelpunt is not None else ""
        click.echo(
            f"#{p.id} [{p.lead_ministry_code or '?'}] {p.title}{target}\n"
            f"    {p.signal_count} signalen ({p.recent_count} in 4 weken), kanalen: {', '.join(p.channels or [])}; "
            f"regelingen: {regulations}; signalen: {', '.join(str(i) for i in p.signal_ids)}"
        )
