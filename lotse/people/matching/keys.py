"""Blocking keys: find candidates among a million clients by index lookup.

A key is a coarse consonant code (Soundex-like classes over the phonetic fold, so
Chalid, Khalid, Xalid and خالد share one) of a given name paired with one of the
family name, in sorted order so swapped names still meet; plus one name code with
the birth year, so a typo in the other name still meets. Two to eight keys per
record; two records of the same person share one with high probability.
"""

from __future__ import annotations

from typing import Any

from .compare import _names, _text, parse_date
from .normalise import Token, tokens

_CLASSES = str.maketrans(
    {
        "a": None, "e": None, "i": None, "o": None, "u": None,
        "b": "b", "p": "b", "f": "f", "v": "f", "w": "f",
        "c": "s", "s": "s", "z": "s", "j": "s",
        "k": "k", "g": "k", "h": "k", "q": "k", "x": "k",
        "d": "t", "t": "t", "l": "l", "m": "m", "n": "n", "r": "r",
    }
)  # fmt: skip
_CODE_LEN = 4
_READINGS = 2


def _code(fold: str) -> str:
    coded = fold.translate(_CLASSES)
    out = []
    for ch in coded:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)[:_CODE_LEN] or fold[:2]


def _codes(token: Token) -> set[str]:
    """Codes of the first two readings of a word (ch as tsch or kh, ...)."""
    codes = list(dict.fromkeys(_code(f) for f in token.folds))
    return set(codes[:_READINGS])


def _joined_codes(ts: tuple[Token, ...]) -> set[str]:
    if len(ts) == 1:
        return _codes(ts[0])
    joined = tokens("".join(t.word for t in ts))
    return _codes(joined[0]) if joined else set()


def blocking_keys(person: dict[str, Any]) -> set[str]:
    """Short keys; two records of one person share at least one of them."""
    names = _names(_text(person, "given_names"), _text(person, "family_name"))
    given = [t for t in names.given if len(t.word) > 1][:2]
    family = [t for t in names.family if len(t.word) > 1]
    if not given or not family:  # everything in one field: its first two words
        pooled = given + family
        given, family = pooled[:1], pooled[1:2]
    family_codes: set[str] = set()
    if family:
        family_codes |= _joined_codes(tuple(family))
        family_codes |= _codes(family[0])
    given_codes = [_codes(t) for t in given]
    keys: set[str] = set()
    for codes in given_codes:
        for g in codes:
            for f in family_codes:
                keys.add("n:" + "+".join(sorted((g, f))))
    dob = parse_date(person.get("date_of_birth") if isinstance(person, dict) else None)
    if dob:
        year = str(dob[0])
        for code in (given_codes[0] if given_codes else set()) | family_codes:
            keys.add(f"y:{code}:{year}")
    if not keys and (given_codes or family_codes):  # a single name, no date
        for code in (given_codes[0] if given_codes else set()) | family_codes:
            keys.add("s:" + code)
    return keys
