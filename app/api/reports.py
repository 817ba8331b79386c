"""GET /api/v1/reports/bottleneck-letter: the letter as JSON data or a rendered file."""

from __future__ import annotations

from flask import Response, current_app, jsonify, request, send_file, url_for

from app.api import bp
from app.api.routes import _user
from app.extensions import db
from app.headers import allow_inline_scripts
from reports import export, render
from reports.letter import ALL, build_bottleneck_letter
from reports.letterhead import letterhead_from_config
from reports.periods import parse_period
from reports.publish import file_name, letter_scope_for
from signals.errors import N_, FieldErrors, InvalidInput, PermissionDenied
from signals.permissions import may_read_letters

API_FORMATS = ("json", *render.FORMATS)


@bp.get("/reports/bottleneck-letter")
def bottleneck_letter():
    """The bottleneck letter for ?period=&ministry=&format=."""
    user = _user()
    if not may_read_letters(user):
        raise PermissionDenied(N_("Uw rol geeft geen toegang tot knelpuntenbrieven."))
    errors = FieldErrors()
    period = ministry = None
    try:
        period = parse_period(request.args.get("period"))
    except InvalidInput as error:
        errors.fields.update(error.fields)
    fmt = request.args.get("format", "json")
    if fmt not in API_FORMATS:
        errors.add("format", N_("Kies json, html, pdf, docx, csv of xlsx."))
    try:
        ministry = letter_scope_for(db.session, user, request.args.get("ministry"))
    except InvalidInput as error:
        errors.fields.update(error.fields)
    errors.raise_if_any()
    letter = build_bottleneck_letter(db.session, period, ministry, letterhead=letterhead_from_config(current_app.config))
    if fmt == "json":
        annex = letter["tables"]["annex"]
        links = {
            f: url_for(".bottleneck_letter", period=period.code, ministry=ministry or ALL, format=f, _external=False)
            for f in export.WRITERS
        }
        annex["links"] = links
        if request.args.get("annex") in ("1", "true", "yes") and not annex["complete"]:
            annex["rows"] = list(export.annex_source(db.session, letter)())
            annex["complete"] = True
        return jsonify(letter)
    name = file_name(period.code, ministry or ALL, fmt)
    if fmt in export.WRITERS:  # the whole annex, streamed from the database through a spooled file
        response = send_file(
            export.export_file(db.session, letter, fmt),
            mimetype=render.FORMATS[fmt].split(";")[0],
            as_attachment=True,
            download_name=name,
        )
        response.headers["Content-Type"] = render.FORMATS[fmt]
        return response
    content = render.render(letter, fmt)
    if fmt == "html":
        allow_inline_scripts(content)
    response = Response(content, content_type=render.FORMATS[fmt])
    response.headers["Content-Disposition"] = f'{"inline" if fmt == "html" else "attachment"}; filename="{name}"'
    return response


@bp.get("/regulations/<bwb_id>/dossier")
def regulation_dossier(bwb_id: str):
    """Everything about one regulation that the caller may count (aggregates only for a liaison)."""
    from reports.dashboard import countable_signals
    from reports.dossier import build_dossier, get_regulation_or_404

    user = _user()
    countable_signals(user)  # PermissionDenied (403) for roles without dashboards, before a 404 can leak
    regulation = get_regulation_or_404(db.session, bwb_id)
    return jsonify(build_dossier(db.session, user, regulation))
