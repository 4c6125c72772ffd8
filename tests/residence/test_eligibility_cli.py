"""``lotse eligibility FILE.json`` and ``lotse bench_eligibility``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from lotse.residence.eligibility import evaluate
from lotse.residence.eligibility.bench import run_benchmark
from lotse.residence.eligibility.synthetic import synthetic_rows

from .test_eligibility_25b import lena
from .test_eligibility_stag10 import amira

REPO = Path(__file__).resolve().parents[2]
AS_OF = date(2026, 11, 15)


def write_cases(tmp_path: Path, cases: Any) -> Path:
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(cases), encoding="utf-8")
    return path


def run(path: Path | str) -> tuple[list[dict[str, Any]], str]:
    out, err = StringIO(), StringIO()
    call_command("eligibility", str(path), stdout=out, stderr=err)
    return [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()


def test_prints_one_json_line_per_case_in_input_order(tmp_path: Path) -> None:
    path = write_cases(
        tmp_path,
        [
            {"id": "amira-early", "as_of": "2026-11-14", "check": "stag10", "facts": amira()},
            {"id": "amira", "as_of": "2026-11-15", "check": "stag10", "facts": amira()},
            {"id": "lena", "as_of": "2026-03-01", "check": "aufenthg25b", "facts": lena()},
        ],
    )
    lines, err = run(path)
    assert err == ""
    assert [line["id"] for line in lines] == ["amira-early", "amira", "lena"]
    assert [line["outcome"] for line in lines] == ["not_eligible", "eligible", "eligible"]
    first = lines[0]
    assert set(first) == {"id", "outcome", "missing", "requirements", "eligible_from"}
    assert first["missing"] == ["STAG-RES-5Y"]
    assert first["eligible_from"] == "2026-11-15"
    requirement = first["requirements"][0]
    assert requirement["id"] == "STAG-RES-5Y"
    assert requirement["status"] == "not_met"
    assert set(requirement["reason"]) == {"de", "en"}
    assert "StAG" in requirement["law"]


def test_bad_item_gets_an_error_line_and_the_rest_is_still_evaluated(tmp_path: Path) -> None:
    path = write_cases(
        tmp_path,
        [
            {"id": "bad-check", "as_of": "2026-11-15", "check": "stag99", "facts": {}},
            {"id": "bad-date", "as_of": "2026-11-31", "check": "stag10", "facts": {}},
            {
                "id": "bad-fact",
                "as_of": "2026-11-15",
                "check": "stag10",
                "facts": {"german_level": "Z9"},
            },
            "not an object",
            {"id": "good", "as_of": "2026-11-15", "check": "stag10", "facts": amira()},
        ],
    )
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("eligibility", str(path), stdout=out, stderr=err)
    assert raised.value.returncode == 1
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line["id"] for line in lines] == ["bad-check", "bad-date", "bad-fact", None, "good"]
    assert "stag99" in lines[0]["error"]
    assert "as_of" in lines[1]["error"]
    assert lines[2]["error"].startswith("german_level")
    assert lines[4]["outcome"] == "eligible"
    messages = err.getvalue()
    assert "case 0 (id 'bad-check')" in messages
    assert "case 1 (id 'bad-date')" in messages
    assert "case 3: expected an object" in messages


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"id": "x"}', "expected a JSON array"),
    ],
)
def test_file_that_is_not_a_json_array_is_rejected(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "cases.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message) as raised:
        call_command("eligibility", str(path), stdout=StringIO(), stderr=StringIO())
    assert raised.value.returncode == 2


def test_missing_file_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="cannot read"):
        call_command(
            "eligibility", str(tmp_path / "absent.json"), stdout=StringIO(), stderr=StringIO()
        )


def test_console_script_exit_status_and_stderr(tmp_path: Path) -> None:
    path = write_cases(
        tmp_path,
        [
            {"id": "ok", "as_of": "2026-11-15", "check": "stag10", "facts": amira()},
            {"id": "broken", "as_of": "tomorrow", "check": "stag10", "facts": {}},
        ],
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lotse.test_settings"}
    done = subprocess.run(
        [sys.executable, "-m", "lotse", "eligibility", str(path)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=120,
    )
    assert done.returncode == 1
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert lines[0]["outcome"] == "eligible"
    assert lines[1] == {"id": "broken", "error": "as_of: not an ISO date (YYYY-MM-DD): 'tomorrow'"}
    assert "case 1 (id 'broken')" in done.stderr


# --- benchmark


def test_bench_command_prints_rows_seconds_rate_and_memory() -> None:
    out = StringIO()
    call_command(
        "bench_eligibility", "--rows", "300", "--workers", "1", "--chunk-size", "100", stdout=out
    )
    text = out.getvalue()
    for label in ("rows:            300", "seconds:", "rows/second:", "peak memory:", "stag10"):
        assert label in text


def test_synthetic_register_is_deterministic_and_screens_every_row() -> None:
    first = run_benchmark(400, seed=7, as_of=AS_OF, workers=1, chunk_size=100)
    second = run_benchmark(400, seed=7, as_of=AS_OF, workers=1, chunk_size=100)
    assert first.outcomes == second.outcomes
    assert sum(first.outcomes["stag10"].values()) == 400
    assert first.evaluations >= 400


def test_synthetic_rows_are_valid_facts() -> None:
    rows = list(synthetic_rows(200, seed=3, as_of=AS_OF))
    assert len({row["id"] for row in rows}) == 200
    # every row can be evaluated for every check without a FactsError
    for row in rows:
        for check in ("stag10", "aufenthg25a", "aufenthg25b"):
            evaluate(check, row["facts"], AS_OF)
