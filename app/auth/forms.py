"""Log-in form."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, Email, Length


class LoginForm(FlaskForm):
    email = EmailField(
        _l("E-mailadres"),
        validators=[DataRequired(_l("Vul uw e-mailadres in.")), Email(_l("Vul een geldig e-mailadres in."))],
    )
    password = PasswordField(_l("Wachtwoord"), validators=[DataRequired(_l("Vul uw wachtwoord in."))])


class CodeForm(FlaskForm):
    """The six digits of the authenticator app."""

    code = StringField(
        _l("Code uit uw authenticator-app"),
        validators=[DataRequired(_l("Vul de code van zes cijfers in.")), Length(min=6, max=8, message=_l("De code heeft zes cijfers."))],
    )
