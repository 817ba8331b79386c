"""An admin who can run it: invitations by e-mail with a one-time link, forced password change, edit,
deactivate and reset users, a searchable list, no retired ministries in pickers, reference data
filterable and the retirement of a ministry behind a page that says what will move."""

import datetime as dt
import re

from sqlalchemy import select

from app.extensions import db as _db
from signals.accounts import get_user_by_email
from signals.models import Notification, OneTimeLink
from tests.conftest import PASSWORD, login

NEW_PASSWORD = "een nieuw lang wachtwoord"


def _invite(client, email="nieuw@example.org", role="triage", org="SZW", name="Nieuwe Collega"):
    return client.post("/beheer/gebruikers", data={"email": email, "role": role, "organisation": org, "name": name}, follow_redirects=True)


def _link_in_mail(db, email) -> str:
    mail = db.session.scalars(select(Notification).where(Notification.recipient == email).order_by(Notification.id.desc())).first()
    assert mail is not None, "no mail queued"
    return re.search(r"http\S+/auth/wachtwoord-kiezen/(\S+)", mail.body).group(1)


def test_invitation_mails_a_one_time_link_and_never_shows_a_password(client, db, make_user):
    login(client, make_user("admin", "BZK"))
    page = _invite(client).get_data(as_text=True)
    assert "Uitnodiging verstuurd naar nieuw@example.org" in page
    assert "wachtwoord:" not in page.lower()
    token = _link_in_mail(db, "nieuw@example.org")
    client.post("/auth/logout")

    # the invited user cannot log in before choosing a password
    assert client.post("/auth/login", data={"email": "nieuw@example.org", "password": ""}).status_code == 400
    form = client.get(f"/auth/wachtwoord-kiezen/{token}")
    assert form.status_code == 200 and "nieuw@example.org" in form.get_data(as_text=True)
    mismatch = client.post(f"/auth/wachtwoord-kiezen/{token}", data={"password": NEW_PASSWORD, "repeat": "iets anders"})
    assert mismatch.status_code == 422 and "niet gelijk" in mismatch.get_data(as_text=True)
    short = client.post(f"/auth/wachtwoord-kiezen/{token}", data={"password": "kort", "repeat": "kort"})
    assert short.status_code == 422 and "minstens 8 tekens" in short.get_data(as_text=True)
    done = client.post(f"/auth/wachtwoord-kiezen/{token}", data={"password": NEW_PASSWORD, "repeat": NEW_PASSWORD})
    assert done.status_code == 302
    assert "Werkvoorraad" in client.get("/", follow_redirects=True).get_data(as_text=True)  # logged in as triage
    client.post("/auth/logout")
    assert client.get(f"/auth/wachtwoord-kiezen/{token}").status_code == 410  # used once
    assert client.post("/auth/login", data={"email": "nieuw@example.org", "password": NEW_PASSWORD}).status_code == 302


def test_expired_link_no_longer_works(client, db, make_user):
    login(client, make_user("admin", "BZK"))
    _invite(client, email="laat@example.org")
    token = _link_in_mail(db, "laat@example.org")
    user = get_user_by_email(db.session, "laat@example.org")
    link = db.session.scalars(select(OneTimeLink).where(OneTimeLink.user_id == user.id)).one()
    link.expires_at = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
    db.session.commit()
    client.post("/auth/logout")
    assert client.get(f"/auth/wachtwoord-kiezen/{token}").status_code == 410
    assert client.post(f"/auth/wachtwoord-kiezen/{token}", data={"password": NEW_PASSWORD, "repeat": NEW_PASSWORD}).status_code == 410


def test_password_set_by_someone_else_must_be_changed_first(client, db, runner):
    result = runner.invoke(args=["user", "create", "cli@example.org", "--role", "liaison", "--org", "BZK"])
    assert result.exit_code == 0
    generated = re.search(r"Wachtwoord: (\S+)", result.output).group(1)
    assert client.post("/auth/login", data={"email": "cli@example.org", "password": generated}).status_code == 302
    landing = client.get("/dashboard/")
    assert landing.status_code == 302 and landing.headers["Location"].endswith("/auth/wachtwoord-wijzigen")
    wrong = client.post("/auth/wachtwoord-wijzigen", data={"current": "fout", "password": NEW_PASSWORD, "repeat": NEW_PASSWORD})
    assert wrong.status_code == 422 and "niet uw huidige wachtwoord" in wrong.get_data(as_text=True)
    same = client.post("/auth/wachtwoord-wijzigen", data={"current": generated, "password": generated, "repeat": generated})
    assert same.status_code == 422
    ok = client.post("/auth/wachtwoord-wijzigen", data={"current": generated, "password": NEW_PASSWORD, "repeat": NEW_PASSWORD})
    assert ok.status_code == 302
    assert client.get("/dashboard/").status_code == 200


