"""The letters page: choose period and scope, preview, download each format, publish, list published letters."""

from __future__ import annotations

import datetime as dt

from flask import Response, abort, current_app, flash, jsonify, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app import jobs
from app.extensions import db
from app.headers import allow_inline_scripts
from app.letters import bp
from app.letters.forms import LetterForm, PublishForm
from app.security import role_required
from reports import export, render
from reports.letter import ALL, build_bottleneck_letter
from reports.letterhead import letterhead_from_config
from reports.periods import PERIOD_NAMES, Period, parse_period, recent_periods
from reports.publish import (
    file_name,
    get_letter_file,
    get_published_letter,
    letter_scope_for,
    list_published_letters,
    publish_letter,
)
from signals.errors import N_, InvalidInput
from signals.models import BackgroundJob
from signals.permissions import letter_scope_is_own_ministry, may_publish_letters, may_read_letters
from signals.reference import list_current_ministries


def period_name(period: Period) -> str:
    """The period's name in the user's language, e.g. 'derde kwartaal 2026' / 'third quarter 2026'."""
    if period.kind == "Y":
        return str(period.year)
    return _(PERIOD_NAMES[period.kind, period.number], year=period.year)


def period_choices() -> list[tuple[str, str]]:
    """Recent quarters, halves and years for the pick list."""
    return [(p.code, f"{p.code} – {period_name(p)}") for p in recent_periods(dt.date.today())]


def scope_choices() -> list[tuple[str, str]]:
    """All ministries (not for triage) and each ministry the user may choose."""
    ministries = list_current_ministries(db.session)
    if letter_scope_is_own_ministry(current_user):
        return [(m.code, f"{m.code} – {m.name}") for m in ministries if m.code == current_user.organisation_code]
    return [(ALL, _("Alle ministeries"))] + [(m.code, f"{m.code} – {m.name}") for m in ministries]


def current_letterhead() -> dict:
    """This deployment's letterhead (LETTER_* settings)."""
    return letterhead_from_config(current_app.config)


#: the download buttons of a letter: format, label (a msgid)
DOWNLOADS = (
    ("pdf", N_("PDF (toegankelijk, om te versturen)")),
    ("docx", N_("Word")),
    ("xlsx", N_("Excel (alle tabellen)")),
    ("csv", N_("CSV (alle tabellen)")),
    ("html", N_("Losse webpagina")),
)


def _letter_args(source) -> tuple:
    """Period and scope from a form or the query string; InvalidInput names the field."""
    period = parse_period(source.get("period"))
    ministry = letter_scope_for(db.session, current_user, source.get("ministry"))
    return period, ministry


@bp.get("/")
@role_required(may_read_letters)
def index():
    form = LetterForm(request.args)
    form.period.choices = period_choices()
    form.ministry.choices = scope_choices()
    chosen = None
    if request.args and form.validate():
        chosen = {"period": form.period.data, "ministry": form.ministry.data}
    publish_form = PublishForm(data=chosen) if chosen else None
    letters = list_published_letters(db.session, current_user)
    return render_template(
        "letters/index.html",
        form=form,
        chosen=chosen,
        publish_form=publish_form,
        can_publish=may_publish_letters(current_user),
        letters=letters,
        formats=list(render.FORMATS),
    )


@bp.get("/voorbeeld")
@role_required(may_read_letters)
def preview():
    period, ministry = _letter_args(request.args)
    letter = build_bottleneck_letter(db.session, period, ministry, letterhead=current_letterhead())
    html = render.render_html(letter, plotly_js_url=url_for("letters.plotly_js"))
    allow_inline_scripts(html)
    return Response(html, mimetype="text/html")


@bp.get("/download")
@role_required(may_read_letters)
def download():
    period, ministry = _letter_args(request.args)
    fmt = request.args.get("format", "html")
    if fmt not in render.FORMATS:
        raise InvalidInput({"format": [_("Kies html, pdf, docx, csv of xlsx.")]})
    if jobs.redis_url() and fmt != "html":  # a worker makes the file; the page shows its progress
        job = jobs.submit("letter_file", {"period": period.code, "ministry": ministry, "format": fmt}, current_user)
        return redirect(url_for(".job", job_id=job.id))
    letter = build_bottleneck_letter(db.session, period, ministry, letterhead=current_letterhead())
    name = file_name(period.code, ministry or ALL, fmt)
    if fmt in export.WRITERS:  # the whole annex, streamed from the database through a spooled file
        return _stream_response(export.export_file(db.session, letter, fmt), fmt, name)
    return _file_response(render.render(letter, fmt), fmt, name)


