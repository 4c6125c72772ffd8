"""`lotse bench`: seed a benchmark municipality, serve it with gunicorn, load it, report.

Seeding uses bulk inserts in chunks (memory stays flat at 100,000 clients). Other
apps add their rows through an optional ``bench_seed(cases_queryset, rng)`` in a
module ``<app>/bench.py`` (and may offer ``bench_delete(cases_queryset)``).

The load comes from threads with urllib against the real WSGI server, as logged-in
case managers whose sessions are written directly (with the state that allauth's
password and TOTP steps leave behind), so no login form or TOTP code is needed.
"""

from __future__ import annotations

import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.db import connection, transaction
from django.db.models import Exists, OuterRef
from django.test import Client as TestClient
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from lotse.accounts.models import Location, Organisation, Role, User
from lotse.accounts.sessions import SessionStore
from lotse.cases.models import Case, GoalAgreement, PhaseTransition
from lotse.cases.rules import Phase
from lotse.core.defaults import seed_municipality
from lotse.core.extensions import app_modules
from lotse.core.models import ClosureReason, District, Municipality
from lotse.demo.generate import make_cases, make_client
from lotse.people.models import Client

SLUG = "benchmark"
CASES_PER_MANAGER = 75  # a realistic caseload: 40 to 80 open cases, plus closed ones
MANAGERS_PER_ORGANISATION = 25
CHUNK = 5000
# Extra pages by URL name with a case's pk (`--page`): (label, url name). Skipped with
# a note when the name does not resolve.
OPTIONAL_PAGES: tuple[tuple[str, str], ...] = ()


