"""Reading a downloaded file back into rows of canonical text, so that CSV, JSON and XLSX can be compared with one
another and with the database (a checksum of the canonical cells)."""

import csv
import decimal
import hashlib
import io
import json

from openpyxl import load_workbook

from infitah.core.csv import safe_cell
from infitah.core.datasets import table
from infitah.opendata.formats import json_value


def canonical(value):
    """The cell as text, whatever format carried it: empty for nothing, True/False for booleans."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, decimal.Decimal):
        return str(value)
    return str(value)


def checksum(rows):
    digest = hashlib.sha256()
    for row in rows:
        digest.update(json.dumps([canonical(cell) for cell in row], ensure_ascii=False).encode())
    return digest.hexdigest()


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def csv_rows(response):
    text = body(response).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def json_rows(response, header):
    objects = json.loads(body(response))
    assert isinstance(objects, list)
    return [header] + [[item[name] for name in header] for item in objects]


def xlsx_rows(response):
    workbook = load_workbook(io.BytesIO(body(response)), read_only=True)
    return [list(row) for row in workbook.active.iter_rows(values_only=True)]


def database_rows(key, *, spreadsheet):
    """The rows as the database holds them: neutralised for what a spreadsheet opens (CSV, XLSX)."""
    rows = list(table(key))
    if spreadsheet:
        return [[safe_cell(cell) for cell in row] for row in rows]
    return [[json_value(cell) for cell in row] for row in rows]
