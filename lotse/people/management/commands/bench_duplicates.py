"""`lotse bench_duplicates --clients N`: how candidate search grows with N.

Seeds synthetic clients (names from lotse/people/evaluation/names.py, in all their
spellings) into the configured database, in a municipality of its own
("bench-duplicates"), with bulk inserts and COPY (PostgreSQL) in batches, and at
each size measures p50/p95 of one candidate lookup (``find_candidates`` for a
team lead who sees every record) for probes that are another spelling of an
existing client and for new people. Then imports --import-rows rows with the
duplicate check through lotse.people.imports.do_import_clients (rows per second,
peak memory of the process). Prints Markdown tables for the README.

CPU figures (process time of this process, the database's work not included) say
more than wall times on a machine shared with other work: the mean per lookup, and
per imported row (making the synthetic rows included, some 10 µs).

Not a test: run it by hand on a quiet machine, e.g.

    DATABASE_URL=postgres://.../lotse_bench lotse bench_duplicates --clients 1000000
    LOTSE_VAR_DIR=/tmp/bench lotse bench_duplicates --clients 100000   # SQLite

--keep leaves the clients in place; a later run continues from them (with the same
--name-pool and --seed: each pool has its own municipality). --name-pool varied (the
default) adds patronymic family names to the evaluation tables' small name pool;
--name-pool small is the pool of the figures measured before 2026-11-22.
"""

from __future__ import annotations

import random
import resource
import time
from collections.abc import Iterator

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from lotse.accounts.models import Organisation, Role, User
from lotse.core.models import Municipality
from lotse.people.duplicates import find_candidates
from lotse.people.evaluation.names import POPULATIONS
from lotse.people.imports import client_from_record, do_import_clients
from lotse.people.indexing import insert_lookup_rows
from lotse.people.models import Client, ClientBlockingKey, ClientSearchToken

SLUG = "bench-duplicates"
BATCH = 5000
MAX_CLIENTS = 1_000_000


def _spelling(group: list[str], rng: random.Random, usual: bool) -> str:
    return group[0] if usual or len(group) == 1 else rng.choice(group[1:])


# --name-pool varied: the share of people whose family name is their father's given
# name, as in the records of many Eritreans (no family names), Afghans (often none)
# and some Kurds and Arabs. The evaluation tables have about 20 family names per
# population; real populations have thousands, so with the small pool a million
# clients crowd onto a few hundred name pairs. Patronymics are a real naming
# practice and come with the given names' spelling variants, so probes stay honest.
PATRONYMIC = {
    "tigrinya": 0.6,
    "persian_dari_pashto": 0.3,
    "kurdish": 0.2,
    "arabic": 0.1,
}


