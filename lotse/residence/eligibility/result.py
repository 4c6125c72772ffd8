"""Results that carry their reasons, and how requirement statuses become an outcome.

Outcome (RULES.md section 2, "Result precedence"), with ``unknown`` placed explicitly:

1. any requirement ``not_met``                      → ``not_eligible``; ``missing`` lists those;
2. otherwise any ``unknown`` or ``discretion``       → ``needs_review``; ``missing`` lists those;
3. otherwise                                       → ``eligible``; ``missing`` is empty.

So a missing fact can never produce ``eligible``: it is named (status ``unknown``, with the
field names in ``missing_facts``) and sends the case to review unless something already fails
clearly, in which case the clear failure is the more useful answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any, Final

MET: Final = "met"
NOT_MET: Final = "not_met"
UNKNOWN: Final = "unknown"
DISCRETION: Final = "discretion"

ELIGIBLE: Final = "eligible"
NOT_ELIGIBLE: Final = "not_eligible"
NEEDS_REVIEW: Final = "needs_review"


@dataclass(frozen=True, slots=True)
class Requirement:
    """One requirement of a check, as evaluated on ``as_of``.

    ``reason`` is a read-only mapping ``{"de": ..., "en": ...}``. ``missing_facts`` names the
    fields whose absence made the status ``unknown``. ``met_from`` is set for time-based
    requirements (residence periods, the 12 months of Duldung, the minimum age): the day on
    which the period is (or will be, if the current status simply continues) complete.
    Instances are immutable and may be shared between results (see ``Rule``).
    """

    id: str
    status: str
    reason: Mapping[str, str]
    law: str
    url: str | None = None
    missing_facts: tuple[str, ...] = ()
    met_from: date | None = None
    time_based: bool = False

    @property
    def reason_de(self) -> str:
        return self.reason["de"]

    @property
    def reason_en(self) -> str:
        return self.reason["en"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "status": self.status,
            "reason": {"de": self.reason["de"], "en": self.reason["en"]},
            "law": self.law,
            "url": self.url,
            "missing_facts": list(self.missing_facts),
            "met_from": self.met_from.isoformat() if self.met_from else None,
        }


@dataclass(frozen=True, slots=True)
class EligibilityResult:
    """The pre-check of one person for one check on one date. Not a legal decision."""

    check: str
    as_of: date
    outcome: str
    missing: list[str]
    requirements: list[Requirement]
    eligible_from: date | None = None

    def requirement(self, requirement_id: str) -> Requirement:
        """The requirement with this id (``KeyError`` if the check has none)."""
        for requirement in self.requirements:
            if requirement.id == requirement_id:
                return requirement
        raise KeyError(requirement_id)

    def status_of(self, requirement_id: str) -> str:
        return self.requirement(requirement_id).status

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of the CLI (without the caller's ``id``)."""
        return {
            "outcome": self.outcome,
            "missing": list(self.missing),
            "requirements": [requirement.to_dict() for requirement in self.requirements],
            "eligible_from": self.eligible_from.isoformat() if self.eligible_from else None,
        }


def aggregate(requirements: list[Requirement]) -> tuple[str, list[str]]:
    """Outcome and ``missing`` from the statuses, by the precedence in the module docstring."""
    failed = [r.id for r in requirements if r.status == NOT_MET]
    if failed:
        return NOT_ELIGIBLE, failed
    review = [r.id for r in requirements if r.status == UNKNOWN or r.status == DISCRETION]
    if review:
        return NEEDS_REVIEW, review
    return ELIGIBLE, []


class Rule:
    """Builds ``Requirement`` objects for one requirement id with its law reference.

    Most requirements come out with the same text for most people ("Einbürgerungstest
    bestanden."), so built requirements are memoised by their content and shared. The memo
    is bounded per rule, so texts with dates in them cannot make it grow without limit.
    """

    __slots__ = ("id", "law", "url", "time_based", "_memo")

    MEMO_LIMIT = 512

    def __init__(self, requirement_id: str, law: str, url: str | None, time_based: bool = False):
        self.id = requirement_id
        self.law = law
        self.url = url
        self.time_based = time_based
        self._memo: dict[tuple[object, ...], Requirement] = {}

    def __call__(
        self,
        status: str,
        de: str,
        en: str,
        missing: list[str] | tuple[str, ...] | None = None,
        met_from: date | None = None,
        law: str | None = None,
    ) -> Requirement:
        missing_facts = tuple(missing) if missing else ()
        key = (status, de, en, missing_facts, met_from, law)
        memo = self._memo
        found = memo.get(key)
        if found is not None:
            return found
        requirement = Requirement(
            self.id,
            status,
            MappingProxyType({"de": de, "en": en}),
            law or self.law,
            self.url,
            missing_facts,
            met_from,
            self.time_based,
        )
        if len(memo) < self.MEMO_LIMIT:
            memo[key] = requirement
        return requirement

    def met(
        self, de: str, en: str, met_from: date | None = None, law: str | None = None
    ) -> Requirement:
        # The hot path of every evaluation: one memo lookup, no further call.
        found = self._memo.get((MET, de, en, (), met_from, law))
        if found is not None:
            return found
        return self(MET, de, en, met_from=met_from, law=law)

    def not_met(self, de: str, en: str, **extra: Any) -> Requirement:
        return self(NOT_MET, de, en, **extra)

    def discretion(self, de: str, en: str, **extra: Any) -> Requirement:
        return self(DISCRETION, de, en, **extra)

    def unknown(
        self, fields: list[str], de: str | None = None, en: str | None = None, **extra: Any
    ) -> Requirement:
        names = ", ".join(fields)
        return self(
            UNKNOWN,
            de or f"Angabe fehlt: {names}.",
            en or f"Missing fact: {names}.",
            missing=fields,
            **extra,
        )
