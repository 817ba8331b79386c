"""Charts as plain figure dicts: the JSON a dashboard sends is the JSON plotly makes of the same chart."""

import json

import pytest

from reports import charts
from reports.dashboard import build_dashboard, chart_json
from reports.letter import build_bottleneck_letter
from reports.periods import parse_period
from tests.reports.factories import NOW, make_dataset

Q3 = parse_period("2026-Q3")


def _translate_figure(fig, translate):
    """The figure's axis titles, legend names and notes passed through ``translate``, on plotly's own
    objects (as the dashboard translated its charts before they became plain dicts)."""
    for axis in (fig.layout.xaxis, fig.layout.yaxis):
        if axis.title.text:
            axis.title.text = translate(axis.title.text)
    for trace in fig.data:
        if getattr(trace, "name", None):
            trace.name = translate(trace.name)
    for note in fig.layout.annotations:
        if note.text:
            note.text = translate(note.text)


def _plotly_json(chart, table, translate=None, untitled=False):
    """The chart as plotly figure objects made it: built, translated, retitled and dumped by plotly."""
    fig = charts.build_figure(chart, table)
    if translate is not None:
        _translate_figure(fig, translate)
    if untitled:
        fig.update_layout(title=None, margin={"t": 20})
    return json.loads(charts.figure_json(fig))


def _english(text):
    return f"EN {text}"


@pytest.mark.parametrize(
    "role, org", [("coordinator", "BZK"), ("triage", "SZW"), ("frontline", "GEM"), ("liaison", "BZK")]
)
@pytest.mark.parametrize("translate", [None, _english])
def test_dashboard_chart_json_is_what_plotly_makes_of_the_chart(db, make_user, make_signal, role, org, translate):
    make_dataset(db, make_signal)
    dashboard = build_dashboard(db.session, make_user(role, org), Q3, now=NOW)
    sent = chart_json(dashboard, translate=translate)
    assert set(sent) == {"per_month", "punctuality", "themes", "answer_time"}
    assert any(dashboard["tables"][c["table"]]["rows"] for c in dashboard["charts"])
    for chart in dashboard["charts"]:
        expected = _plotly_json(chart, dashboard["tables"][chart["table"]], translate, untitled=True)
        assert json.loads(sent[chart["id"]]) == expected
        if translate is not None and chart["id"] == "per_month":
            assert expected["layout"]["xaxis"]["title"]["text"] == "EN Maand"


def test_every_kind_of_chart_and_an_empty_one_as_plotly_makes_them(db, make_user, make_signal):
    make_dataset(db, make_signal)
    letter = build_bottleneck_letter(db.session, Q3, now=NOW)
    kinds = {c["kind"] for c in letter["charts"]}
    assert {"stacked_bar", "sankey", "punctuality"} <= kinds
    empty = {"columns": [{"key": "bucket", "label": "x"}, {"key": "count", "label": "y"}], "rows": []}
    cases = [(c, letter["tables"][c["table"]]) for c in letter["charts"]] + [
        ({"id": "x", "kind": "bar", "title": "T"}, empty)
    ]
    for chart, table in cases:
        for translate in (None, _english):
            spec = charts.figure_spec(chart, table)
            if translate is not None:
                charts.translate_spec(spec, translate)
            assert json.loads(charts.spec_json(spec)) == _plotly_json(chart, table, translate)
    note = json.loads(charts.spec_json(charts.figure_spec(*cases[-1])))["layout"]["annotations"][0]
    assert note["text"] == "Geen gegevens in deze periode"


def test_chart_json_cannot_close_its_script_element():
    chart = {"id": "themes", "kind": "hbar", "title": "</script><b>"}
    table = {"columns": [{"key": "theme", "label": "t"}, {"key": "count", "label": "n"}], "rows": [["</script>", 1]]}
    text = charts.spec_json(charts.figure_spec(chart, table))
    assert "<" not in text
    assert json.loads(text)["data"][0]["y"] == ["</script>"]
