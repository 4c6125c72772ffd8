"""``field__any=[ids]``: membership in a list of ids as one parameter.

``field__in=[...]`` writes one placeholder per id, so its SQL differs with the length of
the list: Django compiles every id, and PostgreSQL cannot reuse a prepared statement
across users with different numbers of cases. ``__any`` sends the ids as one array
(PostgreSQL ``= ANY(%s::bigint[])``; SQLite reads them from one JSON text).
"""

from __future__ import annotations

import json

from django.db.models import Field, ForeignObject, Lookup


class AnyOf(Lookup):
    lookup_name = "any"
    prepare_rhs = False

    def get_prep_lookup(self):
        return [int(value) for value in self.rhs]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s::bigint[])", (*lhs_params, list(self.rhs))
        return (
            f"{lhs} IN (SELECT value FROM json_each(%s))",  # noqa: S608  (lhs: a column)
            (*lhs_params, json.dumps(list(self.rhs))),
        )


def register() -> None:
    Field.register_lookup(AnyOf)
    ForeignObject.register_lookup(AnyOf)
