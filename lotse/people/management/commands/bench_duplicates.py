"""`lotse bench_duplicates --clients N`: how candidate search grows with N.

Seeds synthetic clients (names from lotse/people/evaluation/names.py, in all their
spellings) into the configured database, in a municipality of its own
("bench-duplicates"), and at each size measures p50/p95 of one candidate lookup
(``find_candidates`` for a team lead who sees every record) for probes that are
another spelling of an existing client and for new people. Then imports 10,000
rows with the duplicate check (rows per second, peak memory of the process).
Not a test: run it by hand, e.g. on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import random
import resource
import time
from collections.abc import Iterator

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries, transaction

from lotse.accounts.models import Organisation, Role, User
from lotse.core.models import Municipality
from lotse.people.duplicates import find_candidates
from lotse.people.evaluation.names import POPULATIONS
from lotse.people.indexing import _key_rows, _token_rows
from lotse.people.models import Client, ClientBlockingKey, ClientSearchToken

SLUG = "bench-duplicates"
BATCH = 5000
MAX_CLIENTS = 1_000_000


def _spelling(group: list[str], rng: random.Random, usual: bool) -> str:
    return group[0] if usual or len(group) == 1 else rng.choice(group[1:])


class People:
    """Synthetic people: (population, given groups, family group, gender, date)."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)  # noqa: S311  (synthetic data)
        self.pops = list(POPULATIONS.values())

    def person(self) -> dict:
        rng = self.rng
        pop = rng.choice(self.pops)
        gender = rng.choice("fm")
        given_pool = pop["male"] if gender == "m" else pop["female"]
        given = [rng.randrange(len(given_pool))]
        if rng.random() < 0.3:
            given.append(rng.randrange(len(pop["male"])))  # father's name as a middle name
        return {
            "pop": pop,
            "gender": gender,
            "given": given,
            "family": rng.randrange(len(pop["family"])),
            "year": rng.randint(1950, 2010),
            "month": rng.randint(1, 12),
            "day": rng.randint(1, 28),
            "placeholder": rng.random() < 0.1,
            "country": rng.choice(pop["countries"]),
        }

    def record(self, p: dict, *, variant: bool) -> dict:
        rng = self.rng
        pop = p["pop"]
        pools = [pop["male"] if p["gender"] == "m" else pop["female"], pop["male"]]
        given = " ".join(
            _spelling(pools[min(i, 1)][g], rng, not variant) for i, g in enumerate(p["given"])
        )
        if variant and len(p["given"]) > 1 and rng.random() < 0.5:
            given = given.split()[0]  # the middle name left out
        family = _spelling(pop["family"][p["family"]], rng, not variant)
        if p["placeholder"] or (variant and rng.random() < 0.2):
            dob = f"{p['year']:04d}"
        else:
            dob = f"{p['year']:04d}-{p['month']:02d}-{p['day']:02d}"
        return {
            "given_names": given,
            "family_name": family,
            "date_of_birth": dob,
            "gender": p["gender"],
            "country_of_birth": p["country"],
            "nationality": p["country"],
        }


def _client(record: dict, municipality, organisation, user) -> Client:
    dob = record["date_of_birth"] or ""
    parts = [int(x) for x in dob.split("-")] if dob else []
    return Client(
        municipality=municipality,
        organisation=organisation,
        created_by=user,
        family_name=record["family_name"],
        given_names=record["given_names"],
        gender=record["gender"] or "",
        birth_year=parts[0] if parts else None,
        birth_month=parts[1] if len(parts) > 1 else None,
        birth_day=parts[2] if len(parts) > 2 else None,
        country_of_birth=record["country_of_birth"] or "",
        nationalities=record["nationality"] or "",
    )


def _insert(clients: list[Client]) -> list[Client]:
    with transaction.atomic():
        created = Client.objects.bulk_create(clients, batch_size=1000)
        if any(c.pk is None for c in created):
            # SQLite before RETURNING support: fetch the keys back
            raise CommandError("bulk_create did not return primary keys")
        ClientBlockingKey.objects.bulk_create(_key_rows(created), batch_size=2000)
        ClientSearchToken.objects.bulk_create(_token_rows(created), batch_size=2000)
    return created


def _ms(seconds: list[float], q: float) -> float:
    ordered = sorted(seconds)
    return 1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))]


