"""Reading an uploaded table (XLSX or CSV) into rows of cells, and writing a CSV file:
shared by the imports and exports.

Only the reading is shared; which columns a file must have and what a row means is
each import's own (lotse.directory.spreadsheet, lotse.people.import_file).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

MAX_BYTES = 5 * 1024 * 1024


class ImportFileError(Exception):
    """The file as a whole cannot be read: nothing is imported."""


@dataclass(frozen=True)
class Column:
    """A column of an import file, as the page describing the file lists it."""

    name: str
    required: bool
    help: Any  # lazy translation
    example: str = ""


@dataclass(frozen=True)
class RowError:
    """A bad row of an import file: its row number (the header is row 1) and why."""

    row: int
    reasons: list[str]


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


# What a file may unpack to, and hold, before reading stops: a small file must not be
# able to fill the memory (a compressed workbook, a cell far down or far right).
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_COLUMNS = 200
MAX_EMPTY_ROWS = 10_000


def read_table(data: bytes, filename: str, *, max_rows: int) -> list[list[Any]]:
    """The rows of the first sheet (XLSX) or of the CSV file, header included; an empty
    row stays as []. Reading stops after `max_rows` filled rows below the header, so a
    caller that finds more than `max_rows` says the file is too long."""
    if len(data) > MAX_BYTES:
        raise ImportFileError(_("The file is larger than 5 MB."))
    name = filename.lower()
    if name.endswith(".xlsx"):
        rows = _read_xlsx(data)
    elif name.endswith(".csv"):
        rows = _read_csv(data)
    else:
        raise ImportFileError(_("Please upload an XLSX or CSV file."))
    return _bounded(rows, max_rows)


def _bounded(rows: Iterator[list[Any]], max_rows: int) -> list[list[Any]]:
    table: list[list[Any]] = []
    filled = empty = 0
    for row in rows:
        if any(cell not in (None, "") for cell in row):
            table.append(row[:MAX_COLUMNS])
            filled += 1
            if filled > max_rows + 1:  # the header and one row too many
                break
        else:
            table.append([])
            empty += 1
            if empty > MAX_EMPTY_ROWS:
                raise ImportFileError(
                    _("The file has more than %(max)s empty rows; please remove them.")
                    % {"max": MAX_EMPTY_ROWS}
                )
    while table and not table[-1]:
        table.pop()
    return table


def _read_xlsx(data: bytes) -> Iterator[list[Any]]:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as error:
        raise ImportFileError(_("The file could not be read as an XLSX workbook.")) from error
    if unpacked > MAX_UNPACKED_BYTES:
        raise ImportFileError(_("The workbook is too large when unpacked; please split it."))
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise ImportFileError(_("The file could not be read as an XLSX workbook.")) from error
    try:
        for row in rows:
            yield list(row)
    except Exception as error:
        raise ImportFileError(_("The file could not be read as an XLSX workbook.")) from error
    finally:
        workbook.close()


def _read_csv(data: bytes) -> Iterator[list[Any]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    first_line = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    try:
        yield from csv.reader(io.StringIO(text), delimiter=delimiter)
    except csv.Error as error:  # a field longer than the csv module allows, a NUL byte ...
        raise ImportFileError(_("The file could not be read as CSV.")) from error


def write_csv(header: list[str], rows: list[list[Any]]) -> bytes:
    """UTF-8 with BOM and ';' as separator, as German spreadsheet programs expect."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(header)
    writer.writerows([[cell_text(v) for v in row] for row in rows])
    return buffer.getvalue().encode("utf-8-sig")
