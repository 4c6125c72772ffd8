"""Reason codes as a person reads them: "the same" only where written the same.

compare() judges names on their normalised, transliterated form, so Muhammad and
Mohammed, Müller and Mueller, Шевченко and Shevchenko come out "exact". Shown as
"given name the same", that would be wrong to a reader who sees two spellings;
``typed_reasons`` turns such an "_exact" into "_transliterated".
"""

from __future__ import annotations


def _as_typed(text: str) -> str:
    """A name as typed, up to case, punctuation, spacing and word order."""
    words = ("".join(ch for ch in word if ch.isalnum()) for word in text.casefold().split())
    return "".join(sorted(w for w in words if w))


def _typed_parts(record: dict) -> tuple[str, str]:
    given, family = record.get("given_names") or "", record.get("family_name") or ""
    if not given and "," in family:  # "ALHASAN, Mohamad"
        family, _sep, given = family.partition(",")
    return _as_typed(given), _as_typed(family)


def _pooled(record: dict) -> str:
    return _as_typed(f"{record.get('given_names') or ''} {record.get('family_name') or ''}")


def typed_reasons(reasons: list[str], a: dict, b: dict) -> list[str]:
    """The reasons, with "the same" only where the names are written the same; a name
    that agrees only after transliteration or normalisation (Müller and Mueller,
    Muhammad and Mohammed, Шевченко and Shevchenko) says so."""
    ga, fa = _typed_parts(a)
    gb, fb = _typed_parts(b)
    if "names_swapped" in reasons:
        gb, fb = fb, gb
    typed = {"given_name_exact": ga == gb, "family_name_exact": fa == fb}
    if "names_mixed" in reasons:  # all name parts pooled
        typed["given_name_exact"] = _pooled(a) == _pooled(b)
    return [
        code.replace("_exact", "_transliterated") if typed.get(code) is False else code
        for code in reasons
    ]
