"""The interface in two languages: a complete English catalog, the language switch, and locale formatting."""

from __future__ import annotations

import datetime as dt
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from babel.dates import format_date as babel_format_date
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import g, url_for
from flask_babel import force_locale

from app.extensions import babel
from app.letters.dashboards import format_change
from signals.knelpunten import create_knelpunt
from tests.conftest import login

ROOT = Path(__file__).resolve().parents[2]
PO_FILE = ROOT / "app" / "translations" / "en" / "LC_MESSAGES" / "messages.po"
MO_FILE = PO_FILE.with_suffix(".mo")
#: the keywords `make translations-update` passes to pybabel extract
KEYWORDS = {**DEFAULT_KEYWORDS, "_l": None, "N_": None}
SKIP_DIRS = {"node_modules", "instance", "tests", "bench", "migrations", "static"}


def read_catalog():
    with PO_FILE.open("rb") as fh:
        return read_po(fh)


def msgid(message) -> str:
    return message.id[0] if isinstance(message.id, tuple) else message.id


@pytest.fixture(scope="module", autouse=True)
def compiled_catalog(app):
    """The .mo as `make translations` builds it (it is not in git); recompiled when the .po is newer."""
    if not MO_FILE.exists() or MO_FILE.stat().st_mtime < PO_FILE.stat().st_mtime:
        with MO_FILE.open("wb") as fh:
            write_mo(fh, read_catalog())
    babel.domain_instance.cache.clear()  # nothing loaded before the .mo existed may linger


# --- the catalog -------------------------------------------------------------------------------


def test_catalog_has_no_untranslated_or_fuzzy_entries():
    """Does every msgid of the English catalog have a reviewed translation?"""
    catalog = read_catalog()
    assert not catalog.fuzzy
    untranslated = [m.id for m in catalog if m.id and not (all(m.string) if isinstance(m.string, tuple) else m.string)]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert untranslated == []
    assert fuzzy == []
    assert len(catalog) > 400


def test_catalog_keeps_every_placeholder():
    """Do translations keep %(name)s and {name} placeholders exactly?"""
    catalog = read_catalog()
    assert [(m.id, [str(e) for e in errors]) for m, errors in catalog.check()] == []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            assert set(re.findall(r"%\(\w+\)[sd]", text)) == set(re.findall(r"%\(\w+\)[sd]", ids[-1])), message.id
            assert set(re.findall(r"\{\w+\}", text)) == set(re.findall(r"\{\w+\}", ids[0])), message.id


def test_every_msgid_in_the_code_is_in_the_catalog():
    """Is every string marked in app/, signals/, reports/ and the templates translated (babel.cfg as make uses it)?"""
    with (ROOT / "babel.cfg").open() as fh:
        method_map, options_map = parse_mapping_cfg(fh, "babel.cfg")

    def keep(path: str) -> bool:
        name = os.path.basename(path)
        return not name.startswith((".", "_")) and name not in SKIP_DIRS

    extracted = {
        (message[0] if isinstance(message, tuple) else message): filename
        for filename, _line, message, _comments, _context in extract_from_dir(
            str(ROOT), method_map, options_map, keywords=KEYWORDS, directory_filter=keep
        )
        if message
    }
    in_catalog = {msgid(m) for m in read_catalog() if m.id}
    missing = sorted(f"{extracted[m]}: {m}" for m in set(extracted) - in_catalog)
    assert missing == [], "run `make translations-update` and translate:\n" + "\n".join(missing)
    assert {"Signaal melden", "Frontlijn", "een BSN", "Uw aanvulling", "Taal aangepast."} <= set(extracted)


# --- pages in English --------------------------------------------------------------------------


