"""Possible duplicates of a client record, among the records a user may see.

``find_candidates`` is what the create form calls, ``find_candidates_many`` what
imports call for a whole batch: the records' blocking keys are looked up in the
(municipality, key, client) index, the clients that share the most and rarest
keys are scored with lotse.people.matching, and those at or above
``settings.DUPLICATE_THRESHOLD`` come back ranked, with their reasons. The
fields of a record outside the user's scope are never read, so it can never be
shown; the ranking reads only ids from the key index.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import filterfalse, groupby, islice

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from lotse.people.indexing import keys_for_records
from lotse.people.matching import compare
from lotse.people.matching.compare import bound_of, max_score, parse_date
from lotse.people.matching.wording import typed_reasons
from lotse.people.models import (
    Client,
    ClientBlockingKey,
    DuplicateDecision,
    iso_date_of_birth,
    matching_records_of,
)

# How many clients sharing keys are scored at most (the ones sharing most keys first).
CANDIDATE_CAP = 200

REASON_LABELS = {
    "given_name_exact": _("given name the same"),
    "given_name_transliterated": _("given name the same after transliteration"),
    "given_name_phonetic": _("given name sounds the same (another spelling)"),
    "given_name_similar": _("given name similar (typo?)"),
    "given_name_conflict": _("given name differs"),
    "given_name_missing": _("given name missing"),
    "given_name_part_missing": _("a given name part missing in one record"),
    "given_name_common": _("given name is very common"),
    "family_name_exact": _("family name the same"),
    "family_name_transliterated": _("family name the same after transliteration"),
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
    if code.endswith(
        ("_exact", "_transliterated", "_phonetic", "_similar", "_same", "_swapped_day_month")
    )
    or code in {"original_script", "birth_date_placeholder", "birth_year_only", "names_swapped"}
}
# Not a difference, but a reason to look twice: a common name agreeing says little.
CAUTION = {code for code in REASON_LABELS if code.endswith("_common")}


def percent(score: float) -> int:
    """The score in whole percent, rounded down: 100 % only for what agrees in
    everything (the small addend undoes float error: 0.57 * 100 is 56.99…)."""
    return math.floor(score * 100 + 1e-9)


def reason_label(code: str) -> str:
    return str(REASON_LABELS.get(code, code))


@dataclass
class Candidate:
    client: Client
    score: float
    reasons: list[str] = field(default_factory=list)

    @property
    def percent(self) -> int:
        return percent(self.score)

    @property
    def agreeing(self) -> list[str]:
        return [reason_label(r) for r in self.reasons if r in AGREEING]

    @property
    def cautions(self) -> list[str]:
        return [reason_label(r) for r in self.reasons if r in CAUTION]

    @property
    def differing(self) -> list[str]:
        return [reason_label(r) for r in self.reasons if r not in AGREEING | CAUTION]


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


def best_comparison(
    ours: list[dict], theirs: list[dict], threshold: float | None = None, *, bound: bool = True
):
    """The best comparison of any two spellings; None when there is nothing to compare
    or, given a threshold, when it stays below it. With `bound`, one cheap bound
    settles first whether any spelling could reach the threshold (date, gender and
    countries are the same in every spelling). The reasons are worded (typed_reasons)
    only for a comparison that is returned."""
    if (
        threshold is not None
        and bound
        and ours
        and theirs
        and max_score(ours[0], theirs[0]) < threshold
    ):
        return None
    best = None
    for a in ours:
        for b in theirs:
            result = compare(a, b)
            if best is None or result.score > best[0].score:
                best = (result, a, b)
    if best is None or (threshold is not None and best[0].score < threshold):
        return None
    result, a, b = best
    result.reasons = typed_reasons(result.reasons, a, b)
    return result


# Candidate search is two or three plain queries, whatever N:
#
# 1. The blocking keys of the new record are looked up in the (municipality, key,
#    client) index, one arm per key with a LIMIT, so a key is read at most
#    KEY_ROWS_MAX + 1 times; a key held by more clients than that is dropped, as
#    it does not tell records apart. Of the clients sharing the other keys, only
#    those sharing two keys, or one key held by at most RARE_KEY_ROWS clients,
#    go on, ranked by the number of keys shared, then by whether one of them holds
#    both names, then by how rare they are; the first RANK_CAP come back (ids
#    only: nothing of the record is read). On PostgreSQL each key's holders come
#    as one array, so a lookup transfers one row per key, not one per holder.
# 2. The matching fields of the best SCORE_CAP of those ids are read as plain
#    values, with the user's scope applied (to the short list, never to the
#    index); where some were not visible, the next ones are read.
# 3. Those are scored in Python, except where the cheap fields alone (date,
#    gender, countries) show the threshold cannot be reached.
KEY_ROWS_MAX = 2000
RARE_KEY_ROWS = 300
RANK_CAP = 100
SCORE_CAP = 30
# Ids per IN (...) list: below SQLite's and PostgreSQL's parameter limits.
CHUNK = 500

_MATCH_FIELDS = (
    "id",
    "municipality_id",
    "organisation_id",
    "family_name",
    "given_names",
    "name_original_script",
    "gender",
    "birth_year",
    "birth_month",
    "birth_day",
    "birth_date_placeholder",
    "aliases",
    "country_of_birth",
    "nationalities",
    "merged_into_id",
)


@cache
def _match_fields() -> list[str]:
    """_MATCH_FIELDS in the model's field order, as Model.from_db expects them."""
    order = [f.attname for f in Client._meta.concrete_fields]
    return sorted(_MATCH_FIELDS, key=order.index)


