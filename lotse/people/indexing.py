"""The lookup tables kept in step with each client record: blocking keys for the
duplicate check and search tokens for the client search.

Both are plain rows with a (municipality, key) index, so finding candidates or
search hits is an index range scan on SQLite and PostgreSQL alike, whatever N.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.db import connection
from django.db.models import Q

from lotse.people.matching import blocking_keys
from lotse.people.matching.normalise import tokens
from lotse.people.models import Client, ClientBlockingKey, ClientSearchToken

KEY_LENGTH = 40


def keys_for_records(records: Iterable[dict]) -> set[str]:
    keys: set[str] = set()
    for record in records:
        keys |= {key[:KEY_LENGTH] for key in blocking_keys(record)}
    return keys


def search_tokens_for(client: Client) -> set[str]:
    """ "w:<word>" for each normalised name word, "p:<fold>" for its phonetic spellings."""
    texts = [client.family_name, client.given_names, client.name_original_script]
    texts += [f"{family} {given}" for family, given in client.alias_names()]
    found: set[str] = set()
    for text in texts:
        for token in tokens(text or ""):
            for word in {token.word, token.raw}:
                if word:
                    found.add(("w:" + word)[:KEY_LENGTH])
            for fold in token.folds:
                if fold:
                    found.add(("p:" + fold)[:KEY_LENGTH])
    return found


def sync_keys(clients: Iterable[Client]) -> None:
    """Rewrite the blocking keys and search tokens of these clients (two deletes, two inserts)."""
    clients = list(clients)
    if not clients:
        return
    ids = [c.pk for c in clients]
    ClientBlockingKey.objects.filter(client_id__in=ids).delete()
    ClientSearchToken.objects.filter(client_id__in=ids).delete()
    ClientBlockingKey.objects.bulk_create(_key_rows(clients), batch_size=2000)
    ClientSearchToken.objects.bulk_create(_token_rows(clients), batch_size=2000)


def _key_rows(clients: list[Client]) -> Iterator[ClientBlockingKey]:
    for client in clients:
        if client.merged_into_id:
            continue
        for key in keys_for_records(client.matching_records()):
            yield ClientBlockingKey(
                municipality_id=client.municipality_id, client_id=client.pk, key=key
            )


def _token_rows(clients: list[Client]) -> Iterator[ClientSearchToken]:
    for client in clients:
        if client.merged_into_id:
            continue
        for token in search_tokens_for(client):
            yield ClientSearchToken(
                municipality_id=client.municipality_id, client_id=client.pk, token=token
            )


def insert_lookup_rows(clients: Iterable[Client], *, tokens: bool = True) -> None:
    """Write the blocking keys (and search tokens) of new clients as plain rows:
    COPY on PostgreSQL, one executemany elsewhere; no model instances (bulk imports)."""
    clients = [c for c in clients if not c.merged_into_id]
    keys = [
        (c.municipality_id, c.pk, key)
        for c in clients
        for key in keys_for_records(c.matching_records())
    ]
    _insert_rows(ClientBlockingKey._meta.db_table, "key", keys)
    if tokens:
        found = [(c.municipality_id, c.pk, t) for c in clients for t in search_tokens_for(c)]
        _insert_rows(ClientSearchToken._meta.db_table, "token", found)


def _insert_rows(table: str, column: str, rows: list[tuple]) -> None:
    if not rows:
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            copy_sql = f"COPY {table} (municipality_id, client_id, {column}) FROM STDIN"
            with cursor.cursor.copy(copy_sql) as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            cursor.executemany(
                f"INSERT INTO {table} (municipality_id, client_id, {column}) "  # noqa: S608
                "VALUES (%s, %s, %s)",
                rows,
            )


def rebuild(queryset, *, batch: int = 2000) -> int:
    """Rebuild the tables for every client of `queryset` (demo data, bulk loads)."""
    done = 0
    last = 0
    while True:
        chunk = list(queryset.filter(pk__gt=last).order_by("pk")[:batch])
        if not chunk:
            return done
        sync_keys(chunk)
        done += len(chunk)
        last = chunk[-1].pk


def _prefix_range(prefix: str) -> Q:
    """token starts with `prefix`, as a range the index can answer (no LIKE)."""
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return Q(token__gte=prefix, token__lt=upper)


def search_condition(word: str) -> Q | None:
    """Tokens one search word may match: a prefix of a name word or of its phonetic form."""
    found = tokens(word)
    if not found:
        return None
    condition = Q()
    for token in found[:1]:
        for spelling in {token.word, token.raw}:
            if len(spelling) >= 2:
                condition |= _prefix_range("w:" + spelling)
            elif spelling:
                condition |= Q(token="w:" + spelling)
        for fold in token.folds:
            if len(fold) >= 3:
                condition |= _prefix_range("p:" + fold)
            elif fold:
                condition |= Q(token="p:" + fold)
    return condition or None
