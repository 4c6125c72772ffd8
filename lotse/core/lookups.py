"""``field__any=[ids]``: membership in a list of ids as one parameter.

``field__in=[...]`` writes one placeholder per id, so its SQL differs with the length of
the list: Django compiles every id, and PostgreSQL cannot reuse a prepared statement
across users with different numbers of cases. ``__any`` sends the ids as one array
(PostgreSQL ``= ANY(%s::bigint[])``; SQLite reads them from one JSON text).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from django.db.models import Field, ForeignObject, Lookup


class AnyOf(Lookup):
    lookup_name = "any"
    prepare_rhs = False

    def get_prep_lookup(self):
        return [int(value) for value in self.rhs]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
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
