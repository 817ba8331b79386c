"""The Flask web layer of Knelpunt: the app factory."""

from __future__ import annotations

import gc
import logging
from pathlib import Path

from flask import Flask
from flask_login import current_user

from app.converters import BoundedIntConverter
from app.extensions import babel, csrf, db, limiter, login_manager, migrate
from app.mail import init_mail
from config import Config, config_from_env

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"

#: a language's catalog is app/translations/<code>; English dates and numbers follow British conventions
FORMAT_LOCALES = {"en": "en_GB"}


def select_locale() -> str:
    """The user's own language, else the one chosen in this session, else the configured default (Dutch)."""
    from flask import current_app, has_request_context, session

    languages = current_app.config["LANGUAGES"]
    code = current_app.config["BABEL_DEFAULT_LOCALE"]
    if current_user and getattr(current_user, "is_authenticated", False) and current_user.locale in languages:
        code = current_user.locale
    elif has_request_context() and session.get("locale") in languages:
        code = session["locale"]
    return FORMAT_LOCALES.get(code, code)


def create_app(config: Config | None = None) -> Flask:
    """Build the application with ``config`` (default: from the environment)."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_object(config or config_from_env())
    app.url_map.converters["int"] = BoundedIntConverter  # before any route is added
    if not app.config.get("SECRET_KEY"):
        raise RuntimeError("SECRET_KEY must be set outside development (KNELPUNT_ENV=development for local use).")
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite:///"):
        Path(app.instance_path).mkdir(parents=True, exist_ok=True)

    _configure_postgresql(app)
    db.init_app(app)
    migrate.init_app(app, db, directory=str(MIGRATIONS_DIR), render_as_batch=True)
    login_manager.init_app(app)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    from app import ratelimit  # noqa: F401  (registers the database:// rate-limit storage)

    limiter.init_app(app)
    _configure_sqlite(app)
    _configure_gc(app)
    init_mail(app)
    logging.basicConfig(level=logging.INFO)

    from app import (
        admin,
        api,
        auth,
        cli,
        coordinator,
        errors,
        filters_ui,
        headers,
        intake,
        knelpunten,
        letters,
        main,
        triage,
    )

    app.register_blueprint(main.bp)
    app.register_blueprint(auth.bp, url_prefix="/auth")
    app.register_blueprint(intake.bp, url_prefix="/signalen")
    app.register_blueprint(triage.bp, url_prefix="/behandelen")
    app.register_blueprint(coordinator.bp, url_prefix="/coordinatie")
    app.register_blueprint(knelpunten.bp, url_prefix="/knelpunten")
    app.register_blueprint(admin.bp, url_prefix="/beheer")
    app.register_blueprint(filters_ui.bp, url_prefix="/filters")
    app.register_blueprint(letters.bp, url_prefix="/brieven")
    app.register_blueprint(letters.dashboard_bp, url_prefix="/dashboard")
    from app.regulations import bp as regulations_bp

    app.register_blueprint(regulations_bp, url_prefix="/regelingen")
    app.register_blueprint(api.bp, url_prefix="/api/v1")
    csrf.exempt(api.bp)
    errors.register(app)
    from app import unit_of_work

    unit_of_work.register(app)
    cli.register(app)
    main.register_context(app)
    from app.intake import panel

    panel.register(app)

    headers.init_app(app)

    return app


#: a process freezes what it holds after these requests (the first loads templates, the reference
#: data and the routers; later ones the caches of pages not yet asked for)
GC_FREEZE_AFTER_REQUESTS = (1, 10, 100)


def _configure_gc(app: Flask) -> None:
    """Keep full garbage collections short (``GC_FREEZE``, default on): after its first requests a
    process moves every object it holds into the collector's permanent generation (``gc.freeze``).

    A page allocates enough that every few requests Python runs a full collection, which walked every
    object of the process: about 340,000 once the templates, reference data, routers and caches are
    loaded, 100-200 ms of CPU added to whichever request it fell in (the one slow sample in five of the
    coordinator's unrouted list). Frozen objects are still freed when nothing refers to them; a cycle
    that was already garbage when frozen stays (a few, three times in a process's life).
    """
    if not app.config.get("GC_FREEZE"):
        return
    served = [0]

    @app.teardown_request
    def _freeze_after_first_requests(_error=None):
        served[0] += 1
        if served[0] in GC_FREEZE_AFTER_REQUESTS:
            gc.freeze()


def _configure_postgresql(app: Flask) -> None:
    """No just-in-time compilation in the app's PostgreSQL sessions (``POSTGRESQL_JIT``, default off).

    PostgreSQL compiles a query whose estimated cost passes ``jit_above_cost``. A page's queries read
    few rows, but a lookup per row (a correlated subquery) makes the estimate high: at a million
    signals the triage dashboard's co-responsible backlog spent 500 ms compiling for 20 ms of work.
    """
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    if not uri.startswith("postgresql") or app.config.get("POSTGRESQL_JIT", "off") == "on":
        return
    options = dict(app.config.get("SQLALCHEMY_ENGINE_OPTIONS") or {})
    connect_args = dict(options.get("connect_args") or {})
    connect_args["options"] = f"{connect_args.get('options', '')} -c jit=off".strip()
    options["connect_args"] = connect_args
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = options


def _configure_sqlite(app: Flask) -> None:
    """Enforce foreign keys on SQLite, as PostgreSQL does; a database file runs in WAL mode, so readers do
    not block the writer, and writers from several workers wait for each other instead of failing."""
    from sqlalchemy import event

    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    if not uri.startswith("sqlite"):
        return
    in_memory = uri in ("sqlite://", "sqlite:///:memory:") or "mode=memory" in uri
    with app.app_context():

        @event.listens_for(db.engine, "connect")
        def _fk_on(dbapi_connection, _record):
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            if not in_memory:
                cursor.execute("PRAGMA busy_timeout=30000")
                cursor.execute("PRAGMA journal_mode=WAL")
                cursor.execute("PRAGMA synchronous=FULL")  # an acknowledged commit survives a crash
            cursor.close()