# A scope's SQL reading _match_fields(), with its parameters.
ScopeSQL = tuple[str, tuple]


def _scope_of(user_or_scope, municipality_id: int | None) -> tuple[ScopeSQL | None, int | None]:
    """The scope's compiled SQL (None: nothing visible) and its municipality."""
    if isinstance(user_or_scope, QuerySet):
        scope = user_or_scope
        if municipality_id is None:
            municipality_id = scope.values_list("municipality_id", flat=True).first()
        return compiled_scope(scope), municipality_id
    user = user_or_scope
    if not getattr(user, "organisation_id", None):
        return None, None
    return _user_scope_sql(user)


# The compiled SQL of users' scopes, by everything the scope reads of the user
# (permissions.scope_inputs): compiling clients_visible_to costs about as much CPU
# as the rest of a lookup. Which rows the SQL admits is decided by the database on
# each lookup (cases, transfers, shares), so only a change of the inputs (role,
# organisation, active flag) changes the SQL, and that is a new key.
SCOPE_SQL_MAX = 256
_scope_sql: dict[tuple, tuple[ScopeSQL | None, int | None]] = {}
_scope_sql_lock = threading.Lock()


def _user_scope_sql(user) -> tuple[ScopeSQL | None, int | None]:
    from lotse.people.permissions import clients_visible_to, scope_inputs

    key = (connection.alias, *scope_inputs(user))
    found = _scope_sql.get(key)
    if found is None:
        found = (compiled_scope(clients_visible_to(user)), user.organisation.municipality_id)
        with _scope_sql_lock:
            while len(_scope_sql) >= SCOPE_SQL_MAX:
                del _scope_sql[next(iter(_scope_sql))]
            _scope_sql[key] = found
    return found


# Arms per UNION ALL: SQLite allows 500 terms in a compound SELECT.
MAX_ARMS = 400


def ranked_client_ids(
    keyed: list[list[str]], municipality_id: int, *, exclude: int | None = None
) -> list[list[int]]:
    """For each list of blocking keys, the ids of the clients that share them, best first.

    Each distinct key is read once, with a LIMIT, from the key index alone (an
    import asks for a whole batch at once). Keys held by more than KEY_ROWS_MAX
    clients are dropped. A client passes if it shares two keys, or one held by at
    most RARE_KEY_ROWS clients; passing clients are ranked by the number of keys
    shared, then by whether a shared key holds both names, then by how rare the
    shared keys are (the sum of 1 / holders), then by id. At most RANK_CAP ids per
    list.
    """
    postings = _postings(sorted({k for keys in keyed for k in keys}), municipality_id)
    return [_ranked(keys, postings, exclude or 0) for keys in keyed]


