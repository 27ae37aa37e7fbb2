"""Importing territorial collectivities from a CSV file (the format of data/regions.csv).

The file is checked as a whole before anything is written: `check()` is pure (bytes and the kinds of the
collectivities already stored in, rows or problems out), so every class of bad input is table-tested without a
database. The database side (looking up stored codes, writing) is in `loading.py`.

A filled cell replaces the stored value; an empty cell leaves it as it is, so a partial file (say, Arabic names
only) never erases what an administrator added. Importing the same file twice changes nothing.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from infitah.territories.models import PARENT_KIND, Collectivity, CollectivityKind, ProvinceType

COLUMNS = (
    "code",
    "kind",
    "province_type",
    "parent_code",
    "name_ar",
    "name_fr",
    "name_en",
    "name_zgh",
    "population",
    "census_year",
    "has_arrondissements",
)
NAME_LANGUAGES = ("ar", "fr", "en", "zgh")
NAME_MAX_LENGTH = Collectivity._meta.get_field("name").text_max_length
CODE_MAX_LENGTH = cast(int, Collectivity._meta.get_field("code").max_length)
FIRST_CENSUS_YEAR = 1900
CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
TRUE_WORDS = {"1", "true", "yes"}
FALSE_WORDS = {"0", "false", "no"}
# Parents are written before their children.
# A line of the file: its number and {column: stripped text}.
Record = tuple[int, dict[str, str]]

KIND_ORDER = (CollectivityKind.REGION, CollectivityKind.PROVINCE, CollectivityKind.COMMUNE)


@dataclass(frozen=True)
class Problem:
    """Why a line (or, with line None, the whole file) cannot be imported. The reason is translated when shown."""

    line: int | None
    reason: StrOrPromise
    params: dict = field(default_factory=dict)

    @property
    def message(self) -> str:
        return str(self.reason) % self.params if self.params else str(self.reason)

    def __str__(self) -> str:
        if self.line is None:
            return self.message
        return str(_("Line %(line)d: %(reason)s")) % {"line": self.line, "reason": self.message}


@dataclass(frozen=True)
class Row:
    """A checked line, ready to be written. None (or an empty name) means "keep what is stored"."""

    line: int
    code: str
    kind: str
    parent_code: str
    name: dict
    province_type: str = ""
    population: int | None = None
    census_year: int | None = None
    has_arrondissements: bool | None = None


@dataclass
class Checked:
    rows: list[Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def read_table(data: bytes) -> tuple[list[Record], list[Problem]]:
    """(records, problems): records are (line number, {column: stripped text}); the header is line 1."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return [], [
            Problem(
                None,
                _(
                    "The file is not UTF-8 text: line %(line)d has bytes that cannot be read. Save it as "
                    "“CSV UTF-8” and import it again."
                ),
                {"line": line},
            )
        ]
    if not text.strip():
        return [], [Problem(None, _("The file is empty."))]
    reader = csv.reader(io.StringIO(text, newline=""))
    records, problems = [], []
    try:
        header = [column.strip().lower() for column in next(reader)]
        problems.extend(_header_problems(header))
        if problems:
            return [], problems
        previous_end = reader.line_num
        for cells in reader:
            line, previous_end = previous_end + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(header):
                problems.append(
                    Problem(
                        line,
                        _("the line has %(found)d fields; the header has %(expected)d."),
                        {"found": len(cells), "expected": len(header)},
                    )
                )
                continue
            records.append((line, {column: cell.strip() for column, cell in zip(header, cells, strict=True)}))
    except csv.Error as error:
        problems.append(Problem(reader.line_num or None, _("the file is not valid CSV (%(error)s)."), {"error": error}))
    if not records and not problems:
        problems.append(Problem(None, _("The file has a header but no rows to import.")))
    return records, problems


