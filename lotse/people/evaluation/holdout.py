"""A small held-out set: names that appear nowhere in names.py or the matcher's
tables, written after the weights were tuned. Its figures are the honest ones.

    uv run python -m lotse.people.evaluation.holdout   # writes holdout.jsonl
    uv run lotse evaluate_matching lotse/people/evaluation/holdout.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).with_name("holdout.jsonl")

# (category, duplicate, (given, family, dob, gender, country), (...))
CASES = [
    ("arabic_translit", True, ("Abdelkarim", "Al-Zoubi", "1982-04-09", "m", "SY"),
     ("Abdul Karim", "Alzubi", "1982-04-09", "m", "SY")),
    ("arabic_translit", True, ("Ghaith", "Al-Rifai", "1995-08-30", "m", "SY"),
     ("Ghaeth", "Alrifaai", "1995-08-30", "m", "SY")),
    ("arabic_translit", True, ("Wissam", "Qabbani", "1979-02-14", "m", "LB"),
     ("Wisam", "Kabbani", "1979-02-14", "m", "LB")),
    ("arabic_translit", True, ("Radwan", "Shehadeh", "1988-12-01", "m", "PS"),
     ("Redwan", "Schehade", "1988-12-01", "m", "PS")),
    ("arabic_translit", True, ("Mouna", "Boukhari", "1991-07-07", "f", "MA"),
     ("Muna", "Bukhari", "1991-07-07", "f", "MA")),
    ("persian_dari_pashto", True, ("Shukrullah", "Mangal", "1993-01-01", "m", "AF"),
     ("Schukrullah", "Mangal", "1993", "m", "AF")),
    ("persian_dari_pashto", True, ("Farzaneh", "Tavakoli", "1986-05-19", "f", "IR"),
     ("Farzana", "Tawakoli", "1986-05-19", "f", "IR")),
    ("persian_dari_pashto", True, ("Zalmai", "Achekzai", "1990-03-21", "m", "AF"),
     ("Zalmay", "Atschakzai", "1990-03-21", "m", "AF")),
    ("persian_dari_pashto", True, ("Khatera", "Ghafoori", "2001-11-11", "f", "AF"),
     ("Chatera", "Gafuri", "2001-11-11", "f", "AF")),
    ("kurdish", True, ("Şêrwan", "Berwarî", "1984-06-06", "m", "IQ"),
     ("Sherwan", "Berwari", "1984-06-06", "m", "IQ")),
    ("kurdish", True, ("Jînda", "Hecî", "1999-09-15", "f", "SY"),
     ("Jinda", "Haji", "1999-09-15", "f", "SY")),
    ("tigrinya", True, ("Medhanie", "Tesfazghi", "1996-02-02", "m", "ER"),
     ("Medhane", "Tesfazgi", "1996-02-02", "m", "ER")),
    ("tigrinya", True, ("Yemane", "Gebreslassie", "1989-10-10", "m", "ER"),
     ("Yemane", "Gebre Selassie", "1989-10-10", "m", "ER")),
    ("russian_ukrainian", True, ("Вікторія", "Кириленко", "1994-04-04", "f", "UA"),
     ("Viktoriia", "Kyrylenko", "1994-04-04", "f", "UA")),
    ("russian_ukrainian", True, ("Aleksandra", "Shchukina", "1987-12-12", "f", "RU"),
     ("Alexandra", "Schtschukina", "1987-12-12", "f", "RU")),
    ("russian_ukrainian", True, ("Vasyl", "Ostapchuk", "1970-07-25", "m", "UA"),
     ("Wasyl", "Ostaptschuk", "1970-07-25", "m", "UA")),
    ("turkish_letters", True, ("Çağrı", "Kuşçu", "1992-03-03", "m", "TR"),
     ("Cagri", "Kuscu", "1992-03-03", "m", "TR")),
    ("german_umlauts", True, ("Lütfiye", "Büyükkaya", "1975-05-05", "f", "DE"),
     ("Luetfiye", "Bueyuekkaya", "1975-05-05", "f", "DE")),
    ("name_order", True, ("Dawit", "Woldu", "1985-08-08", "m", "ER"),
     ("Woldu", "Dawit", "1985-08-08", "m", "ER")),
    ("particles", True, ("Karim", "Ben Salah", "1983-03-30", "m", "TN"),
     ("Karim", "Bensalah", "1983-03-30", "m", "TN")),
    ("middle_names", True, ("Sayed Mohammad Nasim", "Sadaat", "1994-09-09", "m", "AF"),
     ("Nasim", "Sadaat", "1994-09-09", "m", "AF")),
    ("typos", True, ("Bashar", "Qaddour", "1990-10-20", "m", "SY"),
     ("Bashar", "Qadodur", "1990-10-20", "m", "SY")),
    ("original_script", True, ("مجتبی", "نوری", "1997-06-16", "m", "IR"),
     ("Mojtaba", "Nouri", "1997-06-16", "m", "IR")),
    ("birth_date_unreliable", True, ("Tamerlan", "Dudaev", "2000-11-05", "m", "RU"),
     ("Tamerlan", "Dudajew", "2000-05-11", "m", "RU")),
    # different people
    ("twins", False, ("Hasan", "Uzun", "2004-02-29", "m", "TR"),
     ("Huseyin", "Uzun", "2004-02-29", "m", "TR")),
    ("twins", False, ("Rawan", "Al-Zoubi", "2012-06-06", "f", "SY"),
     ("Rahaf", "Al-Zoubi", "2012-06-06", "f", "SY")),
    ("twins", False, ("Filmon", "Woldu", "1999-01-01", "m", "ER"),
     ("Kibrom", "Woldu", "1999-01-01", "m", "ER")),
    ("siblings", False, ("Shukrullah", "Mangal", "1993", "m", "AF"),
     ("Nasrullah", "Mangal", "1995", "m", "AF")),
    ("siblings", False, ("Vasyl", "Ostapchuk", "1970-07-25", "m", "UA"),
     ("Vasylyna", "Ostapchuk", "1973-02-11", "f", "UA")),
    ("father_son", False, ("Radwan", "Shehadeh", "1958-12-01", "m", "PS"),
     ("Radwan", "Shehadeh", "1988-12-01", "m", "PS")),
    ("father_son", False, ("Tamerlan", "Dudaev", "1975", "m", "RU"),
     ("Tamerlan", "Dudaev", "2000", "m", "RU")),
    ("common_name_same_year", False, ("Ahmad", "Noori", "1996", "m", "AF"),
     ("Ahmad", "Nouri", "1996-03-15", "m", "AF")),
    ("common_name_same_year", False, ("Mehmet", "Yilmaz", "1980-02-03", "m", "TR"),
     ("Mehmet", "Yılmaz", "1980-10-17", "m", "TR")),
    ("different_gender", False, ("Jihad", "Qabbani", "1990-01-15", "m", "LB"),
     ("Jihad", "Qabbani", "1990-01-15", "f", "LB")),
    ("similar_names", False, ("Rawan", "Haddadin", "1993-03-03", "f", "JO"),
     ("Rawan", "Haddad", "1993-03-03", "f", "JO")),
    ("similar_names", False, ("Samer", "Kabbani", "1979-02-14", "m", "LB"),
     ("Samir", "Kabbani", "1979-02-14", "m", "LB")),
]  # fmt: skip


def _p(given, family, dob, gender, country):
    return {"given_names": given, "family_name": family, "date_of_birth": dob,
            "gender": gender, "country_of_birth": country, "nationality": country}  # fmt: skip


def main(argv: list[str]) -> None:
    out = Path(argv[1]) if len(argv) > 1 else OUT
    with out.open("w", encoding="utf-8") as fh:
        for n, (category, duplicate, a, b) in enumerate(CASES, 1):
            pair = {"id": f"holdout-{n:03d}", "category": category, "duplicate": duplicate,
                    "a": _p(*a), "b": _p(*b)}  # fmt: skip
            fh.write(json.dumps(pair, ensure_ascii=False) + "\n")
    print(f"{len(CASES)} pairs -> {out}")


if __name__ == "__main__":
    main(sys.argv)
