"""The referral network as aggregates for coordinators and team leads.

Which kinds of organisation (the sending case's organisation, the receiving
organisation) refer to which, how many referrals, how many were accepted, and
how long partners took to answer. Only referrals that were sent count (a
proposed one never left the case). No client data is read: one grouped query
fetches kinds, organisation ids, status and two timestamps, and the figures are
computed here. Counts below 5 are shown as "< 5"; a rate or median resting on
fewer than 5 answers is not shown at all.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field

from lotse.cases.queries import SMALL_COUNT, suppress_small
from lotse.referrals.rules import Status

ACCEPTED = frozenset({Status.ACCEPTED.value, Status.DONE.value})
DECLINED = frozenset({Status.DECLINED.value})
WAITING = frozenset({Status.SENT.value})


# The columns of the page and of the CSV export, in order.
NETWORK_COLUMNS = (
    "referrals",
    "accepted",
    "declined",
    "waiting",
    "acceptance_rate",
    "median_wait_days",
)


@dataclass(frozen=True)
class Row:
    """One sent referral as the network sees it: no client, no case, no text."""

    from_kind: str
    to_kind: str
    to_organisation_id: int
    status: str
    sent_at: dt.datetime | None
    answered_at: dt.datetime | None


@dataclass
class Figures:
    """Counts and waiting times of a group of referrals."""

    referrals: int = 0
    accepted: int = 0
    declined: int = 0
    waiting: int = 0
    waits: list[float] = field(default_factory=list)  # days from sent to answer

    def add(self, row: Row) -> None:
        self.referrals += 1
        if row.status in ACCEPTED:
            self.accepted += 1
        elif row.status in DECLINED:
            self.declined += 1
        elif row.status in WAITING:
            self.waiting += 1
        if row.status in ACCEPTED | DECLINED and row.sent_at and row.answered_at:
            self.waits.append((row.answered_at - row.sent_at).total_seconds() / 86400)

    @property
    def answered(self) -> int:
        return self.accepted + self.declined

    @property
    def acceptance_rate(self) -> float | None:
        """Accepted among answered (accepted or declined), 0..1; None without answers."""
        return self.accepted / self.answered if self.answered else None

    @property
    def median_wait_days(self) -> float | None:
        return statistics.median(self.waits) if self.waits else None

    def shown(self) -> dict[str, str]:
        """The figures as displayed and exported: small counts suppressed."""
        enough = self.answered >= SMALL_COUNT
        rate, median = self.acceptance_rate, self.median_wait_days
        return {
            "referrals": suppress_small(self.referrals),
            "accepted": suppress_small(self.accepted),
            "declined": suppress_small(self.declined),
            "waiting": suppress_small(self.waiting),
            "acceptance_rate": f"{round(rate * 100)} %" if enough and rate is not None else "–",
            "median_wait_days": f"{median:.1f}" if enough and median is not None else "–",
        }


@dataclass
class Network:
    by_kinds: dict[tuple[str, str], Figures]
    by_organisation: dict[int, Figures]
    total: Figures


def summarise(rows: Iterable[Row]) -> Network:
    by_kinds: dict[tuple[str, str], Figures] = {}
    by_organisation: dict[int, Figures] = {}
    total = Figures()
    for row in rows:
        by_kinds.setdefault((row.from_kind, row.to_kind), Figures()).add(row)
        by_organisation.setdefault(row.to_organisation_id, Figures()).add(row)
        total.add(row)
    return Network(by_kinds, by_organisation, total)


def network_of(municipality_id: int) -> Network:
    """The sent referrals of one municipality, summarised (one query)."""
    from lotse.referrals.models import Referral

    values = (
        Referral.objects.filter(municipality_id=municipality_id)
        .exclude(status=Status.PROPOSED.value)
        .values_list(
            "case__organisation__kind",
            "organisation__kind",
            "organisation_id",
            "status",
            "sent_at",
            "answered_at",
        )
        .order_by()
    )
    return summarise(Row(*values_row) for values_row in values.iterator(chunk_size=2000))
