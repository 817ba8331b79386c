"""Turning signals into knowledge: aggregation, charts, the bottleneck letter and its renderers.

Plain Python: never imports Flask. Functions take a SQLAlchemy session and values.
"""
