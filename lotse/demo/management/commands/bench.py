"""`lotse bench`: seed a benchmark municipality and measure the real server under load."""

from __future__ import annotations

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from lotse.demo import benchmark


class Command(BaseCommand):
    help = (
        "Seed a benchmark municipality (N clients, 3 cases per 2 clients), start gunicorn "
        "and report latency, SQL queries and memory per page as a Markdown table."
    )

    def add_arguments(self, parser):
        parser.add_argument("--clients", type=int, default=100_000)
        parser.add_argument("--users", type=int, default=20, help="case managers logged in")
        parser.add_argument("--concurrency", type=int, default=20)
        parser.add_argument(
            "--think",
            type=float,
            default=1.0,
            help="mean seconds a user pauses between clicks (0: back to back)",
        )
        parser.add_argument("--requests", type=int, default=400, help="requests per page")
        # Processes rather than threads: a worker's threads share one Python lock, so on
        # 2 cores 4 workers × 2 threads answer sooner than 2 × 4 (and each worker stays
        # under 100 MB now that PDFs are drawn in a renderer process).
        parser.add_argument("--workers", type=int, default=4)
        parser.add_argument("--threads", type=int, default=2)
        parser.add_argument("--reset", action="store_true", help="seed anew even if present")
        parser.add_argument(
            "--page",
            action="append",
            default=[],
            metavar="LABEL=URL_NAME",
            help="an extra page by URL name (kwargs pk or case_pk of a case); repeatable",
        )
        parser.add_argument(
            "--only",
            default="",
            metavar="WORDS",
            help="measure only the pages whose label contains one of these comma-separated "
            "words (case-insensitive), e.g. 'worklist,case page'",
        )
        parser.add_argument("--output", help="also write the table to this file")

    def handle(self, *args, **options):
        if options["clients"] < 2 or options["users"] < 1 or options["concurrency"] < 1:
            raise CommandError("Needs at least 2 clients, 1 user and a concurrency of 1.")
        if options["think"] < 0:
            raise CommandError("--think cannot be negative.")
        optional = list(benchmark.OPTIONAL_PAGES)
        for item in options["page"]:
            label, sep, name = item.partition("=")
            if not sep or not name:
                raise CommandError(f"--page wants LABEL=URL_NAME, got {item!r}")
            optional.append((label, name))
        call_command("createcachetable", verbosity=0)
        if not settings.DEBUG and "Manifest" in settings.STORAGES["staticfiles"]["BACKEND"]:
            call_command("collectstatic", interactive=False, verbosity=0)
        table = benchmark.run(
            n_clients=options["clients"],
            n_users=options["users"],
            concurrency=options["concurrency"],
            requests=options["requests"],
            workers=options["workers"],
            threads=options["threads"],
            reset=options["reset"],
            think=options["think"],
            optional=optional,
            only=[w.strip().lower() for w in options["only"].split(",") if w.strip()],
            stdout=self.stdout,
        )
        self.stdout.write("\n" + table)
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8") as handle:
                handle.write(table)
