"""What the catalogue's pages and its API read: the registered datasets with their update dates, one dataset's
preview, and the publisher's name. Each costs a fixed number of queries: one per dataset for the catalogue (its
`updated` aggregate), never one per row."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from itertools import islice
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from infitah.core.datasets import Dataset, datasets
from infitah.core.datasets import dataset as registered
from infitah.opendata.formats import FORMATS, Format
from infitah.territories import selectors as territories

PREVIEW_ROWS = 20


@dataclass(frozen=True)
class Entry:
    dataset: Dataset
    updated: datetime.date | None


def catalogue() -> list[Entry]:
    return [Entry(chosen, chosen.last_updated()) for chosen in datasets()]


def dataset_or_404(key: str) -> Dataset:
    try:
        return registered(key)
    except KeyError:
        raise Http404(key) from None


def format_or_404(key: str) -> Format:
    if key not in FORMATS:
        raise Http404(key)
    return FORMATS[key]


def preview(chosen: Dataset, limit: int = PREVIEW_ROWS) -> list[list[Any]]:
    """The first rows, as the downloads write them: one query (and the dataset's prefetches), whatever its size.

    A dataset's rows are a queryset, or any object that reads like one through `iterator()` (information's
    statistics): that one is read until the preview is full."""
    rows = chosen.rows()
    first = rows[:limit] if isinstance(rows, QuerySet) else islice(rows.iterator(chunk_size=limit), limit)
    return [[column.value(row) for column in chosen.columns] for row in first]


def row_count(chosen: Dataset) -> int | None:
    """How many rows (one COUNT query), or None for rows that are not a queryset: those are computed summaries,
    small by nature, and never taken for a large dataset."""
    rows = chosen.rows()
    return rows.order_by().count() if isinstance(rows, QuerySet) else None


def publisher() -> str:
    network = territories.network()
    return str(network) if network is not None and str(network) else _("The network of open territorial collectivities")
