"""Forms for user administration."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Email, InputRequired, Length, NumberRange, Optional


class UserForm(FlaskForm):
    email = EmailField(
        _l("E-mailadres"),
        validators=[DataRequired(_l("Vul een e-mailadres in.")), Email(_l("Vul een geldig e-mailadres in."))],
    )
    name = StringField(_l("Naam"), validators=[Optional(), Length(max=200)])
    role = SelectField(_l("Rol"), validators=[DataRequired(_l("Kies een rol."))])
    organisation = SelectField(_l("Organisatie"), validators=[DataRequired(_l("Kies een organisatie."))])


class TokenForm(FlaskForm):
    name = StringField(_l("Waarvoor is deze sleutel?"), validators=[Optional(), Length(max=100)])


class DeadlineForm(FlaskForm):
    accept_within_working_days = IntegerField(
        _l("Accepteren binnen (werkdagen)"),
        validators=[InputRequired(_l("Vul een aantal werkdagen in.")), NumberRange(1, 100, _l("Kies 1 tot en met 100 werkdagen."))],
    )
    answer_within_weeks = IntegerField(
        _l("Beantwoorden binnen (weken)"),
        validators=[InputRequired(_l("Vul een aantal weken in.")), NumberRange(1, 104, _l("Kies 1 tot en met 104 weken."))],
    )


class MailTemplateForm(FlaskForm):
    subject = StringField(_l("Onderwerp"), validators=[DataRequired(_l("Vul een onderwerp in.")), Length(max=300)])
    body = TextAreaField(_l("Tekst"), validators=[DataRequired(_l("Vul een tekst in.")), Length(max=10_000)], render_kw={"rows": 10})


class MoveRegulationForm(FlaskForm):
    ministry = SelectField(_l("Nieuw verantwoordelijk ministerie"), validators=[DataRequired(_l("Kies een ministerie."))])
    co_ministries = SelectMultipleField(_l("Medeverantwoordelijke ministeries"), validators=[Optional()])
    confirm = BooleanField(_l("Ik begrijp dat open signalen over deze regeling naar het nieuwe ministerie gaan"), validators=[DataRequired(_l("Bevestig dat open signalen meegaan."))])


class RetireMinistryForm(FlaskForm):
    successor = SelectField(_l("Opvolger"), validators=[DataRequired(_l("Kies de opvolger."))])
    valid_until = DateField(_l("Laatste dag"), validators=[DataRequired(_l("Vul de laatste dag in (JJJJ-MM-DD)."))])
    confirm = BooleanField(_l("Ik begrijp dat regelingen en open signalen naar de opvolger gaan"), validators=[DataRequired(_l("Bevestig dat alles naar de opvolger gaat."))])


class InviteForm(UserForm):
    """Invite a user: the same fields as before, but the user chooses the password through a link."""


class UserEditForm(FlaskForm):
    name = StringField(_l("Naam"), validators=[Optional(), Length(max=200)])
    role = SelectField(_l("Rol"), validators=[DataRequired(_l("Kies een rol."))])
    organisation = SelectField(_l("Organisatie"), validators=[DataRequired(_l("Kies een organisatie."))])


class UserSearchForm(FlaskForm):
    class Meta:
        csrf = False

    q = StringField(_l("Zoeken op naam, e-mailadres of organisatie"), validators=[Optional(), Length(max=200)])
    role = SelectField(_l("Filter op rol"), validators=[Optional()])
    active = SelectField(_l("Filter op status"), validators=[Optional()])


class ReferenceFilterForm(FlaskForm):
    class Meta:
        csrf = False

    q = StringField(_l("Zoeken op code of naam"), validators=[Optional(), Length(max=100)])
    kind = SelectField(_l("Soort"), validators=[Optional()])
    show_retired = BooleanField(_l("Ook opgeheven ministeries tonen"))
