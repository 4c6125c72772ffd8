"""Querysets built and compiled once, run many times with new values.

Building a queryset (``filter``, ``Q``) and compiling it to SQL costs Django 0.5–1 ms per
query, more than PostgreSQL takes to answer it once the statement is prepared. The start
page and the case page run a dozen such queries whose SQL is the same for every user;
only the values differ (the user's id, their case ids, today). A ``@prepared`` function
builds its queryset once per database connection from *markers* instead of values; the
SQL is compiled once, and each later call binds the real values into the same SQL and
reads the rows through Django's own iterables (values_list rows, model instances,
select_related), so converters and types are exactly those of the plain queryset.

    @prepared
    def due_follow_ups(p: Markers, limit: int):
        return FollowUp.objects.filter(
            case_id__any=p.ids("cases"), due_on__lte=p.date("until")
        ).values_list("pk", "what")[:limit]

    rows = due_follow_ups(limit=26, cases=case_ids, until=today)

The rule that keeps this safe: a builder takes values only through the markers or through
its own keyword parameters (``limit`` above), which are part of the cache key and so must
be hashable and few (a limit, a flag: never a user's data). A builder that read anything
else (a user, the date) would bake the first caller's value into every later call; don't.
A marker must be used as a whole value: one that Django transforms (``p.str("q") + "%"``,
``icontains``) is refused when the shape is built.
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
from collections.abc import Callable, Hashable
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Model, QuerySet

from lotse.core.lookups import any_param

__all__ = ["Markers", "PreparedError", "children_of", "prepared"]


class PreparedError(Exception):
    """A builder that cannot be prepared (a marker transformed, unused, or unknown)."""


# Sentinels: distinct values no real query uses, inside the 32-bit integer range (Django
# refuses values outside an IntegerField's range before they reach the SQL).
_INT_BASE = -2_000_000_000
_DATE_BASE = dt.date(1001, 1, 1)


class Markers:
    """Hands out one sentinel value per named parameter and remembers its kind."""

    def __init__(self) -> None:
        self.kinds: dict[str, str] = {}
        self.sentinels: dict[str, Any] = {}

    def _mark(self, name: str, kind: str, make: Callable[[int], Any]) -> Any:
        if name in self.kinds:
            if self.kinds[name] != kind:
                raise PreparedError(f"marker {name!r} used as {kind} and {self.kinds[name]}")
            return self.sentinels[name]
        self.kinds[name] = kind
        self.sentinels[name] = make(len(self.kinds))
        return self.sentinels[name]

    def int(self, name: str) -> int:
        return self._mark(name, "int", lambda n: _INT_BASE - n)

    def ids(self, name: str) -> list[int]:
        """A list of ids, for ``__any`` (one array parameter, whatever its length)."""
        return self._mark(name, "ids", lambda n: [_INT_BASE - n])

    def date(self, name: str) -> dt.date:
        return self._mark(name, "date", lambda n: _DATE_BASE + dt.timedelta(days=n))

    def datetime(self, name: str) -> dt.datetime:
        return self._mark(
            name,
            "datetime",
            lambda n: dt.datetime(1001, 1, 1, tzinfo=dt.UTC) + dt.timedelta(hours=n),
        )

    def str(self, name: str) -> str:
        return self._mark(name, "str", lambda n: f"\x1flotse-marker-{n}\x1f")


def _adapt(kind: str, value: Any, connection) -> Any:
    """A value as Django would pass it to the driver for a field of this kind."""
    if value is None:
        raise TypeError("None is not a value for a prepared query (it would compare as NULL)")
    if kind == "int":
        return int(value)
    if kind == "ids":
        return any_param(connection, value)
    if kind == "date":
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            raise TypeError(f"a date is needed, not {value!r}")
        return connection.ops.adapt_datefield_value(value)
    if kind == "datetime":
        if not isinstance(value, dt.datetime):
            raise TypeError(f"a datetime is needed, not {value!r}")
        return connection.ops.adapt_datetimefield_value(value)
    if not isinstance(value, str):
        raise TypeError(f"a string is needed, not {value!r}")
    return value


class _Shape:
    """One builder's compiled query on one connection: SQL, where the values go, and
    the compiler whose set-up (columns, converters, related models) later calls reuse."""

    def __init__(self, queryset: QuerySet, markers: Markers, connection) -> None:
        self.queryset = queryset
        self.kinds = markers.kinds
        compiler = queryset.query.get_compiler(queryset.db)
        self.compiler = compiler
        try:
            self.sql, params = compiler.as_sql()
        except EmptyResultSet:  # .none(), or a rule that admits nothing: the same for all
            self.sql, params = "", ()
        self.slots: list[tuple[int, str]] = []
        self.params = list(params)
        self.converters: dict | None = None
        adapted = {
            name: _adapt(kind, markers.sentinels[name], connection)
            for name, kind in markers.kinds.items()
        }
        for position, param in enumerate(self.params):
            for name, sentinel in adapted.items():
                if type(param) is type(sentinel) and param == sentinel:
                    self.slots.append((position, name))
                    break
            else:
                if _looks_marked(param):
                    raise PreparedError(f"a marker was transformed into {param!r}")
        # A marker the rule did not need (a team lead's scope has no user id) is fine:
        # its value is simply not used.

    def _converters(self, expressions) -> dict:
        """The row converters (dates on SQLite, JSON, ...): the same columns every call."""
        if self.converters is None:
            self.converters = self.compiler.get_converters(expressions)
        return self.converters

    def constants(self) -> list:
        """The parameters that are not markers' (the same on every call)."""
        slots = {position for position, _name in self.slots}
        return [param for i, param in enumerate(self.params) if i not in slots]

    def run(self, values: dict[str, Any], connection) -> list:
        if not self.sql:
            return []
        params = list(self.params)
        for position, name in self.slots:
            params[position] = _adapt(self.kinds[name], values[name], connection)
        compiler = _copy(self.compiler)
        compiler.as_sql = lambda *args, **kwargs: (self.sql, tuple(params))  # type: ignore[method-assign]
        compiler.get_converters = self._converters  # type: ignore[method-assign]
        template = self.queryset
        queryset = _copy(template)
        query = _copy(template.query)
        query.get_compiler = lambda *args, **kwargs: compiler  # type: ignore[method-assign]
        queryset._query = query
        queryset._result_cache = None
        queryset._prefetch_done = False
        return list(queryset)