# The server may redirect plain HTTP to HTTPS; behind a proxy it trusts this header.
# Clicks per user before measuring: a server that has just started compiles each
# template once per process and each prepared query once per thread and connection,
# and PostgreSQL prepares a statement on its second use; a server in use has long done so.
WARM_UP_CLICKS = 3
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect (to the login page, say) is an answer to count, not to follow."""

    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(_NoRedirect, urllib.request.ProxyHandler({}))


@dataclass
class BenchWorld:
    municipality: Municipality
    users: list[User]  # the case managers who log in
    clients: int
    cases: int
    seeded_now: bool


# --- seeding -----------------------------------------------------------------


def bench_modules() -> tuple:
    return app_modules("bench")


def delete_bench_rows(municipality: Municipality) -> None:
    """Remove the benchmark's clients and cases (and other apps' rows on them).

    The municipality, its organisations and users stay: the access log (append-only
    on PostgreSQL) refers to them.
    """
    municipalities = Municipality.objects.filter(pk=municipality.pk)
    cases = Case.objects.filter(municipality=municipality)
    for module in reversed(bench_modules()):
        if hasattr(module, "bench_delete"):
            module.bench_delete(cases)
    for module in reversed(app_modules("demo")):
        if hasattr(module, "delete"):
            module.delete(municipalities)
    PhaseTransition.objects.filter(case__municipality=municipality).delete()
    cases.delete()
    Client.objects.filter(municipality=municipality).delete()


def _ensure(model, existing: list, wanted: int, make: Callable[[int], object]) -> list:
    missing = [make(i) for i in range(len(existing), wanted)]
    return existing[:wanted] + list(model.objects.bulk_create(missing))


def seed(
    n_clients: int, n_users: int, *, rng: random.Random, reset: bool = False, stdout=None
) -> BenchWorld:
    """The benchmark municipality with `n_clients` clients and 3 cases per 2 clients.

    An existing benchmark municipality with the same number of clients is reused.
    """
    write = stdout.write if stdout else (lambda _text: None)
    existing = Municipality.objects.filter(slug=SLUG).first()
    if existing and not reset and Client.objects.filter(municipality=existing).count() == n_clients:
        write(f"Reusing the benchmark municipality ({n_clients} clients).")
        return _world(existing, n_users, seeded_now=False)
    started = time.monotonic()
    today = timezone.localdate()
    n_cases = n_clients * 3 // 2
    n_managers = max(2, round(n_cases / CASES_PER_MANAGER))
    n_orgs = max(1, -(-n_managers // MANAGERS_PER_ORGANISATION))
    with transaction.atomic():
        if existing:
            write("Deleting the old benchmark clients and cases …")
            delete_bench_rows(existing)
            municipality = existing
        else:
            municipality = Municipality.objects.create(
                name="Benchmark-Stadt", slug=SLUG, kind=Municipality.Kind.TOWN
            )
        seed_municipality(municipality)
        districts = _ensure(
            District,
            list(District.objects.filter(municipality=municipality).order_by("pk")),
            12,
            lambda i: District(
                municipality=municipality, code=f"b{i:02d}", labels={"de": f"Bezirk {i}"}
            ),
        )
        reasons = list(ClosureReason.objects.filter(municipality=municipality))
        orgs = _ensure(
            Organisation,
            list(Organisation.objects.filter(municipality=municipality).order_by("pk")),
            n_orgs,
            lambda i: Organisation(
                municipality=municipality,
                name=f"Benchmark-Träger {i + 1}",
                kind=Organisation.Kind.INTEGRATION_CENTRE if i == 0 else Organisation.Kind.WELFARE,
            ),
        )
        locations = []
        for org in orgs:
            location = Location.objects.filter(organisation=org).first()
            locations.append(
                location
                or Location.objects.create(
                    organisation=org, name=f"Beratungsstelle {org.name}", fte=Decimal("5.0")
                )
            )
        managers = _ensure(
            User,
            list(
                User.objects.filter(
                    organisation__municipality=municipality, role=Role.CASE_MANAGER
                ).order_by("pk")
            ),
            n_managers,
            lambda i: User(
                username=f"bench{i + 1}@bench.example",
                email=f"bench{i + 1}@bench.example",
                password="!",  # noqa: S106  (unusable: they log in by written sessions)
                first_name="Bench",
                last_name=f"Manager {i + 1:05d}",
                role=Role.CASE_MANAGER,
            ),
        )
        for i, user in enumerate(managers):
            user.organisation, user.location = orgs[i % n_orgs], locations[i % n_orgs]
        User.objects.bulk_update(managers, ["organisation", "location"], batch_size=CHUNK)
    by_org: dict[int, list[User]] = {}
    for user in managers:
        by_org.setdefault(user.organisation_id, []).append(user)
    made = 0
    while made < n_clients:
        size = min(CHUNK, n_clients - made)
        with transaction.atomic():
            clients = []
            for i in range(size):
                org = orgs[(made + i) % n_orgs]
                clients.append(
                    make_client(
                        rng,
                        municipality=municipality,
                        organisation=org,
                        districts=districts,
                        # registered by the organisation's case managers in turn, not
                        # all by one (whose start page would list 1,000s of registrations)
                        created_by=by_org[org.pk][(made + i) // n_orgs % len(by_org[org.pk])],
                        today=today,
                    )
                )
            clients = Client.objects.bulk_create(clients, batch_size=CHUNK)
            # Exactly 3 cases per 2 clients: every other client has two cases.
            groups: dict[tuple[int, int], list[Client]] = {}
            for i, client in enumerate(clients):
                groups.setdefault((client.organisation_id, 1 + (made + i) % 2), []).append(client)
            pairs = []
            for (org_pk, count), group in groups.items():
                pairs.extend(
                    make_cases(
                        rng,
                        group,
                        case_managers=by_org[org_pk],
                        locations=locations,
                        closure_reasons=reasons,
                        today=today,
                        cases_per_client=count,
                    )
                )
            Case.objects.bulk_create([case for case, _ in pairs], batch_size=CHUNK)
            PhaseTransition.objects.bulk_create(
                [step for _, steps in pairs for step in steps], batch_size=CHUNK
            )
        made += size
        write(f"  {made} clients …")
    cases = Case.objects.filter(municipality=municipality)
    for module in bench_modules():
        if hasattr(module, "bench_seed"):
            write(f"  rows of {module.__name__} …")
            module.bench_seed(cases, rng)
    write(f"Seeded in {time.monotonic() - started:.0f} s.")
    return _world(municipality, n_users, seeded_now=True)


def analyze() -> None:
    """Planner statistics as autovacuum keeps them in production.

    Right after a bulk load PostgreSQL has none, takes every table for empty and picks
    nested loops that turn a millisecond query into seconds.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _world(municipality: Municipality, n_users: int, *, seeded_now: bool) -> BenchWorld:
    users = list(
        User.objects.filter(organisation__municipality=municipality, role=Role.CASE_MANAGER)
        .filter(Exists(Case.objects.filter(case_manager=OuterRef("pk"))))
        .select_related("organisation")
        .order_by("pk")[:n_users]
    )
    return BenchWorld(
        municipality=municipality,
        users=users,
        clients=Client.objects.filter(municipality=municipality).count(),
        cases=Case.objects.filter(municipality=municipality).count(),
        seeded_now=seeded_now,
    )


