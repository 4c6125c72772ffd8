"""The team lead's duplicate scan, run in the background and kept.

A scan compares every pair of the organisation's records that share a blocking key
(lotse.people.duplicates.scan_pairs, part after part, so a large organisation is
covered whole) and keeps the possible duplicates it found. The page lists them,
best first, at once and page by page; a pair leaves the list when it is decided
("not the same person"), merged, or no longer reaches the threshold after an edit.
A record the viewer may not see is never listed, whoever started the scan.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, F, OuterRef, QuerySet
from django.http import HttpRequest
from django.utils import timezone

from lotse.accounts.models import Organisation
from lotse.audit.actions import do_log_access
from lotse.people.duplicates import Pair, best_comparison, scan_pairs
from lotse.people.models import Client, DuplicateDecision, DuplicateScan, DuplicateScanPair
from lotse.people.permissions import clients_visible_to

# A running scan without progress for this long has stopped (its worker was ended;
# a part takes seconds), a waiting one that never started (the worker serves every
# organisation, one task after the other): either may then be started again.
STALE_AFTER: dict[str, timedelta] = {
    DuplicateScan.Status.RUNNING: timedelta(minutes=15),
    DuplicateScan.Status.QUEUED: timedelta(hours=1),
}


def latest_scans(user) -> tuple[DuplicateScan | None, DuplicateScan | None]:
    """The organisation's latest scan, and its latest finished one (whose pairs are
    listed while a new scan runs)."""
    scans = DuplicateScan.objects.filter(organisation_id=user.organisation_id)
    latest = scans.select_related("started_by").first()
    if latest is None or latest.status == DuplicateScan.Status.DONE:
        return latest, latest
    return latest, scans.filter(status=DuplicateScan.Status.DONE).first()


def is_busy(scan: DuplicateScan | None) -> bool:
    """Waiting or running, and not stale."""
    stale_after = STALE_AFTER.get(scan.status) if scan is not None else None
    return (
        scan is not None
        and stale_after is not None
        and scan.updated_at > timezone.now() - stale_after
    )


def do_start_scan(*, acting_user, request: HttpRequest | None = None) -> DuplicateScan:
    """Queue a scan of the clients `acting_user` may see; the running one, if there is one."""
    from lotse.people.tasks import run_duplicate_scan

    with transaction.atomic():
        # the organisation's row as the lock: two starts at once make one scan
        Organisation.objects.select_for_update().filter(pk=acting_user.organisation_id).get()
        latest = DuplicateScan.objects.filter(organisation_id=acting_user.organisation_id).first()
        if latest is not None and is_busy(latest):
            return latest
        # a stale scan's task, should it still come, finds it failed and does nothing
        DuplicateScan.objects.filter(
            organisation_id=acting_user.organisation_id, status__in=list(STALE_AFTER)
        ).update(status=DuplicateScan.Status.FAILED, finished_at=timezone.now())
        scan = DuplicateScan.objects.create(
            municipality_id=acting_user.organisation.municipality_id,
            organisation_id=acting_user.organisation_id,
            started_by=acting_user,
        )
        do_log_access(
            acting_user=acting_user,
            action="people.client.searched",
            object_type="people.client",
            object_id="*",
            detail=f"duplicate scan {scan.pk} started",
            request=request,
        )
        transaction.on_commit(lambda: run_duplicate_scan.enqueue(scan.pk))
    return scan


def run_scan(scan_id: int) -> None:
    """Do a queued scan: every part of scan_pairs in turn, its pairs kept as it goes,
    so the page can say how far it got."""
    claimed = DuplicateScan.objects.filter(pk=scan_id, status=DuplicateScan.Status.QUEUED).update(
        status=DuplicateScan.Status.RUNNING, updated_at=timezone.now()
    )
    if not claimed:
        return  # done, failed or taken by another worker already
    scan = DuplicateScan.objects.select_related("started_by").get(pk=scan_id)
    user = scan.started_by
    if user is None or not user.is_active or user.organisation_id != scan.organisation_id:
        _finish(scan, DuplicateScan.Status.FAILED)
        return
    scope = clients_visible_to(user)
    after = (0, 0)
    try:
        while True:
            part = scan_pairs(scope, scan.municipality_id, limit=None, after=after)
            DuplicateScanPair.objects.bulk_create(
                [
                    DuplicateScanPair(
                        scan=scan, first=pair.first, second=pair.second, score=pair.score
                    )
                    for pair in part
                ],
                batch_size=1000,
                ignore_conflicts=True,
            )
            if not _still_running(
                scan,
                parts_done=F("parts_done") + 1,
                pairs_compared=F("pairs_compared") + part.compared,
                pairs_found=F("pairs_found") + len(part),
            ):
                return  # taken for stopped meanwhile, and maybe started again: give way
            if part.complete or part.next_after is None:
                break
            after = part.next_after
    except BaseException:  # an error, or the worker told to stop
        _finish(scan, DuplicateScan.Status.FAILED)
        raise
    if not _finish(scan, DuplicateScan.Status.DONE):
        return
    # the earlier scans' pairs are no longer listed: only their summaries stay
    DuplicateScanPair.objects.filter(
        scan__organisation_id=scan.organisation_id, scan__started_at__lt=scan.started_at
    ).delete()


def _still_running(scan: DuplicateScan, **changes) -> bool:
    """Record progress (or the end) of a running scan. False if it is no longer running:
    a part took so long that the scan was taken for stopped and may have been started
    anew, so this run must neither go on nor call itself done."""
    now = timezone.now()
    return bool(
        DuplicateScan.objects.filter(pk=scan.pk, status=DuplicateScan.Status.RUNNING).update(
            updated_at=now, **changes
        )
    )


def _finish(scan: DuplicateScan, status: str) -> bool:
    return _still_running(scan, status=status, finished_at=timezone.now())


def open_pairs(user, scan: DuplicateScan) -> QuerySet[DuplicateScanPair]:
    """The scan's pairs the user may see both records of, not decided and not merged
    since, best first."""
    visible = clients_visible_to(user)
    decided = DuplicateDecision.objects.filter(first=OuterRef("first"), second=OuterRef("second"))
    # EXISTS per pair, not IN (visible): the scan's pairs drive the query, so SQLite
    # does not walk the visible records against each other
    return (
        DuplicateScanPair.objects.filter(
            Exists(visible.filter(pk=OuterRef("first_id"))),
            Exists(visible.filter(pk=OuterRef("second_id"))),
            scan=scan,
        )
        .exclude(Exists(decided))
        .order_by("-score", "first_id", "second_id")
    )


def pairs_to_show(found: list[DuplicateScanPair]) -> list[Pair]:
    """The pairs of one page as the records are now: compared again (a record may have
    been changed since the scan), those still at or above the threshold, with reasons."""
    ids = {i for p in found for i in (p.first_id, p.second_id)}
    clients = {c.pk: c for c in Client.objects.filter(pk__in=ids).select_related("district")}
    records = {pk: client.matching_records() for pk, client in clients.items()}
    threshold = settings.DUPLICATE_THRESHOLD
    shown = []
    for p in found:
        if p.first_id not in clients or p.second_id not in clients:
            continue
        result = best_comparison(records[p.first_id], records[p.second_id], threshold)
        if result is not None:
            shown.append(
                Pair(clients[p.first_id], clients[p.second_id], result.score, result.reasons)
            )
    return shown
