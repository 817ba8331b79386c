"""Plotly figures built from the letter's tables, and static images of them in one Kaleido session."""

from __future__ import annotations

import asyncio
import functools
import json
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


#: the charts' style, as update_layout and update_xaxes / update_yaxes apply it (``_layout``, ``_style_spec``)
AXIS_STYLE = {"gridcolor": "#e5e5e5", "linecolor": "#666"}


def _style(title: str) -> dict:
    return {
        "title": {"text": title, "x": 0, "font": {"size": 16}},
        "font": {"family": FONT, "size": 12, "color": "#1a1a1a"},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "margin": {"l": 60, "r": 20, "t": 50, "b": 50},
        "colorway": list(PALETTE),
        "legend": {"orientation": "h", "y": -0.2},
    }


def _layout(fig: go.Figure, title: str) -> go.Figure:
    fig.update_layout(**_style(title))
    fig.update_xaxes(AXIS_STYLE)
    fig.update_yaxes(AXIS_STYLE)
    return fig


def merge_layout(spec: dict, changes: dict) -> dict:
    """``spec`` with ``changes`` merged into its layout as plotly's update_layout merges them (a nested
    dict key by key, anything else replaced); a title of None is no title."""

    def merge(target: dict, values: dict) -> None:
        for key, value in values.items():
            if isinstance(value, dict) and isinstance(target.get(key), dict):
                merge(target[key], value)
            elif isinstance(value, dict):
                target[key] = {}
                merge(target[key], value)
            else:
                target[key] = list(value) if isinstance(value, list) else value

    layout = spec.setdefault("layout", {})
    if "title" in changes and changes["title"] is None:
        changes = {k: v for k, v in changes.items() if k != "title"}
        layout["title"] = {}
    merge(layout, changes)
    return spec


def _style_spec(spec: dict, title: str) -> dict:
    merge_layout(spec, _style(title))
    return merge_layout(spec, {"xaxis": AXIS_STYLE, "yaxis": AXIS_STYLE})


def _rows(table: dict) -> list[dict]:
    keys = [c["key"] for c in table["columns"]]
    return [dict(zip(keys, row, strict=True)) for row in table["rows"]]


# A chart is built as a plain figure dict ("spec": data and layout, as plotly's to_plotly_json gives
# them): the dashboard sends it as JSON without plotly's figure objects, whose validation of every
# property took 60-70 ms of a dashboard's CPU; the letter wraps it in go.Figure for its images.
# tests/reports/test_charts.py holds every kind to the JSON plotly makes of the same spec.


def _bar_trace(**values) -> dict:
    return {"type": "bar", **values}


def _stacked_bar(table: dict) -> dict:
    rows = _rows(table)
    months = sorted({r["month"] for r in rows})
    data = []
    for ministry in sorted({r["ministry"] for r in rows}):
        counts = {r["month"]: r["count"] for r in rows if r["ministry"] == ministry}
        data.append(
            _bar_trace(
                name=ministry,
                x=months,
                y=[counts.get(m, 0) for m in months],
                marker={"color": ministry_colour(ministry)},
            )
        )
    layout = {
        "barmode": "stack",
        "xaxis": {"title": {"text": N_("Maand")}, "type": "category"},
        "yaxis": {"title": {"text": N_("Aantal signalen")}},
    }
    return {"data": data, "layout": layout}


def _sankey(table: dict) -> dict:
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
    sankey = {
        "type": "sankey",
        "node": {
            "label": labels,
            "pad": 12,
            "thickness": 14,
            # ministries in their own colour (reports.palette); channels and outcomes from the palette
            "color": [
                ministry_colour(name) if level == "ministry" else PALETTE[i % len(PALETTE)]
                for i, (level, name) in enumerate(index)
            ],
        },
        "link": {
            "source": [s for s, _t in links],
            "target": [t for _s, t in links],
            "value": list(links.values()),
            "color": "rgba(0,114,178,0.25)",
        },
    }
    return {"data": [sankey], "layout": {}}