def _header_problems(header: list[str]) -> list[Problem]:
    problems = []
    missing = [column for column in COLUMNS if column not in header]
    unknown = [column or "(empty)" for column in header if column not in COLUMNS]
    repeated = sorted({column for column in header if column and header.count(column) > 1})
    if missing:
        problems.append(Problem(1, _("missing columns: %(columns)s."), {"columns": ", ".join(missing)}))
    if unknown:
        problems.append(Problem(1, _("unknown columns: %(columns)s."), {"columns": ", ".join(unknown)}))
    if repeated:
        problems.append(Problem(1, _("columns given twice: %(columns)s."), {"columns": ", ".join(repeated)}))
    if problems:
        if len(header) == 1 and ";" in header[0]:
            problems.append(Problem(1, _("the columns seem to be separated by semicolons; use commas.")))
        problems.append(Problem(1, _("the header must be: %(columns)s."), {"columns": ",".join(COLUMNS)}))
    return problems


def check_records(records: list[Record], stored_kinds: Mapping[str, str], this_year: int | None = None) -> Checked:
    """Check every record against the others and against `stored_kinds` ({code: kind} already in the database)."""
    this_year = this_year or datetime.date.today().year
    checked = Checked()
    first_line_of = {}
    kinds_in_file = {}
    for line, record in records:
        code, kind = record["code"], record["kind"].lower()
        if code and code not in first_line_of:
            first_line_of[code] = line
            if kind in CollectivityKind.values:
                kinds_in_file[code] = kind
    for line, record in records:
        row, problems = _check_record(line, record, first_line_of, kinds_in_file, stored_kinds, this_year)
        checked.problems.extend(problems)
        if row is not None and not problems:
            checked.rows.append(row)
    if checked.problems:
        checked.rows = []
    return checked


def _check_record(
    line: int,
    record: dict[str, str],
    first_line_of: dict[str, int],
    kinds_in_file: Mapping[str, str],
    stored_kinds: Mapping[str, str],
    this_year: int,
) -> tuple[Row | None, list[Problem]]:
    problems = []

    def problem(reason: StrOrPromise, **params: Any) -> None:
        problems.append(Problem(line, reason, params))

    code = record["code"]
    if not code:
        problem(_("the code is missing."))
    elif len(code) > CODE_MAX_LENGTH or not CODE_PATTERN.match(code):
        problem(
            _("the code “%(code)s” is not valid (letters, digits, “.”, “-” or “_”, at most %(limit)d characters)."),
            code=code,
            limit=CODE_MAX_LENGTH,
        )
    elif first_line_of[code] != line:
        problem(_("the code %(code)s is already used on line %(first)d."), code=code, first=first_line_of[code])

    kind: str | None = record["kind"].lower()
    if kind not in CollectivityKind.values:
        problem(
            _("unknown kind “%(kind)s”; use region, province or commune."),
            kind=record["kind"],
        )
        kind = None
    elif code in stored_kinds and stored_kinds[code] != kind:
        problem(
            _("%(code)s is stored as a %(stored)s; an import cannot change a collectivity's kind."),
            code=code,
            stored=_kind_name(stored_kinds[code]),
        )

    province_type = record["province_type"].lower()
    if province_type:
        if kind and kind != CollectivityKind.PROVINCE:
            problem(_("province_type is only for prefectures and provinces; leave it empty."))
        elif province_type not in ProvinceType.values:
            problem(_("unknown province_type “%(value)s”; use prefecture or province."), value=record["province_type"])

    parent_code = record["parent_code"]
    if kind:
        _check_parent(kind, parent_code, code, kinds_in_file, stored_kinds, problem)

    name = {lang: record[f"name_{lang}"] for lang in NAME_LANGUAGES if record[f"name_{lang}"]}
    if not name.get("ar") and not name.get("fr"):
        problem(_("give the name in Arabic (name_ar) or French (name_fr)."))
    for lang, text in name.items():
        if len(text) > NAME_MAX_LENGTH:
            problem(
                _("name_%(lang)s is %(length)d characters long; the limit is %(limit)d."),
                lang=lang,
                length=len(text),
                limit=NAME_MAX_LENGTH,
            )

    population = _whole_number(record["population"], "population", problem)
    census_year = _whole_number(record["census_year"], "census_year", problem)
    if census_year is not None and not FIRST_CENSUS_YEAR <= census_year <= this_year:
        problem(
            _("census_year %(year)d is not plausible (between %(first)d and %(last)d)."),
            year=census_year,
            first=FIRST_CENSUS_YEAR,
            last=this_year,
        )
    if population is not None and census_year is None and record["census_year"] == "":
        problem(_("a population needs its census_year."))

    has_arrondissements = _boolean(record["has_arrondissements"], problem)
    if has_arrondissements and kind and kind != CollectivityKind.COMMUNE:
        problem(_("only communes have arrondissements."))

    if problems or kind is None:  # an unknown kind is always one of the problems
        return None, problems
    return (
        Row(
            line=line,
            code=code,
            kind=kind,
            parent_code=parent_code,
            name=name,
            province_type=province_type,
            population=population,
            census_year=census_year,
            has_arrondissements=has_arrondissements,
        ),
        [],
    )


