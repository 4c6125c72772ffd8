"""`lotse score-pairs` and `lotse evaluate_matching`."""

import io
import json
import os
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

GOOD_A = {"given_names": "Mohammed", "family_name": "Al-Hassan", "date_of_birth": "1990-03-05"}
GOOD_B = {"given_names": "Muhammad", "family_name": "Alhasan", "date_of_birth": "1990-03-05"}
OTHER = {"given_names": "Olena", "family_name": "Shevchenko", "date_of_birth": "1975"}


@pytest.fixture
def pairs_file(tmp_path):
    path = tmp_path / "pairs.jsonl"
    lines = [
        json.dumps({"id": "p1", "a": GOOD_A, "b": GOOD_B}),
        "this is not json",
        json.dumps({"id": "p2", "a": GOOD_A, "b": OTHER}),
        "",
        json.dumps({"id": "p3", "a": GOOD_A}),
        json.dumps({"id": "with,comma", "a": GOOD_B, "b": GOOD_A}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_score_pairs_prints_csv_and_reports_bad_lines_with_exit_status_1(pairs_file, settings):
    settings.DUPLICATE_THRESHOLD = 0.8
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as exc:
        call_command("score_pairs", str(pairs_file), stdout=out, stderr=err)
    assert exc.value.returncode == 1
    lines = out.getvalue().splitlines()
    assert lines[0] == "id,score,duplicate"
    assert lines[1].startswith("p1,") and lines[1].endswith(",true")
    assert lines[2].startswith("p2,") and lines[2].endswith(",false")
    assert lines[3].startswith('"with,comma",')
    assert len(lines) == 4
    score_text = lines[1].split(",")[1]
    assert len(score_text.split(".")[1]) == 4
    assert "line 2" in err.getvalue()
    assert "line 5" in err.getvalue()


def test_score_pairs_uses_the_threshold_setting(tmp_path, settings):
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"id": 1, "a": GOOD_A, "b": GOOD_B}) + "\n", encoding="utf-8")
    settings.DUPLICATE_THRESHOLD = 1.01
    out = io.StringIO()
    call_command("score_pairs", str(path), stdout=out)
    assert out.getvalue().splitlines()[1].endswith(",false")


def test_score_pairs_runs_as_the_lotse_console_command(pairs_file):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lotse.test_settings"}
    result = subprocess.run(
        [sys.executable, "-m", "lotse", "score-pairs", str(pairs_file)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == "id,score,duplicate"
    assert len(result.stdout.splitlines()) == 4
    assert "line 2" in result.stderr


def test_evaluate_matching_prints_figures_per_category_and_a_sweep():
    out = io.StringIO()
    call_command("evaluate_matching", "--sweep", stdout=out)
    text = out.getvalue()
    for word in ("overall", "twins", "arabic_translit", "blocking: recall", "threshold"):
        assert word in text
