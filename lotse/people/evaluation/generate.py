"""Build the labelled evaluation set lotse/people/evaluation/pairs.jsonl.

    uv run python -m lotse.people.evaluation.generate [OUT]

Deterministic (fixed seed). Each line: {"id", "category", "duplicate", "a", "b"}.
Positive pairs are one person written twice: transliteration variants (names.py),
swapped name order, particles, missing middle names, typos, original script,
unreliable birth dates. Negative pairs are the errors that hurt: siblings, twins,
father and son, two people with a common name born the same year, different
gender, similar but different names. HARD_CASES at the end are written by hand.
"""

from __future__ import annotations

import json
import random
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from .names import CONFUSABLE_GIVEN, GENDER_PAIRS, POPULATIONS

SEED = 20250601
OUT = Path(__file__).with_name("pairs.jsonl")

# Very common names per population: two different people share them often.
COMMON = {
    "arabic": (["Mohammed", "Ahmad", "Ali", "Hassan", "Omar", "Mahmoud", "Mustafa"],
               ["Fatima", "Aisha", "Maryam", "Nour"],
               ["Al-Hassan", "Ahmad", "Mohammed", "Ibrahim", "Hussein", "Ali", "Khalil"]),
    "persian_dari_pashto": (["Mohammad", "Ahmad", "Ali", "Reza", "Hossein", "Sayed"],
                            ["Zahra", "Fatemeh", "Maryam"],
                            ["Ahmadi", "Mohammadi", "Hosseini", "Rahimi", "Karimi", "Sadat"]),
    "turkish": (["Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin"], ["Ayşe", "Fatma", "Zeynep"],
                ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik"]),
    "tigrinya": (["Tesfay", "Yohannes", "Samuel", "Daniel"], ["Helen", "Senait", "Saba"],
                 ["Tesfay", "Haile", "Tekle", "Berhe", "Gebremedhin"]),
    "russian_ukrainian": (["Sergey", "Aleksandr", "Ivan", "Dmitriy"], ["Olga", "Natalya", "Anna"],
                          ["Ivanov", "Shevchenko", "Kovalenko", "Bondarenko", "Petrov"]),
}  # fmt: skip
POP_CATEGORY = {
    "arabic": "arabic_translit",
    "persian_dari_pashto": "persian_dari_pashto",
    "kurdish": "kurdish",
    "tigrinya": "tigrinya",
    "russian_ukrainian": "russian_ukrainian",
    "turkish": "turkish_letters",
    "german": "german_umlauts",
}
MIDDLE = {
    "arabic": ["Ali", "Ahmad", "Mohammed", "Khalil", "Saleh"],
    "persian_dari_pashto": ["Mohammad", "Ali", "Gul", "Jan", "Khan"],
    "kurdish": ["Ali", "Hesen", "Mihemed"],
    "tigrinya": ["Haile", "Tekle", "Gebre", "Kidane"],
    "russian_ukrainian": ["Ivanovich", "Petrovych", "Sergeyevna", "Oleksandrivna"],
    "turkish": ["Ali", "Can", "Nur"],
    "german": ["Peter", "Maria", "Karl"],
}
KEYBOARD = "qwertzuiopü asdfghjklöä yxcvbnm"
NEIGHBOURS = {
    c: "".join(KEYBOARD[j] for j in (i - 1, i + 1) if 0 <= j < len(KEYBOARD) and KEYBOARD[j] != " ")
    for i, c in enumerate(KEYBOARD)
    if c != " "
}


@dataclass(frozen=True)
class Person:
    pop: str
    gender: str
    given: tuple[str, ...]
    family: tuple[str, ...]
    year: int
    month: int
    day: int
    country: str
    nationality: str


def record(p: Person, g: str | None = None, f: str | None = None, dob: str | None = "full",
           gender: bool = True, country: bool = True) -> dict:  # fmt: skip
    if dob == "full":
        date = f"{p.year:04d}-{p.month:02d}-{p.day:02d}"
    elif dob == "year":
        date = f"{p.year:04d}"
    elif dob == "placeholder":
        date = f"{p.year:04d}-01-01"
    else:
        date = dob
    return {
        "given_names": g if g is not None else p.given[0],
        "family_name": f if f is not None else p.family[0],
        "date_of_birth": date,
        "gender": p.gender if gender else None,
        "country_of_birth": p.country if country else None,
        "nationality": p.nationality if country else None,
    }


class Generator:
    def __init__(self, seed: int = SEED) -> None:
        self.rng = random.Random(seed)  # noqa: S311 - reproducible test data
        self.pairs: list[dict] = []

    # --- building blocks ---------------------------------------------------------
    def person(self, pop: str | None = None, gender: str | None = None) -> Person:
        r = self.rng
        pop = pop or r.choice(list(POPULATIONS))
        data = POPULATIONS[pop]
        gender = gender or r.choice("mf")
        given = tuple(r.choice(data["male" if gender == "m" else "female"]))
        family = tuple(r.choice(data["family"]))
        country = r.choice(data["countries"])
        nationality = country if r.random() < 0.85 else r.choice(data["countries"])
        year = r.randint(1950, 2012)
        return Person(pop, gender, given, family, year, r.randint(1, 12), r.randint(2, 28),
                      country, nationality)  # fmt: skip

    def two_spellings(self, names: tuple[str, ...]) -> tuple[str, str]:
        if len(names) == 1:
            return names[0], names[0]
        a, b = self.rng.sample(names, 2)
        return a, b

    def is_common(self, p: Person) -> bool:
        """On the matcher's list of very common names (matching/common.py)."""
        from lotse.people.matching.common import COMMON as COMMON_FOLDS
        from lotse.people.matching.normalise import tokens

        names = p.given[:1] + p.family[:1]
        return any(t.fold in COMMON_FOLDS for n in names for t in tokens(n))

    def typo(self, name: str) -> str:
        r = self.rng
        letters = [i for i, c in enumerate(name) if c.isalpha()]
        if len(letters) < 4:
            return name + name[-1]
        i = r.choice(letters[1:])
        op = r.choice(["delete", "double", "swap", "neighbour", "neighbour"])
        if op == "delete":
            return name[:i] + name[i + 1 :]
        if op == "double":
            return name[:i] + name[i] + name[i:]
        if op == "swap" and i + 1 < len(name) and name[i + 1].isalpha():
            return name[:i] + name[i + 1] + name[i] + name[i + 2 :]
        near = NEIGHBOURS.get(name[i].lower(), "")
        if not near:
            return name[:i] + name[i + 1 :]
        c = r.choice(near)
        return name[:i] + (c.upper() if name[i].isupper() else c) + name[i + 1 :]

    def add(self, category: str, duplicate: bool, a: dict, b: dict) -> None:
        if self.rng.random() < 0.5:
            a, b = b, a
        n = sum(1 for p in self.pairs if p["category"] == category) + 1
        self.pairs.append(
            {"id": f"{category}-{n:03d}", "category": category, "duplicate": duplicate,
             "a": a, "b": b}
        )  # fmt: skip

    def maybe_drop(self) -> dict:
        """Staff leave gender or country empty now and then."""
        r = self.rng.random()
        return {"gender": r > 0.1, "country": r > 0.2 or r < 0.05}

    # --- positives ---------------------------------------------------------------
    def transliteration(self, pop: str, n: int) -> None:
        for _ in range(n):
            p = self.person(pop)
            ga, gb = self.two_spellings(p.given)
            fa, fb = self.two_spellings(p.family)
            if ga == gb and fa == fb and len(p.family) > 1:
                fb = p.family[1]
            self.add(POP_CATEGORY[pop], True, record(p, ga, fa),
                     record(p, gb, fb, **self.maybe_drop()))  # fmt: skip

    def name_order(self, n: int) -> None:
        for _ in range(n):
            p = self.person()
            ga, gb = self.two_spellings(p.given)
            fa, fb = self.two_spellings(p.family)
            self.add("name_order", True, record(p, ga, fa), record(p, fb, gb))

    def particles(self, n: int) -> None:
        marks = ("al", "el", "abd", "bin", "ould", "abu", "ibn")
        with_particle = [
            e
            for e in POPULATIONS["arabic"]["family"]
            if any(w in " ".join(e).lower() for w in marks)
        ] + [e for e in POPULATIONS["persian_dari_pashto"]["male"] if "ullah" in e[0].lower()]
        for _ in range(n):
            entry = tuple(self.rng.choice(with_particle))
            if "ullah" in entry[0].lower():
                p = replace(self.person("persian_dari_pashto", "m"), given=entry)
                ga, gb = self.two_spellings(entry)
                self.add("particles", True, record(p, ga), record(p, gb))
            else:
                p = replace(self.person("arabic"), family=entry)
                fa, fb = self.two_spellings(entry)
                self.add("particles", True, record(p, f=fa), record(p, f=fb))

    def middle_names(self, n: int) -> None:
        for _ in range(n):
            p = self.person()
            middle = self.rng.choice(MIDDLE[p.pop])
            ga, gb = self.two_spellings(p.given)
            if p.pop == "tigrinya" and self.rng.random() < 0.5:
                # grandfather's name added after the father's name
                self.add("middle_names", True, record(p, ga, f"{p.family[0]} {middle}"),
                         record(p, gb, p.family[0]))  # fmt: skip
            elif p.pop == "persian_dari_pashto" and middle in ("Mohammad", "Ali"):
                self.add("middle_names", True, record(p, f"{middle} {ga}"), record(p, gb))
            else:
                self.add("middle_names", True, record(p, f"{ga} {middle}"), record(p, gb))

    def typos(self, n: int) -> None:
        for _ in range(n):
            p = self.person()
            g, f = p.given[0], p.family[0]
            if len(g) > 4 and (self.rng.random() < 0.5 or len(f) <= 4):
                self.add("typos", True, record(p), record(p, self.typo(g), f))
            else:
                self.add("typos", True, record(p), record(p, g, self.typo(f)))

    def original_script(self, n: int) -> None:
        pops = [k for k, v in POPULATIONS.items() if v["script"]]
        done = 0
        while done < n:
            pop = self.rng.choice(pops)
            p = self.person(pop)
            script = POPULATIONS[pop]["script"]
            if p.given[0] not in script and p.family[0] not in script:
                continue
            ga, fa = script.get(p.given[0], p.given[0]), script.get(p.family[0], p.family[0])
            gb, fb = self.rng.choice(p.given), self.rng.choice(p.family)
            self.add("original_script", True, record(p, ga, fa), record(p, gb, fb))
            done += 1

    def unreliable_dates(self, n: int) -> None:
        for i in range(n):
            kind = i % 6
            p = self.person()
            while kind in (0, 1, 5) and self.is_common(p):
                # a common name with only a birth year is no evidence of one person
                p = self.person()
            ga, gb = self.two_spellings(p.given)
            full = record(p, ga)
            if kind == 0:
                other = record(p, gb, dob="placeholder")
            elif kind == 1:
                other = record(p, gb, dob="year")
            elif kind == 2 and p.day <= 12 and p.day != p.month:
                other = record(p, gb, dob=f"{p.year:04d}-{p.day:02d}-{p.month:02d}")
            elif kind in (2, 3):
                day = p.day + 1 if p.day % 10 != 9 else p.day - 1
                other = record(p, gb, dob=f"{p.year:04d}-{p.month:02d}-{day:02d}")
            elif kind == 4:
                other = record(p, gb, dob=f"{p.year + 1:04d}-{p.month:02d}-{p.day:02d}")
            else:
                full = record(p, ga, dob="year")
                other = record(p, gb, dob="placeholder")
            self.add("birth_date_unreliable", True, full, other)

    # --- negatives ---------------------------------------------------------------
    def other_given(self, p: Person, gender: str | None = None) -> tuple[str, ...]:
        data = POPULATIONS[p.pop]
        options = [e for e in data["male" if (gender or p.gender) == "m" else "female"]
                   if e[0] != p.given[0]]  # fmt: skip
        return tuple(self.rng.choice(options))

    def siblings(self, n: int) -> None:
        for _ in range(n):
            p = self.person()
            gender = self.rng.choice("mf")
            sib = replace(p, gender=gender, given=self.other_given(p, gender),
                          year=p.year + self.rng.choice([-5, -3, -2, -1, 1, 2, 4, 7]),
                          month=self.rng.randint(1, 12))  # fmt: skip
            fa, fb = self.two_spellings(p.family)
            self.add("siblings", False, record(p, f=fa), record(sib, f=fb))

    def twins(self, n: int) -> None:
        for i in range(n):
            if i % 2 == 0:
                gender = self.rng.choice("mf")
                ga, gb = self.rng.choice(CONFUSABLE_GIVEN[gender])
                p = replace(self.person(gender=gender), given=(ga,))
                twin = replace(p, given=(gb,))
            else:
                p = self.person()
                twin = replace(p, given=self.other_given(p))
            dob = "full" if i % 5 else "placeholder"
            self.add("twins", False, record(p, dob=dob), record(twin, dob=dob))

    def father_son(self, n: int) -> None:
        for i in range(n):
            p = self.person(gender="m")
            son = replace(p, year=p.year + self.rng.randint(18, 42), month=self.rng.randint(1, 12))
            if son.year > 2024:
                p, son = replace(p, year=p.year - 40), replace(son, year=son.year - 40)
            fa, fb = self.two_spellings(p.family)
            dob = ("full", "placeholder", "year")[i % 3]
            if i % 4 == 0:  # the mother and her daughter
                p, son = replace(p, gender="f"), replace(son, gender="f")
                p = replace(p, given=self.other_given(p, "f"))
                son = replace(son, given=p.given)
            self.add("father_son", False, record(p, f=fa, dob=dob), record(son, f=fb, dob=dob))

    def common_same_year(self, n: int) -> None:
        pops = list(COMMON)
        for i in range(n):
            pop = pops[i % len(pops)]
            male, female, family = COMMON[pop]
            gender = "m" if i % 3 else "f"
            given = self.rng.choice(male if gender == "m" else female)
            p = replace(self.person(pop, gender), given=(given,),
                        family=(self.rng.choice(family),))  # fmt: skip
            month, day = p.month, p.day
            while (month, day) in ((p.month, p.day), (p.day, p.month)) or (
                month == p.month and abs(day - p.day) < 2
            ):
                month, day = self.rng.randint(1, 12), self.rng.randint(2, 28)
            other = replace(p, month=month, day=day)
            kind = i % 5
            if kind < 3:
                self.add("common_name_same_year", False, record(p), record(other))
            elif kind in (2, 3):
                self.add("common_name_same_year", False, record(p), record(other, dob="year"))
            else:
                self.add("common_name_same_year", False, record(p, dob="placeholder"),
                         record(other, dob="year"))  # fmt: skip

    def different_gender(self, n: int) -> None:
        for i in range(n):
            gm, gf = GENDER_PAIRS[i % len(GENDER_PAIRS)]
            p = replace(self.person(gender="m"), given=(gm,))
            q = replace(p, gender="f", given=(gf,))
            if i % 3 == 0:
                q = replace(q, year=q.year + self.rng.choice([-2, -1, 1, 3]))
            self.add("different_gender", False, record(p), record(q))

    def similar_names(self, n: int) -> None:
        for i in range(n):
            gender = self.rng.choice("mf")
            ga, gb = self.rng.choice(CONFUSABLE_GIVEN[gender])
            p = replace(self.person(gender=gender), given=(ga,))
            q = replace(self.person(p.pop, gender), given=(gb,), year=p.year)
            if i % 2:  # same family name as well, born the same year, dates differ
                q = replace(q, family=p.family, country=p.country)
                dob = "full" if i % 3 else "year"
                self.add("similar_names", False, record(p, dob=dob), record(q))
            else:
                self.add("similar_names", False, record(p), record(q))

    def unrelated(self, n: int) -> None:
        for _ in range(n):
            self.add("unrelated", False, record(self.person()), record(self.person()))

    def build(self) -> list[dict]:
        for pop, n in (("arabic", 45), ("persian_dari_pashto", 40), ("kurdish", 30),
                       ("tigrinya", 35), ("russian_ukrainian", 45), ("turkish", 30),
                       ("german", 25)):  # fmt: skip
            self.transliteration(pop, n)
        self.name_order(30)
        self.particles(30)
        self.middle_names(30)
        self.typos(45)
        self.original_script(40)
        self.unreliable_dates(45)
        self.siblings(45)
        self.twins(40)
        self.father_son(36)
        self.common_same_year(40)
        self.different_gender(35)
        self.similar_names(40)
        self.unrelated(20)
        for n, (category, duplicate, a, b) in enumerate(HARD_CASES, 1):
            self.pairs.append({"id": f"hand-{n:03d}", "category": category,
                               "duplicate": duplicate, "a": _p(*a), "b": _p(*b)})  # fmt: skip
        return self.pairs


def _p(given, family, dob=None, gender=None, country=None, nationality=None) -> dict:
    return {"given_names": given, "family_name": family, "date_of_birth": dob,
            "gender": gender, "country_of_birth": country, "nationality": nationality}  # fmt: skip


# (category, duplicate, (given, family, dob, gender, country_of_birth, nationality), (...))
HARD_CASES = [
    ("arabic_translit", True, ("Mohammed", "Al-Hassan", "1990-03-05", "m", "SY", "SY"),
     ("Muhammad", "Alhasan", "1990-03-05", "m", "SY", "SY")),
    ("name_order", True, ("Mohammed", "Al-Hassan", "1990-03-05", "m", "SY"),
     ("", "ALHASAN, Mohamad", "1990-03-05", "m", "SY")),
    ("name_order", True, ("Muhammad", "Alhasan", "1990-03-05", "m"),
     ("Alhasan", "Mohamad", "1990-03-05", "m")),
    ("russian_ukrainian", True, ("Taras", "Шевченко", "1985-07-12", "m", "UA"),
     ("Taras", "Schewtschenko", "1985-07-12", "m", "UA")),
    ("russian_ukrainian", True, ("Taras", "Sevcenko", "1985-07-12", "m"),
     ("Taras", "Shevchenko", "1985-07-12", "m")),
    ("turkish_letters", True, ("Ayşe", "Çelik", "1979-11-02", "f", "TR"),
     ("Ayse", "Celik", "1979-11-02", "f", "TR")),
    ("german_umlauts", True, ("Jürgen", "Müller", "1962-04-30", "m", "DE"),
     ("Juergen", "Mueller", "1962-04-30", "m", "DE")),
    ("german_umlauts", True, ("Hans-Jürgen", "Groß", "1958-09-14", "m"),
     ("Hans Juergen", "Gross", "1958-09-14", "m")),
    ("birth_date_unreliable", True, ("Gholam Hossein", "Stanikzai", "1990-01-01", "m", "AF"),
     ("Ghulam Husain", "Stanekzai", "1990", "m", "AF")),
    ("birth_date_unreliable", True, ("Berhane", "Gebremedhin", "1994-03-11", "m", "ER"),
     ("Birhane", "Gebre Medhin", "1994-11-03", "m", "ER")),
    ("birth_date_unreliable", True, ("Nechirvan", "Barzani", "1988-06-21", "m", "IQ"),
     ("Netschirwan", "Barsani", "1988", "m", "IQ")),
    ("original_script", True, ("محمد", "الحسن", "1990-03-05", "m", "SY"),
     ("Mohammed", "Al-Hassan", "1990-03-05", "m", "SY")),
    ("original_script", True, ("ዮሃንስ", "ገብረመድህን", "1992-02-14", "m", "ER"),
     ("Yohannes", "Gebremedhin", "1992-02-14", "m", "ER")),
    ("original_script", True, ("Юлия", "Ковальчук", "1996-08-09", "f", "UA"),
     ("Julija", "Kowaltschuk", "1996-08-09", "f", "UA")),
    ("original_script", True, ("عبدالرحمن", "الخطيب", "1983-05-17", "m"),
     ("Abdul Rahman", "El Khatib", "1983-05-17", "m")),
    ("particles", True, ("Omar", "bin Laden", "1975-10-10", "m"),
     ("Omar", "Laden", "1975-10-10", "m")),
    ("particles", True, ("Abd al-Rahman", "Ould Cheikh", "1980-02-02", "m", "MR"),
     ("Abdurrahman", "Ould Sheikh", "1980-02-02", "m", "MR")),
    ("particles", True, ("Nasr al-Din", "Hamdan", "1971-12-01", "m"),
     ("Nasreddine", "Hamdan", "1971-12-01", "m")),
    ("middle_names", True, ("Mohammad Reza", "Ahmadi", "1987-06-02", "m", "AF"),
     ("Reza", "Ahmadi", "1987-06-02", "m", "AF")),
    ("middle_names", True, ("Tesfay", "Gebremedhin Haile", "1991-09-09", "m", "ER"),
     ("Tesfay", "Gebremedhin", "1991-09-09", "m", "ER")),
    ("typos", True, ("Mohammed", "Al-Hassan", "1990-03-05", "m"),
     ("Mohamemd", "Al-Hassan", "1990-03-05", "m")),
    ("typos", True, ("Yevgeniya", "Solovyova", "2001-04-22", "f"),
     ("Yevgeniya", "Solovoyva", "2001-04-22", "f")),
    # negatives the brief names
    ("common_name_same_year", False, ("Mohammad", "Ahmadi", "1990-04-12", "m", "AF", "AF"),
     ("Mohammad", "Ahmadi", "1990-09-30", "m", "AF", "AF")),
    ("common_name_same_year", False, ("Mohammad", "Ahmadi", "1990", "m", "AF", "AF"),
     ("Mohammad", "Ahmadi", "1990", "m", "AF", "AF")),
    ("common_name_same_year", False, ("Mohammad", "Ahmadi", "1990-01-01", "m", "AF"),
     ("Muhammad", "Ahmady", "1990-07-19", "m", "AF")),
    ("twins", False, ("Hassan", "Al-Hassan", "2001-05-05", "m", "SY"),
     ("Hussein", "Al-Hassan", "2001-05-05", "m", "SY")),
    ("twins", False, ("Mahmoud", "Haddad", "2003-02-17", "m", "SY"),
     ("Mohammed", "Haddad", "2003-02-17", "m", "SY")),
    ("twins", False, ("Sara", "Karimi", "2010-01-01", "f", "AF"),
     ("Zahra", "Karimi", "2010-01-01", "f", "AF")),
    ("twins", False, ("Olga", "Shevchenko", "1999-12-24", "f", "UA"),
     ("Olena", "Shevchenko", "1999-12-24", "f", "UA")),
    ("siblings", False, ("Ali", "Rahimi", "1995", "m", "AF"),
     ("Alia", "Rahimi", "1997", "f", "AF")),
    ("siblings", False, ("Jamal", "Al-Masri", "1988-03-01", "m"),
     ("Jamil", "Al-Masri", "1990-07-15", "m")),
    ("father_son", False, ("Ahmad", "Karimi", "1965-01-01", "m", "AF"),
     ("Ahmad", "Karimi", "1995-01-01", "m", "AF")),
    ("father_son", False, ("Mohammed", "Al-Hassan", "1960", "m", "SY"),
     ("Mohammed", "Al-Hassan", "1990-03-05", "m", "SY")),
    ("father_son", False, ("Yohannes", "Tesfay", "1968-05-05", "m", "ER"),
     ("Yohannes", "Tesfay", "1998-05-05", "m", "ER")),
    ("different_gender", False, ("Nour", "Haddad", "2000-06-06", "m", "SY"),
     ("Nour", "Haddad", "2000-06-06", "f", "SY")),
    ("different_gender", False, ("Yevgeniy", "Ivanov", "1993-10-03", "m"),
     ("Yevgeniya", "Ivanova", "1993-10-03", "f")),
    ("similar_names", False, ("Mohammad", "Ahmadi", "1992-03-03", "m", "AF"),
     ("Mohammad", "Ahmadzai", "1992-03-03", "m", "AF")),
    ("similar_names", False, ("Karim", "Hosseini", "1985", "m", "AF"),
     ("Rahim", "Hosseini", "1985", "m", "AF")),
    ("similar_names", False, ("Mohammad Reza", "Hashemi", "1979-08-08", "m", "IR"),
     ("Mohammad Ali", "Hashemi", "1979-08-08", "m", "IR")),
    ("similar_names", False, ("Amir", "Haddad", "1994-05-20", "m"),
     ("Amer", "Haddad", "1994-05-20", "m")),
]  # fmt: skip


def main(argv: list[str]) -> None:
    out = Path(argv[1]) if len(argv) > 1 else OUT
    pairs = Generator().build()
    with out.open("w", encoding="utf-8") as fh:
        for pair in pairs:
            fh.write(json.dumps(pair, ensure_ascii=False) + "\n")
    print(f"{len(pairs)} pairs -> {out}")


if __name__ == "__main__":
    main(sys.argv)
