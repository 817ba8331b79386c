"""`flask --app app routing evaluate|train|retrain|versions|rollback`: measuring and managing the router."""

from __future__ import annotations

import json

import click
from flask.cli import AppGroup

from app.extensions import db
from signals.classifier import read_examples
from signals.learning import list_versions, load_corpus, retrain_router, rollback
from signals.reference import current_ministry_codes
from signals.routing import build_profiles, get_classifier, get_text_router
from signals.routing_eval import cross_validate, evaluate, format_report, held_out, shipped_params, train_shipped

routing_cli = AppGroup("routing", help="De tekstrouter en de ministerie-classifier.")


def _examples(file):
    codes = current_ministry_codes(db.session)
    try:
        return read_examples(file, lambda code: codes.get(code.strip().upper()))
    except ValueError as error:
        raise click.ClickException(f"{file}: {error}") from error


@routing_cli.command("evaluate")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--held-out", "mode", flag_value="held-out", help="Train first without every source in FILE.")
@click.option("--cross-validate", "mode", flag_value="cross-validate", help="GroupKFold over the sources in FILE.")
@click.option("--threshold", type=float, default=None, help="Threshold for automatic routing (default: the tuned one).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def routing_evaluate(file, mode, threshold, as_json):
    """Measure routing on FILE.csv (text, lead_ministry[, co_ministries, source, names_rule])."""
    examples = _examples(file)
    if not examples:
        raise click.ClickException(f"{file}: geen voorbeelden")
    if threshold is not None and not 0.0 <= threshold <= 1.0:
        raise click.BadParameter("kies een drempel tussen 0 en 1", param_hint="--threshold")
    profiles = build_profiles(db.session)
    router = get_text_router(db.session)
    # the settings and threshold chosen on the corpus, by source; nothing is tuned on FILE
    params = shipped_params(get_classifier(db.session))
    tuned = params.pop("threshold", None)
    if mode == "held-out":
        result, _ = held_out(load_corpus(db.session), profiles, router, examples, threshold if threshold is not None else tuned, **params)
        title = "Routering, getraind zonder de bronnen uit het bestand:"
    elif mode == "cross-validate":
        result = cross_validate(examples, profiles, router, threshold, **params)
        title = "Routering, per bron uitgehouden (GroupKFold):"
    else:
        result = evaluate(get_classifier(db.session), router, examples, threshold)
        title = "Routering met het actieve model:"
    if as_json:
        click.echo(json.dumps({**result.as_dict(), "confusion": {k: dict(v) for k, v in result.confusion.items()}}, indent=2))
    else:
        for line in format_report(result, title):
            click.echo(line)


@routing_cli.command("train")
def routing_train():
    """Train the shipped classifier on the corpus; the threshold is tuned by held-out source."""
    corpus = load_corpus(db.session)
    classifier = train_shipped(corpus, build_profiles(db.session), get_text_router(db.session))
    figures = classifier.metrics["cross_validated"]
    click.echo(
        f"Getraind op {len(corpus)} voorbeelden; drempel {classifier.threshold:.2f}; per bron uitgehouden: "
        f"juist {figures['accuracy']:.1%}, automatisch {figures['coverage']:.1%} waarvan juist {figures['auto_precision']:.1%}."
    )


@routing_cli.command("retrain")
def routing_retrain():
    """Learn from every routing decision by a person; the new version is used only if it is not worse on the corpus."""
    result = retrain_router(db.session, build_profiles(db.session), get_text_router(db.session))
    db.session.commit()
    state = "in gebruik" if result.activated else "niet in gebruik (slechter op het corpus)"
    click.echo(
        f"Routeerbeslissingen: {result.examples}; juist op het corpus: oud {result.accuracy_before:.1%}, "
        f"nieuw {result.accuracy_after:.1%}; model {result.model_id} {state}; {result.seconds:.1f} s."
    )


@routing_cli.command("versions")
def routing_versions():
    """List the stored model versions with their figures."""
    versions = list_versions(db.session)
    if not versions:
        click.echo("Nog geen eigen versies; het meegeleverde model is in gebruik.")
    for version in versions:
        mark = "*" if version.is_active else " "
        accuracy = "-" if version.accuracy_after is None else f"{version.accuracy_after:.1%}"
        click.echo(f"{mark} {version.id:>4}  {version.created_at:%Y-%m-%d %H:%M}  corpus {accuracy}  {version.note}")


@routing_cli.command("rollback")
@click.argument("model_id", required=False, type=int)
def routing_rollback(model_id):
    """Use an earlier model version again (default: the one before the active one; none left = the shipped model)."""
    try:
        target = rollback(db.session, model_id)
    except LookupError as error:
        raise click.ClickException(f"Onbekende modelversie: {model_id}") from error
    db.session.commit()
    click.echo(f"Model {target.id} is weer in gebruik." if target else "Het meegeleverde model is weer in gebruik.")
