"""The mail adapter the app uses, chosen by MAIL_BACKEND, and commit-then-deliver."""

from __future__ import annotations

from flask import Flask, appcontext_pushed, current_app, has_request_context

from app.extensions import db
from signals import notifications
from signals.notifications import LogMailer, MemoryMailer, SmtpMailer, deliver_committed


def init_mail(app: Flask) -> None:
    """Pick the mailer: smtp in production, log in development, memory in tests."""
    backend = app.config["MAIL_BACKEND"]
    if backend == "smtp":
        mailer = SmtpMailer(
            host=app.config["SMTP_HOST"],
            port=app.config["SMTP_PORT"],
            sender=app.config["MAIL_SENDER"],
            username=app.config["SMTP_USERNAME"],
            password=app.config["SMTP_PASSWORD"],
            use_tls=app.config["SMTP_TLS"],
        )
    elif backend == "memory":
        mailer = MemoryMailer()
    else:
        mailer = LogMailer()
    app.extensions["knelpunt_mailer"] = mailer

    def pass_settings(sender, **_extra):
        notifications.configure_session(db.session, sender.config["BASE_URL"])

    appcontext_pushed.connect(pass_settings, app, weak=False)

    @app.before_request
    def settings_for_this_session():
        notifications.configure_session(db.session, app.config["BASE_URL"])


def commit_and_deliver() -> None:
    """Commit the request's work, then send the mail it queued (failures stay queued for cron).

    In an API call with an Idempotency-Key the commit waits for the answer, which is stored with the change.
    """
    from app.api.idempotency import defer_commit

    if has_request_context() and defer_commit():
        return
    db.session.commit()
    deliver_after_commit()


def deliver_after_commit() -> None:
    """Send the mail this request queued and has just committed (one UPDATE marks it sent).

    Only its own: four workers each sending every pending row would send them four times over.
    Older rows and failures are sent by ``deadlines check`` (signals.notifications.deliver_pending).
    """
    if deliver_committed(db.session, current_app.extensions["knelpunt_mailer"]):
        db.session.commit()
