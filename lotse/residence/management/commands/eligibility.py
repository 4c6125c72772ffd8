"""``lotse eligibility FILE.json``: run the eligibility pre-check on a JSON file of cases.

A thin wrapper around ``lotse.residence.eligibility.evaluate``; all rules live there.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lotse.residence.eligibility import CHECKS, evaluate

HELP = """Pre-check residence/naturalisation eligibility for a JSON array of cases.

FILE holds a JSON array of objects {"id", "as_of", "check", "facts"}; check is one of
stag10, aufenthg25a, aufenthg25b; facts use the field dictionary of RULES.md. Use "-" to
read standard input. One JSON object is printed per case and line:
{"id", "outcome", "missing", "requirements", "eligible_from"}.

A case that cannot be evaluated (not an object, unknown check, bad date, bad fact value) is
not skipped: its line is {"id", "error": "..."}, the problem is also reported on stderr,
the remaining cases are still evaluated, and the command exits with status 1 at the end.
A file that is not JSON or not an array is rejected at once (exit status 2).
This is an orientation aid, not a legal decision."""


class Command(BaseCommand):
    help = HELP
    # Pure computation: no models, no database, so other apps' checks must not block it.
    requires_system_checks: list[str] = []

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        from argparse import RawDescriptionHelpFormatter

        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.formatter_class = RawDescriptionHelpFormatter
        return parser

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help='JSON file with an array of cases, or "-" for stdin')

    def handle(self, *args: Any, **options: Any) -> None:
        cases = self._load(options["file"])
        failed = 0
        for index, case in enumerate(cases):
            line, problem = self._run_case(index, case)
            self.stdout.write(json.dumps(line, ensure_ascii=False))
            if problem:
                failed += 1
                self.stderr.write(problem)
        if failed:
            raise CommandError(
                f"{failed} of {len(cases)} case(s) could not be evaluated", returncode=1
            )

    def _load(self, name: str) -> list[Any]:
        try:
            text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
        except OSError as error:
            raise CommandError(
                f"{name}: cannot read file: {error.strerror or error}", returncode=2
            ) from None
        except UnicodeDecodeError:
            raise CommandError(f"{name}: not UTF-8 text", returncode=2) from None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise CommandError(
                f"{name}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})",
                returncode=2,
            ) from None
        if not isinstance(data, list):
            raise CommandError(
                f"{name}: expected a JSON array of cases, got a JSON {_json_type(data)}",
                returncode=2,
            )
        return data

    def _run_case(self, index: int, case: Any) -> tuple[dict[str, Any], str | None]:
        case_id = case.get("id") if isinstance(case, dict) else None
        label = f"case {index}" + (f" (id {case_id!r})" if case_id is not None else "")
        try:
            if not isinstance(case, dict):
                raise ValueError(f"expected an object, got a JSON {_json_type(case)}")
            for key in ("id", "as_of", "check", "facts"):
                if key not in case:
                    raise ValueError(f"missing key {key!r}")
            check = case["check"]
            if not isinstance(check, str) or check.strip().lower() not in CHECKS:
                raise ValueError(f"unknown check {check!r}; expected one of {', '.join(CHECKS)}")
            result = evaluate(check, case["facts"], case["as_of"])
        except (ValueError, TypeError) as error:
            message = str(error)
            return {"id": case_id, "error": message}, f"{label}: {message}"
        return {"id": case_id, **result.to_dict()}, None


def _json_type(value: Any) -> str:
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    return "null"