class People:
    """Synthetic people: (population, given groups, family group, gender, date)."""

    def __init__(self, seed: int, *, varied: bool = False) -> None:
        self.rng = random.Random(seed)  # noqa: S311  (synthetic data)
        self.pops = list(POPULATIONS.values())
        self.patronymic = {
            id(POPULATIONS[name]): share for name, share in PATRONYMIC.items() if varied
        }

    def person(self) -> dict:
        rng = self.rng
        pop = rng.choice(self.pops)
        gender = rng.choice("fm")
        given_pool = pop["male"] if gender == "m" else pop["female"]
        given = [rng.randrange(len(given_pool))]
        if rng.random() < 0.3:
            given.append(rng.randrange(len(pop["male"])))  # father's name as a middle name
        share = self.patronymic.get(id(pop), 0.0)
        family_pool = "male" if share and rng.random() < share else "family"
        return {
            "pop": pop,
            "gender": gender,
            "given": given,
            "family_pool": family_pool,
            "family": rng.randrange(len(pop[family_pool])),
            "year": rng.randint(1950, 2010),
            "month": rng.randint(1, 12),
            "day": rng.randint(1, 28),
            "placeholder": rng.random() < 0.1,
            "country": rng.choice(pop["countries"]),
        }

    def person_of(self, client: Client) -> dict | None:
        """The generator's person behind a stored (usual-spelling) client, so that
        another spelling of it can be made; None if the names are not the pool's."""
        if not hasattr(self, "_index"):
            self._index: dict[tuple, int] = {}
            for pop in self.pops:
                for pool in ("male", "female", "family"):
                    for i, group in enumerate(pop[pool]):
                        self._index.setdefault((id(pop), pool, group[0]), i)
        given = client.given_names.split()
        sex = "male" if client.gender == "m" else "female"
        for pop in self.pops:
            for family_pool in ("family", "male"):
                family = self._index.get((id(pop), family_pool, client.family_name))
                first = self._index.get((id(pop), sex, given[0] if given else ""))
                middle = [self._index.get((id(pop), "male", g)) for g in given[1:]]
                if family is None or first is None or None in middle:
                    continue
                return {
                    "pop": pop,
                    "gender": client.gender,
                    "given": [first, *middle],
                    "family_pool": family_pool,
                    "family": family,
                    "year": client.birth_year,
                    "month": client.birth_month or 1,
                    "day": client.birth_day or 1,
                    "placeholder": client.birth_day is None,
                    "country": client.country_of_birth,
                }
        return None

    def record(self, p: dict, *, variant: bool) -> dict:
        rng = self.rng
        pop = p["pop"]
        pools = [pop["male"] if p["gender"] == "m" else pop["female"], pop["male"]]
        given = " ".join(
            _spelling(pools[min(i, 1)][g], rng, not variant) for i, g in enumerate(p["given"])
        )
        if variant and len(p["given"]) > 1 and rng.random() < 0.5:
            given = given.split()[0]  # the middle name left out
        family = _spelling(pop[p.get("family_pool", "family")][p["family"]], rng, not variant)
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


def _seed(clients: list[Client], *, tokens: bool) -> None:
    """Insert a batch of clients with their blocking keys as plain rows (COPY on
    PostgreSQL). Search tokens only with --search-tokens: the duplicate check does
    not read them, and they are most of the rows."""
    with transaction.atomic():
        created = Client.objects.bulk_create(clients, batch_size=1000)
        insert_lookup_rows(created, tokens=tokens)


