"""The signal list's "check a figure" filters: every count on the overview and dashboards links here.

``?ministry=SZW&backlog=1&deadline=late`` lists exactly the signals behind "SZW, te laat nu";
``?received=2026-Q3&deadline=late`` those behind a period's record. The filters reach the
database through ``signals.access.list_signals_for`` and the lateness rule of ``signals.deadlines``,
the same definitions the counts use.
"""

from __future__ import annotations

from reports.aggregation import validate_ministry
from reports.periods import parse_period
from signals import deadlines
from signals.errors import N_, InvalidInput
from signals.models import utcnow

#: deadline filter values: as counted on the overview (late = late or very late)
DEADLINE_FILTERS = (deadlines.ON_TIME, deadlines.LATE, "only_late", deadlines.VERY_LATE)
#: the argument names that make a check link
CHECK_ARGS = ("ministry", "backlog", "deadline", "received", "answered")


def signal_list_checks(args, lead_arg: str = "ministry") -> dict:
    """Keyword arguments for ``list_signals_for`` from the query string; InvalidInput naming the field on bad values.

    ``lead_arg`` names the lead-ministry argument (the API keeps ``ministry`` for lead or co-responsible).
    """
    from app.extensions import db

    checks: dict = {}
    ministry = args.get(lead_arg)
    if ministry:
        checks["lead_ministry"] = validate_ministry(db.session, ministry, field=lead_arg)
    if args.get("backlog") == "1":
        checks["statuses"] = list(deadlines.BACKLOG_STATUSES)
    deadline = args.get("deadline")
    if deadline:
        if deadline not in DEADLINE_FILTERS:
            raise InvalidInput({"deadline": [N_("Kies op tijd, te laat of ruim te laat.")]})
        checks["deadline"] = deadline
        checks["now"] = utcnow()
    for name in ("received", "answered"):
        if args.get(name):
            period = parse_period(args.get(name), field=name)
            checks[f"{name}_from"], checks[f"{name}_until"] = period.start, period.end
    return checks


def check_args(args) -> dict:
    """The check filters present, to keep them on pagination links."""
    return {name: args.get(name) for name in CHECK_ARGS if args.get(name)}