def _pair_key(key: str) -> bool:
    """A key of the given and the family name together ("n:"), as opposed to one name
    with the birth year ("y:") or a single name ("s:"): sharing it says more."""
    return key.startswith("n:")


def _ranked(keys: list[str], postings: dict[str, list[int]], exclude: int) -> list[int]:
    usable = [(k, postings[k]) for k in dict.fromkeys(keys) if 0 < len(postings[k]) <= KEY_ROWS_MAX]
    # The clients sharing two or more keys: set operations, no step per client
    # (a million clients give some 1,200 holders per record, 140 of them sharing two).
    # The longest list last: it is only looked up in `seen`, never added to it.
    lists = sorted((holders for _k, holders in usable), key=len)
    seen: set[int] = set(lists[0]) if lists else set()
    multi: set[int] = set()
    for holders in lists[1:-1]:
        multi |= seen.intersection(holders)
        seen.update(holders)
    if len(lists) > 1:
        multi |= seen.intersection(lists[-1])
    multi.discard(exclude)
    ranked: list[int] = []
    if len(multi) == 1:
        ranked = list(multi)
    elif multi:
        # Clients sharing the same keys rank alike: split them into groups by the
        # keys they share, order the groups (number of keys shared, a name-pair key
        # among them, rarity: the sum of 1 / holders), and each group by id.
        groups: list[tuple[tuple[int, ...], set[int]]] = [((), multi)]
        for i, (_k, holders) in enumerate(usable):
            holding = multi.intersection(holders)
            if not holding:
                continue
            split = []
            for shared, members in groups:
                inside = members & holding
                if inside:
                    split.append(((*shared, i), inside))
                    if len(inside) < len(members):
                        split.append((shared, members - inside))
                else:
                    split.append((shared, members))
            groups = split
        ranking: dict[tuple[int, bool, float], list[int]] = {}
        for shared, members in groups:
            weight = 0.0
            for i in shared:  # in key order, as a sum per client would add them
                weight += 1.0 / len(usable[i][1])
            pair = any(_pair_key(usable[i][0]) for i in shared)
            ranking.setdefault((-len(shared), not pair, -weight), []).extend(members)
        for rank in sorted(ranking):
            ranked += sorted(ranking[rank])
            if len(ranked) >= RANK_CAP:
                return ranked[:RANK_CAP]
    # Then those sharing one rare key: a name-pair key before a name-and-year key, the
    # rarer key first, then by id (holders come sorted by id from the index); read
    # only as far as the places left.
    need = RANK_CAP - len(ranked)

    def order(item: tuple[str, list[int]]) -> tuple[bool, int]:
        return (not _pair_key(item[0]), len(item[1]))

    multi.add(exclude)  # from here: the clients not to take as sharing one key
    rare = sorted((item for item in usable if len(item[1]) <= RARE_KEY_ROWS), key=order)
    single: list[int] = []
    for _order, group in groupby(rare, key=order):
        lists = [holders for _k, holders in group]
        holders = lists[0] if len(lists) == 1 else sorted(set().union(*lists))
        single += islice(filterfalse(multi.__contains__, holders), need - len(single))
        if len(single) >= need:
            break
    return ranked + single


