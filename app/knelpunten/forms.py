"""Forms for knelpunten."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

TEXT = [Optional(), Length(max=10_000)]


class KnelpuntForm(FlaskForm):
    """Establish or edit a knelpunt."""

    title = StringField(
        _l("Titel"),
        validators=[
            DataRequired(_l("Geef het knelpunt een titel.")),
            Length(min=5, max=200, message=_l("Geef een titel van 5 tot 200 tekens die zegt wat er misgaat.")),
        ],
    )
    ministry = SelectField(_l("Verantwoordelijk ministerie"), validators=[DataRequired(_l("Kies het verantwoordelijke ministerie."))])
    co_ministries = SelectMultipleField(_l("Medeverantwoordelijke ministeries"), validators=[Optional()])
    signals = TextAreaField(
        _l("Signalen"),
        validators=[DataRequired(_l("Noem minstens één signaal waaruit het knelpunt blijkt.")), Length(max=5000)],
        render_kw={"rows": 3},
    )
    regulations = StringField(_l("Regelingen"), validators=[Optional(), Length(max=1000)])
    problem = TextAreaField(_l("Wat gaat er mis?"), validators=TEXT, render_kw={"rows": 4})
    consequences = TextAreaField(_l("Gevolgen voor mensen"), validators=TEXT, render_kw={"rows": 3})
    solution_direction = TextAreaField(_l("Oplossingsrichting"), validators=TEXT, render_kw={"rows": 3})
    instrument = SelectField(_l("Instrument"), validators=[Optional()])


class KnelpuntStatusForm(FlaskForm):
    to = SelectField(_l("Nieuwe status"), validators=[DataRequired(_l("Kies een status."))])
    note = TextAreaField(_l("Toelichting"), validators=TEXT, render_kw={"rows": 3})


class LinkForm(FlaskForm):
    signals = StringField(_l("Kenmerken van signalen"), validators=[DataRequired(_l("Vul minstens één kenmerk in."))])


class ConfirmForm(FlaskForm):
    """An empty form: its CSRF token confirms a destructive step."""