@bp.post("/publiceren")
@role_required(may_publish_letters)
def publish():
    form = PublishForm()
    if not form.validate_on_submit():
        flash(_("Kies eerst een periode en een reikwijdte."), "error")
        return redirect(url_for(".index"))
    period, ministry = _letter_args(form.data)
    if jobs.redis_url():
        job = jobs.submit("publish_letter", {"period": period.code, "ministry": ministry}, current_user)
        return redirect(url_for(".job", job_id=job.id))
    letter = publish_letter(db.session, current_user, period, ministry, letterhead=current_letterhead())
    db.session.commit()
    flash(
        _("De brief %(title)s is gepubliceerd (versie %(version)s).", title=letter.title, version=letter.version),
        "success",
    )
    return redirect(url_for(".index"))


@bp.get("/gepubliceerd/<int:letter_id>")
@role_required(may_read_letters)
def published(letter_id: int):
    letter = get_published_letter(db.session, current_user, letter_id)
    downloads = [
        (f.format, _(dict(DOWNLOADS).get(f.format, f.format)), url_for(".published_file", letter_id=letter.id, fmt=f.format))
        for f in sorted(letter.files, key=lambda f: [d[0] for d in DOWNLOADS].index(f.format) if f.format in dict(DOWNLOADS) else 99)
    ]
    # letters published before the letter had its own page show their stored web version instead
    body = render.render_app_html(letter.data) if (letter.data or {}).get("tables") else None
    return render_template("letters/published.html", letter=letter, body=body, downloads=downloads)


@bp.get("/brief")
@role_required(may_read_letters)
def view():
    """The letter of a period and scope inside the app, with a way back and a download button per format."""
    period, ministry = _letter_args(request.args)
    letter = build_bottleneck_letter(db.session, period, ministry, letterhead=current_letterhead())
    chosen = {"period": period.code, "ministry": ministry or ALL}
    downloads = [(fmt, _(label), url_for(".download", format=fmt, **chosen)) for fmt, label in DOWNLOADS]
    return render_template(
        "letters/view.html",
        letter=letter,
        body=render.render_app_html(letter),
        downloads=downloads,
        chosen=chosen,
        can_publish=may_publish_letters(current_user),
        publish_form=PublishForm(data=chosen),
    )


@bp.get("/brief.css")
def letter_css():
    """The letter's stylesheet (with the ministry colours), as a file: pages load no inline styles."""
    return Response(render.letter_css(), mimetype="text/css", headers={"Cache-Control": "public, max-age=3600"})


@bp.get("/gepubliceerd/<int:letter_id>/<fmt>")
@role_required(may_read_letters)
def published_file(letter_id: int, fmt: str):
    stored = get_letter_file(db.session, current_user, letter_id, fmt)
    letter = stored.letter
    response = _file_response(stored.content, fmt, file_name(letter.period, letter.scope, fmt, letter.version))
    response.headers["ETag"] = f'"{stored.sha256}"'
    return response


@bp.get("/plotly.min.js")
def plotly_js():
    """The plotly.js bundled with the pinned plotly package: no CDN."""
    response = send_file(render.plotly_js_path(), mimetype="text/javascript", max_age=86400)
    return response


def _stream_response(handle, fmt: str, name: str) -> Response:
    response = send_file(handle, mimetype=render.FORMATS[fmt].split(";")[0], as_attachment=True, download_name=name)
    response.headers["Content-Type"] = render.FORMATS[fmt]
    return response


def _file_response(content: bytes, fmt: str, name: str) -> Response:
    response = Response(content, mimetype=render.FORMATS[fmt].split(";")[0])
    if fmt == "html":
        allow_inline_scripts(content)  # the letter's own charts (and inlined plotly.js) may run
    else:
        response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["Content-Type"] = render.FORMATS[fmt]
    return response


def _own_job(job_id: str) -> BackgroundJob:
    job = db.session.get(BackgroundJob, job_id)
    if job is None or job.user_id != current_user.id:
        abort(404)
    return job


def _job_state(job: BackgroundJob) -> dict:
    state = {"id": job.id, "status": job.status, "progress": job.progress, "message": job.message}
    if job.status == "done":
        if job.content is not None:
            state["result_url"] = url_for(".job_file", job_id=job.id)
        elif job.params.get("letter_id"):
            state["result_url"] = url_for(".published", letter_id=job.params["letter_id"])
    return state


@bp.get("/taak/<job_id>")
@role_required(may_read_letters)
def job(job_id: str):
    """A background job's progress; refreshes itself (script, or meta refresh without it) until it is done."""
    job = _own_job(job_id)
    return render_template("letters/job.html", job=job, state=_job_state(job))


@bp.get("/taak/<job_id>/status")
@role_required(may_read_letters)
def job_status(job_id: str):
    return jsonify(_job_state(_own_job(job_id)))


@bp.get("/taak/<job_id>/bestand")
@role_required(may_read_letters)
def job_file(job_id: str):
    job = _own_job(job_id)
    if job.status != "done" or job.content is None:
        abort(404)
    fmt = job.params["format"]
    return _file_response(job.content, fmt, job.file_name or f"knelpuntenbrief.{fmt}")