# --- sessions ----------------------------------------------------------------


def log_in(user: User) -> str:
    """Write a session as allauth leaves it after password and TOTP; return its key."""
    authenticator = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if authenticator is None:
        authenticator = TOTP.activate(user, generate_totp_secret()).instance
    now = time.time()
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session["account_authentication_methods"] = [
        {"method": "password", "at": now, "email": user.email},
        {"method": "mfa", "at": now, "id": authenticator.pk, "type": "totp"},
    ]
    session["account_authentication_methods_user"] = str(user.pk)
    session["lotse_mfa_ok"] = True
    session.create()
    return session.session_key


# --- pages ---------------------------------------------------------------------


@dataclass
class Page:
    label: str
    urls: dict[int, str] = field(default_factory=dict)  # user pk -> url
    note: str = ""


def _resolve(name: str, case: Case) -> str | None:
    for kwargs in ({"pk": case.pk}, {"case_pk": case.pk}, {}):
        try:
            return reverse(name, kwargs=kwargs)
        except NoReverseMatch:
            continue
    return None


def pages_for(users: Sequence[User], optional: Iterable[tuple[str, str]]) -> list[Page]:
    worklist, case_page, search = Page("Worklist (/)"), Page("Case page"), Page("Client search")
    pdf = Page("Goal agreement PDF", note="German beside the client's language")
    extra = [Page(label, note=name) for label, name in optional]
    for user in users:
        case = (
            Case.objects.filter(case_manager=user)
            .exclude(phase=Phase.CLOSED)
            .select_related("client")
            .order_by("pk")
            .first()
        ) or Case.objects.filter(case_manager=user).select_related("client").first()
        worklist.urls[user.pk] = reverse("core:start")
        if case is None:
            continue
        case_page.urls[user.pk] = reverse("cases:detail", args=[case.pk])
        search.urls[user.pk] = (
            reverse("people:list") + "?q=" + urllib.request.quote(case.client.family_name[:4])
        )
        agreement = (
            GoalAgreement.objects.filter(case__case_manager=user).order_by("pk").only("pk").first()
        )
        if agreement is not None:
            pdf.urls[user.pk] = reverse("cases:agreement-pdf", args=[agreement.pk])
        for page, (_label, name) in zip(extra, optional, strict=True):
            url = _resolve(name, case)
            if url is None:
                page.note = f"skipped: URL name {name!r} does not resolve (yet)"
            else:
                page.urls[user.pk] = url
    return [worklist, case_page, search, pdf, *extra]


def count_queries(session_key: str, url: str) -> tuple[int, int]:
    """(status, SQL queries) of one request through the whole middleware stack."""
    client = TestClient(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
    client.cookies[settings.SESSION_COOKIE_NAME] = session_key
    client.get(url)  # warm caches (translations, templates) once
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response.status_code, len(queries)


# --- server --------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn serving lotse.wsgi with the current settings and database."""

    def __init__(self, *, workers: int, threads: int) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ)
        env.setdefault("DJANGO_SETTINGS_MODULE", settings.SETTINGS_MODULE)
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.process = subprocess.Popen(  # noqa: S603  (our own executable, fixed arguments)
            [
                str(gunicorn),
                "lotse.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(workers),
                "--threads",
                str(threads),
                "--worker-class",
                "gthread",
                "--log-level",
                "warning",
            ],
            env=env,
            start_new_session=True,
        )

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("gunicorn exited during start-up")
            try:
                url = self.base + "/healthz"
                request = urllib.request.Request(url, headers=PROXY_HEADERS)  # noqa: S310
                with OPENER.open(request, timeout=2):
                    return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.3)
        raise RuntimeError("gunicorn did not answer /healthz in time")

    def worker_pids(self) -> list[int]:
        return self.children_of({self.process.pid})

    def renderer_pids(self) -> list[int]:
        """The workers' PDF renderer processes (lotse.core.pdf), if any were started
        (not multiprocessing's resource tracker, which is a child too)."""
        found = []
        for pid in self.children_of(set(self.worker_pids())):
            try:
                if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes():
                    found.append(pid)
            except OSError:
                continue  # ended meanwhile
        return found

    @staticmethod
    def children_of(parents: set[int]) -> list[int]:
        pids = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            if ppid in parents:
                pids.append(int(entry.name))
        return sorted(pids)

    @staticmethod
    def peak_memory_kb(pid: int) -> int:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        return 0

    def peak_mb(self) -> float:
        """The largest peak resident memory (VmHWM) among the workers so far, in MB."""
        return max((self.peak_memory_kb(pid) for pid in self.worker_pids()), default=0) / 1024

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


