"""``field__any=[ids]``: membership in a list of ids as one parameter (or in a subquery).

``field__in=[...]`` writes one placeholder per id, so its SQL differs with the length of
the list: Django compiles every id, and PostgreSQL cannot reuse a prepared statement
across users with different numbers of cases. ``__any`` sends the ids as one array
(PostgreSQL ``= ANY(%s::bigint[])``; SQLite reads them from one JSON text).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from django.db.models import Field, ForeignObject, Lookup
from django.db.models.sql import Query


class AnyOf(Lookup):
    lookup_name = "any"
    prepare_rhs = False

    def get_prep_lookup(self):
        if isinstance(self.rhs, Query):  # a subquery of ids: its order does not matter
            self.rhs.clear_ordering(clear_default=True)
            return self.rhs
        if hasattr(self.rhs, "resolve_expression"):  # a column would make ANY(ARRAY col)
            raise TypeError("__any takes a list of ids or a subquery of ids")
        return [int(value) for value in self.rhs]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        if isinstance(self.rhs, Query):
            # PostgreSQL reads the subquery's ids once into an array and then looks each
            # up by index, where `IN (subquery)` may make it hash the whole table.
            rhs, rhs_params = self.process_rhs(compiler, connection)
            if connection.vendor == "postgresql":
                return f"{lhs} = ANY(ARRAY{rhs})", (*lhs_params, *rhs_params)
            return f"{lhs} IN {rhs}", (*lhs_params, *rhs_params)
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s::bigint[])", (*lhs_params, any_param(connection, self.rhs))
        return (
            f"{lhs} IN (SELECT value FROM json_each(%s))",  # noqa: S608  (lhs: a column)
            (*lhs_params, any_param(connection, self.rhs)),
        )


def any_param(connection, ids: Iterable[int]) -> list[int] | str:
    """The one parameter that carries the ids: an array, or JSON text on SQLite."""
    values = [int(value) for value in ids]
    return values if connection.vendor == "postgresql" else json.dumps(values)


def register() -> None:
    Field.register_lookup(AnyOf)
    ForeignObject.register_lookup(AnyOf)
