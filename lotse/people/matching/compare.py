"""Two person records to a score in [0, 1] with the reasons behind it.

The score is a logistic of summed evidence weights (log-odds, in the manner of
Fellegi and Sunter): each field adds a weight for agreement and subtracts one for
disagreement. Disagreement that separates relatives is weighted hardest:
a different given name (siblings, twins), birth years a generation apart (father
and son), a different gender. A common name that agrees is weaker evidence than
a rare one, and a birth year alone is weaker than a full date, so "Mohammad Ahmadi,
1990" against "Mohammad Ahmadi, 1990" stays below the threshold.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import permutations
from typing import Any

from rapidfuzz.distance import JaroWinkler

from .common import COMMON
from .normalise import Token, consonants, fold_variants, tokens

_jw = JaroWinkler.similarity

# --- weights (log-odds); tuned on lotse/people/evaluation/pairs.jsonl -------------
PRIOR = -8.0
W_GIVEN_RARE, W_GIVEN_COMMON = 4.5, 2.5
W_FAMILY_RARE, W_FAMILY_COMMON = 5.5, 3.5
W_EXTRA_TOKEN = 1.0  # a second agreeing name part (Mohammad Reza, Gebre Medhin)
PENALTY_SWAPPED = 0.7
PENALTY_POOLED = 1.5
# (similarity, fraction of the agreement weight) above, (similarity, weight) below
AGREE_FROM = 0.90
_AGREE = ((0.90, 0.1), (0.93, 0.55), (0.96, 0.85), (1.0, 1.0))
_DISAGREE_GIVEN = ((0.0, -8.0), (0.6, -7.5), (0.8, -6.0), (0.86, -4.5), (0.90, 0.0))
_DISAGREE_FAMILY = ((0.0, -6.0), (0.6, -5.5), (0.8, -4.5), (0.86, -3.5), (0.90, 0.0))


def _interp(x: float, points: tuple[tuple[float, float], ...]) -> float:
    if x <= points[0][0]:
        return points[0][1]
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        if x <= x1:
            return y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    return points[-1][1]


# --- tokens ---------------------------------------------------------------------
#
# Two spellings are the same name when their consonants agree and each vowel slot
# between them is compatible. Arabic has three vowels, a, i and u; e and o are how
# Latin spellings render them (Mohammed/Muhammad, Hamed/Hamid, Omar/Umar), so e
# goes with anything and o with u, but a, i and u stay apart: Jamal is not Jamil,
# Hassan is not Hussein. A missing e or i is the unwritten vowel of Ge'ez script
# (Brhane/Berhane). Everything else is a different name unless it looks like a
# typo (one letter doubled, dropped from a long name, swapped with its neighbour,
# or hit on the neighbouring key).

PHONETIC, COARSE, TYPO = 0.96, 0.93, 0.93
# Voiced and voiceless, and the g/k/q/h family: Ghaderi/Qaderi/Kaderi, Wardak/Wardag,
# Ukrainian h for Russian g (Olha/Olga, Hryhorenko/Grigorenko).
_COARSE = str.maketrans("gqhdbvwzc", "kkktpffss")
SHORT_CAP, LONG_CAP, LONG = 0.86, 0.95, 8


@lru_cache(maxsize=16384)
def _slots(fold: str) -> tuple[str, tuple[str, ...]]:
    cons, slots = [], [""]
    for ch in fold:
        if ch in "aeiou":
            slots[-1] += ch
        else:
            cons.append(ch)
            slots.append("")
    return "".join(cons), tuple(slots)


def _vowels_compatible(x: str, y: str) -> bool:
    if x == y or x == "e" or y == "e":
        return True
    x, y = x.replace("o", "u"), y.replace("o", "u")
    if not x or not y:  # an unwritten short vowel (Brhane, Sleiman), never a long a
        return (x or y) in ("i", "u", "ie")
    if len(x) == 1 and len(y) == 1:
        return x == y
    if len(x) == 1 or len(y) == 1:  # Suliman/Sulaiman, Ludmila/Liudmyla; not Saad/Said
        single, group = (x, y) if len(x) == 1 else (y, x)
        return single != "a" and single in group
    return bool(set(x) & set(y))


def phonetic_equal(fx: str, fy: str) -> bool:
    cx, sx = _slots(fx)
    cy, sy = _slots(fy)
    return cx == cy and all(map(_vowels_compatible, sx, sy))


_ROWS = ("1234567890", "qwertzuiop", "asdfghjkl", "yxcvbnm")
_NEAR: dict[str, set[str]] = {}
for _r, _row in enumerate(_ROWS):
    for _i, _c in enumerate(_row):
        near = _NEAR.setdefault(_c, set())
        near.update(_row[max(0, _i - 1) : _i + 2])
        for _other in (_r - 1, _r + 1):
            if 0 <= _other < len(_ROWS):
                near.update(_ROWS[_other][max(0, _i - 1) : _i + 2])
_NEAR["y"].add("z")
_NEAR["z"].add("y")


def typo_like(x: str, y: str) -> bool:
    """One slip of the hand: doubled or dropped letter, swap, neighbouring key."""
    if x == y or abs(len(x) - len(y)) > 1 or min(len(x), len(y)) < 3:
        return False
    if len(x) == len(y):
        diff = [i for i in range(len(x)) if x[i] != y[i]]
        if len(diff) == 2 and diff[1] == diff[0] + 1:
            i = diff[0]
            return x[i] == y[i + 1] and x[i + 1] == y[i]
        if len(diff) == 1:
            return y[diff[0]] in _NEAR.get(x[diff[0]], ())
        return False
    longer, shorter = (x, y) if len(x) > len(y) else (y, x)
    i = next((k for k in range(len(shorter)) if longer[k] != shorter[k]), len(shorter))
    if longer[:i] + longer[i + 1 :] != shorter:
        return False
    c = longer[i]
    doubled = (i > 0 and longer[i - 1] == c) or (i + 1 < len(longer) and longer[i + 1] == c)
    return doubled or len(shorter) >= 5


_ALT = {"t": "ts", "d": "dsz", "s": "sdtz", "k": "kg", "g": "gk", "v": "vbf", "z": "zsd"}
_VOWEL_CLASS = {"a": "aeo", "i": "ie", "u": "uo", "e": "eai", "o": "ou"}


def _abjad_in_latin(abjad: str, latin: str) -> bool:
    """Arabic-script letters (consonants, long vowels) appear in order in the Latin."""
    j = 0
    for k, ch in enumerate(abjad):
        vowel = ch in "aeiou"
        allowed = "aeiou" if k == 0 and vowel else _VOWEL_CLASS.get(ch) or _ALT.get(ch, ch)
        while j < len(latin) and latin[j] not in allowed:
            if not vowel and latin[j] not in "aeiou":
                return False  # an extra consonant in the Latin spelling
            j += 1
        if j == len(latin):
            return False
        j += 1
    return True


def _abjad_sim(ab: Token, lat: Token) -> float:
    """Arabic script writes consonants and long vowels only: compare on those."""
    best = 0.0
    for fa in ab.folds:
        ca = consonants(fa)
        for fl in lat.folds:
            cl = consonants(fl)
            if len(ca) == len(cl) and all(c in _ALT.get(a, a) for a, c in zip(ca, cl, strict=True)):
                return PHONETIC if _abjad_in_latin(fa, fl) else 0.9
            best = max(best, _jw(ca, cl) * 0.9)
    return min(best, SHORT_CAP)


# Names one vowel apart that are still two names (e goes with a and i otherwise).
DISTINCT = frozenset(
    frozenset(pair) for pair in (("samer", "samir"), ("amer", "amir"), ("tamer", "tamir"))
)


@lru_cache(maxsize=32768)
def token_sim(x: Token, y: Token) -> float:
    """1.0 same spelling after folding; 0.96 same name; 0.93 a typo; lower: other names."""
    if x.folds[0] == y.folds[0]:
        return 1.0
    if x.abjad != y.abjad:
        return _abjad_sim(x, y) if x.abjad else _abjad_sim(y, x)
    if len(x.word) == 1 or len(y.word) == 1:  # an initial
        return 0.8 if x.fold[0] == y.fold[0] else 0.0
    if frozenset((x.fold, y.fold)) in DISTINCT:
        return SHORT_CAP - 0.06
    best = 0.0
    for fx in x.folds:
        for fy in y.folds:
            if fx == fy:
                return 1.0
            if phonetic_equal(fx, fy):
                best = PHONETIC
            elif best < COARSE and phonetic_equal(fx.translate(_COARSE), fy.translate(_COARSE)):
                best = COARSE
    if best:
        return best
    if typo_like(x.raw, y.raw) or typo_like(x.fold, y.fold):
        return TYPO
    j = max(max(_jw(fx, fy), _jw(fy, fx)) for fx in x.folds for fy in y.folds)
    if min(len(x.fold), len(y.fold)) >= LONG and not (x.joined or y.joined):
        return min(j, LONG_CAP)
    return min(j, SHORT_CAP)


def _joined(ts: tuple[Token, ...]) -> Token:
    word = "".join(t.word for t in ts)
    raw = "".join(t.raw for t in ts)
    return Token(word, fold_variants(word), any(t.abjad for t in ts), raw, joined=True)


def _merges(ts: tuple[Token, ...]) -> list[tuple[Token, ...]]:
    """The list itself and each way of writing two neighbouring parts as one."""
    out = [ts]
    for i in range(len(ts) - 1):
        out.append(ts[:i] + (_joined(ts[i : i + 2]),) + ts[i + 2 :])
    return out


@dataclass(frozen=True, slots=True)
class NameMatch:
    sim: float
    rare: tuple[bool, ...]  # for each agreeing name part: is it a rare name?
    exact: bool
    extra: int  # name parts in one record that the other lacks

    def weight(self, given: bool) -> float:
        """The agreement weight this match may earn as a given or a family name."""
        rare = any(self.rare)
        if given:
            weight = W_GIVEN_RARE if rare else W_GIVEN_COMMON
        else:
            weight = W_FAMILY_RARE if rare else W_FAMILY_COMMON
        return weight + W_EXTRA_TOKEN * min(1, max(0, len(self.rare) - 1))

    def pooled_weight(self) -> float:
        """Weight when given and family name cannot be told apart (one field)."""
        ranked = sorted(self.rare, reverse=True)
        weight = W_FAMILY_RARE if ranked and ranked[0] else W_FAMILY_COMMON
        if len(ranked) > 1:
            weight += W_GIVEN_RARE if ranked[1] else W_GIVEN_COMMON
        return weight


def _align(a: tuple[Token, ...], b: tuple[Token, ...]) -> tuple[float, tuple, int]:
    """Best one-to-one pairing of the shorter list into the longer one."""
    if len(a) > len(b):
        a, b = b, a
    if len(a) == 1:  # the common case: one name part against one or a few
        sim, y = max((token_sim(a[0], y), y) for y in b)
        return sim - 0.02 * (len(b) - 1), ((a[0], y, sim),), len(b) - 1
    best, best_pairs = -1.0, ()
    for perm in permutations(range(len(b)), len(a)):
        sims = tuple(token_sim(a[i], b[j]) for i, j in enumerate(perm))
        s = sum(sims) / len(sims)
        if s > best:
            best, best_pairs = s, tuple(zip(a, (b[j] for j in perm), sims, strict=True))
    extra = len(b) - len(a)
    return best - 0.02 * extra, best_pairs, extra


@lru_cache(maxsize=32768)
def name_match(a: tuple[Token, ...], b: tuple[Token, ...]) -> NameMatch | None:
    """How well two name fields agree; parts may be missing, reordered or glued."""
    if not a or not b:
        return None
    a, b = a[:4], b[:4]
    best = max(
        (_align(x, y) for x in _merges(a) for y in _merges(b)),
        key=lambda r: (round(r[0], 9), -r[2]),
    )
    sim, pairs, extra = best
    rare = tuple(
        min(len(x.fold), len(y.fold)) > 3 and not ({x.fold, y.fold} & COMMON)
        for x, y, s in pairs
        if s >= AGREE_FROM
    )
    exact = extra == 0 and all(s == 1.0 for _, _, s in pairs)
    return NameMatch(sim, rare, exact, extra)


def _name_evidence(m: NameMatch | None, given: bool, weight: float | None = None) -> float:
    if m is None:
        return 0.0
    if m.sim >= AGREE_FROM:
        return (weight or m.weight(given)) * _interp(m.sim, _AGREE)
    return _interp(m.sim, _DISAGREE_GIVEN if given else _DISAGREE_FAMILY)


# --- birth dates ----------------------------------------------------------------

_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_GERMAN = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})")


@lru_cache(maxsize=16384)
def parse_date(value: Any) -> tuple[int, int, int] | None:
    """(year, month, day); month and day 0 when unknown or the 01.01. placeholder."""
    if value is None:
        return None
    text = str(value)
    m = _ISO.match(text)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0)
    else:
        m = _GERMAN.match(text)
        if not m:
            return None
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if not 1800 < y < 2200:
        return None
    if not (1 <= mo <= 12 and 1 <= d <= 31) or (mo, d) == (1, 1):
        mo = d = 0
    return (y, mo, d)


def _one_digit(x: int, y: int) -> bool:
    sx, sy = f"{x:02d}", f"{y:02d}"
    return sum(p != q for p, q in zip(sx, sy, strict=True)) == 1 or sx == sy[::-1]


def date_evidence(a: Any, b: Any, reasons: list[str]) -> float:
    reason, weight = _date_evidence(parse_date(a), parse_date(b))
    if reason == "birth_year_only" and (str(a).endswith("01-01") or str(b).endswith("01-01")):
        reason = "birth_date_placeholder"
    reasons.append(reason)
    return weight


def _date_evidence(
    da: tuple[int, int, int] | None, db: tuple[int, int, int] | None
) -> tuple[str, float]:
    """The reason and weight of two parsed dates (date_evidence; a placeholder 01.01.
    is told apart from a year only there, as the weight is the same)."""
    if da is None or db is None:
        return "birth_date_missing", 0.0
    (ya, ma, dda), (yb, mb, ddb) = da, db
    gap = abs(ya - yb)
    if gap >= 15:
        return "birth_year_generation_apart", -10.0
    full = ma and mb
    if not full:
        if gap == 0:
            return "birth_year_only", 1.2
        return "birth_year_conflict", -0.8 if gap == 1 else (-3.5 if gap <= 4 else -7.0)
    if gap == 0:
        if (ma, dda) == (mb, ddb):
            return "birth_date_exact", 4.5
        if (ma, dda) == (ddb, mb):
            return "birth_date_swapped_day_month", 4.0
        if ma == mb and _one_digit(dda, ddb):
            return "birth_date_typo", 2.0
        if dda == ddb and _one_digit(ma, mb):
            return "birth_date_typo", 1.5
        return "birth_date_conflict", -4.0
    if (ma, dda) == (mb, ddb) and (gap == 1 or _one_digit(ya % 100, yb % 100) and gap <= 9):
        return "birth_year_typo", 2.5 if gap == 1 else 0.5
    return "birth_year_conflict", -3.0 if gap == 1 else (-5.5 if gap <= 4 else -7.0)


# --- whole records --------------------------------------------------------------


def _text(person: dict, key: str) -> str:
    value = person.get(key) if isinstance(person, dict) else None
    return value.strip() if isinstance(value, str) else ""


@dataclass(frozen=True, slots=True)
class Names:
    given: tuple[Token, ...]
    family: tuple[Token, ...]


@lru_cache(maxsize=16384)
def _names(given: str, family: str) -> Names:
    if not given and "," in family:  # "ALHASAN, Mohamad"
        family, _, given = family.partition(",")
    elif not family and "," in given:
        family, _, given = given.partition(",")
    return Names(tokens(given), tokens(family))


def _country(person: dict, key: str) -> str:
    return _text(person, key).upper()[:2]


@dataclass
class Comparison:
    score: float
    reasons: list[str] = field(default_factory=list)
    evidence: float = 0.0


def _name_reasons(part: str, m: NameMatch | None) -> list[str]:
    if m is None:
        return [f"{part}_missing"]
    if m.exact:
        out = [f"{part}_exact"]
    elif m.sim >= PHONETIC - 0.02:
        out = [f"{part}_phonetic"]
    elif m.sim >= AGREE_FROM:
        out = [f"{part}_similar"]
    else:
        out = [f"{part}_conflict"]
    if m.extra and m.sim >= AGREE_FROM:
        out.append(f"{part}_part_missing")
    if m.sim >= AGREE_FROM and not any(m.rare):
        out.append(f"{part}_common")
    return out


@lru_cache(maxsize=16384)
def _name_part(
    given_a: str, family_a: str, given_b: str, family_b: str
) -> tuple[float, tuple[str, ...]]:
    """The names' evidence and reasons: the best arrangement (as written, swapped,
    pooled). Cached by the four strings: among a record's candidates the same
    spellings come again and again (namesakes), while dates and the rest differ."""
    na = _names(given_a, family_a)
    nb = _names(given_b, family_b)

    arrangements = []
    g, f = name_match(na.given, nb.given), name_match(na.family, nb.family)
    arrangements.append((_name_evidence(g, True) + _name_evidence(f, False), g, f, None))
    settled = g is not None and f is not None and min(g.sim, f.sim) >= PHONETIC - 0.02
    if not settled and (na.given or na.family) and (nb.given or nb.family):
        # a's given against b's family and the other way round, each read both
        # as a given and as a family name, so that score(a, b) == score(b, a)
        x, y = na.given, na.family
        for gx, gy, fx, fy in ((x, nb.family, y, nb.given), (y, nb.given, x, nb.family)):
            g2, f2 = name_match(gx, gy), name_match(fx, fy)
            if g2 is not None or f2 is not None:
                ev = _name_evidence(g2, True) + _name_evidence(f2, False) - PENALTY_SWAPPED
                arrangements.append((ev, g2, f2, "names_swapped"))
        # one field empty, or the parts split differently between the two fields
        pa, pb = na.given + na.family, nb.given + nb.family
        mixed = not (na.given and na.family and nb.given and nb.family) or (
            len(na.given) != len(nb.given) and len(na.family) != len(nb.family)
        )
        if mixed and len(pa) >= 2 and len(pb) >= 2:
            p = name_match(pa, pb)
            if p is not None and p.sim >= AGREE_FROM:
                ev = _name_evidence(p, True, p.pooled_weight()) - PENALTY_POOLED
                arrangements.append((ev, p, None, "names_mixed"))
    ev, g, f, how = max(arrangements, key=lambda t: t[0])
    reasons = _name_reasons("given_name", g)
    reasons += [] if how == "names_mixed" else _name_reasons("family_name", f)
    if how:
        reasons.append(how)
    if any(t.abjad for t in na.given + na.family + nb.given + nb.family):
        reasons.append("original_script")
    return ev, tuple(reasons)


def compare(a: dict, b: dict) -> Comparison:
    a = a if isinstance(a, dict) else {}
    b = b if isinstance(b, dict) else {}
    given_a, family_a = _text(a, "given_names"), _text(a, "family_name")
    ev, name_reasons = _name_part(
        given_a, family_a, _text(b, "given_names"), _text(b, "family_name")
    )
    reasons = list(name_reasons)
    ev += date_evidence(a.get("date_of_birth"), b.get("date_of_birth"), reasons)

    ga, gb = _text(a, "gender").lower()[:1], _text(b, "gender").lower()[:1]
    if ga in ("f", "m") and gb in ("f", "m"):
        if ga == gb:
            ev += 0.3
            reasons.append("gender_same")
        else:
            ev -= 7.0
            reasons.append("gender_conflict")
    for key, agree, disagree in (("country_of_birth", 0.7, -2.0), ("nationality", 0.3, -0.7)):
        ca, cb = _country(a, key), _country(b, key)
        if ca and cb:
            ev += agree if ca == cb else disagree
            reasons.append(f"{key}_same" if ca == cb else f"{key}_conflict")

    total = ev + PRIOR
    value = 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, total))))
    return Comparison(round(value, 6), reasons, total)


# The most the names can add, in any arrangement: both parts agreeing, rare, each
# with a second agreeing part (swapped and pooled arrangements earn less).
NAME_EVIDENCE_MAX = W_GIVEN_RARE + W_FAMILY_RARE + 2 * W_EXTRA_TOKEN


def max_score(a: dict, b: dict) -> float:
    """An upper bound of compare(a, b).score from the cheap fields alone (date,
    gender, countries), taking the best the names could add. A candidate whose
    bound is below the threshold need not be compared: its score is lower still."""
    b = b if isinstance(b, dict) else {}
    return bound_of(a)(
        parse_date(b.get("date_of_birth")),
        _text(b, "gender").lower()[:1],
        _country(b, "country_of_birth"),
        _country(b, "nationality"),
    )


def bound_of(a: dict) -> Callable[[tuple[int, int, int] | None, str, str, str], float]:
    """max_score(a, b) as a function of b's parsed date (parse_date), gender letter
    (lower case) and two-letter country of birth and nationality (upper case), with
    a's side worked out once: for checking one record against many candidates."""
    a = a if isinstance(a, dict) else {}
    da = parse_date(a.get("date_of_birth"))
    ga = _text(a, "gender").lower()[:1]
    gender = ga in ("f", "m")
    ca, na = _country(a, "country_of_birth"), _country(a, "nationality")

    def bound(db: tuple[int, int, int] | None, gb: str, cb: str, nb: str) -> float:
        ev = _date_evidence(da, db)[1]
        if gender and gb in ("f", "m"):
            ev += 0.3 if ga == gb else -7.0
        if ca and cb:
            ev += 0.7 if ca == cb else -2.0
        if na and nb:
            ev += 0.3 if na == nb else -0.7
        total = ev + PRIOR + NAME_EVIDENCE_MAX
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, total))))

    return bound