class _TextNodes(HTMLParser):
    """The visible text nodes and the readable attribute values of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs:
            if name in ("aria-label", "placeholder", "title", "alt") and value:
                self.texts.append(value.strip())

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.texts.append(" ".join(data.split()))


def _pattern(dutch: str) -> re.Pattern:
    escaped = re.escape(dutch)
    escaped = re.sub(r"%\\\(\w+\\\)[sd]", ".+?", escaped).replace("%%", "%")
    return re.compile(escaped)


@pytest.fixture(scope="module")
def dutch_texts():
    """Catalog msgids whose English differs: exact text nodes, and long sentences anywhere."""
    catalog = read_catalog()
    pairs = [(msgid(m), m.string if isinstance(m.string, str) else m.string[0]) for m in catalog if m.id]
    changed = [dutch for dutch, english in pairs if dutch != english]
    plain = {d.replace("%%", "%") for d in changed if "%(" not in d}
    with_placeholders = [_pattern(d) for d in changed if "%(" in d]
    long = [
        (max(re.split(r"%\(\w+\)[sd]", d), key=len).replace("%%", "%"), _pattern(d)) for d in changed if len(d) >= 25
    ]
    return plain, with_placeholders, long


def dutch_leftovers(html: str, dutch_texts) -> list[str]:
    """Interface texts still in Dutch on an English page."""
    plain, with_placeholders, long = dutch_texts
    parser = _TextNodes()
    parser.feed(html)
    found = [t for t in parser.texts if t in plain or any(p.fullmatch(t) for p in with_placeholders)]
    page = " ".join(parser.texts)
    found += [p.pattern for fragment, p in long if fragment in page and p.search(page)]
    return found


def switch(client, code: str, next_path: str = "/"):
    return client.post(f"/taal/{code}", data={"next": next_path})


def assert_english(response, dutch_texts, url: str = ""):
    html = response.get_data(as_text=True)
    assert response.status_code == 200, url
    assert '<html lang="en-GB">' in html
    assert '<span lang="nl">Nederlands</span>' in html
    assert dutch_leftovers(html, dutch_texts) == [], url


def test_the_leftover_check_sees_dutch(client, dutch_texts):
    """Does the check below really find Dutch interface text (on a Dutch page)?"""
    leftovers = dutch_leftovers(client.get("/auth/login").get_data(as_text=True), dutch_texts)
    assert {"Inloggen bij Knelpunt", "Naar de inhoud", "Wachtwoord"} <= set(leftovers)


def _pages(app, role: str, signal_id: int | None, knelpunt_id: int | None = None) -> list[str]:
    endpoints = {
        "frontline": ["main.index", "intake.new", "intake.index", "knelpunten.index", "dashboards.index"],
        "triage": [
            "triage.queue",
            "intake.index",
            "knelpunten.index",
            "knelpunten.new",
            "letters.index",
            "dashboards.index",
        ],
        "coordinator": [
            "coordinator.unrouted",
            "coordinator.overview",
            "intake.index",
            "intake.new",
            "letters.index",
            "dashboards.index",
        ],
        "liaison": ["main.index", "knelpunten.index", "letters.index", "dashboards.index"],
        "admin": ["admin.users", "admin.reference_data", "admin.deadlines", "admin.mail_templates"],
    }[role]
    with app.test_request_context():
        urls = [url_for(e) for e in endpoints]
        if signal_id and role in ("frontline", "triage", "coordinator"):
            urls += [url_for("intake.detail", signal_id=signal_id), url_for("intake.history", signal_id=signal_id)]
        if knelpunt_id and role != "admin":
            urls += [
                url_for("knelpunten.detail", knelpunt_id=knelpunt_id),
                url_for("knelpunten.history", knelpunt_id=knelpunt_id),
            ]
    return urls


@pytest.mark.parametrize(
    "role, org", [("frontline", "GEM"), ("triage", "SZW"), ("coordinator", "BZK"), ("liaison", "BZK"), ("admin", "BZK")]
)
def test_switching_to_english_translates_the_main_pages_of_every_role(
    app, db, client, make_user, make_signal, dutch_texts, role, org
):
    """After choosing English, is every main page of the role in English, with no Dutch interface text left?"""
    signal = make_signal(status="in_progress", org="GEM")
    knelpunt = create_knelpunt(
        db.session,
        make_user("coordinator", "BZK"),
        "Giften in de bijstand",
        "SZW",
        [signal.id],
        instrument="wetswijziging",
    )
    db.session.commit()
    user = make_user(role, org)
    login(client, user)
    assert '<html lang="nl">' in client.get("/", follow_redirects=True).get_data(as_text=True)

    response = switch(client, "en")
    assert response.status_code == 302
    assert user.locale == "en"
    for url in _pages(app, role, signal.id, knelpunt.id):
        assert_english(client.get(url), dutch_texts, url)


def test_switching_back_to_dutch(client, make_user):
    """Can a user who chose English go back to Dutch, with the confirmation in Dutch?"""
    user = make_user("frontline", "GEM")
    login(client, user)
    switch(client, "en")
    assert "Report a signal" in client.get("/").get_data(as_text=True)

    response = switch(client, "nl", "/signalen/")
    assert response.headers["Location"] == "/signalen/"
    html = client.get("/signalen/").get_data(as_text=True)
    assert '<html lang="nl">' in html
    assert "Taal aangepast." in html
    assert '<span lang="en">English</span>' in html
    assert user.locale == "nl"


def test_the_choice_is_stored_on_the_user(app, make_user):
    """Does a user's language follow them to a new browser?"""
    user = make_user("liaison", "BZK")
    first = app.test_client()
    login(first, user)
    switch(first, "en")

    second = app.test_client()
    login(second, user)
    html = second.get("/").get_data(as_text=True)
    assert '<html lang="en-GB">' in html
    assert "Overview for parliament" in html  # the liaison start page (issue 14)


