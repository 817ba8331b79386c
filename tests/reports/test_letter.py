"""The letter's figures equal counts made independently, per scope; knelpunten sections; no personal data."""

import datetime as dt
import io
import json
import zipfile

import pytest

from reports import render
from reports.aggregation import validate_ministry
from reports.letter import build_bottleneck_letter
from reports.periods import parse_period
from signals.audit import record_event
from signals.errors import InvalidInput
from signals.models import utcnow
from signals.vocabulary import OPEN_STATUSES
from tests.reports.factories import (
    NOW,
    SECRET_BSN,
    SECRET_DESCRIPTION_MARK,
    SECRET_EMAIL,
    UTC,
    in_period,
    make_dataset,
    make_knelpunt,
)


def _ministries(signal):
    return {link.ministry_code for link in signal.ministry_links}


def _expected(signals, period, ministry=None):
    chosen = [
        s
        for s in signals
        if in_period(s, period.start, period.end) and (ministry is None or ministry in _ministries(s))
    ]
    late = 0
    for s in chosen:
        if s.due_at is None:
            continue
        due = s.due_at.replace(tzinfo=UTC) if s.due_at.tzinfo is None else s.due_at
        answered = (
            s.answered_at.replace(tzinfo=UTC) if s.answered_at and s.answered_at.tzinfo is None else s.answered_at
        )
        if (answered and answered > due) or (answered is None and s.status in OPEN_STATUSES and due < NOW):
            late += 1
    return {
        "total": len(chosen),
        "open": sum(s.status in OPEN_STATUSES for s in chosen),
        "answered": sum(s.answered_at is not None for s in chosen),
        "people_affected": sum(s.people_affected or 0 for s in chosen),
        "late": late,
        "with_deadline": sum(s.due_at is not None for s in chosen),
        "themes": {
            code: sum(code in s.themes for s in chosen) for code in ("complex_rules", "samenloop", "human_dimension")
        },
        "channels": sorted({s.channel_code for s in chosen}),
        "references": sorted(s.reference for s in chosen),
    }


@pytest.mark.parametrize("ministry", [None, "SZW", "FIN"])
def test_letter_figures_equal_independent_counts(db, make_signal, ministry):
    signals = make_dataset(db, make_signal)
    period = parse_period("2026-Q3")
    letter = build_bottleneck_letter(db.session, period, ministry, now=NOW)
    expected = _expected(signals, period, ministry)
    values = letter["summary"]["values"]
    for key in ("total", "open", "answered", "people_affected", "late", "with_deadline"):
        assert values[key] == expected[key], key
    previous = _expected(signals, period.previous(), ministry)
    assert letter["summary"]["previous_values"]["total"] == previous["total"]
    themes = dict(letter["tables"]["themes"]["rows"])
    assert themes["Complexe regelgeving"] == expected["themes"]["complex_rules"]
    assert themes["Samenloop van regelingen"] == expected["themes"]["samenloop"]
    assert sorted(r[0] for r in letter["tables"]["annex"]["rows"]) == expected["references"]
    assert sum(r[2] for r in letter["tables"]["per_month"]["rows"]) == expected["total"]
    assert sum(r[3] for r in letter["tables"]["flow"]["rows"]) == expected["total"]
    assert sum(r[1] for r in letter["tables"]["answer_time"]["rows"]) == expected["answered"]
    punctual = letter["tables"]["punctuality"]["rows"]
    assert sum(r[4] for r in punctual) == expected["late"]
    assert sum(r[1] for r in punctual) == expected["total"]
    json.dumps(letter, allow_nan=False)  # plain data, valid JSON


def test_late_ignores_signals_without_deadline_and_counts_open_past_due(db, make_signal):
    signals = make_dataset(db, make_signal)
    letter = build_bottleneck_letter(db.session, parse_period("2026-Q3"), now=NOW)
    # rows 1 (answered after 20 days, due after 5) and 2 (open, due 2026-08-11 < NOW) are late
    assert letter["summary"]["values"]["late"] == 2
    assert letter["summary"]["values"]["with_deadline"] == 5
    assert signals


def test_unknown_ministry_is_refused_naming_the_field(db):
    with pytest.raises(InvalidInput) as error:
        validate_ministry(db.session, "XYZ")
    assert list(error.value.fields) == ["ministry"]
    assert validate_ministry(db.session, "all") is None
    assert validate_ministry(db.session, "szw") == "SZW"


