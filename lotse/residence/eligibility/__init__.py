"""Eligibility pre-check for § 10 StAG, § 25a and § 25b AufenthG (pure Python, no Django).

An orientation aid for integration management, not a legal decision: the
Einbürgerungsbehörde decides on naturalisation, the Ausländerbehörde on §§ 25a/25b.
The rules follow ``/work/shared/eligibility/RULES.md``; deviations are commented where
they are made.

    from lotse.residence.eligibility import evaluate
    result = evaluate("stag10", facts, "2026-11-15")
    result.outcome, result.missing, result.eligible_from, result.to_dict()
"""

from .engine import CHECKS, UnknownCheck, evaluate, parse_as_of
from .facts import Facts, FactsError, parse_facts
from .result import (
    DISCRETION,
    ELIGIBLE,
    MET,
    NEEDS_REVIEW,
    NOT_ELIGIBLE,
    NOT_MET,
    UNKNOWN,
    EligibilityResult,
    Requirement,
)

__all__ = [
    "CHECKS",
    "DISCRETION",
    "ELIGIBLE",
    "MET",
    "NEEDS_REVIEW",
    "NOT_ELIGIBLE",
    "NOT_MET",
    "UNKNOWN",
    "EligibilityResult",
    "Facts",
    "FactsError",
    "Requirement",
    "UnknownCheck",
    "evaluate",
    "parse_as_of",
    "parse_facts",
]