def test_period_names_are_translated(client, make_user):
    """Does the letters page name its periods in English ('third quarter of 2026')?"""
    login(client, make_user("liaison", "BZK"))
    switch(client, "en")
    html = client.get("/brieven/").get_data(as_text=True)
    assert "quarter of" in html
    assert "kwartaal" not in html


def test_dashboard_labels_charts_and_numbers_follow_the_language(client, make_user, make_signal):
    """Are the dashboard's figures, tables, charts and period names in English, with English number formats?"""
    for status in ("answered", "in_progress", "routed"):
        make_signal(status=status, org="GEM")
    today = dt.date.today()
    quarter = f"{today.year}-Q{(today.month - 1) // 3 + 1}"  # where make_signal's signals are
    login(client, make_user("coordinator", "BZK"))
    dutch = client.get("/dashboard/", query_string={"period": quarter}).get_data(as_text=True)
    assert f"kwartaal {today.year}" in dutch and "Signalen in de periode" in dutch

    switch(client, "en")
    html = client.get("/dashboard/", query_string={"period": quarter}).get_data(as_text=True)
    for english in (f"quarter of {today.year}", "Signals in the period", "% on time", "Signals per status"):
        assert english in html
    assert '"Number of signals"' in html  # an axis title inside the chart's JSON
    for dutch_text in ("kwartaal", "Signalen in de periode", "Aantal signalen", "Tijdigheid"):
        assert dutch_text not in html
    assert re.search(r'data-figure="total">\s*<th[^>]*>Signals in the period</th>\s*<td[^>]*>3</td>', html)


@pytest.mark.parametrize(
    "locale, expected",
    [("nl", ["+12 (+8,5%)", "−1.500 (−75,0%)", "±0"]), ("en_GB", ["+12 (+8.5%)", "−1,500 (−75.0%)", "±0"])],
)
def test_dashboard_change_follows_the_locale(app, locale, expected):
    with app.test_request_context(), force_locale(locale):
        assert [format_change(153, 141), format_change(500, 2000), format_change(0, 0)] == expected