# Kind names are part of messages translated when shown, so they must stay lazy too.
_kind_name = lazy(lambda kind: str(CollectivityKind(kind).label).lower(), str)


def _check_parent(
    kind: str,
    parent_code: str,
    code: str,
    kinds_in_file: Mapping[str, str],
    stored_kinds: Mapping[str, str],
    problem: Callable[..., None],
) -> None:
    expected = PARENT_KIND[CollectivityKind(kind)]
    if expected is None:
        if parent_code:
            problem(_("a region is not part of another collectivity; leave parent_code empty."))
        return
    wanted = _kind_name(expected)
    if not parent_code:
        problem(_("parent_code is missing: give the code of its %(parent)s."), parent=wanted)
        return
    if parent_code == code:
        problem(_("a collectivity cannot be its own parent."))
        return
    parent_kind = kinds_in_file.get(parent_code) or stored_kinds.get(parent_code)
    if parent_kind is None:
        problem(
            _("the parent %(parent_code)s is neither in the file nor in the database."),
            parent_code=parent_code,
        )
    elif parent_kind != expected:
        problem(
            _("the parent %(parent_code)s is a %(found)s; a %(kind)s must be part of a %(parent)s."),
            parent_code=parent_code,
            found=_kind_name(parent_kind),
            kind=_kind_name(kind),
            parent=wanted,
        )


def _whole_number(text: str, column: str, problem: Callable[..., None]) -> int | None:
    if not text:
        return None
    if not text.isascii() or not text.isdigit() or int(text) <= 0:
        problem(_("%(column)s “%(value)s” is not a positive whole number."), column=column, value=text)
        return None
    return int(text)


def _boolean(text: str, problem: Callable[..., None]) -> bool | None:
    value = text.lower()
    if not value:
        return None
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    problem(_("has_arrondissements “%(value)s” is not one of: empty, 0, 1, true, false, yes, no."), value=text)
    return None


def check(data: bytes, stored_kinds: Mapping[str, str] | None = None, this_year: int | None = None) -> Checked:
    """Read and check a whole file. Returns Checked: rows to write, or every problem found (and no rows)."""
    records, problems = read_table(data)
    return with_reading_problems(problems, check_records(records, stored_kinds or {}, this_year))


def with_reading_problems(problems: list[Problem], checked: Checked) -> Checked:
    """Add the problems met while reading (a line with too many fields…) to those of the checks, in line order."""
    if problems:
        checked.problems = sorted([*problems, *checked.problems], key=lambda problem: problem.line or 0)
        checked.rows = []
    return checked


def codes_mentioned(records: list[Record]) -> set[str]:
    return {record[column] for _line, record in records for column in ("code", "parent_code") if record[column]}
