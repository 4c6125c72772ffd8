"""Background work of the people app: the team lead's duplicate scan."""

from __future__ import annotations

from django.tasks import task

from lotse.people.scans import run_scan


@task()
def run_duplicate_scan(scan_id: int) -> None:
    run_scan(scan_id)
