"""Demo data: users for every role and about 200 signals over 18 months, in every state.

The texts are invented frontline notes (signals/data/demo_signals.json); no real
person's data. Everything is deterministic for a given seed.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from signals.accounts import create_user, get_user_by_email
from signals.intake import SignalDraft, submit_signal
from signals.knelpunten import (
    assign_knelpunt_reference,
    create_knelpunt,
    knelpunt_history,
    suggest_regulations,
    transition_knelpunt,
)
from signals.models import Ministry, Notification, Signal, User
from signals.permissions import may_rate_answers
from signals.reference import DATA_DIR
from signals.workflow import transition_signal

DEMO_PASSWORD = "demo-knelpunt-2026"
DEMO_DOMAIN = "example.org"

#: (local part, role, organisation, name)
DEMO_USERS = [
    # a municipality is an organisation of its own (its CBS code): it sees only its own signals
    ("frontlijn-gemeente", "frontline", "GM0363", "Frontlijn gemeente Amsterdam (demo)"),
    ("frontlijn-gemeente-utrecht", "frontline", "GM0344", "Frontlijn gemeente Utrecht (demo)"),
    ("frontlijn-uwv", "frontline", "UWV", "Frontlijn UWV (demo)"),
    ("frontlijn-svb", "frontline", "SVB", "Frontlijn SVB (demo)"),
    ("frontlijn-belastingdienst", "frontline", "BD", "Frontlijn Belastingdienst (demo)"),
    ("frontlijn-ir", "frontline", "IR", "Frontlijn Informatie Rijksoverheid (demo)"),
    # an office of an agency is an organisation of its own: it sees the signals it logged itself
    ("frontlijn-uwv-amsterdam", "frontline", "UWV-AMS-OOST", "Frontlijn UWV Amsterdam Oost (demo)"),
    ("coordinator", "coordinator", "BZK", "Programmateam (demo)"),
    ("liaison", "liaison", "BZK", "Parlementair liaison (demo)"),
    ("beheer", "admin", "BZK", "Functioneel beheer (demo)"),
]

#: which frontline organisation logs signals that arrive through each channel (one of several:
#: chosen at random, so each municipality has signals of its own)
CHANNEL_SUBMITTER = {
    "IR-CC": "frontlijn-ir",
    "BD-LRH": "frontlijn-belastingdienst",
    "SZW-PT": "frontlijn-gemeente",
    "UWV-MW": "frontlijn-uwv-amsterdam",  # the Maatwerkplaats hears of cases at the offices
    "UWV-KB": "frontlijn-uwv",
    "SVB-KB": "frontlijn-svb",
    "GEM-BL": ("frontlijn-gemeente", "frontlijn-gemeente", "frontlijn-gemeente-utrecht"),
    "NO": "coordinator",
    "IC": "coordinator",
    "SVDU": "frontlijn-uwv",
}

#: final state -> share of demo signals
STATE_MIX = [
    ("routed", 0.12),
    ("in_progress", 0.16),
    ("needs_info", 0.06),
    ("answered", 0.2),
    ("closed", 0.38),
    ("merged", 0.03),
    ("rerouted", 0.05),
]


#: notes too vague for the text router: they wait in the coordinator's queue
VAGUE_NOTES = [
    ("Brief niet te begrijpen", "Een mevrouw aan de balie kreeg een brief met drie bedragen en snapt niet wat ze moet doen. Ze durft niet te bellen en is bang dat het geld kost."),
    ("Regels stapelen zich op", "Een gezin heeft met vier instanties te maken die elk andere gegevens vragen. Niemand voelt zich verantwoordelijk en het gezin raakt het overzicht kwijt."),
    ("Geen loket voor deze vraag", "Meneer is van het kastje naar de muur gestuurd. Elke instantie zegt dat een ander erover gaat. Hij wil alleen weten waar hij aan toe is."),
    ("Termijn veel te kort", "Mensen krijgen twee weken om stukken aan te leveren, maar de post komt later aan dan de datum op de brief. Daardoor missen ze de termijn."),
    ("Digitaal aanvragen lukt niet", "Een oudere meneer heeft geen computer en kan de aanvraag alleen digitaal doen. Hulp is er pas over zes weken."),
]


#: knelpunten established from the demo signals: (title keywords, ministry, fields, status path with age in days)
DEMO_KNELPUNTEN = [
    (
        ("boodschappen", "kostendel", "mantelzorg"),
        "SZW",
        {
            "title": "Giften en mantelzorg tellen mee als inkomen in de bijstand",
            "problem": "Artikel 31 en de kostendelersnorm (art. 22a) van de Participatiewet laten weinig ruimte voor giften en voor wie tijdelijk inwoont of mantelzorg geeft. Kleine giften leiden tot terugvordering.",
            "consequences": "Mensen durven geen hulp van familie of kerk aan te nemen en raken in de schulden door terugvorderingen over maanden.",
            "solution_direction": "Een vrijlatingsgrens voor giften en meer ruimte voor maatwerk bij de kostendelersnorm.",
            "instrument": "wetswijziging",
        },
        [("in_study", 300), ("solution_underway", 120)],
        400,
    ),
    (
        ("huurtoeslag", "toeslagpartner", "servicekosten"),
        "BZK",
        {
            "title": "Terugvordering huurtoeslag door inkomen van huisgenoten",
            "problem": "Het inkomen van inwonende kinderen en ex-partners telt mee in de Wet op de huurtoeslag, ook als zij niets bijdragen.",
            "consequences": "Huishoudens krijgen achteraf hoge terugvorderingen en komen in betalingsproblemen.",
            "solution_direction": "Inkomen van inwonende jongeren vrijlaten en eerder signaleren bij wijziging van het huishouden.",
            "instrument": "amvb_regeling",
        },
        [("in_study", 200)],
        260,
    ),
    (
        ("uitwonenden", "studieschuld", "prestatiebeurs"),
        "OCW",
        {
            "title": "Uitwonendencontrole studiefinanciering raakt kwetsbare studenten",
            "problem": "Bij de controle op de uitwonendenbeurs (Wsf 2000) is alleen de inschrijving in de BRP bepalend; bijzondere woonsituaties passen er niet in.",
            "consequences": "Studenten krijgen een terugvordering en een boete van duizenden euro's.",
            "solution_direction": "Hardheidsclausule ruimer toepassen en het bewijs van feitelijk wonen laten meewegen.",
            "instrument": "beleidsregel",
        },
        [("in_study", 150), ("addressed", 40)],
        200,
    ),
    (
        ("verkeersboete", "beslag", "beslagvrije"),
        "JENV",
        {
            "title": "Stapeling van verhogingen en beslag duwt mensen onder het bestaansminimum",
            "problem": "Verhogingen van verkeersboetes (Wahv) en beslag door meerdere schuldeisers houden geen rekening met de beslagvrije voet.",
            "consequences": "Mensen houden minder over dan het bestaansminimum en komen dieper in de schulden.",
            "solution_direction": "Eén beslagvrije voet voor alle beslagleggers en een maximum aan verhogingen.",
            "instrument": "wetswijziging",
        },
        [],
        45,
    ),
    (
        ("ziek in de ww", "herbeoordeling", "35 procent"),
        "SZW",
        {
            "title": "Inkomensval bij ziekte tijdens de WW en lange wachttijd WIA",
            "problem": "Wie ziek wordt in de WW valt na afloop terug op een lagere uitkering; herbeoordelingen WIA duren lang.",
            "consequences": "Onzekerheid over inkomen, soms maanden zonder duidelijkheid.",
            "solution_direction": "Inhaalslag bij de sociaal-medische beoordeling en een overbruggingsregeling.",
            "instrument": "uitvoering",
        },
        [("rejected", 20)],
        90,
    ),
]


@dataclass
class DemoResult:
    """What seeding made, and the log-ins to print."""

    created: bool
    logins: list[tuple[str, str, str, str]]
    signals: int


def demo_email(local: str) -> str:
    return f"{local}@{DEMO_DOMAIN}"


def _triage_users(session: Session) -> list[tuple[str, str, str, str]]:
    current = session.scalars(select(Ministry).where(Ministry.valid_until.is_(None)).order_by(Ministry.code)).all()
    return [(f"triage-{m.code.lower()}", "triage", m.code, f"Beleidsmedewerker {m.code} (demo)") for m in current]


def demo_logins(session: Session) -> list[tuple[str, str, str, str]]:
    """(e-mail, password, role, organisation) of every demo user."""
    frontline = [row for row in DEMO_USERS if row[1] == "frontline"]
    rows = frontline + _triage_users(session) + [row for row in DEMO_USERS if row[1] != "frontline"]
    return [(demo_email(local), DEMO_PASSWORD, role, org) for local, role, org, _name in rows]


def seed_demo(session: Session, count: int = 200, seed: int = 2026, today: dt.date | None = None) -> DemoResult:
    """Create demo users and signals, unless the demo users exist already."""
    if get_user_by_email(session, demo_email("coordinator")) is not None:
        return DemoResult(False, demo_logins(session), session.query(Signal).count())
    users: dict[str, User] = {}
    for local, role, org, name in DEMO_USERS + _triage_users(session):
        users[local], _pw = create_user(session, demo_email(local), role, org, password=DEMO_PASSWORD, name=name)
    templates = json.loads((DATA_DIR / "demo_signals.json").read_text(encoding="utf-8"))
    rng = random.Random(seed)
    now = dt.datetime.combine(today or dt.date.today(), dt.time(12, 0), tzinfo=dt.UTC)
    start = now - dt.timedelta(days=548)
    made: list[Signal] = []
    for index in range(count):
        template = templates[index % len(templates)] if index < len(templates) else rng.choice(templates)
        channel = rng.choice(template["channels"])
        submitters = CHANNEL_SUBMITTER.get(channel, "frontlijn-gemeente")
        submitter = users[submitters if isinstance(submitters, str) else rng.choice(submitters)]
        created = start + dt.timedelta(seconds=rng.randint(0, int((now - start).total_seconds()) - 3600))
        title, description, regulations = template["title"], template["description"], list(template["regulations"])
        if index % 25 == 7:
            title, description = VAGUE_NOTES[(index // 25) % len(VAGUE_NOTES)]
            regulations = []
        draft = SignalDraft(
            channel=channel,
            title=title,
            description=description,
            regulations=regulations,
            observed_on=(created - dt.timedelta(days=rng.randint(0, 20))).date(),
            people_affected=template.get("people_affected") or 1,
            themes=list(template.get("themes", [])),
            impact=template.get("impact", ""),
            proposed_solution=template.get("proposed_solution", ""),
        )
        signal, _decision = submit_signal(session, submitter, draft, created_at=created)
        if signal.status == "routed":
            _advance(session, signal, template, users, rng, created, now, made)
        made.append(signal)
    session.flush()
    _seed_knelpunten(session, users, made, now)
    # the demo's history already happened: its mails count as sent, not as a backlog to deliver
    session.execute(update(Notification).values(sent_at=now))
    return DemoResult(True, demo_logins(session), len(made))


def _seed_knelpunten(session: Session, users: dict[str, User], signals: list[Signal], now: dt.datetime) -> None:
    """Bundle demo signals into knelpunten, with a status history spread over the past year."""
    coordinator = users["coordinator"]
    for keywords, ministry, fields, path, age in DEMO_KNELPUNTEN:
        matching = [
            s for s in signals
            if s.status not in ("received", "merged") and s.knelpunt_id is None
            and any(k in f"{s.title} {s.description}".lower() for k in keywords)
        ][:8]
        if not matching:  # a knelpunt needs a signal that shows it
            continue
        created = now - dt.timedelta(days=age)
        # as a coordinator would: the regulation most of the signals are about, of the knelpunt's own ministry
        chosen = [r.code for r, lead, _total in suggest_regulations(matching) if lead and r.ministry_code == ministry][:1]
        knelpunt = create_knelpunt(
            session, coordinator, ministry=ministry, signal_ids=[s.id for s in matching], regulations=chosen, **fields
        )
        knelpunt.created_at = knelpunt.updated_at = created
        assign_knelpunt_reference(knelpunt)
        for event in knelpunt_history(session, knelpunt):
            event.created_at = created
        for to, days_ago in path:
            note = "Bewuste keuze van de wetgever; wel extra voorlichting door UWV." if to == "rejected" else ""
            event = transition_knelpunt(session, knelpunt, to, coordinator, note=note)
            event.created_at = knelpunt.updated_at = now - dt.timedelta(days=days_ago)
    session.flush()


def _pick_state(rng: random.Random, age_days: float) -> str:
    """Older signals are further along; the newest are mostly still waiting."""
    if age_days < 10:
        return rng.choice(["routed", "routed", "in_progress", "needs_info"])
    roll, total = rng.random(), 0.0
    for state, share in STATE_MIX:
        total += share
        if roll <= total:
            return state
    return "closed"


def _advance(session, signal, template, users, rng, created, now, made) -> None:
    """Walk the signal through the workflow to a plausible state, with plausible times."""
    age = (now - created).total_seconds() / 86400
    goal = _pick_state(rng, age)
    clock = created

    def step(to, actor, days, **kwargs):
        nonlocal clock
        clock = min(now, clock + dt.timedelta(days=days, hours=rng.randint(1, 8)))
        transition_signal(session, signal, to, actor, at=clock, **kwargs)

    def triage():
        return users[f"triage-{signal.lead_ministry_code.lower()}"]

    if goal == "routed":
        return
    if goal == "merged":
        targets = [s for s in made if s.status not in ("merged",) and s.title == signal.title]
        target = targets[-1] if targets else next((s for s in reversed(made) if s.status != "merged"), None)
        if target is not None:
            step("merged", users["coordinator"], 2, target=target, note="Zelfde knelpunt als een eerder signaal.")
        return
    if goal == "rerouted":
        others = [m for m in ("SZW", "FIN", "VWS", "BZK", "JENV", "OCW") if m != signal.lead_ministry_code]
        step("routed", triage(), 3, ministry=rng.choice(others), note="Deze regeling valt niet onder ons ministerie.")
        return
    step("in_progress", triage(), rng.uniform(1, 12))
    if goal == "in_progress":
        return
    asked = goal == "needs_info" or rng.random() < 0.25
    if asked:
        step("needs_info", triage(), rng.uniform(2, 15), note=template.get("info_request") or "Kunt u het signaal aanvullen?")
        if goal == "needs_info":
            return
        replier = signal.submitter if may_rate_answers(signal.submitter) else triage()
        step("in_progress", replier, rng.uniform(1, 10), note=template.get("info_reply") or "Aanvulling gegeven.")
    outcome = rng.choices(["taken_up", "further_study", "not_taken_up", "already_addressed"], [4, 3, 2, 2])[0]
    answers = template.get("answers", {})
    step(
        "answered",
        triage(),
        rng.uniform(10, 100),
        outcome=outcome,
        response=answers.get(outcome) or "Dank voor uw signaal; wij hebben het beoordeeld.",
        note="De regel is een bewuste keuze van de wetgever." if outcome == "not_taken_up" else "",
    )
    if goal == "closed":
        step("closed", signal.submitter, rng.uniform(1, 20))
