"""A dataset written in one format: streamed to the visitor at once, or written to a file for a prepared export.

Both read the rows through `core.datasets.table()` (chunked), so neither holds the dataset in memory."""

from __future__ import annotations

import datetime
import tempfile
from collections.abc import Iterator
from typing import IO

from django.conf import settings
from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils import timezone

from infitah.core.datasets import Dataset, table
from infitah.opendata import formats
from infitah.opendata.formats import Format

# Above this many rows a download is prepared in the background (settings.INFITAH_OPEN_DATA_BACKGROUND_ROWS).
DEFAULT_BACKGROUND_ROWS = 100_000


def background_threshold() -> int:
    return int(getattr(settings, "INFITAH_OPEN_DATA_BACKGROUND_ROWS", DEFAULT_BACKGROUND_ROWS))


def filename(dataset: Dataset, format: Format, day: datetime.date | None = None) -> str:
    return f"{dataset.key}-{(day or timezone.localdate()).isoformat()}.{format.key}"


def _text_chunks(dataset: Dataset, format: Format) -> Iterator[str]:
    rows = table(dataset.key)
    return formats.csv_chunks(rows) if format is formats.CSV else formats.json_chunks(rows)


def write(dataset: Dataset, format: Format, out: IO[bytes]) -> None:
    """The whole dataset into `out` (a binary file), in the active language."""
    if format is formats.XLSX:
        formats.write_xlsx(table(dataset.key), out, sheet_title=dataset.key)
        return
    for chunk in _text_chunks(dataset, format):
        out.write(chunk.encode())


def _as_download(response: HttpResponse | StreamingHttpResponse | FileResponse, name: str) -> None:
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"


def streamed(dataset: Dataset, format: Format) -> StreamingHttpResponse | FileResponse:
    """The download answered now: CSV and JSON streamed as they are written; XLSX (a zip, written whole) through a
    temporary file, streamed from disk."""
    name = filename(dataset, format)
    response: StreamingHttpResponse | FileResponse
    if format is formats.XLSX:
        response = FileResponse(formats.xlsx_file(table(dataset.key), sheet_title=dataset.key), filename=name)
        response["Content-Type"] = format.media_type
    else:
        response = StreamingHttpResponse(
            (chunk.encode() for chunk in _text_chunks(dataset, format)), content_type=format.media_type
        )
    _as_download(response, name)
    return response


def from_storage(file: IO[bytes], dataset: Dataset, format: Format, day: datetime.date) -> FileResponse:
    name = filename(dataset, format, day)
    response = FileResponse(file, filename=name, content_type=format.media_type)
    _as_download(response, name)
    return response


def temporary_file() -> IO[bytes]:
    return tempfile.TemporaryFile()  # noqa: SIM115 — the caller closes it
