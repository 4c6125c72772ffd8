"""``lotse bench_eligibility --rows 100000``: time the pre-check on a synthetic register."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lotse.residence.eligibility import parse_as_of
from lotse.residence.eligibility.bench import default_workers, run_benchmark


class Command(BaseCommand):
    requires_system_checks: list[str] = []  # pure computation, no models or database
    help = (
        "Generate a deterministic synthetic register of N residents, pre-screen every row "
        "for § 10 StAG (and §§ 25a/25b where plausible) and print rows, seconds, rows per "
        "second and peak memory. Rows are generated and evaluated in streamed chunks."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--rows", type=int, default=100_000, help="number of residents (default 100000)"
        )
        parser.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
        parser.add_argument(
            "--workers",
            type=int,
            default=None,
            help="processes (default: 2, or 1 on a single core)",
        )
        parser.add_argument(
            "--as-of", default="2026-11-15", help="evaluation date (default 2026-11-15)"
        )
        parser.add_argument(
            "--chunk-size", type=int, default=2000, help="rows per chunk (default 2000)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        rows = options["rows"]
        if rows < 1 or options["chunk_size"] < 1:
            raise CommandError("--rows and --chunk-size must be positive")
        try:
            as_of = parse_as_of(options["as_of"])
        except ValueError as error:
            raise CommandError(str(error)) from None
        workers = options["workers"] or default_workers()
        result = run_benchmark(rows, options["seed"], as_of, workers, options["chunk_size"])
        self.stdout.write(f"rows:            {result.rows}")
        self.stdout.write(f"evaluations:     {result.evaluations}")
        self.stdout.write(f"workers:         {result.workers}")
        self.stdout.write(f"seconds:         {result.seconds:.2f}")
        self.stdout.write(f"rows/second:     {result.rows_per_second:,.0f}")
        self.stdout.write(f"peak memory:     {result.peak_rss_mb:.1f} MB (max RSS of any process)")
        self.stdout.write(f"eligible_from:   {result.eligible_from_set} results with a date")
        for check in sorted(result.outcomes):
            counts = ", ".join(
                f"{outcome} {n}" for outcome, n in sorted(result.outcomes[check].items())
            )
            self.stdout.write(f"{check:<16} {counts}")
