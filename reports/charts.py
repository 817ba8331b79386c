"""Plotly figures built from the letter's tables, and static images of them in one Kaleido session."""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import plotly.graph_objects as go

from reports.palette import ministry_colour
from signals.errors import N_

#: calm, colour-blind-safe palette (Okabe–Ito), readable on white
PALETTE = [
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#882255",
    "#999999",
    "#44AA99",
    "#332288",
]
FONT = "Arial, Helvetica, sans-serif"
STATIC_WIDTH, STATIC_HEIGHT, STATIC_SCALE = 900, 420, 2


def _layout(fig: go.Figure, title: str) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0, "font": {"size": 16}},
        font={"family": FONT, "size": 12, "color": "#1a1a1a"},
        paper_bgcolor="white",
        plot_bgcolor="white",
        margin={"l": 60, "r": 20, "t": 50, "b": 50},
        colorway=PALETTE,
        legend={"orientation": "h", "y": -0.2},
    )
    fig.update_xaxes(gridcolor="#e5e5e5", linecolor="#666")
    fig.update_yaxes(gridcolor="#e5e5e5", linecolor="#666")
    return fig


def _rows(table: dict) -> list[dict]:
    keys = [c["key"] for c in table["columns"]]
    return [dict(zip(keys, row, strict=True)) for row in table["rows"]]


def _stacked_bar(table: dict) -> go.Figure:
    rows = _rows(table)
    months = sorted({r["month"] for r in rows})
    fig = go.Figure()
    for ministry in sorted({r["ministry"] for r in rows}):
        counts = {r["month"]: r["count"] for r in rows if r["ministry"] == ministry}
        fig.add_bar(
            name=ministry, x=months, y=[counts.get(m, 0) for m in months], marker_color=ministry_colour(ministry)
        )
    fig.update_layout(barmode="stack", xaxis_title=N_("Maand"), yaxis_title=N_("Aantal signalen"))
    fig.update_xaxes(type="category")
    return fig


def _sankey(table: dict) -> go.Figure:
    rows = _rows(table)
    labels: list[str] = []
    index: dict[tuple[str, str], int] = {}

    def node(level: str, name: str) -> int:
        if (level, name) not in index:
            index[(level, name)] = len(labels)
            labels.append(name)
        return index[(level, name)]

    links: dict[tuple[int, int], int] = {}
    for r in rows:
        a, b, c = node("channel", r["channel"]), node("ministry", r["ministry"]), node("outcome", r["outcome"])
        links[(a, b)] = links.get((a, b), 0) + r["count"]
        links[(b, c)] = links.get((b, c), 0) + r["count"]
    fig = go.Figure(
        go.Sankey(
            node={
                "label": labels,
                "pad": 12,
                "thickness": 14,
                # ministries in their own colour (reports.palette); channels and outcomes from the palette
                "color": [
                    ministry_colour(name) if level == "ministry" else PALETTE[i % len(PALETTE)]
                    for i, (level, name) in enumerate(index)
                ],
            },
            link={
                "source": [s for s, _t in links],
                "target": [t for _s, t in links],
                "value": list(links.values()),
                "color": "rgba(0,114,178,0.25)",
            },
        )
    )
    return fig


def _bar(table: dict, x: str, y: str, horizontal: bool = False, label: str | None = None) -> go.Figure:
    rows = _rows(table)
    xs, ys = [r[x] for r in rows], [r[y] for r in rows]
    if horizontal:
        fig = go.Figure(
            go.Bar(x=ys[::-1], y=xs[::-1], orientation="h", marker_color=PALETTE[0], text=ys[::-1], textposition="auto")
        )
        fig.update_layout(xaxis_title=label or N_("Aantal"), margin={"l": 220})
    else:
        fig = go.Figure(go.Bar(x=xs, y=ys, marker_color=PALETTE[0], text=ys, textposition="auto"))
        fig.update_layout(yaxis_title=label or N_("Aantal"))
        fig.update_xaxes(type="category")
    return fig


