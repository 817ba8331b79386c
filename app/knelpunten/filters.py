"""The knelpunten list's filter form (GET): ministry, status, regulation, period, search and sort."""

from __future__ import annotations

import datetime as dt

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SearchField, SelectField
from wtforms.validators import Length, Optional

from reports.periods import parse_period, recent_periods
from signals.errors import InvalidInput
from signals.knelpunt_search import SORTS, KnelpuntFilters
from signals.knelpunten import KNELPUNT_STATUSES
from signals.reference import list_current_ministries, list_regulations


def regulation_label(regulation) -> str:
    """'Participatiewet (Pw)': the name first, so two laws abbreviated 'Aw' stay apart."""
    if regulation.abbreviation and regulation.abbreviation != regulation.title:
        return f"{regulation.title} ({regulation.abbreviation})"
    return regulation.title


class KnelpuntFilterForm(FlaskForm):
    class Meta:
        csrf = False

    q = SearchField(_l("Zoeken"), validators=[Optional(), Length(max=200)], description=_l("Woorden uit kenmerk, titel, probleem of oplossingsrichting."))
    ministry = SelectField(_l("Ministerie"), validators=[Optional()])
    status = SelectField(_l("Status"), validators=[Optional()])
    regulation = SelectField(_l("Regeling"), validators=[Optional()])
    period = SelectField(_l("Vastgesteld in"), validators=[Optional()])
    sort = SelectField(_l("Sorteren"), validators=[Optional()])


def filter_form(session, args) -> KnelpuntFilterForm:
    """The form with its choices; values outside the choices are dropped, never trusted."""
    form = KnelpuntFilterForm(args)
    everything = [("", _("Alle"))]
    form.ministry.choices = everything + [(m.code, m.name) for m in list_current_ministries(session)]
    form.status.choices = everything + [(code, _(label)) for code, label in KNELPUNT_STATUSES.items()]
    form.regulation.choices = everything + sorted(
        ((r.code, regulation_label(r)) for r in list_regulations(session)), key=lambda c: c[1].lower()
    )
    from app.letters.routes import period_name

    form.period.choices = everything + [(p.code, period_name(p)) for p in recent_periods(dt.date.today())]
    form.sort.choices = [(key, _(label)) for key, (label, _order) in SORTS.items()]
    for field in (form.ministry, form.status, form.regulation, form.period, form.sort):
        if field.data not in {value for value, _label in field.choices}:
            field.data = field.choices[0][0]
    return form


def filters_from(form: KnelpuntFilterForm) -> KnelpuntFilters:
    """The domain filters from a (cleaned) form."""
    start = end = None
    if form.period.data:
        try:
            period = parse_period(form.period.data)
        except InvalidInput:
            period = None
        if period is not None:
            start, end = period.start, period.end
    return KnelpuntFilters(
        ministry=form.ministry.data or None,
        status=form.status.data or None,
        regulation=form.regulation.data or None,
        start=start,
        end=end,
        q=(form.q.data or "").strip()[:200] or None,
        sort=form.sort.data or "newest",
    )
