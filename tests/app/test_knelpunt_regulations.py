"""On screen: a knelpunt's regulations are chosen by a person from suggestions ranked by evidence."""

from __future__ import annotations

from signals.models import Knelpunt
from tests.conftest import login


def test_coordinator_chooses_regulations_from_the_signals_suggestions(client, db, make_signal, make_user):
    strong = make_signal(regulations=["BWBR0015703"])
    thin = make_signal(regulations=["BWBR0015703", "BWBR0009709"])
    login(client, make_user("coordinator", "BZK"))
    form = client.get(f"/knelpunten/nieuw?signalen={strong.reference}+{thin.reference}").get_data(as_text=True)
    assert "Regelingen uit de signalen" in form
    assert form.index("Participatiewet") < form.index("Penitentiaire beginselenwet")
    bad = client.post(
        "/knelpunten/nieuw",
        data={"title": "Giften", "ministry": "SZW", "signals": strong.reference, "regulations": "BWBR0000000"},
    )
    assert bad.status_code == 422 and "Onbekende regeling" in bad.get_data(as_text=True)
    client.post(
        "/knelpunten/nieuw",
        data={"title": "Giften", "ministry": "SZW", "signals": f"{strong.reference} {thin.reference}", "regulations": "BWBR0015703"},
    )
    knelpunt = db.session.query(Knelpunt).one()
    assert [r.code for r in knelpunt.regulations] == ["BWBR0015703"]  # not the Penitentiaire beginselenwet
    edit = client.get(f"/knelpunten/{knelpunt.id}/bewerken").get_data(as_text=True)
    assert 'value="BWBR0015703"' in edit
    client.post(f"/knelpunten/{knelpunt.id}/bewerken", data={"title": "Giften", "regulations": "BWBR0015703 BWBR0008659"})
    db.session.refresh(knelpunt)
    assert [r.code for r in knelpunt.regulations] == ["BWBR0015703", "BWBR0008659"]
    assert "Wet op de huurtoeslag" in client.get(f"/knelpunten/{knelpunt.id}").get_data(as_text=True)
