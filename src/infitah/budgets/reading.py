"""Reading an uploaded budget file into rows of text, before any checking of their content.

CSV: UTF-8 with or without its byte-order mark, columns separated by `,` or `;` (whichever the header uses).
XLSX: the first sheet; a merged cell's value applies to every cell it spans (a section written once beside
several chapters); formulas are read as their text, never run. Empty rows are skipped in both. Each row keeps
the line number a person sees in their spreadsheet, so every error can name it.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from django.utils.translation import gettext as _

COLUMNS = ("section", "direction", "chapter", "label_ar", "label_fr", "planned", "executed")
REQUIRED = ("section", "direction", "chapter", "planned")
MAX_ROWS = 5000
BOM = "\ufeff"


class FileRefused(Exception):
    """The file as a whole cannot be read (its encoding, its columns…): nothing of it is imported."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Row:
    line: int
    cells: dict[str, str]
    extra: bool = False  # more cells than the header has columns


def read(name: str, content: bytes) -> list[Row]:
    if name.lower().endswith(".xlsx"):
        return _rows(_xlsx_table(content))
    return _rows(_csv_table(content))


def _csv_table(content: bytes) -> list[tuple[int, list[str]]]:
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        raise FileRefused(
            _(
                "The file is not UTF-8 text (a character at byte %(position)s cannot be read): save it again as "
                "“CSV UTF-8” and import it again."
            )
            % {"position": error.start + 1}
        ) from error
    text = text.removeprefix(BOM)
    if "\x00" in text:
        raise FileRefused(_("The file is not a text file."))
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    table = []
    try:
        for cells in reader:
            table.append((reader.line_num, cells))
            if len(table) > MAX_ROWS + 1:
                break
    except csv.Error as error:
        raise FileRefused(_("The file is not a valid CSV file (line %(line)s).") % {"line": reader.line_num}) from error
    return table


def _xlsx_table(content: bytes) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    try:
        # Not read-only: the merged ranges are only known to a fully loaded sheet (the file is a few MB at most).
        workbook = load_workbook(io.BytesIO(content), data_only=False)
    except Exception as error:  # noqa: BLE001 - openpyxl raises many kinds for a broken archive
        raise FileRefused(_("The file is not a readable Excel workbook (.xlsx).")) from error
    sheet = workbook.worksheets[0]
    if sheet.max_row > MAX_ROWS + 1:
        raise _too_many()
    for merged in list(sheet.merged_cells.ranges):
        value = sheet.cell(merged.min_row, merged.min_col).value
        sheet.unmerge_cells(str(merged))
        for row in range(merged.min_row, merged.max_row + 1):
            for column in range(merged.min_col, merged.max_col + 1):
                sheet.cell(row, column).value = value
    table = []
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        table.append((number, ["" if value is None else _cell_text(value) for value in values]))
    return table


def _cell_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _too_many() -> FileRefused:
    return FileRefused(_("The file has more than %(count)s lines: split it.") % {"count": MAX_ROWS})


def _rows(table: list[tuple[int, list[str]]]) -> list[Row]:
    filled = [(line, [cell.strip() for cell in cells]) for line, cells in table if any(cell.strip() for cell in cells)]
    if not filled:
        raise FileRefused(_("The file is empty: it needs a header line and at least one budget line."))
    if len(filled) > MAX_ROWS + 1:
        raise _too_many()
    (_line, header), body = filled[0], filled[1:]
    names = [cell.lower().removeprefix(BOM) for cell in header]
    while names and not names[-1]:
        names.pop()
    unknown = [name or "?" for name in names if name not in COLUMNS]
    missing = [name for name in REQUIRED if name not in names]
    if unknown or missing or len(set(names)) != len(names):
        raise FileRefused(_columns_message(names, unknown, missing))
    if not body:
        raise FileRefused(_("The file has a header line but no budget line."))
    rows = []
    for line, cells in body:
        values = dict(zip(names, cells, strict=False))
        extra = any(cells[len(names) :])
        rows.append(Row(line, {name: values.get(name, "") for name in COLUMNS}, extra))
    return rows


def _columns_message(names: list[str], unknown: list[str], missing: list[str]) -> str:
    parts = []
    if len(names) == 1 and ("\t" in names[0] or "|" in names[0]):
        parts.append(_("The columns must be separated by commas (,) or semicolons (;)."))
    else:
        if missing:
            parts.append(_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})
        if unknown:
            parts.append(_("Unknown columns: %(columns)s.") % {"columns": ", ".join(unknown)})
        if not missing and not unknown:
            parts.append(_("A column appears twice in the header."))
    parts.append(_("The header line must name these columns: %(columns)s.") % {"columns": ", ".join(COLUMNS)})
    return " ".join(parts)
