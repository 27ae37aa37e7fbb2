"""The three formats a dataset downloads in, each written in constant memory from `core.datasets.table()`.

- CSV: through `core.csv` (formulas neutralised), UTF-8 with a byte-order mark so spreadsheets read the Arabic.
- JSON: an array of objects (one per row, keyed by the column names), written row by row. Dates and times are ISO
  8601 text; a Decimal is written as text ("12.50"), to keep its exact value (a JSON number is a float to most
  readers); None is null. Nothing is neutralised: JSON is read by programs, not spreadsheets.
- XLSX: openpyxl in write-only mode (a row is written to the file and forgotten) into a temporary file, then
  streamed. Text cells are neutralised like CSV (openpyxl would store "=…" as a live formula) and stripped of the
  control characters the XLSX format forbids; dates and times are ISO text (a spreadsheet cell holds no time zone).

Each writer takes the rows (header first) as an iterator, so it never holds more than one row.
"""

from __future__ import annotations

import datetime
import decimal
import json
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from django.utils.encoding import force_str
from django.utils.functional import Promise

from infitah.core import csv as safe_csv


@dataclass(frozen=True)
class Format:
    key: str  # the file's extension and the address's last part
    media_type: str
    label: str  # the format's own name, not translated


CSV = Format("csv", "text/csv; charset=utf-8", "CSV")
JSON = Format("json", "application/json", "JSON")
XLSX = Format("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX")
FORMATS = {format.key: format for format in (CSV, JSON, XLSX)}

# How many rows go into one chunk of a streamed response: fewer writes to the socket, a bounded chunk.
ROWS_PER_CHUNK = 500


def _batched(lines: Iterable[str]) -> Iterator[str]:
    batch: list[str] = []
    for line in lines:
        batch.append(line)
        if len(batch) >= ROWS_PER_CHUNK:
            yield "".join(batch)
            batch = []
    if batch:
        yield "".join(batch)


def csv_chunks(table: Iterator[list[Any]]) -> Iterator[str]:
    writer = safe_csv.writer()
    yield safe_csv.BOM
    yield from _batched(writer.writerow([_plain(cell) for cell in row]) for row in table)


def _plain(value: Any) -> Any:
    """A cell as text or a number: what CSV and XLSX hold."""
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, Promise):
        return force_str(value)
    return value


def json_value(value: Any) -> Any:
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | Promise):
        return str(value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def json_chunks(table: Iterator[list[Any]]) -> Iterator[str]:
    """A valid JSON array whatever the number of rows (`[]` for none), one object per row."""
    header = next(table)

    def objects() -> Iterator[str]:
        for index, row in enumerate(table):
            text = json.dumps(
                {name: json_value(cell) for name, cell in zip(header, row, strict=True)}, ensure_ascii=False
            )
            yield ("[\n" if index == 0 else ",\n") + text
        yield "\n]\n"

    chunks = _batched(objects())
    first = next(chunks)
    # With no row, objects() yields only the closing bracket: the array is empty.
    yield "[]\n" if first == "\n]\n" else first
    yield from chunks


def xlsx_cell(value: Any) -> Any:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # type: ignore[import-untyped]

    value = _plain(value)
    if isinstance(value, decimal.Decimal):
        return value
    cell = safe_csv.safe_cell(value)
    if isinstance(cell, str):
        return ILLEGAL_CHARACTERS_RE.sub("", cell)
    return cell


def write_xlsx(table: Iterator[list[Any]], out: IO[bytes], *, sheet_title: str = "data") -> None:
    from openpyxl import Workbook  # type: ignore[import-untyped]

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title[:31])
    for row in table:
        sheet.append([xlsx_cell(value) for value in row])
    workbook.save(out)


def xlsx_file(table: Iterator[list[Any]], *, sheet_title: str = "data") -> IO[bytes]:
    """The workbook in a temporary file, rewound; the file disappears when closed (FileResponse closes it)."""
    out = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 — handed to the response, which closes it
    write_xlsx(table, out, sheet_title=sheet_title)
    out.seek(0)
    return out
