"""Every CSV the platform writes neutralises cells a spreadsheet would run as formulas (CSV injection)."""

import csv
import io
import pathlib
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from infitah.core import csv as safe_csv


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://evil.example","clic")', '\'=HYPERLINK("http://evil.example","clic")'),
        ("+212 600 000 000", "'+212 600 000 000"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("\uff1d1+1", "'\uff1d1+1"),  # a full-width equals sign
        ("نقترح نشر الميزانية", "نقترح نشر الميزانية"),
        ("Budget = 3 MDH", "Budget = 3 MDH"),  # an equals sign inside the text is harmless
        ("", ""),
        (None, ""),
        (-5, -5),  # numbers stay numbers
        (3.5, 3.5),
    ],
)
def test_a_cell_that_could_start_a_formula_is_written_as_text(value, written):
    assert safe_csv.safe_cell(value) == written


def read_back(line):
    return next(csv.reader(io.StringIO(line)))


@given(st.lists(st.text(), min_size=1, max_size=6))
def test_no_text_cell_read_back_from_the_file_starts_a_formula(cells):
    row = read_back(safe_csv.writer().writerow(cells))
    assert len(row) == len(cells)
    for original, cell in zip(cells, row, strict=True):
        assert not cell.startswith(safe_csv.FORMULA_STARTS)
        # Nothing is lost: the text is the original, behind at most one apostrophe.
        assert cell.replace("\r\n", "\n") in (original.replace("\r\n", "\n"), "'" + original.replace("\r\n", "\n"))


def test_the_writer_writes_to_a_file_too():
    out = io.StringIO()
    safe_csv.writer(out).writerows([["=1", 2], ["a", "-b"]])
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [["'=1", "2"], ["a", "'-b"]]


def test_no_module_writes_csv_without_the_safe_writer():
    source = pathlib.Path(safe_csv.__file__).parent.parent
    offenders = [
        str(path.relative_to(source))
        for path in source.rglob("*.py")
        if re.search(r"\bcsv\.(writer|DictWriter)\(", path.read_text(encoding="utf-8"))
        and path != pathlib.Path(safe_csv.__file__)
    ]
    assert offenders == []