def _copy[T](obj: T) -> T:
    """A shallow copy by __dict__ (copy.copy would pickle a QuerySet, running it)."""
    new = object.__new__(type(obj))
    new.__dict__ = obj.__dict__.copy()
    return new


def _looks_marked(param: Any) -> bool:
    """A value derived from a sentinel (a date shifted, an id plus one, a pattern)."""
    if isinstance(param, list | tuple):
        return any(_looks_marked(value) for value in param)
    if isinstance(param, bool):
        return False
    if isinstance(param, int):
        return abs(param - _INT_BASE) < 100_000
    if isinstance(param, dt.date):
        return abs(param.year - _DATE_BASE.year) <= 1
    if isinstance(param, str):
        return (
            "lotse-marker" in param
            or param[:4] in ("1000", "1001", "1002")
            or (str(_INT_BASE)[:6] in param or str(_INT_BASE - 99_999)[:6] in param)
        )
    return False


def prepared(build: Callable[..., QuerySet]) -> Callable[..., list]:
    """Decorate a queryset builder ``build(p: Markers, **static)``; call the result with
    the static keyword arguments and the markers' values, and get the rows as a list."""
    static_names = tuple(inspect.signature(build).parameters)[1:]

    @functools.wraps(build)
    def run(**kwargs: Any) -> list:
        static = {name: kwargs.pop(name) for name in static_names if name in kwargs}
        key: Hashable = (build, tuple(sorted(static.items())))
        connection = connections["default"]
        shapes = connection.__dict__.setdefault("_lotse_prepared", {})
        shape = shapes.get(key)
        if shape is None:
            markers = Markers()
            shape = _Shape(build(markers, **static), markers, connection)
            # Built twice: a builder that reads the clock (or anything else that changes)
            # instead of taking a marker would bake its first value in. Refuse it.
            again = Markers()
            twin = _Shape(build(again, **static), again, connection)
            if (twin.sql, twin.constants()) != (shape.sql, shape.constants()):
                raise PreparedError(f"{build.__name__} reads a value that is not a marker")
            shapes[key] = shape
        if set(kwargs) != set(shape.kinds):
            raise TypeError(
                f"{build.__name__} takes the values {sorted(shape.kinds)}, not {sorted(kwargs)}"
            )
        return shape.run(kwargs, connection)

    return run


def children_of[T: Model](parent: Model, rows: list[T], field: str) -> list[T]:
    """`rows` with `parent` set as their `field` (a foreign key to it), as a related
    manager (``case.contacts``) would: reading ``row.case`` then costs no query."""
    for row in rows:
        row._state.fields_cache[field] = parent
    return rows