def _bar(table: dict, x: str, y: str, horizontal: bool = False, label: str | None = None) -> dict:
    rows = _rows(table)
    xs, ys = [r[x] for r in rows], [r[y] for r in rows]
    if horizontal:
        trace = _bar_trace(
            x=ys[::-1],
            y=xs[::-1],
            orientation="h",
            marker={"color": PALETTE[0]},
            text=_texts(ys[::-1]),
            textposition="auto",
        )
        # (the style's left margin replaces this one, as it did when update_layout applied both)
        layout = {"xaxis": {"title": {"text": label or N_("Aantal")}}, "margin": {"l": 220}}
    else:
        trace = _bar_trace(x=xs, y=ys, marker={"color": PALETTE[0]}, text=_texts(ys), textposition="auto")
        layout = {"yaxis": {"title": {"text": label or N_("Aantal")}}, "xaxis": {"type": "category"}}
    return {"data": [trace], "layout": layout}


def _texts(values: list) -> list[str]:
    """Bar labels as plotly keeps them: text is a string property."""
    return [str(v) for v in values]


def _punctuality(table: dict) -> dict:
    rows = _rows(table)
    ministries = [r["ministry"] for r in rows]
    data = [
        _bar_trace(name=N_("Op tijd"), x=ministries, y=[r["on_time"] for r in rows], marker={"color": PALETTE[2]}),
        _bar_trace(name=N_("Te laat"), x=ministries, y=[r["late"] for r in rows], marker={"color": PALETTE[5]}),
        _bar_trace(
            name=N_("Zonder termijn"),
            x=ministries,
            y=[r["count"] - r["with_deadline"] for r in rows],
            marker={"color": PALETTE[8]},
        ),
    ]
    layout = {"barmode": "stack", "yaxis": {"title": {"text": N_("Aantal signalen")}}, "xaxis": {"type": "category"}}
    return {"data": data, "layout": layout}


def figure_spec(chart: dict, table: dict) -> dict:
    """One chart of the letter or a dashboard as a plain plotly figure dict (data and layout)."""
    kind = chart["kind"]
    if not table["rows"]:
        note = {
            "text": N_("Geen gegevens in deze periode"),
            "showarrow": False,
            "x": 0.5,
            "y": 0.5,
            "xref": "paper",
            "yref": "paper",
        }
        spec = {"data": [], "layout": {"annotations": [note], "xaxis": {"visible": False}, "yaxis": {"visible": False}}}
    elif kind == "stacked_bar":
        spec = _stacked_bar(table)
    elif kind == "sankey":
        spec = _sankey(table)
    elif kind == "punctuality":
        spec = _punctuality(table)
    elif chart["id"] == "themes":
        spec = _bar(table, "theme", "count", horizontal=True, label=N_("Aantal signalen"))
    elif chart["id"] == "top_regulations":
        spec = _bar(table, "regulation", "count", horizontal=True, label=N_("Aantal signalen"))
    else:
        spec = _bar(table, "bucket", "count", label=N_("Aantal beantwoorde signalen"))
    return _style_spec(spec, chart["title"])


def build_figure(chart: dict, table: dict) -> go.Figure:
    """The plotly figure of one chart of the letter."""
    return go.Figure(figure_spec(chart, table))


def translate_spec(spec: dict, translate: Callable[[str], str]) -> dict:
    """``spec`` with its axis titles, legend names and notes (Dutch msgids) passed through ``translate``."""
    layout = spec["layout"]
    for axis in ("xaxis", "yaxis"):
        title = layout.get(axis, {}).get("title", {})
        if title.get("text"):
            title["text"] = translate(title["text"])
    for trace in spec["data"]:
        if trace.get("name"):
            trace["name"] = translate(trace["name"])
    for note in layout.get("annotations", []):
        if note.get("text"):
            note["text"] = translate(note["text"])
    return spec


def figure_json(fig: go.Figure) -> str:
    """A figure as JSON for a <script type="application/json"> block that static/js/charts.js draws.

    ``<`` is escaped so the JSON can never close its script element.
    """
    return fig.to_json().replace("<", "\\u003c")


@functools.cache
def _template() -> dict:
    """The default template, as plotly puts it into every figure's layout."""
    return go.Figure().layout.template.to_plotly_json()


def spec_json(spec: dict) -> str:
    """A figure dict as JSON, as ``figure_json`` gives the same figure (plotly's default template, ``<`` escaped)."""
    figure = {"data": spec["data"], "layout": {**spec["layout"], "template": _template()}}
    return json.dumps(figure).replace("<", "\\u003c")


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
