"""Possible duplicates of a client record, among the records a user may see.

``find_candidates`` is what the create form and imports call: the record's
blocking keys are looked up in the (municipality, key) index, the clients that
share most keys are scored with lotse.people.matching, and those at or above
``settings.DUPLICATE_THRESHOLD`` come back ranked, with their reasons. A record
outside the user's scope is never looked at, so it can never be shown.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice

from django.conf import settings
from django.db import connection
from django.db.models import Count, Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _

from lotse.people.indexing import keys_for_records
from lotse.people.matching import compare
from lotse.people.models import Client, ClientBlockingKey, DuplicateDecision

# How many clients sharing keys are scored at most (the ones sharing most keys first).
CANDIDATE_CAP = 200

REASON_LABELS = {
    "given_name_exact": _("given name the same"),
    "given_name_phonetic": _("given name sounds the same (another spelling)"),
    "given_name_similar": _("given name similar (typo?)"),
    "given_name_conflict": _("given name differs"),
    "given_name_missing": _("given name missing"),
    "given_name_part_missing": _("a given name part missing in one record"),
    "given_name_common": _("given name is very common"),
    "family_name_exact": _("family name the same"),
    "family_name_phonetic": _("family name sounds the same (another spelling)"),
    "family_name_similar": _("family name similar (typo?)"),
    "family_name_conflict": _("family name differs"),
    "family_name_missing": _("family name missing"),
    "family_name_part_missing": _("a family name part missing in one record"),
    "family_name_common": _("family name is very common"),
    "names_swapped": _("given and family name swapped"),
    "names_mixed": _("names in mixed order"),
    "original_script": _("name in original script agrees"),
    "birth_date_exact": _("date of birth the same"),
    "birth_date_swapped_day_month": _("date of birth with day and month swapped"),
    "birth_date_typo": _("date of birth differs by one digit"),
    "birth_date_conflict": _("date of birth differs"),
    "birth_date_missing": _("date of birth missing"),
    "birth_date_placeholder": _("same birth year, one date a placeholder 01.01."),
    "birth_year_only": _("same birth year (day unknown)"),
    "birth_year_typo": _("birth year differs by one digit"),
    "birth_year_conflict": _("birth year differs"),
    "birth_year_generation_apart": _("born a generation apart"),
    "gender_same": _("same gender"),
    "gender_conflict": _("different gender"),
    "country_of_birth_same": _("same country of birth"),
    "country_of_birth_conflict": _("different country of birth"),
    "nationality_same": _("same nationality"),
    "nationality_conflict": _("different nationality"),
}
AGREEING = {
    code
    for code in REASON_LABELS
    if code.endswith(("_exact", "_phonetic", "_similar", "_same", "_swapped_day_month"))
    or code in {"original_script", "birth_date_placeholder", "birth_year_only", "names_swapped"}
}


def reason_label(code: str) -> str:
    return str(REASON_LABELS.get(code, code))


@dataclass
class Candidate:
    client: Client
    score: float
    reasons: list[str] = field(default_factory=list)

    @property
    def percent(self) -> int:
        return round(self.score * 100)

    @property
    def agreeing(self) -> list[str]:
        return [reason_label(r) for r in self.reasons if r in AGREEING]

    @property
    def differing(self) -> list[str]:
        return [reason_label(r) for r in self.reasons if r not in AGREEING]


def record_variants(record: dict) -> list[dict]:
    """The record, plus one per spelling in original script or alias it carries."""
    base = {
        key: record.get(key) or None
        for key in ("date_of_birth", "gender", "country_of_birth", "nationality")
    }
    variants = [
        {
            **base,
            "given_names": record.get("given_names") or "",
            "family_name": record.get("family_name") or "",
        }
    ]
    original = (record.get("name_original_script") or "").split()
    if original:
        variants.append(
            {**base, "given_names": " ".join(original[:-1]), "family_name": original[-1]}
        )
    for line in (record.get("aliases") or "").splitlines():
        family, _sep, given = line.partition(",")
        if family.strip() or given.strip():
            variants.append({**base, "given_names": given.strip(), "family_name": family.strip()})
    return variants


def best_comparison(ours: list[dict], theirs: list[dict]):
    best = None
    for a in ours:
        for b in theirs:
            result = compare(a, b)
            if best is None or result.score > best.score:
                best = result
    return best


_MATCH_FIELDS = (
    "pk",
    "municipality_id",
    "organisation_id",
    "family_name",
    "given_names",
    "name_original_script",
    "aliases",
    "gender",
    "birth_year",
    "birth_month",
    "birth_day",
    "birth_date_placeholder",
    "country_of_birth",
    "nationalities",
    "merged_into_id",
)


def _scope_of(user_or_scope, municipality_id: int | None) -> tuple[QuerySet[Client], int | None]:
    if isinstance(user_or_scope, QuerySet):
        scope = user_or_scope
        if municipality_id is None:
            municipality_id = scope.values_list("municipality_id", flat=True).first()
        return scope, municipality_id
    from lotse.people.permissions import clients_visible_to

    user = user_or_scope
    if not getattr(user, "organisation_id", None):
        return Client.objects.none(), None
    return clients_visible_to(user), user.organisation.municipality_id


def find_candidates(
    user_or_scope,
    record: dict,
    limit: int = 10,
    *,
    exclude: int | None = None,
    threshold: float | None = None,
    municipality_id: int | None = None,
) -> list[Candidate]:
    """Possible duplicates of `record` among the clients `user_or_scope` may see.

    `user_or_scope` is a user (their visible clients) or a Client queryset (an
    import's scope; pass `municipality_id` with it to save a query per row).
    `record` has the keys of lotse.people.matching.score, and optionally
    name_original_script and aliases (one "family, given" per line).
    """
    threshold = settings.DUPLICATE_THRESHOLD if threshold is None else threshold
    scope, municipality_id = _scope_of(user_or_scope, municipality_id)
    if municipality_id is None:
        return []
    variants = record_variants(record)
    keys = keys_for_records(variants)
    if not keys:
        return []
    # Exists, not IN: checked per matching key row, never by listing the whole scope
    rows = ClientBlockingKey.objects.filter(
        municipality_id=municipality_id, key__in=sorted(keys)
    ).filter(Exists(scope.filter(pk=OuterRef("client_id"))))
    if exclude:
        rows = rows.exclude(client_id=exclude)
    best_sharing = (
        rows.values("client_id")
        .annotate(shared=Count("id"))
        .order_by("-shared", "client_id")
        .values("client_id")[:CANDIDATE_CAP]
    )
    found = []
    for client in Client.objects.filter(pk__in=best_sharing).only(*_MATCH_FIELDS):
        result = best_comparison(variants, client.matching_records())
        if result is not None and result.score >= threshold:
            found.append(Candidate(client, result.score, list(result.reasons)))
    found.sort(key=lambda c: (-c.score, c.client.pk))
    return found[:limit]


# --- the team lead's scan -------------------------------------------------------


@dataclass
class Pair:
    first: Client
    second: Client
    score: float
    reasons: list[str]

    @property
    def percent(self) -> int:
        return round(self.score * 100)

    @property
    def agreeing(self) -> list[str]:
        return [reason_label(r) for r in self.reasons if r in AGREEING]

    @property
    def differing(self) -> list[str]:
        return [reason_label(r) for r in self.reasons if r not in AGREEING]


def _shared_key_pairs(scope: QuerySet[Client], municipality_id: int) -> Iterator[tuple[int, int]]:
    """Client id pairs that share a blocking key: a self-join on the key index."""
    table = ClientBlockingKey._meta.db_table
    scope_sql, scope_params = scope.values("pk").query.sql_with_params()
    sql = (
        f"SELECT DISTINCT a.client_id, b.client_id FROM {table} a "  # noqa: S608
        f"JOIN {table} b ON b.municipality_id = a.municipality_id AND b.key = a.key "
        "AND b.client_id > a.client_id "
        f"WHERE a.municipality_id = %s AND a.client_id IN ({scope_sql}) "
        f"AND b.client_id IN ({scope_sql}) ORDER BY a.client_id, b.client_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [municipality_id, *scope_params, *scope_params])
        while batch := cursor.fetchmany(2000):
            yield from batch


def scan_pairs(
    scope: QuerySet[Client],
    municipality_id: int,
    *,
    limit: int = 100,
    threshold: float | None = None,
    max_pairs: int = 200_000,
) -> list[Pair]:
    """Pairs of possible duplicates in `scope`, best first, without pairs decided as
    "not the same person". Only pairs sharing a blocking key are compared."""
    threshold = settings.DUPLICATE_THRESHOLD if threshold is None else threshold
    rejected = set(
        DuplicateDecision.objects.filter(municipality_id=municipality_id).values_list(
            "first_id", "second_id"
        )
    )
    id_pairs = list(islice(_shared_key_pairs(scope, municipality_id), max_pairs))
    id_pairs = [p for p in id_pairs if p not in rejected]
    records: dict[int, tuple[Client, list[dict]]] = {}
    wanted = {i for pair in id_pairs for i in pair}
    wanted_list = sorted(wanted)
    for start in range(0, len(wanted_list), 900):
        for client in Client.objects.filter(pk__in=wanted_list[start : start + 900]):
            records[client.pk] = (client, client.matching_records())
    pairs = []
    for a_id, b_id in id_pairs:
        if a_id not in records or b_id not in records:
            continue
        a, b = records[a_id], records[b_id]
        result = best_comparison(a[1], b[1])
        if result is not None and result.score >= threshold:
            pairs.append(Pair(a[0], b[0], result.score, list(result.reasons)))
    pairs.sort(key=lambda p: (-p.score, p.first.pk, p.second.pk))
    return pairs[:limit]
