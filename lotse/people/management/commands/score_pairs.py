"""`lotse score-pairs FILE.jsonl`: score person pairs, print CSV.

Each input line is {"id": ..., "a": {...}, "b": {...}} with person records as
lotse.people.matching.score takes them. Output: `id,score,duplicate` with the score
to 4 decimals and duplicate = score >= settings.DUPLICATE_THRESHOLD (true/false).

The file is streamed line by line, so memory stays bounded for any size. A bad
line (not UTF-8, not JSON, not an object, a or b missing or not an object) is
reported on stderr with its line number and skipped; blank lines are ignored.
After the last line the command exits with status 1 if any line was bad, so a
script notices, while the good lines have all been scored.
"""

from __future__ import annotations

import csv
import json
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from lotse.people.matching import score


class Command(BaseCommand):
    help = "Score person pairs from a JSON-lines file and print id,score,duplicate as CSV."
    requires_system_checks: list[str] = []  # pure computation, no database

    def add_arguments(self, parser):
        parser.add_argument("file", help="JSON-lines file, or - for standard input")
        parser.add_argument(
            "--threshold",
            type=float,
            default=None,
            help="duplicate from this score on (default: settings.DUPLICATE_THRESHOLD)",
        )

    def handle(self, *args, **options):
        threshold = options["threshold"]
        if threshold is None:
            threshold = float(settings.DUPLICATE_THRESHOLD)
        path = options["file"]
        try:
            stream = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
        except OSError as exc:
            raise CommandError(f"cannot read {path}: {exc.strerror}") from exc
        writer = csv.writer(self.stdout, lineterminator="\n")
        writer.writerow(["id", "score", "duplicate"])
        bad = 0
        try:
            for lineno, raw in enumerate(stream, 1):
                pair, error = _parse(raw)
                if error:
                    bad += 1
                    self.stderr.write(f"line {lineno}: {error}")
                    continue
                if pair is None:
                    continue
                value = score(pair["a"], pair["b"])
                ident = pair.get("id")
                writer.writerow(
                    [
                        "" if ident is None else ident,
                        f"{value:.4f}",
                        "true" if value >= threshold else "false",
                    ]
                )
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()
        if bad:
            raise CommandError(f"{bad} bad line(s) skipped, see above", returncode=1)


def _parse(raw: bytes) -> tuple[dict | None, str | None]:
    """(pair, None), (None, None) for a blank line, or (None, what is wrong)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, "not UTF-8"
    if not text.strip():
        return None, None
    try:
        pair = json.loads(text)
    except ValueError as exc:
        return None, f"not JSON ({exc.msg})"
    if not isinstance(pair, dict):
        return None, "not a JSON object"
    missing = [k for k in ("a", "b") if not isinstance(pair.get(k), dict)]
    if missing:
        return None, f"{' and '.join(missing)} missing or not an object"
    return pair, None
