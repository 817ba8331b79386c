"""Browser fixtures: the app served on a free port, headless Chromium, axe-core and screenshots.

The live app is its own Flask app on its own temporary SQLite file, with CSRF
enabled, so the browser fills in the real forms. It is kept apart from the
session `app` fixture of tests/conftest.py, which the other tests use.

Chromium is Debian's /usr/bin/chromium (never `playwright install`). Without it
the browser tests are skipped, unless KNELPUNT_BROWSER_TESTS=required.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from flask import Flask

from app import create_app
from app.extensions import db
from config import TestConfig
from signals import accounts
from signals.accounts import create_user
from signals.intake import SignalDraft, submit_signal
from signals.models import Signal, User
from signals.reference import load_reference_data
from signals.search import install_fulltext
from signals.workflow import transition_signal
from tests.browser.helpers import WIDE, path_of, unavailable
from tests.conftest import PASSWORD

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"

#: role -> (e-mail, organisation) of the browser test users
USERS = {
    "frontline": ("frontlijn@gemeente.example.org", "GEM"),
    "triage": ("beleid@szw.example.org", "SZW"),
    "triage_vws": ("beleid@vws.example.org", "VWS"),
    "coordinator": ("coordinator@bzk.example.org", "BZK"),
    "liaison": ("liaison@bzk.example.org", "BZK"),
    "admin": ("beheer@bzk.example.org", "BZK"),
}
ROLE_OF = {"triage_vws": "triage"}

#: pages axe checked in this session, for the summary at the end
AXE_CHECKED: list[str] = []


@dataclass
class LiveServer:
    """The running app: its base URL, the Flask app (for setting up data) and the users."""

    url: str
    app: Flask
    emails: dict[str, str] = field(default_factory=dict)

    def user(self, role: str) -> User:
        """The test user of ``role`` (inside an app context)."""
        return db.session.scalars(db.select(User).where(User.email == self.emails[role])).one()

    def make_signal(self, title: str, description: str, regulations: list[str] | None = None) -> tuple[int, str, str]:
        """Submit a signal as the frontline user, straight through the domain; returns (id, reference, status)."""
        with self.app.app_context():
            draft = SignalDraft(channel="GEM-BL", title=title, description=description, regulations=regulations or [])
            signal, _decision = submit_signal(db.session, self.user("frontline"), draft)
            db.session.commit()
            return signal.id, signal.reference, signal.status

    def signal_id(self, title: str) -> int:
        """The id of the (first) signal with this title."""
        with self.app.app_context():
            return db.session.scalars(db.select(Signal.id).where(Signal.title == title).order_by(Signal.id)).first()

    def signal_status(self, signal_id: int) -> str:
        with self.app.app_context():
            return db.session.get(Signal, signal_id).status


def _seed(server: LiveServer) -> None:
    """Schema (as tests/conftest.py builds it), reference data, one user per role and a few signals."""
    db.create_all()
    with db.engine.begin() as connection:
        install_fulltext(connection)
    load_reference_data(db.session)
    for key, (email, org) in USERS.items():
        create_user(db.session, email, ROLE_OF.get(key, key), org, password=PASSWORD, name="")
    db.session.commit()
    background = [
        (
            "Gift van familie leidt tot terugvordering",
            "Een cliënt in de bijstand kreeg boodschappen van zijn moeder en moet nu alles terugbetalen.",
            ["BWBR0015703"],
            [],
        ),
        (
            "Kostendelersnorm raakt mantelzorgers",
            "Een zoon die bij zijn zieke moeder intrekt om voor haar te zorgen, verlaagt haar bijstand.",
            ["BWBR0015703"],
            [("in_progress", {})],
        ),
        (
            "Toeslag terug na kleine inkomensstijging",
            "Een alleenstaande moeder moet de hele zorgtoeslag terugbetalen na een kleine loonsverhoging.",
            ["BWBR0018451"],
            [("in_progress", {}), ("needs_info", {"note": "Om welk jaar gaat het?"})],
        ),
        (
            "AOW-gat na emigratie",
            "Iemand die een paar jaar in het buitenland werkte, krijgt een lagere AOW en wist dat niet.",
            ["BWBR0002221"],
            [
                ("in_progress", {}),
                ("answered", {"outcome": "further_study", "response": "We zoeken uit hoe vaak dit voorkomt."}),
            ],
        ),
    ]
    for title, description, regulations, steps in background:
        draft = SignalDraft(channel="GEM-BL", title=title, description=description, regulations=regulations)
        signal, _decision = submit_signal(db.session, server.user("frontline"), draft)
        actor = _triage_actor(signal.lead_ministry_code) if steps else None
        for to, kwargs in steps:
            transition_signal(db.session, signal, to, actor, **kwargs)
    db.session.commit()


def _triage_actor(ministry: str) -> User:
    """A triage user of ``ministry`` to move the background signals along."""
    email = f"triage-{ministry.lower()}@achtergrond.example.org"
    existing = db.session.scalars(db.select(User).where(User.email == email)).first()
    if existing is not None:
        return existing
    user, _pw = create_user(db.session, email, "triage", ministry, password=PASSWORD)
    return user


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """The app on http://127.0.0.1:<free port>, on a temporary SQLite file, with CSRF on."""
    from werkzeug.serving import make_server

    db_file = tmp_path_factory.mktemp("browser-db") / "knelpunt-browser.db"
    config = TestConfig()
    config.SQLALCHEMY_DATABASE_URI = f"sqlite:///{db_file}"
    # A pool of real connections: the server answers requests in several threads.
    config.SQLALCHEMY_ENGINE_OPTIONS = {"connect_args": {"check_same_thread": False, "timeout": 30}}
    config.WTF_CSRF_ENABLED = True
    app = create_app(config)

    method = accounts.PASSWORD_METHOD
    accounts.PASSWORD_METHOD = "pbkdf2:sha256:1000"  # fast hashes; the users are test users
    server_info = LiveServer(url="", app=app, emails={k: v[0] for k, v in USERS.items()})
    try:
        with app.app_context():
            _seed(server_info)
    finally:
        accounts.PASSWORD_METHOD = method

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request in the test output
    server = make_server("127.0.0.1", 0, app, threaded=True)
    server_info.url = f"http://127.0.0.1:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, name="knelpunt-live-server", daemon=True)
    thread.start()
    yield server_info
    server.shutdown()
    thread.join(timeout=10)
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session."""
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the python package playwright is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def axe():
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        unavailable("the python package axe-playwright-python is not installed")
    return Axe()


@pytest.fixture
def context(browser, live_server):
    """A fresh browser context (own cookies) per test."""
    ctx = browser.new_context(base_url=live_server.url, viewport=WIDE, locale="nl-NL", reduced_motion="reduce")
    ctx.set_default_timeout(10_000)
    yield ctx
    ctx.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.browser_call_failed = report.failed
    return report


@pytest.fixture
def page(context, request):
    """A page in the test's own context; on failure a screenshot goes to screenshots/failed-<test>.png."""
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(f"JavaScript error: {exc}"))
    # a Content-Security-Policy violation is logged as a console error ("Refused to …")
    page.on(
        "console",
        lambda m: m.type == "error"
        and ("Content Security Policy" in m.text or "Refused to" in m.text)
        and errors.append(f"CSP violation on {path_of(page.url)}: {m.text[:300]}"),
    )
    page.on(
        "response",
        lambda r: r.status >= 500 and errors.append(f"HTTP {r.status} from {r.request.method} {path_of(r.url)}"),
    )
    yield page
    if getattr(request.node, "browser_call_failed", False):
        SCREENSHOTS.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "-", request.node.name)
        page.screenshot(path=str(SCREENSHOTS / f"failed-{name}.png"), full_page=True)
    assert not errors, "the browser saw errors:\n" + "\n".join(errors)


