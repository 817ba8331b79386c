"""Moving a portfolio re-routes open signals, with an audit event; closed ones keep their history."""

from __future__ import annotations

import datetime as dt

import pytest

from signals.audit import list_signal_history
from signals.errors import InvalidInput
from signals.models import Ministry
from signals.portfolio import move_regulation, retire_ministry
from signals.reference import find_regulation


def test_moving_a_regulation_moves_its_open_signals(db, make_signal, make_user):
    admin = make_user("admin", "BZK")
    routed = make_signal(regulations=["BWBR0008659"])  # huurtoeslag: BZK
    working = make_signal(regulations=["BWBR0008659"], status="in_progress")
    closed = make_signal(regulations=["BWBR0008659"], status="closed")
    other = make_signal(regulations=["BWBR0015703"])
    moved = move_regulation(db.session, find_regulation(db.session, "BWBR0008659"), "FIN", admin)
    db.session.commit()
    try:
        assert {s.id for s in moved} == {routed.id, working.id}
        assert (routed.lead_ministry_code, working.lead_ministry_code, working.status) == ("FIN", "FIN", "in_progress")
        assert closed.lead_ministry_code == "BZK" and other.lead_ministry_code == "SZW"
        assert list_signal_history(db.session, routed.id)[-1].action == "portfolio_moved"
    finally:
        find_regulation(db.session, "BWBR0008659").ministry_code = "BZK"
        db.session.commit()


def test_moving_to_unknown_ministry_is_refused(db, make_user):
    with pytest.raises(InvalidInput):
        move_regulation(db.session, find_regulation(db.session, "BWBR0008659"), "XYZ", make_user("admin", "BZK"))


def test_retiring_a_ministry_hands_everything_to_its_successor(db, make_signal, make_user):
    admin = make_user("admin", "BZK")
    ocw_signal = make_signal(regulations=["BWBR0011453"])  # studiefinanciering: OCW
    samenloop = make_signal(regulations=["BWBR0015703", "BWBR0011453"])  # OCW co-responsible
    ocw = db.session.get(Ministry, "OCW")
    try:
        moved = retire_ministry(db.session, ocw, "SZW", dt.date(2026, 12, 31), admin)
        db.session.flush()
        assert [s.id for s in moved] == [ocw_signal.id]
        assert ocw_signal.lead_ministry_code == "SZW"
        assert samenloop.co_ministry_codes == [] and samenloop.lead_ministry_code == "SZW"
        assert find_regulation(db.session, "BWBR0011453").ministry_code == "SZW"
    finally:
        db.session.rollback()