def test_anonymous_visitor_switches_through_the_session(client, make_user, dutch_texts):
    """Can someone who is not logged in read the login page in English, and keep English after logging in?"""
    html = client.get("/auth/login").get_data(as_text=True)
    assert "Inloggen bij Knelpunt" in html
    assert '<span lang="en">English</span>' in html

    response = switch(client, "en", "/auth/login")
    assert response.status_code == 302
    assert response.headers["Location"] == "/auth/login"
    page = client.get("/auth/login")
    assert_english(page, dutch_texts)
    assert "Log in to Knelpunt" in page.get_data(as_text=True)
    assert "Language changed." in page.get_data(as_text=True)

    user = make_user("frontline", "GEM")  # no language of their own yet
    login(client, user)
    assert "Welcome," in client.get("/").get_data(as_text=True)

    switch(client, "nl")
    client.post("/auth/logout")
    assert "Inloggen bij Knelpunt" in client.get("/auth/login").get_data(as_text=True)


def test_login_prompt_is_translated(client):
    """Is Flask-Login's 'log in to see this page' message in the chosen language?"""
    switch(client, "en")
    client.get("/signalen/")
    assert "Log in to see this page." in client.get("/auth/login").get_data(as_text=True)


def test_unknown_language_is_not_found(client):
    assert client.post("/taal/fr").status_code == 404


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/\\evil.example/", "evil"])
def test_switch_never_redirects_off_site(client, target):
    """Is the page to return to only ever a path on this site?"""
    response = switch(client, "en", target)
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


def test_language_switch_is_a_form_with_csrf_token(app, client):
    """Does the switch post a CSRF token, so it works with CSRF protection on?"""
    app.config["WTF_CSRF_ENABLED"] = True
    g.pop("csrf_token", None)  # the tests share one app context; production makes a token per session
    try:
        html = client.get("/auth/login").get_data(as_text=True)
        form = re.search(
            r'<form class="kp-user__form kp-lang" method="post" action="/taal/en">(.*?)</form>', html, re.S
        )
        assert form is not None
        token = re.search(r'name="csrf_token" value="([^"]+)"', form.group(1)).group(1)
        assert client.post("/taal/en", data={"next": "/auth/login"}).status_code == 400
        assert client.post("/taal/en", data={"next": "/auth/login", "csrf_token": token}).status_code == 302
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
        g.pop("csrf_token", None)


# --- dates and numbers -------------------------------------------------------------------------


def _local_date(value: dt.datetime) -> dt.date:
    aware = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    return aware.astimezone(ZoneInfo("Europe/Amsterdam")).date()


def test_dates_follow_the_chosen_language(client, make_user, make_signal):
    """Is 'reported on' written as 29 nov 2026 in Dutch and 29 Nov 2026 in English?"""
    signal = make_signal(status="routed", org="GEM")
    login(client, make_user("frontline", "GEM"))
    day = _local_date(signal.created_at)

    dutch = client.get(f"/signalen/{signal.id}").get_data(as_text=True)
    assert f"gemeld op {babel_format_date(day, 'medium', locale='nl')} via" in dutch

    switch(client, "en")
    english = client.get(f"/signalen/{signal.id}").get_data(as_text=True)
    assert f"reported on {babel_format_date(day, 'medium', locale='en_GB')} via" in english
    month = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec")[day.month - 1]
    assert f"reported on {day.day} {month} {day.year} via" in english  # British order, not "Nov 29, 2026"


@pytest.mark.parametrize(
    "locale, expected", [("nl", "1.234.567 · 12,5 · 3 · —"), ("en_GB", "1,234,567 · 12.5 · 3 · —")]
)
def test_number_filter_follows_the_locale(app, locale, expected):
    template = "{{ 1234567|number }} · {{ 12.5|number }} · {{ 3|number }} · {{ none|number }}"
    with app.test_request_context(), force_locale(locale):
        assert app.jinja_env.from_string(template).render() == expected


def test_domain_message_with_values_is_translated_before_filling_in(app):
    """Messages such as 'Onbekend thema: x' are filled in by the domain, yet still reach English users in English."""
    from flask_babel import force_locale

    from app.form_errors import translate
    from signals.errors import N_, Message

    message = Message(N_("Onbekend thema: %(code)s"), code="onzin")
    assert message == "Onbekend thema: onzin"
    with app.test_request_context(), force_locale("en"):
        assert translate(message) == "Unknown theme: onzin"
        assert translate(N_("Onbekende status.")) != "Onbekende status."
