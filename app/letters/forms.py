"""Forms of the letters page and the dashboard filters."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField
from wtforms.validators import DataRequired, ValidationError

from reports.periods import parse_period
from signals.errors import InvalidInput


def _valid_period(form, field) -> None:
    try:
        parse_period(field.data)
    except InvalidInput as error:
        raise ValidationError(error.fields["period"][0]) from error


class LetterForm(FlaskForm):
    """Which letter: period and scope (read from the query string)."""

    class Meta:
        csrf = False

    period = SelectField(
        _l("Periode"), validators=[DataRequired(), _valid_period], description=_l("Een kwartaal, halfjaar of jaar.")
    )
    ministry = SelectField(
        _l("Reikwijdte"), description=_l("Eén ministerie (eerst- of medeverantwoordelijk) of alle ministeries.")
    )


class PublishForm(FlaskForm):
    """Publish the letter of a period and scope."""

    period = HiddenField(validators=[DataRequired(), _valid_period])
    ministry = HiddenField()


class DashboardForm(FlaskForm):
    """Dashboard filters (query string)."""

    class Meta:
        csrf = False

    period = SelectField(_l("Periode"), validators=[_valid_period])
    ministry = SelectField(_l("Ministerie"), default="")
    channel = SelectField(_l("Kanaal"), default="")
    regulation = SelectField(_l("Regeling"), default="")
    theme = SelectField(_l("Thema"), default="")
