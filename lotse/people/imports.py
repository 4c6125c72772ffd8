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

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice

from django.conf import settings
from django.db import reset_queries, transaction

from lotse.audit.actions import do_log_access
from lotse.people.actions import do_mark_not_duplicate
from lotse.people.duplicates import (
    Candidate,
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
    skipped: int = 0  # rows a person decided not to create (already recorded)
    skipped_rows: list[int] = field(default_factory=list)  # their indexes


@dataclass
class HeldBack:
    """A row that may be a client already (`candidates`, best first) or the same person
    as an earlier row of the file (`earlier`, its index); nothing is created for it
    unless a person decides so."""

    index: int
    candidates: list[Candidate]
    earlier: int | None = None


def client_from_record(record: dict, *, organisation, acting_user) -> Client:
    """An unsaved Client from a record in the shape of lotse.people.matching; its
    "fields", if any, are further Client fields (an import's other columns)."""
    dob = record.get("date_of_birth") or ""
    parts = [int(x) for x in dob.split("-")] if dob else []
    client = Client(
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
    for name, value in (record.get("fields") or {}).items():  # the rest of an imported row
        setattr(client, name, value)
    return client


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
        self.indexes: list[int] = []
        self.by_key: dict[str, list[int]] = {}

    def add(self, variants: list[dict], keys: set[str], index: int = -1) -> None:
        for key in keys:
            self.by_key.setdefault(key, []).append(len(self.variants))
        self.variants.append(variants)
        self.indexes.append(index)

    def duplicate_of(self, variants: list[dict], keys: set[str]) -> int | None:
        """The index of the first earlier row that is the same person, if one is."""
        threshold = settings.DUPLICATE_THRESHOLD
        earlier = sorted({i for key in keys for i in self.by_key.get(key, ())})
        for i in earlier:
            result = best_comparison(variants, self.variants[i], threshold)
            if result is not None and result.score >= threshold:
                return self.indexes[i]
        return None


def find_held_back(
    scope, records: list[dict], municipality_id: int, create_anyway: Collection[int] = ()
) -> list[HeldBack]:
    """The rows of a file that may be clients already among `scope`, or an earlier row:
    the check before an import, which writes nothing. The file is compared with itself
    whole, as none of it is in the database yet; rows the user decided to create anyway
    count as created, as they will in the import (a later row may be the same person)."""
    scope_sql = compiled_scope(scope)
    accepted = _Accepted()
    held: list[HeldBack] = []
    for start in range(0, len(records), BATCH):
        batch = records[start : start + BATCH]
        found = find_candidates_many(scope_sql, batch, municipality_id, limit=5)
        for index, (record, candidates) in enumerate(zip(batch, found, strict=True), start):
            variants = record_variants(record)
            keys = keys_for_records(variants)
            earlier = accepted.duplicate_of(variants, keys)
            if candidates or earlier is not None:
                held.append(HeldBack(index, candidates, earlier))
            if index in create_anyway or not (candidates or earlier is not None):
                accepted.add(variants, keys, index)
    return held


class ChangedSinceCheck(Exception):
    """An import found a possible duplicate that was not there when the user decided."""


@dataclass
class ReviewRow:
    """A held-back row as the user sees it: the person (unsaved), the records it may be
    and, if so, the earlier row of the file it may be (`earlier`: its row number and
    the comparison)."""

    index: int
    row: int
    person: Client
    candidates: list[Candidate]
    earlier: tuple[int, Candidate] | None


def review_rows(held: list[HeldBack], records: list[dict], numbers: list[int]) -> list[ReviewRow]:
    """The held-back rows with what to show of each (`numbers`: the rows' numbers in the
    file)."""

    def person(index: int) -> Client:
        """The row as an unsaved record, to show: its name, date of birth, nationalities."""
        record = records[index]
        names = {"family_name": record.get("family_name"), "given_names": record.get("given_names")}
        return Client(**{**names, **(record.get("fields") or {})})

    shown = []
    for h in held:
        earlier = None
        if h.earlier is not None:
            result = best_comparison(
                record_variants(records[h.index]), record_variants(records[h.earlier])
            )
            score, reasons = (result.score, list(result.reasons)) if result else (0.0, [])
            earlier = (numbers[h.earlier], Candidate(person(h.earlier), score, reasons))
        shown.append(ReviewRow(h.index, numbers[h.index], person(h.index), h.candidates, earlier))
    return shown


@transaction.atomic
def do_import_clients(
    *,
    acting_user,
    rows: Iterable[dict],
    scope=None,
    batch_size: int = BATCH,
    on_held_back: Callable[[dict, list], None] | None = None,
    on_batch: Callable[[ImportResult], None] | None = None,
    create_anyway: Mapping[int, Collection[int]] | None = None,
    skip: Collection[int] = (),
) -> ImportResult:
    """Create a client per row of `rows` in the user's organisation, except rows that
    may be a client already among `scope` (default: the organisation's clients) or
    an earlier row: those go to `on_held_back(row, candidates)` and are not created.
    `on_batch(result so far)` is called after each batch (progress, memory figures).

    A person's decisions on held-back rows, by the row's index: `create_anyway` (a
    different person than the records of these ids, which the person saw: created, unless
    another record is like it now, which makes it held back), `skip` (already recorded).
    A user who may decide on duplicates (people.merge_clients) leaves a verdict "not the
    same person" on each pair created anyway, so the scan does not offer it again; anyone
    else's stays for the team lead's scan to catch."""
    create_anyway = create_anyway or {}
    notes_verdicts = acting_user.has_perm("people.merge_clients")
    created_ids: set[int] = set()  # clients of this import, found again from later batches
    organisation = acting_user.organisation
    municipality_id = organisation.municipality_id
    if scope is None:
        scope = Client.objects.current().filter(organisation=organisation)
    scope_sql = compiled_scope(scope)  # the same for every batch
    result = ImportResult()
    for batch in _batches(rows, batch_size):
        found = find_candidates_many(scope_sql, batch, municipality_id, limit=5)
        pending: list[Client] = []
        distinct: list[tuple[Client, list[Candidate]]] = []  # created anyway: not these
        accepted = _Accepted()
        for row, candidates in zip(batch, found, strict=True):
            index = result.rows
            result.rows += 1
            if index in skip:
                result.skipped += 1
                result.skipped_rows.append(index)
                continue
            variants = record_variants(row)
            keys = keys_for_records(variants)
            seen = set(create_anyway.get(index, ()))
            if index in create_anyway:
                held = bool({c.client.pk for c in candidates} - seen - created_ids)
            else:
                held = bool(candidates) or accepted.duplicate_of(variants, keys) is not None
            if held:
                result.held_back += 1
                if on_held_back is not None:
                    on_held_back(row, candidates)
                continue
            accepted.add(variants, keys, index)
            client = client_from_record(row, organisation=organisation, acting_user=acting_user)
            pending.append(client)
            if notes_verdicts and index in create_anyway:
                distinct.append((client, [c for c in candidates if c.client.pk in seen]))
        insert_clients(pending)
        created_ids.update(client.pk for client in pending)
        for client, candidates in distinct:  # the user's verdict, so the scan knows it
            for candidate in candidates:
                do_mark_not_duplicate(
                    acting_user=acting_user, first=client, second=candidate.client
                )
        result.created += len(pending)
        reset_queries()  # with DEBUG, Django keeps every query: memory would grow
        if on_batch is not None:
            on_batch(result)
    do_log_access(
        acting_user=acting_user,
        action="people.import.created",
        object_type="people.client",
        object_id="",
        detail=(
            f"{result.created} created, {result.held_back} held back, {result.skipped} skipped"
        ),
    )
    return result
