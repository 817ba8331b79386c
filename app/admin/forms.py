"""Forms for user administration."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, SelectField, StringField
from wtforms.validators import DataRequired, Email, Length, Optional


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
