"""Knelpunt's domain: models, reference data, routing, workflow and the privacy guard.

Plain Python on SQLAlchemy: nothing here imports Flask, so the CLI, tests and
batch jobs use it without a request.
"""