@pytest.fixture
def check_a11y(axe):
    """check_a11y(page, "what the page is") runs axe-core and fails with a readable list of violations."""

    def check(page, label: str) -> None:
        results = axe.run(page, options={"resultTypes": ["violations"]})
        AXE_CHECKED.append(f"{label}  ({path_of(page.url)})")
        violations = results.response["violations"]
        assert not violations, f"axe found {len(violations)} violation(s) on {label} ({page.url}):\n" + _report(
            violations
        )

    return check


def _report(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}  <{violation['helpUrl']}>")
        for node in violation["nodes"][:8]:
            lines.append(f"    at {', '.join(map(str, node['target']))}: {node['html'][:200]}")
            summary = (node.get("failureSummary") or "").replace("\n", " / ")
            if summary:
                lines.append(f"      {summary[:400]}")
        if len(violation["nodes"]) > 8:
            lines.append(f"    … and {len(violation['nodes']) - 8} more")
    return "\n".join(lines)


@pytest.fixture
def login_as(live_server):
    """login_as(page, "triage") logs in through the login form."""

    def login(page, role: str) -> None:
        page.goto("/auth/login")
        page.get_by_label("E-mailadres").fill(live_server.emails[role])
        page.get_by_label("Wachtwoord").fill(PASSWORD)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_url(lambda url: "/auth/login" not in url)

    return login


@pytest.fixture(scope="session")
def screenshot_dir():
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


def pytest_terminal_summary(terminalreporter):
    if AXE_CHECKED:
        routes = {re.sub(r"/\d+", "/<id>", line.rsplit("(", 1)[-1].split("?")[0].rstrip(")")) for line in AXE_CHECKED}
        terminalreporter.write_line(
            f"axe-core: {len(AXE_CHECKED)} page states on {len(routes)} routes checked, 0 violations allowed"
        )
        if terminalreporter.config.getoption("verbose") > 0:
            for line in AXE_CHECKED:
                terminalreporter.write_line(f"  {line}")
