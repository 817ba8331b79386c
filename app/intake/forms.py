"""Forms for reporting a signal and for the workflow steps."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from signals.intake import TEXT_MAX, TITLE_MAX


class SignalForm(FlaskForm):
    """The intake form: everything a frontline worker knows in two minutes."""

    channel = SelectField(_l("Kanaal"), validators=[DataRequired(_l("Kies het kanaal waarlangs u het signaal kreeg."))])
    title = StringField(
        _l("Korte titel"),
        validators=[
            DataRequired(_l("Geef het signaal een korte titel.")),
            Length(max=TITLE_MAX, message=_l("De titel mag hoogstens 200 tekens lang zijn.")),
        ],
    )
    description = TextAreaField(
        _l("Wat ging er mis?"),
        validators=[
            DataRequired(_l("Beschrijf wat er gebeurde en welke regel het veroorzaakt.")),
            Length(max=TEXT_MAX, message=_l("Deze tekst mag hoogstens 10.000 tekens lang zijn.")),
        ],
        render_kw={"rows": 7},
    )
    regulation_1 = StringField(_l("Regeling"), validators=[Optional()], render_kw={"list": "regulation-options", "autocomplete": "off"})
    regulation_2 = StringField(_l("Tweede regeling (samenloop)"), validators=[Optional()], render_kw={"list": "regulation-options", "autocomplete": "off"})
    regulation_3 = StringField(_l("Derde regeling (samenloop)"), validators=[Optional()], render_kw={"list": "regulation-options", "autocomplete": "off"})
    observed_on = DateField(_l("Wanneer zag u dit?"), validators=[Optional()], format="%Y-%m-%d")
    people_affected = IntegerField(
        _l("Aantal betrokken mensen"),
        validators=[Optional(), NumberRange(min=1, max=10_000_000, message=_l("Vul een aantal van 1 of meer in."))],
    )
    themes = SelectMultipleField(_l("Rode draden"), validators=[Optional()], render_kw={"checkboxes": True})
    impact = TextAreaField(
        _l("Gevolgen voor mensen"),
        validators=[Optional(), Length(max=TEXT_MAX, message=_l("Deze tekst mag hoogstens 10.000 tekens lang zijn."))],
        render_kw={"rows": 3},
    )
    contact = StringField(
        _l("Hoe kan het ministerie u bereiken?"),
        validators=[Optional(), Length(max=500, message=_l("Hoogstens 500 tekens."))],
    )
    proposed_solution = TextAreaField(
        _l("Voorstel voor een oplossing"),
        validators=[Optional(), Length(max=TEXT_MAX, message=_l("Deze tekst mag hoogstens 10.000 tekens lang zijn."))],
        render_kw={"rows": 3},
    )

    def regulation_inputs(self) -> list[tuple[str, str]]:
        return [(f.name, f.data.strip()) for f in (self.regulation_1, self.regulation_2, self.regulation_3) if f.data and f.data.strip()]


class TransitionForm(FlaskForm):
    """One workflow step; which fields matter depends on the step (see signals.workflow)."""

    to = HiddenField(validators=[DataRequired()])
    note = TextAreaField(_l("Toelichting"), validators=[Optional(), Length(max=TEXT_MAX)], render_kw={"rows": 3})
    ministry = SelectField(_l("Ministerie"), validators=[Optional()])
    co_ministries = SelectMultipleField(_l("Medeverantwoordelijke ministeries"), validators=[Optional()], render_kw={"checkboxes": True})
    outcome = SelectField(_l("Uitkomst"), validators=[Optional()])
    response = TextAreaField(_l("Antwoord aan de frontlijn"), validators=[Optional(), Length(max=TEXT_MAX)], render_kw={"rows": 5})
    target = StringField(_l("Kenmerk van het andere signaal"), validators=[Optional()])
    #: on accepting: a question for the submitter, asked in the same step ("In behandeling nemen en vraag stellen")
    question = TextAreaField(_l("Meteen een vraag aan de melder?"), validators=[Optional(), Length(max=TEXT_MAX)], render_kw={"rows": 2})
    #: the standard answer the response started from (kept internally, see signals.teamwork)
    standard_answer = HiddenField(validators=[Optional()])


class FilterForm(FlaskForm):
    """List filters (GET, so no CSRF)."""

    class Meta:
        csrf = False

    q = StringField(_l("Zoeken"), validators=[Optional()])
    status = SelectField(_l("Status"), validators=[Optional()])


class FeedbackForm(FlaskForm):
    """The frontline's rating of an answer."""

    useful = RadioField(
        _l("Was het antwoord bruikbaar?"),
        choices=[("ja", _l("Ja, het signaal kan worden afgesloten")), ("nee", _l("Nee, het ministerie moet er opnieuw naar kijken"))],
        validators=[DataRequired(_l("Kies ja of nee."))],
    )
    comment = TextAreaField(_l("Toelichting"), validators=[Optional(), Length(max=TEXT_MAX)], render_kw={"rows": 3})


class SplitForm(FlaskForm):
    """The second problem in a signal, to become a signal of its own."""

    title = StringField(_l("Titel van het tweede probleem"), validators=[DataRequired(_l("Geef een titel.")), Length(max=TITLE_MAX)])
    description = TextAreaField(_l("Beschrijving van het tweede probleem"), validators=[DataRequired(_l("Beschrijf het tweede probleem.")), Length(max=TEXT_MAX)], render_kw={"rows": 4})
    regulation = StringField(_l("Regeling (optioneel)"), validators=[Optional()], render_kw={"list": "regulation-options", "autocomplete": "off"})
