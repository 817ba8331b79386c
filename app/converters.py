"""URL converters: an id in a path is a 64-bit database key, so anything larger simply matches no route (404)."""

from __future__ import annotations

from werkzeug.routing import IntegerConverter

from signals.access import MAX_ID


class BoundedIntConverter(IntegerConverter):
    """``<int:…>`` that does not match numbers a database key cannot hold (instead of a 500 from the driver)."""

    def __init__(self, map, fixed_digits=0, min=None, max=None, signed=False):  # noqa: A002 - werkzeug's names
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=MAX_ID if max is None else max, signed=signed)
