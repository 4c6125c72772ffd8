"""``lotse bench_campaign --rows 100000``: time a campaign's register pre-screening."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lotse.naturalisation.bench import run
from lotse.residence.eligibility.bench import default_workers


class Command(BaseCommand):
    requires_system_checks: list[str] = []
    help = (
        "Generate a register of N residents as CSV (in chunks), read, validate and pre-screen "
        "every row as the campaign import does, and print seconds and peak memory."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--rows", type=int, default=100_000)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--workers", type=int, default=None)
        parser.add_argument("--as-of", default="2026-11-15")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["rows"] < 1:
            raise CommandError("--rows must be positive")
        try:
            today = dt.date.fromisoformat(options["as_of"])
        except ValueError as error:
            raise CommandError(str(error)) from None
        workers = options["workers"] or default_workers()
        counts, errors, seconds, peak, cpu = run(options["rows"], options["seed"], today, workers)
        self.stdout.write(f"rows:          {options['rows']}")
        self.stdout.write(f"workers:       {workers}")
        self.stdout.write(f"seconds:       {seconds:.2f} (wall)")
        self.stdout.write(f"cpu seconds:   {cpu:.2f} (all processes; load-independent)")
        self.stdout.write(f"rows/second:   {options['rows'] / seconds:,.0f}")
        self.stdout.write(f"peak memory:   {peak:.1f} MB (max RSS of any process)")
        self.stdout.write(f"row errors:    {errors}")
        for category in ("now", "soon", "not"):
            self.stdout.write(f"{category:<14} {counts.get(category, 0)}")