def _postings(keys: list[str], municipality_id: int) -> dict[str, list[int]]:
    """The client ids holding each key in id order (the index's), at most
    KEY_ROWS_MAX + 1 of them."""
    postings: dict[str, list[int]] = {k: [] for k in keys}
    table = connection.ops.quote_name(ClientBlockingKey._meta.db_table)
    column = connection.ops.quote_name("key")
    if connection.vendor == "postgresql" and keys:
        # one row per key with its holders as an array (one plan for any number
        # of keys; far fewer rows to transfer than one per holder)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT k.k, ARRAY(SELECT client_id FROM {table} "  # noqa: S608
                f"WHERE municipality_id = %s AND {column} = k.k ORDER BY client_id "
                f"LIMIT {KEY_ROWS_MAX + 1:d}) FROM unnest(%s::text[]) AS k(k)",
                [municipality_id, keys],
            )
            for k, ids in cursor.fetchall():
                postings[k] = ids
        return postings
    for start in range(0, len(keys), MAX_ARMS):
        chunk = keys[start : start + MAX_ARMS]
        arms = [
            f"SELECT * FROM (SELECT {column}, client_id FROM {table} "  # noqa: S608
            f"WHERE municipality_id = %s AND {column} = %s ORDER BY client_id "
            f"LIMIT {KEY_ROWS_MAX + 1:d}) AS a{i:d}"
            for i in range(len(chunk))
        ]
        params = [value for k in chunk for value in (municipality_id, k)]
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(arms), params)
            for k, client_id in cursor.fetchall():
                postings[k].append(client_id)
    return postings


def _rows(scope_sql: ScopeSQL, ids: set[int]) -> dict[int, tuple]:
    """The matching fields of those of `ids` in the scope, as plain rows.

    `scope_sql` is the scope's query, compiled once (values_list of _match_fields);
    the ids are bound as plain parameters."""
    sql, params = scope_sql
    ordered = sorted(ids)
    rows = {}
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":  # one array parameter, however many ids
            if ordered:
                cursor.execute(
                    f"SELECT * FROM ({sql}) AS scope WHERE scope.id = ANY(%s)",  # noqa: S608
                    [*params, ordered],
                )
                rows = {row[0]: row for row in cursor.fetchall()}
            return rows
        for start in range(0, len(ordered), CHUNK):
            chunk = ordered[start : start + CHUNK]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(
                f"SELECT * FROM ({sql}) AS scope WHERE scope.id IN ({marks})",  # noqa: S608
                [*params, *chunk],
            )
            for row in cursor.fetchall():
                rows[row[0]] = row
    return rows


def compiled_scope(scope: QuerySet[Client]) -> ScopeSQL | None:
    """The scope's SQL, reading _match_fields(); None if it can hold nothing."""
    try:
        return scope.order_by().values_list(*_match_fields()).query.sql_with_params()
    except EmptyResultSet:  # Client.objects.none()
        return None


@lru_cache(maxsize=32768)
def _row_date(
    year: int | None, month: int | None, day: int | None, placeholder: bool
) -> tuple[int, int, int] | None:
    return parse_date(iso_date_of_birth(year, month, day, placeholder))


def _cheap_values(row: tuple) -> tuple:
    """What compare.bound_of reads of a row of _match_fields(), as max_score would
    read it from the row's matching record."""
    at = _field_index()
    return (
        _row_date(
            row[at["birth_year"]],
            row[at["birth_month"]],
            row[at["birth_day"]],
            row[at["birth_date_placeholder"]],
        ),
        (row[at["gender"]] or "").strip().lower()[:1],
        (row[at["country_of_birth"]] or "").strip().upper()[:2],
        (row[at["nationalities"]] or "").split(",")[0].strip().upper()[:2],
    )


@cache
def _field_index() -> dict[str, int]:
    return {name: i for i, name in enumerate(_match_fields())}


def _records_of(row: tuple) -> list[dict]:
    """Client.matching_records of a row of _match_fields(), without a model instance."""
    v = dict(zip(_match_fields(), row, strict=True))
    return matching_records_of(
        given_names=v["given_names"],
        family_name=v["family_name"],
        name_original_script=v["name_original_script"],
        aliases=v["aliases"],
        date_of_birth=iso_date_of_birth(
            v["birth_year"], v["birth_month"], v["birth_day"], v["birth_date_placeholder"]
        ),
        gender=v["gender"],
        country_of_birth=v["country_of_birth"],
        nationalities=v["nationalities"],
    )


