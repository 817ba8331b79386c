"""Organisation scoping: nobody sees another organisation's signals, on any page or API call."""

from __future__ import annotations

import pytest

from tests.conftest import login


def _paths(signal_id: int) -> list[str]:
    return [f"/api/v1/signals/{signal_id}", f"/api/v1/signals/{signal_id}/history"]


def test_fin_triage_cannot_see_signal_routed_only_to_szw(client, make_signal, make_user, make_token):
    signal = make_signal(regulations=["BWBR0015703"])
    fin = make_user("triage", "FIN")
    token = make_token(fin)
    headers = {"Authorization": f"Bearer {token}"}
    for path in _paths(signal.id):
        assert client.get(path, headers=headers).status_code == 404, path
    listing = client.get("/api/v1/signals", headers=headers).get_json()
    assert listing["total"] == 0
    search = client.get(f"/api/v1/signals?q={signal.reference}", headers=headers).get_json()
    assert search["items"] == []
    login(client, fin)
    assert client.get(f"/signalen/{signal.id}").status_code == 404
    assert "0 signalen gevonden" in client.get(f"/signalen/?q={signal.reference}").get_data(as_text=True)
    assert signal.reference not in client.get("/behandelen/").get_data(as_text=True)


def test_uwv_frontline_cannot_see_svb_signals(client, make_signal, make_user, make_token):
    svb_signal = make_signal(org="SVB", channel="SVB-KB", regulations=["BWBR0002221"])
    uwv_signal = make_signal(org="UWV", channel="UWV-MW", regulations=["BWBR0004045"])
    uwv = make_user("frontline", "UWV")
    headers = {"Authorization": f"Bearer {make_token(uwv)}"}
    for path in _paths(svb_signal.id):
        assert client.get(path, headers=headers).status_code == 404, path
    listing = client.get("/api/v1/signals", headers=headers).get_json()
    assert [item["id"] for item in listing["items"]] == [uwv_signal.id]
    transition = client.post(
        f"/api/v1/signals/{svb_signal.id}/transitions", json={"to": "closed"}, headers=headers
    )
    assert transition.status_code == 404
    login(client, uwv)
    page = client.get("/signalen/").get_data(as_text=True)
    assert uwv_signal.reference in page and svb_signal.reference not in page
    assert client.get(f"/signalen/{svb_signal.id}").status_code == 404


def test_co_ministry_triage_sees_samenloop_signal_but_lead_works_it(client, make_signal, make_user, make_token):
    signal = make_signal(regulations=["BWBR0015703", "BWBR0008659"])
    bzk = make_user("triage", "BZK")
    headers = {"Authorization": f"Bearer {make_token(bzk)}"}
    assert client.get(f"/api/v1/signals/{signal.id}", headers=headers).status_code == 200
    response = client.post(f"/api/v1/signals/{signal.id}/transitions", json={"to": "in_progress"}, headers=headers)
    assert response.status_code == 403


def test_triage_filtering_on_its_own_ministry_lists_its_whole_scope(client, make_signal, make_user, make_token):
    """Does ?ministry=<own> list what the unfiltered list does (co-responsible signals too), and
    ?ministry=<other> only the signals routed to both?"""
    samenloop = make_signal(regulations=["BWBR0015703", "BWBR0008659"])  # SZW leads, BZK co-responsible
    only_bzk = make_signal(regulations=["BWBR0008659"])
    make_signal(regulations=["BWBR0015703"])  # SZW only
    headers = {"Authorization": f"Bearer {make_token(make_user('triage', 'BZK'))}"}

    def listed(query=""):
        answer = client.get(f"/api/v1/signals{query}", headers=headers).get_json()
        return answer["total"], sorted(item["id"] for item in answer["items"])

    assert listed() == listed("?ministry=BZK") == listed("?ministry=bzk") == (2, sorted([samenloop.id, only_bzk.id]))
    assert listed("?ministry=SZW") == (1, [samenloop.id])


def test_coordinator_sees_everything(client, make_signal, make_user, make_token):
    a = make_signal(org="SVB", channel="SVB-KB")
    b = make_signal(org="UWV", channel="UWV-MW")
    headers = {"Authorization": f"Bearer {make_token(make_user('coordinator', 'BZK'))}"}
    ids = {item["id"] for item in client.get("/api/v1/signals", headers=headers).get_json()["items"]}
    assert {a.id, b.id} <= ids


def test_rerouted_signal_leaves_the_old_ministry(client, make_signal, make_user, make_token):
    signal = make_signal()
    szw = make_user("triage", "SZW")
    headers = {"Authorization": f"Bearer {make_token(szw)}"}
    response = client.post(
        f"/api/v1/signals/{signal.id}/transitions", json={"to": "routed", "ministry": "VWS", "note": "Zorg."}, headers=headers
    )
    assert response.status_code == 200
    assert client.get(f"/api/v1/signals/{signal.id}", headers=headers).status_code == 404


@pytest.mark.parametrize("role", ["liaison", "admin"])
def test_roles_without_signal_access_get_403(client, make_user, make_token, make_signal, role):
    signal = make_signal()
    headers = {"Authorization": f"Bearer {make_token(make_user(role, 'BZK'))}"}
    assert client.get("/api/v1/signals", headers=headers).status_code == 403
    assert client.get(f"/api/v1/signals/{signal.id}", headers=headers).status_code == 403


def test_revoked_or_unknown_token_is_401(client, db, make_user, make_token):
    from signals.accounts import revoke_token
    from signals.models import ApiToken

    user = make_user("frontline", "GEM")
    token = make_token(user)
    assert client.get("/api/v1/signals", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    revoke_token(db.session, db.session.query(ApiToken).one(), user)
    db.session.commit()
    assert client.get("/api/v1/signals", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    assert client.get("/api/v1/signals", headers={"Authorization": "Bearer kp_nonsense"}).status_code == 401
    assert client.get("/api/v1/signals").status_code == 401


def test_token_is_stored_hashed(db, make_user, make_token):
    from signals.models import ApiToken

    token = make_token(make_user())
    stored = db.session.query(ApiToken).one()
    assert token not in (stored.token_hash, stored.prefix)
    assert len(stored.token_hash) == 64
