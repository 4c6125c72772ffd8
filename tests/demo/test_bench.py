"""`lotse bench`: runs end to end, and the measured pages keep their query counts as N grows."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

from lotse.appointments.models import FollowUp
from lotse.cases.models import Case, GoalAgreement
from lotse.contacts.models import Contact
from lotse.demo import benchmark
from lotse.people.models import Client

ROOT = Path(__file__).resolve().parents[2]


def test_seeding_makes_three_cases_per_two_clients_in_a_separate_municipality(db):
    world = benchmark.seed(40, 3, rng=random.Random(1))
    assert Client.objects.filter(municipality=world.municipality).count() == 40
    assert Case.objects.filter(municipality=world.municipality).count() == 60
    assert world.municipality.slug == "benchmark"
    assert len(world.users) == 2  # a realistic caseload: 60 cases need two case managers
    assert all(c.organisation_id == c.client.organisation_id for c in Case.objects.all())


def test_seeding_gives_every_case_ten_contacts_and_planned_cases_two_goals(db):
    world = benchmark.seed(40, 3, rng=random.Random(1))
    cases = Case.objects.filter(municipality=world.municipality)
    assert Contact.objects.filter(case__in=cases).count() == 10 * cases.count()
    planned = cases.filter(phase__in=["planning", "implementation", "closed"])
    agreements = GoalAgreement.objects.filter(case__in=cases)
    assert agreements.count() == planned.count() > 0
    assert all(agreement.goals.count() == 2 for agreement in agreements)
    open_cases = cases.exclude(phase="closed")
    assert FollowUp.objects.open().filter(case__in=open_cases).count() == open_cases.count()


def _queries_per_page(n_clients: int) -> dict[str, int]:
    world = benchmark.seed(n_clients, 1, rng=random.Random(7), reset=True)
    user = world.users[0]
    session = benchmark.log_in(user)
    counts = {}
    for page in benchmark.pages_for([user], []):
        status, queries = benchmark.count_queries(session, page.urls[user.pk])
        assert status == 200, page.label
        counts[page.label] = queries
    return counts


def test_queries_per_page_do_not_grow_with_the_number_of_clients(db):
    small = _queries_per_page(30)
    large = _queries_per_page(600)
    assert set(small) == {"Worklist (/)", "Case page", "Client search", "Goal agreement PDF"}
    assert large == small


def test_bench_command_runs_end_to_end_against_gunicorn(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lotse.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'bench.sqlite3'}",
        "LOTSE_VAR_DIR": str(tmp_path),
        "LOTSE_SECRET_KEY": "bench-test-only",
    }
    python = [sys.executable, "-m", "lotse"]
    subprocess.run(  # noqa: S603
        [*python, "migrate", "-v0"], env=env, cwd=ROOT, check=True, timeout=300
    )
    output = tmp_path / "bench.md"
    done = subprocess.run(  # noqa: S603
        [
            *python,
            "bench",
            "--clients=20",
            "--users=2",
            "--concurrency=2",
            "--requests=6",
            "--think=0.05",
            "--workers=2",
            "--threads=2",
            "--page=Missing=nowhere:nothing",
            f"--output={output}",
        ],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    table = output.read_text()
    assert "20 clients, 30 cases, sqlite" in table
    labels = ("Worklist (/)", "Case page", "Client search", "Goal agreement PDF", "Trivial view")
    for label in labels:
        row = next(line for line in table.splitlines() if line.startswith(f"| {label}"))
        requests, errors = row.split("|")[2:4]
        assert int(errors) == 0, row
        assert int(requests) > 0
    assert "skipped: URL name 'nowhere:nothing' does not resolve" in table
    assert "peak resident memory" in table
    assert table.count("| pid ") - table.count("PDF renderer") == 2  # both gunicorn workers
    assert "PDF renderer, not a web worker" in table  # WeasyPrint runs outside the workers