def find_candidates_many(
    scope: QuerySet[Client] | ScopeSQL | None,
    records: list[dict],
    municipality_id: int,
    limit: int = 10,
    *,
    exclude: int | None = None,
    threshold: float | None = None,
) -> list[list[Candidate]]:
    """find_candidates for several records at once, in a fixed number of queries.

    `scope` is a Client queryset, or its SQL compiled once by ``compiled_scope``
    (an import asks for many batches in the same scope)."""
    threshold = settings.DUPLICATE_THRESHOLD if threshold is None else threshold
    scope_sql = compiled_scope(scope) if isinstance(scope, QuerySet) else scope
    if scope_sql is None:
        return [[] for _ in records]
    variants = [record_variants(record) for record in records]
    ranked = ranked_client_ids(
        [sorted(keys_for_records(v)) for v in variants], municipality_id, exclude=exclude
    )
    # Read the best SCORE_CAP of each list in the scope; only where some of them
    # were not visible, read on down the list, until SCORE_CAP are found.
    rows: dict[int, tuple] = {}
    read = [0] * len(ranked)
    top: list[list[int]] = [[] for _ in ranked]
    while True:
        wanted: set[int] = set()
        for r, ids in enumerate(ranked):
            need = SCORE_CAP - len(top[r])
            if need > 0 and read[r] < len(ids):
                wanted.update(ids[read[r] : read[r] + need])
        if not wanted:
            break
        rows.update(_rows(scope_sql, wanted - rows.keys()))  # the scope applied here
        for r, ids in enumerate(ranked):
            need = SCORE_CAP - len(top[r])
            if need > 0 and read[r] < len(ids):
                batch = ids[read[r] : read[r] + need]
                read[r] += len(batch)
                top[r] += [i for i in batch if i in rows]
    fields = _match_fields()
    records: dict[int, list[dict]] = {}
    cheap: dict[int, tuple] = {}  # the fields the bound reads, once per client
    results = []
    for ours, ids in zip(variants, top, strict=True):
        found = []
        bound = bound_of(ours[0])
        for client_id in ids:
            row = rows[client_id]
            values = cheap.get(client_id)
            if values is None:
                values = cheap[client_id] = _cheap_values(row)
            if bound(*values) < threshold:  # no records built for most
                continue
            if client_id not in records:
                records[client_id] = _records_of(row)
            result = best_comparison(ours, records[client_id], threshold, bound=False)
            if result is not None and result.score >= threshold:
                client = Client.from_db(connection.alias, fields, rows[client_id])
                found.append(Candidate(client, result.score, list(result.reasons)))
        found.sort(key=lambda c: (-c.score, c.client.pk))
        results.append(found[:limit])
    return results


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
    scope_sql, municipality_id = _scope_of(user_or_scope, municipality_id)
    if municipality_id is None or scope_sql is None:
        return []
    return find_candidates_many(
        scope_sql, [record], municipality_id, limit, exclude=exclude, threshold=threshold
    )[0]


# --- the team lead's scan -------------------------------------------------------


@dataclass
class Pair:
    first: Client
    second: Client
    score: float
    reasons: list[str]

    @property
    def percent(self) -> int:
        return percent(self.score)

    @property
    def agreeing(self) -> list[str]:
        return [reason_label(r) for r in self.reasons if r in AGREEING]

    @property
    def cautions(self) -> list[str]:
        return [reason_label(r) for r in self.reasons if r in CAUTION]

    @property
    def differing(self) -> list[str]:
        return [reason_label(r) for r in self.reasons if r not in AGREEING | CAUTION]