def _punctuality(table: dict) -> go.Figure:
    rows = _rows(table)
    ministries = [r["ministry"] for r in rows]
    fig = go.Figure()
    fig.add_bar(name=N_("Op tijd"), x=ministries, y=[r["on_time"] for r in rows], marker_color=PALETTE[2])
    fig.add_bar(name=N_("Te laat"), x=ministries, y=[r["late"] for r in rows], marker_color=PALETTE[5])
    fig.add_bar(
        name=N_("Zonder termijn"),
        x=ministries,
        y=[r["count"] - r["with_deadline"] for r in rows],
        marker_color=PALETTE[8],
    )
    fig.update_layout(barmode="stack", yaxis_title=N_("Aantal signalen"))
    fig.update_xaxes(type="category")
    return fig


def build_figure(chart: dict, table: dict) -> go.Figure:
    """The plotly figure of one chart of the letter."""
    kind = chart["kind"]
    if not table["rows"]:
        fig = go.Figure()
        fig.add_annotation(
            text=N_("Geen gegevens in deze periode"), showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper"
        )
        fig.update_xaxes(visible=False)
        fig.update_yaxes(visible=False)
    elif kind == "stacked_bar":
        fig = _stacked_bar(table)
    elif kind == "sankey":
        fig = _sankey(table)
    elif kind == "punctuality":
        fig = _punctuality(table)
    elif chart["id"] == "themes":
        fig = _bar(table, "theme", "count", horizontal=True, label=N_("Aantal signalen"))
    elif chart["id"] == "top_regulations":
        fig = _bar(table, "regulation", "count", horizontal=True, label=N_("Aantal signalen"))
    else:
        fig = _bar(table, "bucket", "count", label=N_("Aantal beantwoorde signalen"))
    return _layout(fig, chart["title"])


def translate_figure(fig: go.Figure, translate: Callable[[str], str]) -> go.Figure:
    """``fig`` with its axis titles, legend names and notes (Dutch msgids) passed through ``translate``."""
    for axis in (fig.layout.xaxis, fig.layout.yaxis):
        if axis.title.text:
            axis.title.text = translate(axis.title.text)
    for trace in fig.data:
        if getattr(trace, "name", None):
            trace.name = translate(trace.name)
    for note in fig.layout.annotations:
        if note.text:
            note.text = translate(note.text)
    return fig


def figure_json(fig: go.Figure) -> str:
    """A figure as JSON for a <script type="application/json"> block that static/js/charts.js draws.

    ``<`` is escaped so the JSON can never close its script element.
    """
    return fig.to_json().replace("<", "\\u003c")


def build_figures(letter: dict) -> dict[str, go.Figure]:
    """Every chart of the letter by id."""
    return {c["id"]: build_figure(c, letter["tables"][c["table"]]) for c in letter["charts"]}


def browser_path() -> str | None:
    """Chromium for Kaleido: BROWSER_PATH, else Debian's /usr/bin/chromium."""
    for candidate in (os.environ.get("BROWSER_PATH"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


class StaticChartsUnavailable(RuntimeError):
    """No browser to draw static charts with."""


def static_images(figures: dict[str, go.Figure], fmt: str = "png") -> dict[str, bytes]:
    """PNG (or SVG) bytes of every figure, drawn in ONE Kaleido browser session."""
    if not figures:
        return {}
    path = browser_path()
    if path is None:
        raise StaticChartsUnavailable("Chromium not found; set BROWSER_PATH.")
    os.environ.setdefault("BROWSER_PATH", path)
    import kaleido  # imported late: only PDF and DOCX need it

    async def draw() -> dict[str, bytes]:
        images = {}
        # mathjax=False: no CDN fetch; plotly.js comes from the installed plotly package
        async with kaleido.Kaleido(n=1, mathjax=False) as session:
            for chart_id, fig in figures.items():
                images[chart_id] = await session.calc_fig(
                    fig, opts={"format": fmt, "width": STATIC_WIDTH, "height": STATIC_HEIGHT, "scale": STATIC_SCALE}
                )
        return images

    return _run(draw())


def _run(coroutine):
    """Run ``coroutine`` to the end, also when the caller already has an event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    import concurrent.futures

    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