class Command(BaseCommand):
    help = "Benchmark the duplicate check: candidate lookups at several N, and an import."

    def add_arguments(self, parser):
        parser.add_argument("--clients", type=int, default=100_000)
        parser.add_argument(
            "--sizes", default="", help="comma-separated sizes; default 10000,100000,N"
        )
        parser.add_argument("--lookups", type=int, default=300)
        parser.add_argument("--import-rows", type=int, default=10_000)
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument(
            "--keep", action="store_true", help="keep the seeded clients for another run"
        )

    def handle(self, *args, **options) -> None:
        n = options["clients"]
        if not 1 <= n <= MAX_CLIENTS:
            raise CommandError(f"--clients must be between 1 and {MAX_CLIENTS}")
        sizes = (
            [int(s) for s in options["sizes"].split(",") if s.strip()]
            if options["sizes"]
            else [s for s in (10_000, 100_000) if s < n] + [n]
        )
        sizes = sorted({s for s in sizes if 0 < s <= n})
        municipality, organisation, lead = self._setup()
        people = People(options["seed"])
        seeded: list[dict] = []  # a sample of the seeded people, for duplicate probes
        count = Client.objects.filter(municipality=municipality).count()
        if count:
            self.stdout.write(f"{count} bench clients already there; continuing from them")
        self.stdout.write(
            f"database: {connection.vendor}; sizes: {sizes}; lookups per size: {options['lookups']}"
        )
        results = []
        for size in sizes:
            started = time.perf_counter()
            while count < size:
                take = min(BATCH, size - count)
                batch_people = [people.person() for _ in range(take)]
                _insert(
                    [
                        _client(people.record(p, variant=False), municipality, organisation, lead)
                        for p in batch_people
                    ]
                )
                seeded.extend(p for p in batch_people if people.rng.random() < 0.01)
                count += take
            seed_s = time.perf_counter() - started
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
            dup, new, found = [], [], 0
            probes = options["lookups"]
            find_candidates(lead, people.record(people.person(), variant=True), 10)  # warm up
            for i in range(probes):
                if i % 2 == 0 and seeded:
                    p = people.rng.choice(seeded)
                    record = people.record(p, variant=True)
                    t0 = time.perf_counter()
                    hits = find_candidates(lead, record, 10)
                    dup.append(time.perf_counter() - t0)
                    found += bool(hits)
                else:
                    record = people.record(people.person(), variant=True)
                    t0 = time.perf_counter()
                    find_candidates(lead, record, 10)
                    new.append(time.perf_counter() - t0)
            both = dup + new
            results.append((size, seed_s, both, dup, new, found / max(1, len(dup))))
            self.stdout.write(
                f"N={size:>9,}  p50 {_ms(both, 0.5):6.1f} ms  p95 {_ms(both, 0.95):6.1f} ms"
                f"  (seeded in {seed_s:.0f} s)"
            )
        imported = self._import(people, seeded, municipality, organisation, lead, options)
        self._table(results, imported, count)
        if not options["keep"]:
            self._cleanup(municipality)

    def _setup(self):
        municipality, _ = Municipality.objects.get_or_create(
            slug=SLUG,
            defaults={"name": "Benchmark (duplicates)", "kind": Municipality.Kind.KREIS},
        )
        organisation, _ = Organisation.objects.get_or_create(
            municipality=municipality,
            name="KIM Benchmark",
            defaults={"kind": Organisation.Kind.INTEGRATION_CENTRE},
        )
        lead = User.objects.filter(username="bench-duplicates@lotse.invalid").first()
        if lead is None:
            lead = User.objects.create_user(
                username="bench-duplicates@lotse.invalid",
                email="bench-duplicates@lotse.invalid",
                password=None,
                organisation=organisation,
                role=Role.TEAM_LEAD,
            )
        return municipality, organisation, lead

    def _rows(self, people: People, seeded: list[dict], total: int) -> Iterator[dict]:
        """The import file, streamed: one row in ten is another spelling of a client."""
        for _ in range(total):
            if seeded and people.rng.random() < 0.1:
                yield people.record(people.rng.choice(seeded), variant=True)
            else:
                yield people.record(people.person(), variant=False)

    def _import(self, people, seeded, municipality, organisation, lead, options) -> dict:
        total = options["import_rows"]
        scope = Client.objects.filter(organisation=organisation, merged_into__isnull=True)
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        flagged = 0
        pending: list[Client] = []
        started = time.perf_counter()
        for row in self._rows(people, seeded, total):
            if find_candidates(scope, row, 5, municipality_id=municipality.pk):
                flagged += 1  # held back for a person to decide
                continue
            pending.append(_client(row, municipality, organisation, lead))
            if len(pending) >= 500:
                _insert(pending)
                pending = []
                reset_queries()  # DEBUG keeps every query otherwise: memory would grow
        if pending:
            _insert(pending)
        elapsed = time.perf_counter() - started
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return {
            "rows": total,
            "seconds": elapsed,
            "rate": total / elapsed if elapsed else 0.0,
            "flagged": flagged,
            "peak_mb": rss_after / 1024,
            "growth_mb": (rss_after - rss_before) / 1024,
        }

    def _table(self, results, imported, count) -> None:
        out = self.stdout.write
        out("")
        out(f"Candidate lookup ({connection.vendor}), one new record against N clients:")
        out("| N | p50 ms | p95 ms | p95 ms (other spelling) | p95 ms (new person) | found |")
        out("|---:|---:|---:|---:|---:|---:|")
        for size, _seed_s, both, dup, new, recall in results:
            out(
                f"| {size:,} | {_ms(both, 0.5):.1f} | {_ms(both, 0.95):.1f} | "
                f"{_ms(dup, 0.95) if dup else 0:.1f} | {_ms(new, 0.95) if new else 0:.1f} | "
                f"{recall:.0%} |"
            )
        if len(results) > 1:
            first, last = results[0], results[-1]
            growth = _ms(last[2], 0.95) / max(_ms(first[2], 0.95), 1e-6)
            out(f"p95 growth from N={first[0]:,} to N={last[0]:,}: {growth:.2f}x")
        out("")
        out(
            f"Import of {imported['rows']:,} rows with the duplicate check against {count:,} "
            f"clients: {imported['rate']:.0f} rows/s ({imported['seconds']:.1f} s), "
            f"{imported['flagged']} held back as possible duplicates; peak RSS of the process "
            f"{imported['peak_mb']:.0f} MB (+{imported['growth_mb']:.0f} MB during the import)"
        )

    def _cleanup(self, municipality) -> None:
        with transaction.atomic():
            ClientBlockingKey.objects.filter(municipality=municipality).delete()
            ClientSearchToken.objects.filter(municipality=municipality).delete()
            Client.objects.filter(municipality=municipality).delete()
        self.stdout.write("bench clients removed (use --keep to keep them)")