# --- load ----------------------------------------------------------------------


@dataclass
class Result:
    latencies: list[float]
    errors: int
    seconds: float
    statuses: dict[int, int]

    def percentile(self, p: float) -> float:
        if not self.latencies:
            return float("nan")
        if len(self.latencies) == 1:
            return self.latencies[0]
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[int(p) - 1]

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0


def drive(
    base: str,
    targets: Sequence[tuple[str, str]],
    *,
    concurrency: int,
    total: int,
    warm_up: int = WARM_UP_CLICKS,
    think: float = 0.0,
) -> Result:
    """`total` GETs spread over `concurrency` threads; targets are (session key, url).

    With `think` > 0 each simulated user pauses a random time (exponential, mean
    `think` seconds) before each click, as people at a desk do; with 0 they click
    back to back, which measures how many requests per second the server can take.
    """
    cookie_name = settings.SESSION_COOKIE_NAME
    lock = threading.Lock()
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    errors = 0
    per_thread = [total // concurrency + (i < total % concurrency) for i in range(concurrency)]

    def fetch(session_key: str, url: str) -> tuple[int, float]:
        request = urllib.request.Request(  # noqa: S310  (our own server on 127.0.0.1)
            base + url,
            headers={
                "Cookie": f"{cookie_name}={session_key}" if session_key else "",
                "Accept-Language": "de",
                **PROXY_HEADERS,
            },
        )
        started = time.perf_counter()
        try:
            with OPENER.open(request, timeout=60) as response:  # noqa: S310
                response.read()
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        return status, (time.perf_counter() - started) * 1000

    def worker(index: int, count: int, barrier: threading.Barrier) -> None:
        nonlocal errors
        session_key, url = targets[index % len(targets)]
        pause = random.Random(index)  # noqa: S311  (timing jitter, not security)
        try:
            for _ in range(warm_up):
                fetch(session_key, url)
        except OSError:
            with lock:
                errors += 1
        finally:
            barrier.wait()  # a failed warm-up must not leave the others waiting forever
        for _ in range(count):
            if think > 0:
                time.sleep(pause.expovariate(1 / think))
            try:
                status, ms = fetch(session_key, url)
            except OSError:
                with lock:
                    errors += 1
                continue
            with lock:
                statuses[status] = statuses.get(status, 0) + 1
                if status == 200:
                    latencies.append(ms)
                else:
                    errors += 1

    barrier = threading.Barrier(concurrency + 1)
    threads = [
        threading.Thread(target=worker, args=(i, per_thread[i], barrier), daemon=True)
        for i in range(concurrency)
    ]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    return Result(sorted(latencies), errors, time.perf_counter() - started, statuses)


# --- the whole run ---------------------------------------------------------------


@dataclass
class Row:
    label: str
    result: Result | None  # users with think time: the latency they see
    queries: int | None
    note: str = ""
    saturated: Result | None = None  # users clicking back to back: the most it serves
    peak_mb: float | None = None  # the largest worker's peak resident memory so far


def run(
    *,
    n_clients: int,
    n_users: int,
    concurrency: int,
    requests: int,
    workers: int,
    threads: int,
    reset: bool,
    think: float = 1.0,
    optional: Iterable[tuple[str, str]] = OPTIONAL_PAGES,
    only: Sequence[str] = (),
    stdout=None,
    seed_value: int = 2026,
) -> str:
    write: Callable[[str], object] = stdout.write if stdout else (lambda _text: None)
    rng = random.Random(seed_value)  # noqa: S311  (synthetic data)
    world = seed(n_clients, n_users, rng=rng, reset=reset, stdout=stdout)
    analyze()
    sessions = {user.pk: log_in(user) for user in world.users}
    optional = list(optional)
    pages = pages_for(world.users, optional)
    if only:
        pages = [p for p in pages if any(word in p.label.lower() for word in only)]
    write(f"Logged in {len(sessions)} case managers; starting gunicorn …")
    server = Server(workers=workers, threads=threads)
    rows: list[Row] = []
    try:
        server.wait_ready()
        for page in pages:
            if not page.urls:
                rows.append(Row(page.label, None, None, page.note or "no URL"))
                continue
            first_user = next(iter(page.urls))
            status, queries = count_queries(sessions[first_user], page.urls[first_user])
            targets = [(sessions[pk], url) for pk, url in page.urls.items()]
            write(f"  {page.label}: {requests} requests …")
            result, saturated = _measure(server.base, targets, concurrency, requests, think)
            note = page.note if status == 200 else f"status {status}"
            rows.append(Row(page.label, result, queries, note, saturated, server.peak_mb()))
        write("  /healthz …")
        health, saturated = _measure(
            server.base, [("", "/healthz")], concurrency, max(requests, 200), think
        )
        rows.append(
            Row(
                "Trivial view (/healthz)",
                health,
                count_queries("", "/healthz")[1],
                "",
                saturated,
                server.peak_mb(),
            )
        )
        memory = {pid: server.peak_memory_kb(pid) for pid in server.worker_pids()}
        renderers = {pid: server.peak_memory_kb(pid) for pid in server.renderer_pids()}
    finally:
        server.stop()
    return render(
        world,
        rows,
        memory,
        renderers=renderers,
        concurrency=concurrency,
        workers=workers,
        threads=threads,
        think=think,
    )


def _measure(
    base: str, targets: Sequence[tuple[str, str]], concurrency: int, requests: int, think: float
) -> tuple[Result, Result | None]:
    """Latency as users with think time see it, then the rate at saturation."""
    result = drive(base, targets, concurrency=concurrency, total=requests, think=think)
    if think <= 0:
        return result, None
    return result, drive(base, targets, concurrency=concurrency, total=requests, warm_up=0)


def render(
    world: BenchWorld,
    rows: Sequence[Row],
    memory: dict[int, int],
    *,
    renderers: dict[int, int] | None = None,
    concurrency: int,
    workers: int,
    threads: int,
    think: float = 0.0,
) -> str:
    vendor = connection.vendor
    pacing = (
        f"each pausing {think:g} s on average between clicks (exponential)"
        if think > 0
        else "clicking back to back"
    )
    lines = [
        f"### Lotse benchmark: {world.clients:,} clients, {world.cases:,} cases, {vendor}",
        "",
        f"gunicorn {workers} workers × {threads} threads, {concurrency} concurrent users "
        f"{pacing}, {os.cpu_count()} CPU cores shared by server, database and load generator "
        f"(load average {os.getloadavg()[0]:.1f} at the end); {timezone.localdate():%Y-%m-%d}. "
        "Saturation: the same users clicking back to back, p95 and requests per second.",
        "",
        "| page | requests | errors | p50 ms | p95 ms | saturation p95 ms | saturation requests/s "
        "| SQL queries | worker peak MB | note |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in rows:
        if row.result is None:
            lines.append(f"| {row.label} | – | – | – | – | – | – | – | – | {row.note} |")
            continue
        r, full = row.result, row.saturated or row.result
        errors = r.errors + (row.saturated.errors if row.saturated else 0)
        lines.append(
            f"| {row.label} | {len(r.latencies) + r.errors} | {errors} | "
            f"{r.percentile(50):.1f} | {r.percentile(95):.1f} | "
            f"{full.percentile(95):.1f} | {full.rate:.0f} | "
            f"{row.queries if row.queries is not None else '–'} | "
            f"{f'{row.peak_mb:.0f}' if row.peak_mb is not None else '–'} | {row.note} |"
        )
    lines += ["", "| gunicorn worker | peak resident memory (VmHWM) |", "| --- | ---: |"]
    for pid, kb in sorted(memory.items()):
        lines.append(f"| pid {pid} | {kb / 1024:.0f} MB |")
    for pid, kb in sorted((renderers or {}).items()):
        lines.append(f"| pid {pid}: PDF renderer, not a web worker | {kb / 1024:.0f} MB |")
    return "\n".join(lines) + "\n"
