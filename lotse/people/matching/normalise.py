"""Names to comparable tokens: script, case, particles, transliteration variants.

Three layers, each cached per distinct input string (16,384 entries per cache, so
that a process comparing millions of distinct names stays at some 60 MB of caches;
262,144 and 65,536 entries held some 320 MB):

* ``latin`` -- any script to lower-case ASCII. Arabic-script letters go through a
  small table of our own (anyascii drops alif and turns ``ع`` into a backtick, which
  loses the long vowels we need); everything else through anyascii.
* ``tokens`` -- particles dropped (al-, el-, bin, ibn, ould, von, ...), ``abd`` /
  ``-uddin`` / ``-ullah`` compounds joined into one canonical token, the many
  spellings of Muhammad folded to one.
* ``fold`` -- one phonetic spelling per token for the German, English, French and
  passport (ICAO 9303) transliterations of the same sounds: sch/sh/ş/š/zh/z -> s,
  tsch/tch/č/ç -> c, kh/x -> h, dsch/dj/j/y -> i, w -> v, ph -> f, gh -> g, q -> k,
  ou/oo -> u, ee -> i, ue/oe/ae -> u/o/a, doubled letters once, final -h dropped.
  German ``ch`` is ``kh`` (Chalid), English ``ch`` is ``tsch`` (Shevchenko), so a
  token with ``ch`` carries both readings.

Pure Python, no Django: this is domain logic that the import and the UI share.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from anyascii import anyascii

# --- script -------------------------------------------------------------------

# Arabic, Persian (Dari), Pashto, Urdu and Sorani Kurdish letters. Long vowels are
# kept as a / i / u because they are what a Latin spelling of the name must show.
_ARABIC = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ى": "a", "ة": "a", "ء": "",
    "ئ": "i", "ؤ": "u", "ع": "", "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h",
    "خ": "kh", "د": "d", "ذ": "d", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s",
    "ض": "d", "ط": "t", "ظ": "z", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ک": "k",
    "ل": "l", "م": "m", "ن": "n", "ه": "h", "ھ": "h", "ۀ": "a", "و": "u", "ي": "i",
    "ی": "i", "ې": "e", "ۍ": "ai", "پ": "p", "چ": "ch", "ژ": "zh",
    "گ": "g", "ګ": "g", "ښ": "sh", "ځ": "z", "څ": "s", "ټ": "t", "ډ": "d", "ړ": "r",
    "ڼ": "n", "ۆ": "o", "ێ": "e", "ڕ": "r", "ڵ": "l", "ە": "e", "ڤ": "v", "ﻻ": "la",
}  # fmt: skip
_ARABIC_RANGES = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFEFF))


def _is_arabic(ch: str) -> bool:
    o = ord(ch)
    return any(lo <= o <= hi for lo, hi in _ARABIC_RANGES)


def _arabic_word(word: str) -> str:
    """One Arabic-script word to Latin: consonants and long vowels only."""
    out = []
    for i, ch in enumerate(word):
        after = word[i + 1] if i + 1 < len(word) else ""
        if ch == "ع" and i == 0:
            out.append("a")  # Ali, Omar, Abd: a Latin spelling starts with a vowel
        elif ch == "و" and (i == 0 or after in "اآيی"):
            out.append("w")  # Walid, Darwish: a consonant before a vowel
        elif ch in "يی" and (i == 0 or after in "اآو"):
            out.append("y")  # Yusuf, Yahya
        else:
            out.append(_ARABIC.get(ch, ""))
    word = "".join(out)
    # final ه is -ah/-eh in Latin (Abdullah, Fatemeh), and Latin drops that h
    return word[:-1] if len(word) > 3 and word.endswith("h") else word


_SPACE = re.compile(r"[\s_,;:/\\.()\[\]{}|+&*\"!?<>=#@~^0-9-]+")
_DROP = re.compile(r"[^a-z ]")


@lru_cache(maxsize=16384)
def to_latin(text: str) -> tuple[tuple[str, bool], ...]:
    """Words of ``text`` as (lower-case ASCII, was written in Arabic script)."""
    if not text:
        return ()
    text = unicodedata.normalize("NFKC", str(text))
    words: list[tuple[str, bool]] = []
    for raw in _SPACE.split(text):
        if not raw:
            continue
        if any(_is_arabic(ch) for ch in raw):
            latin = _arabic_word("".join(ch for ch in raw if _is_arabic(ch)))
            abjad = True
        else:
            latin = anyascii(raw)
            abjad = False
        latin = _DROP.sub("", latin.lower().replace("-", " "))
        words.extend((w, abjad) for w in latin.split() if w)
    return tuple(words)


# --- particles and compounds ----------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Dropped wherever they stand as a word of their own (unless they are the only word).
PARTICLES = _words(
    """al el ul ad ed ud ar er ur as es us at an en un ash az ibn bin ben bint binti bte
    ould wuld walad ag oglu ogly kyzy uulu von van der den de da di du dos das del della
    la le zu ter ten"""
)
# Joined article: al-/el- glued to a name (Alhassan). Kept for names that begin so.
_ARTICLE = re.compile(r"^(?:al|el)(?=[^aeiouy])")
_ARTICLE_KEEP = _words(
    """albert alfred alban albin alper alperen almaz alem alemu alemayehu alganesh almi
    alma elmira elvira elmar elfriede elsa elke ellen elham elmas elvan elbrus elnur
    elmir elvin elnara elsayed alsu alfiya almaz algul alkan alpay alptekin alsan"""
)
_ABD = re.compile(r"^abd([aeiou])?(.*)$")
_DIN = re.compile(r"^(.{3,}?)[aeiou]?d?d(?:i|ee|ii)ne?$")
_ULLAH = re.compile(r"^(.{3,}?)(?:[aeiou]llah?|ulah?)$")
_DIN_WORDS = frozenset({"din", "deen", "dine", "eddin", "eddine", "uddin", "addin", "oddin"})
_ALLAH_WORDS = frozenset({"allah", "ullah", "ulla", "alla", "ollah", "olla", "ulah"})
_JOIN_NEXT = frozenset({"abu", "abou", "abo", "bou", "umm", "um", "gul", "gol"})

# The Prophet's name, its abbreviations and its Turkish/Balkan forms.
_MUHAMMAD = _words(
    """muhammad muhammed muhamad muhamed mohammad mohammed mohamad mohamed mohamud
    mohammud mouhammad mouhamad mouhamed mohamet mohammet mehmet mehmed muhamet
    mahomet mohd mhd muhd md mohd mohamd mohammd mohmmad mohmad mouhammed muhammet
    mohammadu muhammadu mhmd"""
)


def _strip_article(word: str, abjad: bool) -> str:
    if word in _ARTICLE_KEEP:
        return word
    if _ARTICLE.match(word) and len(word) - 2 >= (3 if abjad else 4):
        return word[2:]
    return word


def _canonical(word: str) -> str:
    if word in _MUHAMMAD:
        return "muhamad"
    m = _ABD.match(word)
    if m and m.group(2) and len(m.group(2)) >= 2:
        rest = m.group(2)
        if m.group(1):  # abdul-, abdel-, abdur-: drop the article or its assimilation
            if rest[0] == "l" and len(rest) > 2:
                rest = rest[1:]
            if len(rest) > 2 and rest[0] == rest[1]:
                rest = rest[1:]
        elif rest.startswith(("al", "el", "ul")) and len(rest) > 4:
            rest = rest[2:]
        return "abd" + rest
    m = _DIN.match(word)
    if m and not word.startswith("abd"):
        return m.group(1) + "din"
    m = _ULLAH.match(word)
    if m and len(word) > 6:
        return m.group(1) + "ula"
    return word


def name_words(text: str) -> tuple[tuple[str, bool], ...]:
    """Words with particles handled, before phonetic folding: (word, abjad)."""
    return tuple((w, ab) for w, ab, _ in _name_words(text))


@lru_cache(maxsize=16384)
def _name_words(text: str) -> tuple[tuple[str, bool, str], ...]:
    """(canonical word, abjad, word as written) for each name part."""
    words = [(_strip_article(w, ab), ab) for w, ab in to_latin(text)]
    if len(words) > 1:
        kept = [(w, ab) for w, ab in words if w not in PARTICLES]
        words = kept or words[-1:]
    out: list[tuple[str, bool, str]] = []
    i = 0
    while i < len(words):
        w, ab = words[i]
        raw = w
        nxt = words[i + 1] if i + 1 < len(words) else None
        if nxt and (
            w in _JOIN_NEXT or (w.startswith("abd") and len(w) <= 5 and w not in ("abdi",))
        ):
            raw = w + nxt[0]
            w = ("abd" if w.startswith("abd") else w) + nxt[0]
            ab = ab or nxt[1]
            i += 1
        elif out and (w in _DIN_WORDS or w in _ALLAH_WORDS):
            pw, pab, praw = out.pop()
            w = pw + ("din" if w in _DIN_WORDS else "ula")
            raw = praw + raw
            ab = ab or pab
        out.append((_canonical(w), ab, raw))
        i += 1
    return tuple(out)


# --- phonetic fold --------------------------------------------------------------

# One pass, longest spelling first at each position.
_FOLD_MAP = {
    "schtsch": "s", "shch": "s", "dsch": "i", "tsch": "c", "dzh": "i", "sch": "s",
    "tch": "c", "kh": "h", "dj": "i", "sh": "s", "zh": "s", "ts": "s", "tz": "s",
    "ck": "k", "gh": "g", "ph": "f", "th": "t", "dh": "d", "bh": "b", "ou": "u",
    "oo": "u", "ee": "i", "ae": "a", "oe": "o", "ue": "u", "z": "s", "q": "k", "w": "v",
    "j": "i", "y": "i",
}  # fmt: skip
_FOLD = re.compile("|".join(sorted(_FOLD_MAP, key=len, reverse=True)))
# The same without the German umlaut spellings: Arabic ae is two vowels (Ghaeth, Raed).
_FOLD_NO_UMLAUT = re.compile(
    "|".join(sorted(set(_FOLD_MAP) - {"ae", "oe", "ue"}, key=len, reverse=True))
)
_UMLAUT = re.compile(r"ae|oe|ue")
_TURKISH_C = re.compile(r"c(?!h)")
_OU_START = re.compile(r"^ou(?=[aei])")  # French: Oualid, Ouahid


def _fold_sub(m: re.Match) -> str:
    return _FOLD_MAP[m.group(0)]


# kh (Khalid, Mikhail) and German ch (Chalid, Michail) are one sound: h. English ch
# is tsch (Shevchenko), French ch is sh (Chahine, Cherif): such a word gets all three.
# x is kh in Kurdish (Xalid, Şêxo) but ks elsewhere (Xenia, Alexander): both.
_CH = re.compile(r"(?<![st])ch")
_X = re.compile(r"x")
_CW = re.compile(r"([^aeiouyw])w(?=[aeiouy])")
# ben/bin/ibn/abu/ould glued to the name (Benyoussef): also read without it
_GLUED = re.compile(r"^(?:ben|bin|ibn|ould|abou?)(?=[^aeiou]..)")
_DOUBLE = re.compile(r"(.)\1+")
_FINAL_H = re.compile(r"(?<=[aeiou])h$")
_VOWELS = re.compile(r"[aeiou]+")


def _fold_one(word: str, umlaut: bool = True) -> str:
    rx = _FOLD if umlaut else _FOLD_NO_UMLAUT
    word = rx.sub(_fold_sub, _OU_START.sub("w", word)).replace("ie", "i")
    if word.endswith("ff"):
        word = word[:-2] + "v"  # Ivanoff
    elif word.endswith("d"):
        word = word[:-1] + "t"  # final devoicing: Ahmet/Ahmed, Wardak/Wardag
    word = _DOUBLE.sub(r"\1", word)
    return _FINAL_H.sub("", word) or word


@lru_cache(maxsize=16384)
def fold_variants(word: str) -> tuple[str, ...]:
    """Phonetic spellings of one word; several when ``ch`` or ``x`` is ambiguous."""
    words = [word]
    if _CH.search(word):
        words = [_CH.sub(r, w) for w in words for r in ("c", "h", "s")]
    if "x" in word:
        words = [_X.sub(r, w) for w in words for r in ("ks", "h")]
    if _CW.search(word):  # Tigrinya and Arabic w after a consonant is u: Samwel, Lwam
        words += [_CW.sub(r"\1u", w) for w in words]
    if _TURKISH_C.search(word):  # Turkish and Kurdish c is dsch: Cemal, Hecî
        words.append(_TURKISH_C.sub("j", word))
    m = _GLUED.match(word)
    if m and len(word) - m.end() >= 4:
        words.append(word[m.end() :])
    folds = [_fold_one(w) for w in words]
    if _UMLAUT.search(word):
        folds.append(_fold_one(word, umlaut=False))
    return tuple(dict.fromkeys(folds))


def consonants(folded: str) -> str:
    return _VOWELS.sub("", folded) or folded[:1]


# --- the comparable form of one name field -------------------------------------


class Token(NamedTuple):
    word: str  # after particles, before folding (for display)
    folds: tuple[str, ...]
    abjad: bool  # written in Arabic script: short vowels are missing
    raw: str  # as written (ASCII), for telling typos from other names
    joined: bool = False  # two written parts taken as one

    @property
    def fold(self) -> str:
        return self.folds[0]


@lru_cache(maxsize=16384)
def tokens(text: str) -> tuple[Token, ...]:
    out = []
    for word, abjad, raw in _name_words(text or ""):
        out.append(Token(word, fold_variants(word), abjad, raw))
    return tuple(out)


def normalise_name(text: str | None) -> str:
    """Latin, lower-case, ASCII, particles dropped and compounds joined (for display)."""
    if not text:
        return ""
    return " ".join(w for w, _ in name_words(str(text)))
