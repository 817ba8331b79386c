"""The liaison's start page: open and late per ministry, knelpunten by status, a 12-month trend.

Aggregates only (a liaison never sees single signals, DESIGN §1); every figure carries what
the web layer needs to link to the page behind it (ministry code, status, period).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reports import aggregation as agg
from reports.palette import ministry_colour
from reports.periods import make_period
from signals.knelpunten import KNELPUNT_STATUSES
from signals.models import Knelpunt, Ministry, utcnow


def month_keys_back(today: dt.date, months: int = 12) -> list[str]:
    """The ``months`` months up to and including today's, oldest first, as YYYY-MM."""
    keys = []
    year, month = today.year, today.month
    for _ in range(months):
        keys.append(f"{year}-{month:02d}")
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return keys[::-1]


def quarter_of(month_key: str) -> str:
    """'2026-08' -> '2026-Q3' (the dashboard period a month belongs to)."""
    year, month = (int(part) for part in month_key.split("-"))
    return make_period(year, "Q", (month - 1) // 3 + 1).code


def ministry_names(session: Session) -> dict[str, str]:
    """Ministry code -> name, retired ones included (old signals keep their code)."""
    return dict(session.execute(select(Ministry.code, Ministry.name)).all())


def open_and_late_per_ministry(session: Session, now: dt.datetime | None = None) -> list[dict]:
    """Per lead ministry with signals: open, open past the deadline, and all signals; by name."""
    names = ministry_names(session)
    frame = agg.punctuality_all(session, now or utcnow())
    rows = [
        {
            "code": r.ministry,
            "name": names.get(r.ministry, r.ministry),
            "colour": ministry_colour(r.ministry),
            "total": int(r.count),
            "open": int(r.open),
            "open_late": int(r.open_late),
            "pct_on_time": r.pct_on_time,
        }
        for r in frame.itertuples(index=False)
    ]
    return sorted(rows, key=lambda row: (-row["open_late"], -row["open"], row["name"]))


def knelpunten_per_ministry(session: Session) -> dict:
    """Knelpunten per responsible ministry and status: {statuses, rows: [{code, name, counts, total}], totals}."""
    names = ministry_names(session)
    counts: dict[str, dict[str, int]] = {}
    for code, status, n in session.execute(
        select(Knelpunt.ministry_code, Knelpunt.status, func.count(Knelpunt.id)).group_by(
            Knelpunt.ministry_code, Knelpunt.status
        )
    ):
        counts.setdefault(code, dict.fromkeys(KNELPUNT_STATUSES, 0))[status] = int(n)
    rows = [
        {
            "code": code,
            "name": names.get(code, code),
            "colour": ministry_colour(code),
            "counts": by_status,
            "total": sum(by_status.values()),
        }
        for code, by_status in counts.items()
    ]
    rows.sort(key=lambda row: (-row["total"], row["name"]))
    totals = {status: sum(row["counts"][status] for row in rows) for status in KNELPUNT_STATUSES}
    return {"statuses": list(KNELPUNT_STATUSES), "rows": rows, "totals": totals, "total": sum(totals.values())}


def signal_trend(session: Session, today: dt.date, months: int = 12) -> list[dict]:
    """Signals received per month over the last ``months`` months (zeros included), oldest first."""
    from signals import tallies

    keys = month_keys_back(today, months)
    found = dict(
        session.execute(
            select(tallies.T.month, tallies.total()).where(tallies.T.month >= keys[0]).group_by(tallies.T.month)
        ).all()
    )
    return [{"month": key, "count": int(found.get(key, 0)), "period": quarter_of(key)} for key in keys]


def liaison_overview(session: Session, today: dt.date | None = None, now: dt.datetime | None = None) -> dict:
    """Everything on the liaison's start page except the letters (the web layer lists those per user)."""
    now = now or utcnow()
    today = today or now.date()
    per_ministry = open_and_late_per_ministry(session, now)
    return {
        "per_ministry": per_ministry,
        "open_total": sum(row["open"] for row in per_ministry),
        "late_total": sum(row["open_late"] for row in per_ministry),
        "knelpunten": knelpunten_per_ministry(session),
        "trend": signal_trend(session, today),
        "current_quarter": make_period(today.year, "Q", (today.month - 1) // 3 + 1).code,
    }


def trend_figure(trend: list[dict], title: str, axis_title: str):
    """A bar chart of the 12-month trend (plotly), in the letter's chart style."""
    import plotly.graph_objects as go

    from reports.charts import PALETTE, _layout

    fig = go.Figure(
        go.Bar(
            x=[row["month"] for row in trend],
            y=[row["count"] for row in trend],
            marker_color=PALETTE[0],
            text=[row["count"] for row in trend],
            textposition="auto",
        )
    )
    fig.update_layout(yaxis_title=axis_title, height=320)
    fig.update_xaxes(type="category")
    fig = _layout(fig, title)
    # the page's heading names the chart; a second title inside the chart would repeat it
    fig.update_layout(title=None, margin={"t": 20})
    return fig
