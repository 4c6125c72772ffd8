"""Importing many client records at once, with the duplicate check.

The rows are streamed and handled in batches: one candidate query and one read
of the candidates' fields per batch (lotse.people.duplicates.find_candidates_many),
then the new clients and their lookup rows are written with bulk inserts. A row
that may be a client already (in the database or earlier in the same file) is
held back for a person to decide; nothing is merged. The whole import is one
transaction: it is saved completely or not at all. Memory stays bounded by the
batch size, however long the file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from django.conf import settings
from django.db import reset_queries, transaction

from lotse.audit.actions import do_log_access
from lotse.people.duplicates import (
    best_comparison,
    compiled_scope,
    find_candidates_many,
    record_variants,
)
from lotse.people.indexing import insert_lookup_rows, keys_for_records
from lotse.people.models import Client

BATCH = 500


@dataclass
class ImportResult:
    rows: int = 0
    created: int = 0
    held_back: int = 0


def client_from_record(record: dict, *, organisation, acting_user) -> Client:
    """An unsaved Client from a record in the shape of lotse.people.matching."""
    dob = record.get("date_of_birth") or ""
    parts = [int(x) for x in dob.split("-")] if dob else []
    return Client(
        municipality_id=organisation.municipality_id,
        organisation=organisation,
        created_by=acting_user,
        family_name=record.get("family_name") or "",
        given_names=record.get("given_names") or "",
        name_original_script=record.get("name_original_script") or "",
        aliases=record.get("aliases") or "",
        gender=record.get("gender") or "",
        birth_year=parts[0] if parts else None,
        birth_month=parts[1] if len(parts) > 1 else None,
        birth_day=parts[2] if len(parts) > 2 else None,
        country_of_birth=record.get("country_of_birth") or "",
        nationalities=record.get("nationality") or "",
    )


def insert_clients(clients: list[Client]) -> list[Client]:
    """Bulk insert clients with their blocking keys and search tokens."""
    created = Client.objects.bulk_create(clients, batch_size=1000)
    insert_lookup_rows(created)
    return created


def _batches(rows: Iterable[dict], size: int) -> Iterator[list[dict]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


class _Accepted:
    """The rows of this batch accepted so far (not yet in the database), by blocking
    key, so that a row is compared only with earlier rows sharing a key."""

    def __init__(self) -> None:
        self.variants: list[list[dict]] = []
        self.by_key: dict[str, list[int]] = {}

    def add(self, variants: list[dict], keys: set[str]) -> None:
        for key in keys:
            self.by_key.setdefault(key, []).append(len(self.variants))
        self.variants.append(variants)

    def has_duplicate(self, variants: list[dict], keys: set[str]) -> bool:
        """Whether an earlier row of this batch is the same person."""
        threshold = settings.DUPLICATE_THRESHOLD
        earlier = sorted({i for key in keys for i in self.by_key.get(key, ())})
        for i in earlier:
            result = best_comparison(variants, self.variants[i], threshold)
            if result is not None and result.score >= threshold:
                return True
        return False


@transaction.atomic
def do_import_clients(
    *,
    acting_user,
    rows: Iterable[dict],
    scope=None,
    batch_size: int = BATCH,
    on_held_back: Callable[[dict, list], None] | None = None,
    on_batch: Callable[[ImportResult], None] | None = None,
) -> ImportResult:
    """Create a client per row of `rows` in the user's organisation, except rows that
    may be a client already among `scope` (default: the organisation's clients) or
    an earlier row: those go to `on_held_back(row, candidates)` and are not created.
    `on_batch(result so far)` is called after each batch (progress, memory figures)."""
    organisation = acting_user.organisation
    municipality_id = organisation.municipality_id
    if scope is None:
        scope = Client.objects.current().filter(organisation=organisation)
    scope_sql = compiled_scope(scope)  # the same for every batch
    result = ImportResult()
    for batch in _batches(rows, batch_size):
        found = find_candidates_many(scope_sql, batch, municipality_id, limit=5)
        pending: list[Client] = []
        accepted = _Accepted()
        for row, candidates in zip(batch, found, strict=True):
            result.rows += 1
            variants = record_variants(row)
            keys = keys_for_records(variants)
            if candidates or accepted.has_duplicate(variants, keys):
                result.held_back += 1
                if on_held_back is not None:
                    on_held_back(row, candidates)
                continue
            accepted.add(variants, keys)
            pending.append(
                client_from_record(row, organisation=organisation, acting_user=acting_user)
            )
        insert_clients(pending)
        result.created += len(pending)
        reset_queries()  # with DEBUG, Django keeps every query: memory would grow
        if on_batch is not None:
            on_batch(result)
    do_log_access(
        acting_user=acting_user,
        action="people.import.created",
        object_type="people.client",
        object_id="",
        detail=f"{result.created} created, {result.held_back} held back",
    )
    return result
