"""Register import: all-or-nothing with row errors; pre-screening; likely language."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import Workbook

from lotse.naturalisation import register

TODAY = dt.date(2026, 11, 15)
HEADER = "name;birth_date;nationality;entry_date;residence_title;residence_purpose;address\n"
GOOD = "Amal Haddad;1990-02-01;SY;2019-05-01;aufenthaltserlaubnis;25_2;Kölner Str. 1\n"


def rows(text: str):
    return register.read_rows("list.csv", (HEADER + text).encode())


def test_a_clean_csv_gives_clean_rows():
    clean, errors = register.validate(rows(GOOD), TODAY)
    assert errors == []
    assert clean[0]["birth_date"] == dt.date(1990, 2, 1)
    assert clean[0]["row"] == 2


def test_one_bad_row_rejects_the_whole_file_and_names_the_row():
    clean, errors = register.validate(
        rows(GOOD + "Bad;31.02.1990;IQ;2020-01-01;duldung;;X\n" + GOOD), TODAY
    )
    assert clean == []
    assert [e.row for e in errors] == [3]


@pytest.mark.parametrize(
    "line",
    [
        ";1990-01-01;SY;2019-01-01;duldung;;X\n",  # name empty
        "A;1990-01-01;SY;2019-01-01;blue;;X\n",  # unknown title
        "A;1990-01-01;SY;2030-01-01;duldung;;X\n",  # entry in the future
        "A;2000-01-01;SY;1999-01-01;duldung;;X\n",  # entry before birth
    ],
)
def test_row_rules(line):
    _clean, errors = register.validate(rows(line), TODAY)
    assert len(errors) >= 1 and errors[0].row == 2


def test_missing_column_is_an_error_for_the_file():
    with pytest.raises(register.RegisterError):
        register.read_rows("list.csv", b"name;birth_date\nA;1990-01-01\n")


def test_other_formats_are_refused():
    with pytest.raises(register.RegisterError):
        register.read_rows("list.pdf", b"%PDF")


def test_xlsx_with_german_headers_and_real_dates_is_read():
    book = Workbook()
    sheet = book.active
    sheet.append(
        [
            "Name",
            "Geburtsdatum",
            "Staatsangehörigkeit",
            "Einreise",
            "Aufenthaltstitel",
            "Zweck",
            "Anschrift",
        ]
    )
    sheet.append(
        [
            "Olena K.",
            dt.datetime(1985, 3, 3),  # noqa: DTZ001  (Excel dates are naive)
            "UA",
            dt.datetime(2022, 3, 10),  # noqa: DTZ001
            "aufenthaltserlaubnis",
            "24",
            "Weg 2",
        ]
    )
    buffer = io.BytesIO()
    book.save(buffer)
    records = register.read_rows("list.xlsx", buffer.getvalue())
    clean, errors = register.validate(records, TODAY)
    assert errors == [] and clean[0]["entry_date"] == dt.date(2022, 3, 10)


def test_screening_now_soon_and_not_with_reasons():
    base = {"birth_date": dt.date(1990, 1, 1), "nationality": "SY", "address": "X", "name": "A"}
    now = register.screen(
        {
            **base,
            "residence_title": "niederlassungserlaubnis",
            "residence_purpose": "",
            "entry_date": dt.date(2020, 1, 1),
        },
        TODAY,
    )
    soon = register.screen(
        {
            **base,
            "residence_title": "duldung",
            "residence_purpose": "",
            "entry_date": dt.date(2021, 3, 1),
        },
        TODAY,
    )
    excluded = register.screen(
        {
            **base,
            "residence_title": "aufenthaltserlaubnis",
            "residence_purpose": "16b",
            "entry_date": dt.date(2015, 1, 1),
        },
        TODAY,
    )
    assert (now.category, now.check) == ("now", "stag10")
    assert (soon.category, soon.check, soon.eligible_from) == (
        "soon",
        "aufenthg25b",
        dt.date(2027, 3, 1),
    )
    assert excluded.category == "not" and "16b" in excluded.reason_de


def test_likely_language_follows_nationality():
    assert register.likely_language("SY") == "ar"
    assert register.likely_language("af") == "fa"
    assert register.likely_language("UA") == "uk"
    assert register.likely_language("TR") == "tr"
    assert register.likely_language("IN") == "en"