def _shared_key_pairs(
    scope: QuerySet[Client], municipality_id: int, after: tuple[int, int], limit: int
) -> Iterator[tuple[int, int]]:
    """At most `limit` client id pairs that share a blocking key, those after the
    pair `after`, in number order: a self-join on the key index (with the LIMIT in
    the query, so that neither side holds the pairs of later parts)."""
    table = ClientBlockingKey._meta.db_table
    scope_sql, scope_params = scope.values("pk").query.sql_with_params()
    sql = (
        f"SELECT DISTINCT a.client_id, b.client_id FROM {table} a "  # noqa: S608
        f"JOIN {table} b ON b.municipality_id = a.municipality_id AND b.key = a.key "
        "AND b.client_id > a.client_id "
        "WHERE a.municipality_id = %s AND a.client_id >= %s "
        "AND (a.client_id > %s OR b.client_id > %s) "
        f"AND a.client_id IN ({scope_sql}) "
        f"AND b.client_id IN ({scope_sql}) ORDER BY a.client_id, b.client_id LIMIT %s"
    )
    first, second = after
    params = [municipality_id, first, first, second, *scope_params, *scope_params, limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while batch := cursor.fetchmany(2000):
            yield from batch


class Scan(list):
    """The pairs a scan found, best first. `complete` is False when more pairs of
    records shared a key than one scan compares (MAX_SCAN_PAIRS, in the order of the
    records' numbers); the next part starts after the pair of record numbers
    `next_after`. `compared` is the number of pairs compared."""

    complete: bool = True
    max_pairs: int = 0
    next_after: tuple[int, int] | None = None
    compared: int = 0


# Pairs of records sharing a key that one scan compares at most (about 15 s of work).
MAX_SCAN_PAIRS = 200_000


def scan_pairs(
    scope: QuerySet[Client],
    municipality_id: int,
    *,
    limit: int | None = 100,
    threshold: float | None = None,
    max_pairs: int | None = None,
    after: tuple[int, int] = (0, 0),
) -> Scan:
    """Pairs of possible duplicates in `scope`, best first, without pairs decided as
    "not the same person". Only pairs sharing a blocking key are compared, and only
    those after the pair of record numbers `after` (a scan in parts)."""
    max_pairs = MAX_SCAN_PAIRS if max_pairs is None else max_pairs
    threshold = settings.DUPLICATE_THRESHOLD if threshold is None else threshold
    rejected = set(
        DuplicateDecision.objects.filter(municipality_id=municipality_id).values_list(
            "first_id", "second_id"
        )
    )
    id_pairs = list(_shared_key_pairs(scope, municipality_id, after, max_pairs + 1))
    complete = len(id_pairs) <= max_pairs
    next_after = None
    if not complete:  # the next part goes on after the last pair of this one
        id_pairs = id_pairs[:max_pairs]
        next_after = id_pairs[-1]
    id_pairs = [p for p in id_pairs if p not in rejected]
    # The matching fields as plain rows, and the cheap bound first: most pairs end
    # there, with no records built (a part may hold most of a large organisation).
    fields = _match_fields()
    rows: dict[int, tuple] = {}
    wanted = sorted({i for pair in id_pairs for i in pair})
    for start in range(0, len(wanted), 900):
        chunk = Client.objects.filter(pk__in=wanted[start : start + 900])
        rows.update((row[0], row) for row in chunk.values_list(*fields))
    records: dict[int, list[dict]] = {}
    bounds: dict[int, Callable[..., float]] = {}
    cheap: dict[int, tuple] = {}
    pairs = []
    for a_id, b_id in id_pairs:
        row_a, row_b = rows.get(a_id), rows.get(b_id)
        if row_a is None or row_b is None:
            continue
        if a_id not in bounds:
            if a_id not in records:
                records[a_id] = _records_of(row_a)
            bounds[a_id] = bound_of(records[a_id][0])
        if b_id not in cheap:
            cheap[b_id] = _cheap_values(row_b)
        if bounds[a_id](*cheap[b_id]) < threshold:
            continue
        if b_id not in records:
            records[b_id] = _records_of(row_b)
        result = best_comparison(records[a_id], records[b_id], threshold, bound=False)
        if result is not None and result.score >= threshold:
            first, second = (
                Client.from_db(connection.alias, fields, row) for row in (row_a, row_b)
            )
            pairs.append(Pair(first, second, result.score, list(result.reasons)))
    pairs.sort(key=lambda p: (-p.score, p.first.pk, p.second.pk))
    found = Scan(pairs[:limit])
    found.complete, found.max_pairs, found.next_after = complete, max_pairs, next_after
    found.compared = len(id_pairs)
    return found
