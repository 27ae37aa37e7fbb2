"""The one way the platform writes CSV: every text cell that a spreadsheet would read as a formula is neutralised.

A cell beginning with `=`, `+`, `-` or `@` (or a tab or carriage return, which some spreadsheets skip before
reading a formula; or their full-width forms) is run as a formula when the file is opened: a contribution
reading `=HYPERLINK("http://…")` would become a live link in the report of a public consultation. Such a cell is
written with a leading apostrophe, which spreadsheets show as text and do not display. Numbers stay numbers.

    writer = safe_csv.writer(out)           # out: a file-like object; writer() alone returns each line
    writer.writerow(["=1+1", 3])            # writes: '=1+1,3

Use this module for every CSV the platform writes (never `csv.writer` directly).
"""

import csv
from collections.abc import Iterable
from typing import Any, Protocol

# What a spreadsheet may read as the start of a formula (OWASP "CSV injection"), with the full-width forms that
# some spreadsheets fold to their ASCII equivalents.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")

# The byte-order mark written first so that spreadsheets read the Arabic as UTF-8.
BOM = "\ufeff"


def safe_cell(value: object) -> bool | int | float | str:
    """The cell as it is safe to write: text that could start a formula gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return value
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


class Writable(Protocol):
    """What a csv writer writes to: a file, an HTTP response, or _Echo."""

    def write(self, value: str, /) -> Any: ...


class _Echo:
    """A file that hands back what is written to it, so a writer can stream a response line by line."""

    def write(self, value: str) -> str:
        return value


class SafeWriter:
    def __init__(self, out: Writable, **options: Any) -> None:
        self._writer = csv.writer(out, **options)

    def writerow(self, row: Iterable[object]) -> Any:
        return self._writer.writerow([safe_cell(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(out: Writable | None = None, **options: Any) -> SafeWriter:
    """A csv writer that neutralises formulas; without `out`, `writerow()` returns the line it made."""
    return SafeWriter(_Echo() if out is None else out, **options)