def test_new_and_earlier_knelpunten_with_scope_signals_and_changes(db, make_signal):
    signals = make_dataset(db, make_signal)
    new = make_knelpunt(db, "Giften", "SZW", dt.datetime(2026, 8, 5, tzinfo=UTC), signals=signals[:3])
    co = make_knelpunt(
        db, "Toeslagen en bijstand", "FIN", dt.datetime(2026, 9, 5, tzinfo=UTC), co="SZW", regulation="BWBR0018472"
    )
    earlier = make_knelpunt(
        db, "Kostendelersnorm", "SZW", dt.datetime(2026, 2, 1, tzinfo=UTC), status="solution_underway"
    )
    done_long_ago = make_knelpunt(db, "Oud", "SZW", dt.datetime(2025, 2, 1, tzinfo=UTC), status="addressed")
    event = record_event(
        db.session,
        "knelpunt",
        earlier.id,
        "transition",
        from_state="in_study",
        to_state="solution_underway",
        note="Wetsvoorstel in voorbereiding",
    )
    event.created_at = dt.datetime(2026, 8, 10, tzinfo=UTC)
    db.session.commit()

    letter = build_bottleneck_letter(db.session, parse_period("2026-Q3"), "SZW", now=NOW)
    new_refs = [k["reference"] for k in letter["new_knelpunten"]]
    assert new_refs == [new.reference, co.reference]
    first = letter["new_knelpunten"][0]
    assert first["signals"] == 3
    assert first["people_affected"] == 3 + 1 + 2
    assert {c["code"] for c in first["channels"]} == {"GEM-BL", "UWV-KB"}
    assert first["regulations"][0]["article"] == "art. 31 lid 2"
    assert first["instrument_label"] and first["solution_direction"] and first["status_label"] == "Nog geen oplossing"
    groups = {g["key"]: g["items"] for g in letter["follow_up"]}
    assert [k["reference"] for k in groups["solution_underway"]] == [earlier.reference]
    assert groups["solution_underway"][0]["changes"][0]["note"] == "Wetsvoorstel in voorbereiding"
    assert done_long_ago.reference not in json.dumps(letter)

    fin_letter = build_bottleneck_letter(db.session, parse_period("2026-Q3"), "FIN", now=NOW)
    assert [k["reference"] for k in fin_letter["new_knelpunten"]] == [co.reference]


def test_no_format_holds_descriptions_or_personal_data(db, make_signal):
    make_dataset(db, make_signal)
    letter = build_bottleneck_letter(db.session, parse_period("2026-Q3"), now=utcnow())
    files = render.render_all(letter)
    assert set(files) == {"html", "pdf", "docx", "csv", "xlsx"}
    texts = {
        "json": render.canonical_json(letter).decode(),
        "html": files["html"].decode(),
        "csv": files["csv"].decode(),
        "docx": _zip_text(files["docx"]),
        "xlsx": _zip_text(files["xlsx"]),
        "pdf": _pdf_text(files["pdf"]),
    }
    for name, text in texts.items():
        for secret in (SECRET_DESCRIPTION_MARK, SECRET_EMAIL, SECRET_BSN, "[E-MAIL]", "[BSN]"):
            assert secret not in text, (name, secret)
    assert "Terugvordering na gift" in texts["csv"] and "Terugvordering" in texts["pdf"]


def test_csv_is_long_format_with_every_table(db, make_signal):
    make_dataset(db, make_signal)
    letter = build_bottleneck_letter(db.session, parse_period("2026-Q3"), now=NOW)
    lines = render.render_csv(letter).decode().splitlines()
    assert lines[0] == "tabel,rij,kolom,waarde"
    tables = {line.split(",")[0] for line in lines[1:]}
    assert tables == {"brief", *(name for name, table in letter["tables"].items() if table["rows"])}
    assert render.render_html(letter).decode().count("<table") >= len(letter["charts"]) + 3


def _zip_text(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist() if n.endswith(".xml"))


def _pdf_text(content: bytes) -> str:
    import subprocess

    try:
        return subprocess.run(["pdftotext", "-", "-"], input=content, capture_output=True, check=True).stdout.decode()
    except FileNotFoundError:
        pytest.skip("pdftotext (poppler-utils) not installed")


def test_annex_masks_a_title_that_escaped_intake(db, make_signal):
    signal = make_signal()
    signal.title = f"Bel {SECRET_EMAIL} over BSN {SECRET_BSN}"  # written around the intake, as an import could
    signal.created_at = dt.datetime(2026, 8, 1, tzinfo=UTC)
    db.session.commit()
    letter = build_bottleneck_letter(db.session, parse_period("2026-Q3"), now=NOW)
    text = render.canonical_json(letter).decode()
    assert SECRET_EMAIL not in text and SECRET_BSN not in text
