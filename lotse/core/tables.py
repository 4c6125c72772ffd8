"""Reading an uploaded table (XLSX or CSV) into rows of cells, and writing a CSV file:
shared by the imports and exports.

Only the reading is shared; which columns a file must have and what a row means is
each import's own (lotse.directory.spreadsheet, lotse.people.import_file).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

from django.utils.translation import gettext as _

MAX_BYTES = 5 * 1024 * 1024


class ImportFileError(Exception):
    """The file as a whole cannot be read: nothing is imported."""


def cell_text(value: Any) -> str:
    """A cell as text: whole numbers without ".0", dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def read_table(data: bytes, filename: str) -> list[list[Any]]:
    """The rows of the first sheet (XLSX) or of the CSV file, header included."""
    if len(data) > MAX_BYTES:
        raise ImportFileError(_("The file is larger than 5 MB."))
    name = filename.lower()
    if name.endswith(".xlsx"):
        return _read_xlsx(data)
    if name.endswith(".csv"):
        return _read_csv(data)
    raise ImportFileError(_("Please upload an XLSX or CSV file."))


def _read_xlsx(data: bytes) -> list[list[Any]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        workbook.close()
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise ImportFileError(_("The file could not be read as an XLSX workbook.")) from error
    return rows


def _read_csv(data: bytes) -> list[list[Any]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    first_line = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    return [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def write_csv(header: list[str], rows: list[list[Any]]) -> bytes:
    """UTF-8 with BOM and ';' as separator, as German spreadsheet programs expect."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(header)
    writer.writerows([[cell_text(v) for v in row] for row in rows])
    return buffer.getvalue().encode("utf-8-sig")