def test_admin_edits_deactivates_reactivates_and_resets_a_user(client, db, make_user, make_token):
    admin = make_user("admin", "BZK")
    other = make_user("frontline", "GEM")
    token = make_token(other)
    login(client, admin)
    saved = client.post(f"/beheer/gebruikers/{other.id}", data={"name": "Ander Persoon", "role": "frontline", "organisation": "UWV"}, follow_redirects=True)
    assert "opgeslagen" in saved.get_data(as_text=True)
    _db.session.refresh(other)
    assert (other.name, other.organisation_code) == ("Ander Persoon", "UWV")
    bad = client.post(f"/beheer/gebruikers/{other.id}", data={"name": "", "role": "triage", "organisation": "UWV"})
    assert bad.status_code == 422 and "hoort bij een ministerie" in bad.get_data(as_text=True)

    client.post(f"/beheer/gebruikers/{other.id}/actief", data={"active": "0"})
    _db.session.refresh(other)
    assert other.is_active is False
    from signals.accounts import user_for_token

    assert user_for_token(db.session, token) is None  # its API token stopped working too
    client.post(f"/beheer/gebruikers/{other.id}/actief", data={"active": "1"})
    _db.session.refresh(other)
    assert other.is_active is True
    # you cannot lock yourself out
    assert client.post(f"/beheer/gebruikers/{admin.id}/actief", data={"active": "0"}).status_code == 403

    assert client.post(f"/beheer/gebruikers/{other.id}/wachtwoordlink").status_code == 400  # not without the button
    client.post(f"/beheer/gebruikers/{other.id}/wachtwoordlink", data={"confirm": "1"})
    assert _link_in_mail(db, other.email)
    client.post("/auth/logout")
    assert client.post("/auth/login", data={"email": other.email, "password": PASSWORD}).status_code == 400  # old one stopped


def test_user_list_is_searchable_by_name_and_pickers_hide_retired_ministries(client, db, make_user):
    login(client, make_user("admin", "BZK"))
    _invite(client, email="zoek@example.org", name="Zoekbare Naam", role="frontline", org="UWV")
    page = client.get("/beheer/gebruikers", query_string={"q": "zoekbare"}).get_data(as_text=True)
    assert "Zoekbare Naam" in page and "1 gebruiker gevonden." in page
    assert "0 gebruikers gevonden." in client.get("/beheer/gebruikers", query_string={"q": "bestaatniet"}).get_data(as_text=True)
    options = re.findall(r'<option value="([A-Z]+)"', client.get("/beheer/gebruikers").get_data(as_text=True))
    assert "JENV" in options and not {"AENM", "KGG", "VRO", "EZ"} & set(options)
    refused = client.post("/beheer/gebruikers", data={"email": "oud@example.org", "role": "triage", "organisation": "KGG"})
    assert refused.status_code == 422


def test_reference_data_filters_and_retirement_says_what_will_move(client, db, make_user, make_signal):
    make_signal(regulations=["BWBR0015703"])  # an open SZW signal
    login(client, make_user("admin", "BZK"))
    page = client.get("/beheer/referentie", query_string={"kind": "ministries", "q": "sociale"}).get_data(as_text=True)
    assert "Ministerie van Sociale Zaken en Werkgelegenheid" in page and "Participatiewet" not in page
    assert "Opheffen voorbereiden" in page and ">Opheffen<" not in page
    assert "KGG" not in client.get("/beheer/referentie", query_string={"kind": "ministries"}).get_data(as_text=True)
    confirm = client.get("/beheer/referentie/ministerie/SZW/opheffen").get_data(as_text=True)
    assert "Wat gaat er naar de opvolger" in confirm and "Participatiewet" in confirm
    assert "1 open signaal waarvoor SZW eerstverantwoordelijk is" in confirm


def test_following_a_knelpunt_mails_every_status_change(client, db, make_user, make_signal):
    """Does a follower get an e-mail on each status change, and none after they stop following?"""
    import datetime as dt

    from tests.reports.factories import make_knelpunt

    knelpunt = make_knelpunt(db, "Giften tellen als inkomen", "SZW", dt.datetime(2026, 8, 5, tzinfo=dt.UTC))
    liaison = make_user("liaison", "BZK")
    coordinator = make_user("coordinator", "BZK")
    login(client, liaison)
    page = client.post(f"/knelpunten/{knelpunt.id}/volgen", follow_redirects=True).get_data(as_text=True)
    assert "U volgt dit knelpunt" in page and "Niet meer volgen" in page
    client.post("/auth/logout")
    login(client, coordinator)
    client.post(f"/knelpunten/{knelpunt.id}/status", data={"to": "in_study", "note": "We zoeken het uit."})
    mails = db.session.scalars(select(Notification).where(Notification.recipient == liaison.email)).all()
    assert len(mails) == 1 and "In onderzoek" in mails[0].subject and "We zoeken het uit." in mails[0].body
    assert mails[0].sent_at is not None  # delivered after the commit
    assert not db.session.scalars(select(Notification).where(Notification.recipient == coordinator.email)).all()
    client.post("/auth/logout")
    login(client, liaison)
    client.post(f"/knelpunten/{knelpunt.id}/niet-meer-volgen")
    client.post("/auth/logout")
    login(client, coordinator)
    client.post(f"/knelpunten/{knelpunt.id}/status", data={"to": "solution_underway", "note": ""})
    assert len(db.session.scalars(select(Notification).where(Notification.recipient == liaison.email)).all()) == 1
