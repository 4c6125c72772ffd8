"""Recognising the same person across transliterations, typos and unreliable dates.

Public interface (pure Python, no Django):

* ``score(a, b) -> float`` in [0, 1]; records are dicts with given_names,
  family_name, date_of_birth ("YYYY-MM-DD", "YYYY" or None), gender ("f", "m",
  "x" or None), country_of_birth and nationality (ISO 3166 alpha-2 or None).
* ``explain(a, b) -> list[str]``: reason codes for the UI ("family_name_phonetic",
  "birth_date_swapped_day_month", "gender_conflict", ...); a name that agrees only
  after transliteration (Muhammad, Mohammed) is "given_name_transliterated", never
  "given_name_exact".
* ``blocking_keys(person) -> set[str]``: a few short keys; records of the same
  person share at least one, so candidate search is an index lookup.
* ``normalise_name(text) -> str``: Latin, lower-case, ASCII, particles handled.
* ``DEFAULT_THRESHOLD``: the score from which a pair is a possible duplicate,
  chosen on lotse/people/evaluation/pairs.jsonl (``lotse evaluate_matching --sweep``).

A false merge of two people is a data-protection incident, a missed duplicate
is a nuisance: the weights and the threshold lean towards keeping people apart.
"""

from __future__ import annotations

from .compare import Comparison, compare
from .keys import blocking_keys
from .normalise import normalise_name
from .wording import typed_reasons

__all__ = [
    "DEFAULT_THRESHOLD",
    "Comparison",
    "blocking_keys",
    "compare",
    "explain",
    "normalise_name",
    "score",
]

DEFAULT_THRESHOLD = 0.80


def score(a: dict, b: dict) -> float:
    """Probability-like score that records a and b describe the same person."""
    return compare(a, b).score


def explain(a: dict, b: dict) -> list[str]:
    """Short reason codes for the score, in the order name, date, gender, country."""
    return typed_reasons(compare(a, b).reasons, a, b)