def _rss_mb() -> float:
    """The process's resident memory now (Linux), else its peak so far."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * resource.getpagesize() / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


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
            "--name-pool",
            choices=["small", "varied"],
            default="varied",
            help="small: the evaluation tables' ~20 family names per population; varied: "
            "also patronymic family names (see PATRONYMIC)",
        )
        parser.add_argument(
            "--slug",
            default="",
            help="municipality of the bench clients (one per data set; default "
            f"{SLUG} for the small pool, {SLUG}-varied for the varied one)",
        )
        parser.add_argument(
            "--search-tokens",
            action="store_true",
            help="also write search tokens when seeding (slower; the lookup does not use them)",
        )
        parser.add_argument(
            "--keep", action="store_true", help="keep the seeded clients for another run"
        )
        parser.add_argument(
            "--scan",
            action="store_true",
            help="with --against: run the team lead's duplicate scan over each kept data set "
            "instead of lookups (parts, pairs, time, peak memory, first page)",
        )
        parser.add_argument(
            "--against",
            default="",
            help="comma-separated municipality slugs of kept data sets: no seeding and no "
            "import; the lookups alternate between the data sets, so that a busy machine "
            "slows all sizes alike and the growth of p95 is measured fairly",
        )

    def _scans(self, slugs: list[str]) -> None:
        """The team lead's duplicate scan over each kept data set, run here (not in a
        worker): parts, pairs, time, memory, and the time to read the first page."""
        from django.core.paginator import Paginator

        from lotse.people import scans
        from lotse.people.models import DuplicateScan

        out = self.stdout.write
        out("")
        out(f"Duplicate scan on {connection.vendor} (a team lead's organisation, all its clients):")
        out(
            "| clients | parts | pairs compared | possible duplicates | wall s | CPU s "
            "| peak RSS MB | first page ms |"
        )
        out("|---:|---:|---:|---:|---:|---:|---:|---:|")
        for slug in slugs:
            lead = User.objects.filter(username=f"{slug}@lotse.invalid").first()
            if lead is None:
                raise CommandError(f"no kept data set {slug!r} (run with --slug {slug} --keep)")
            count = Client.objects.filter(municipality=lead.organisation.municipality).count()
            scan = DuplicateScan.objects.create(
                municipality_id=lead.organisation.municipality_id,
                organisation_id=lead.organisation_id,
                started_by=lead,
            )
            t0, c0 = time.perf_counter(), time.process_time()
            scans.run_scan(scan.pk)
            wall, cpu = time.perf_counter() - t0, time.process_time() - c0
            scan.refresh_from_db()
            t0 = time.perf_counter()
            page = Paginator(scans.open_pairs(lead, scan), 50).get_page(1)
            scans.pairs_to_show(list(page))
            page_ms = (time.perf_counter() - t0) * 1000
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            out(
                f"| {count:,} | {scan.parts_done} | {scan.pairs_compared:,} | "
                f"{scan.pairs_found:,} | {wall:.1f} | {cpu:.1f} | {peak:.0f} | {page_ms:.0f} |"
            )

    def handle(self, *args, **options) -> None:
        if options["against"] and options["scan"]:
            self._scans([s.strip() for s in options["against"].split(",")])
            return
        if options["against"]:
            self._interleaved([s.strip() for s in options["against"].split(",")], options)
            return
        n = options["clients"]
        if not 1 <= n <= MAX_CLIENTS:
            raise CommandError(f"--clients must be between 1 and {MAX_CLIENTS}")
        sizes = (
            [int(s) for s in options["sizes"].split(",") if s.strip()]
            if options["sizes"]
            else [s for s in (10_000, 100_000) if s < n] + [n]
        )
        sizes = sorted({s for s in sizes if 0 < s <= n})
        varied = options["name_pool"] == "varied"
        # a kept data set is continued with the generator that made it: one slug per pool
        slug = options["slug"] or (f"{SLUG}-varied" if varied else SLUG)
        municipality, organisation, lead = self._setup(slug)
        people = People(options["seed"], varied=varied)
        seeded: list[dict] = []  # a sample of the seeded people, for duplicate probes
        count = Client.objects.filter(municipality=municipality).count()
        out = self.stdout.write
        out(
            f"database: {connection.vendor}; sizes: {sizes}; lookups per size: "
            f"{options['lookups']}; name pool: {options['name_pool']}; municipality: {slug}"
        )
        if count:
            out(f"{count:,} bench clients already there (--keep); continuing from them")
            # Probes for the kept clients are made from the stored records: generating
            # the first run's people again would not give the same people (its lookups
            # drew from the same random sequence), so most "other spellings" would be
            # of people who were never stored.
            seeded.extend(self._stored_sample(municipality, people, 4 * options["lookups"]))
        done = 0  # people generated so far (the kept ones are not generated again)
        results = []
        for size in sizes:
            if size < count and size != sizes[-1]:
                out(f"N={size:,} skipped: {count:,} bench clients are there already")
                continue
            started = time.perf_counter()
            done = max(done, min(count, size))  # kept clients stand for the first ones
            while done < size:
                take = min(BATCH, size - done)
                batch_people = [people.person() for _ in range(take)]
                clients = [
                    client_from_record(
                        people.record(p, variant=False), organisation=organisation, acting_user=lead
                    )
                    for p in batch_people
                ]
                seeded.extend(p for p in batch_people if people.rng.random() < 0.01)
                _seed(clients, tokens=options["search_tokens"])
                done += take
            count = max(count, done)
            seed_s = time.perf_counter() - started
            self._analyze()
            results.append(self._lookups(count, seed_s, people, seeded, lead, options))
            last = results[-1]
            out(
                f"N={size:>9,}  p50 {_ms(last['all'], 0.5):6.1f} ms  "
                f"p95 {_ms(last['all'], 0.95):6.1f} ms  (seeded in {seed_s:.0f} s)"
            )
        imported = self._import(people, seeded, lead, options)
        self._table(results, imported, count)
        if not options["keep"]:
            self._cleanup(municipality)

    def _analyze(self) -> None:
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:  # the visibility map, for index-only scans
                cursor.execute(f"VACUUM ANALYZE {ClientBlockingKey._meta.db_table}")
                cursor.execute(f"ANALYZE {Client._meta.db_table}")
        else:
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

    def _lookups(self, size, seed_s, people, seeded, lead, options) -> dict:
        dup, new, found, cpu = [], [], 0, []
        for _ in range(100):  # warm up the matcher's caches and the connection
            find_candidates(lead, people.record(people.person(), variant=True), 10)
        for i in range(options["lookups"]):
            if i % 2 == 0 and seeded:
                record = people.record(people.rng.choice(seeded), variant=True)
                t0, c0 = time.perf_counter(), time.process_time()
                hits = find_candidates(lead, record, 10)
                dup.append(time.perf_counter() - t0)
                cpu.append(time.process_time() - c0)
                found += bool(hits)
            else:
                record = people.record(people.person(), variant=True)
                t0, c0 = time.perf_counter(), time.process_time()
                find_candidates(lead, record, 10)
                new.append(time.perf_counter() - t0)
                cpu.append(time.process_time() - c0)
        return {
            "size": size,
            "seed_s": seed_s,
            "all": dup + new,
            "dup": dup,
            "new": new,
            "cpu": cpu,
            "found": found / max(1, len(dup)),
        }

    def _stored_sample(self, municipality, people: People, size: int) -> list[dict]:
        """Generator people of `size` stored clients, spread over the whole data set
        (every k-th id), to look up in another spelling."""
        clients = Client.objects.filter(municipality=municipality, merged_into=None)
        ids = list(clients.order_by("pk").values_list("pk", flat=True))
        chosen = ids[:: max(1, len(ids) // size)][:size]
        return [
            p
            for start in range(0, len(chosen), 500)
            for c in clients.filter(pk__in=chosen[start : start + 500])
            if (p := people.person_of(c)) is not None
        ]

    def _interleaved(self, slugs: list[str], options) -> None:
        people = People(options["seed"] + 1, varied=options["name_pool"] == "varied")
        sets = []
        for slug in slugs:
            lead = User.objects.filter(username=f"{slug}@lotse.invalid").first()
            if lead is None:
                raise CommandError(f"no kept data set {slug!r} (run with --slug {slug} --keep)")
            municipality = lead.organisation.municipality
            count = Client.objects.filter(municipality=municipality).count()
            sample = self._stored_sample(municipality, people, 4 * options["lookups"])
            sets.append({"slug": slug, "lead": lead, "size": count, "sample": sample})
        self.stdout.write(
            f"database: {connection.vendor}; interleaved lookups against "
            + ", ".join(f"{s['slug']} ({s['size']:,} clients)" for s in sets)
        )
        for _ in range(100):  # warm up the matcher's caches and the connection
            for one in sets:
                find_candidates(one["lead"], people.record(people.person(), variant=True), 10)
        times = [
            {"size": one["size"], "seed_s": 0.0, "dup": [], "new": [], "cpu": [], "hits": 0}
            for one in sets
        ]
        for i in range(options["lookups"]):
            order = list(range(len(sets)))
            people.rng.shuffle(order)  # no data set always first
            for j in order:
                one, t = sets[j], times[j]
                if i % 2 == 0 and one["sample"]:
                    record = people.record(people.rng.choice(one["sample"]), variant=True)
                    t0, c0 = time.perf_counter(), time.process_time()
                    hits = find_candidates(one["lead"], record, 10)
                    t["dup"].append(time.perf_counter() - t0)
                    t["cpu"].append(time.process_time() - c0)
                    t["hits"] += bool(hits)
                else:
                    record = people.record(people.person(), variant=True)
                    t0, c0 = time.perf_counter(), time.process_time()
                    find_candidates(one["lead"], record, 10)
                    t["new"].append(time.perf_counter() - t0)
                    t["cpu"].append(time.process_time() - c0)
        results = [
            {**t, "all": t["dup"] + t["new"], "found": t["hits"] / max(1, len(t["dup"]))}
            for t in times
        ]
        self._table(results, None, 0)

    def _setup(self, slug: str = SLUG):
        municipality, _ = Municipality.objects.get_or_create(
            slug=slug,
            defaults={"name": f"Benchmark ({slug})", "kind": Municipality.Kind.KREIS},
        )
        organisation, _ = Organisation.objects.get_or_create(
            municipality=municipality,
            name="KIM Benchmark",
            defaults={"kind": Organisation.Kind.INTEGRATION_CENTRE},
        )
        username = f"{slug}@lotse.invalid"
        lead = User.objects.filter(username=username).first()
        if lead is None:
            lead = User.objects.create_user(
                username=username,
                email=username,
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

    def _import(self, people, seeded, lead, options) -> dict:
        total = options["import_rows"]
        # new people unlike those of an earlier run's import into kept data
        people.rng.seed(
            options["seed"] * 1_000_003 + Client.objects.filter(created_by=lead).count()
        )
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        current_before = _rss_mb()
        per_batch: list[tuple[int, float]] = []  # (rows done, current RSS MB)
        started, cpu_started = time.perf_counter(), time.process_time()
        result = do_import_clients(
            acting_user=lead,
            rows=self._rows(people, seeded, total),
            on_batch=lambda done: per_batch.append((done.rows, _rss_mb())),
        )
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return {
            "rows": total,
            "seconds": elapsed,
            "rate": total / elapsed if elapsed else 0.0,
            "cpu_ms": 1000 * cpu / max(1, total),
            "flagged": result.held_back,
            "peak_mb": rss_after / 1024,
            "growth_mb": (rss_after - rss_before) / 1024,
            "before_mb": current_before,
            "per_batch": per_batch,
        }

    def _table(self, results, imported, count) -> None:
        out = self.stdout.write
        first = results[0]
        out("")
        out(
            f"Duplicate check on {connection.vendor}: one candidate lookup (find_candidates for "
            "a team lead) against N clients; growth = p95 / p95 at the first N."
        )
        out(
            "| N | p50 ms | p95 ms | p95 growth | p95 ms, other spelling | p95 ms, new person "
            "| other spelling found | CPU ms per lookup |"
        )
        out("|---:|---:|---:|---:|---:|---:|---:|---:|")
        for r in results:
            growth = _ms(r["all"], 0.95) / max(_ms(first["all"], 0.95), 1e-6)
            out(
                f"| {r['size']:,} | {_ms(r['all'], 0.5):.1f} | {_ms(r['all'], 0.95):.1f} | "
                f"{growth:.2f}x | {_ms(r['dup'], 0.95) if r['dup'] else 0:.1f} | "
                f"{_ms(r['new'], 0.95) if r['new'] else 0:.1f} | {r['found']:.0%} | "
                f"{1000 * sum(r['cpu']) / max(1, len(r['cpu'])):.2f} |"
            )
        if imported is None:
            return
        out("")
        out(
            "| import rows | against N clients | rows/s | seconds | held back | peak RSS MB "
            "| RSS growth during import MB | CPU ms per row |"
        )
        out("|---:|---:|---:|---:|---:|---:|---:|---:|")
        out(
            f"| {imported['rows']:,} | {count:,} | {imported['rate']:.0f} | "
            f"{imported['seconds']:.1f} | {imported['flagged']:,} | {imported['peak_mb']:.0f} | "
            f"{imported['growth_mb']:.0f} | {imported['cpu_ms']:.2f} |"
        )
        batches = imported["per_batch"]
        if batches:
            marks = sorted({0, len(batches) // 4, len(batches) // 2, 3 * len(batches) // 4})
            marks.append(len(batches) - 1)
            steps = ", ".join(
                f"{batches[i][0]:,} rows {batches[i][1]:.0f} MB" for i in dict.fromkeys(marks)
            )
            out("")
            out(f"RSS before the import {imported['before_mb']:.0f} MB; after batches: {steps}")

    def _cleanup(self, municipality) -> None:
        """Plain DELETEs: the ORM's cascade collector would load a million rows."""
        with transaction.atomic(), connection.cursor() as cursor:
            for model in (ClientBlockingKey, ClientSearchToken, Client):
                cursor.execute(
                    f"DELETE FROM {model._meta.db_table} WHERE municipality_id = %s",  # noqa: S608
                    [municipality.pk],
                )
        self.stdout.write("bench clients removed (use --keep to keep them)")
