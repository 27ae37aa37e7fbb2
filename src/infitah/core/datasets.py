"""Open-data datasets: each public collection an app publishes, registered through its capability.

A `Dataset` names its rows (public rows only: a dataset is downloadable by anyone), its columns and how to read
each cell. The open-data catalogue (the transparency issue) lists every registered dataset and writes it as CSV,
JSON or XLSX, so an app is published by declaring. `table()` streams: rows are read in chunks.

Every field after `columns` is optional, so a declaration names only what it knows: the licence defaults to the
platform's open licence (`OPEN_LICENCE`), the publisher to the network, and `updated` (a cheap function, one
aggregate query, returning when the rows last changed) to None — "not recorded" on the catalogue, and prepared
exports of such a dataset are rebuilt once a day.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from infitah.core.capabilities import accepts


@dataclass(frozen=True)
class Column:
    name: str  # a stable identifier (the CSV header, the JSON key): never translated
    value: Callable[[Any], Any]
    description: Any = ""  # what the column holds (lazy translation), for the dataset's page


@dataclass(frozen=True)
class Licence:
    name: str  # the licence's own name, not translated
    url: str


# The platform's open licence: Etalab's Licence Ouverte 2.0, written for public-sector data (free reuse, commercial
# included, with attribution of the source and the date of the last update) and compatible with CC BY 4.0 and the
# Open Government Licence. A dataset under other terms declares its own.
OPEN_LICENCE = Licence("Licence Ouverte / Open Licence 2.0", "https://www.etalab.gouv.fr/licence-ouverte-open-licence/")


@dataclass(frozen=True)
class Dataset:
    key: str  # stable, used in addresses: "programs", "commitments"…
    title: Any  # lazy translation
    description: Any  # lazy translation
    rows: Callable[[], QuerySet]
    columns: tuple[Column, ...]
    licence: Licence = OPEN_LICENCE
    # When the rows last changed: one aggregate query (a Max over a date), or None when the rows keep no such date.
    updated: Callable[[], datetime.datetime | datetime.date | None] | None = None
    keywords: tuple[Any, ...] = ()  # lazy translations, for the catalogue's metadata (DCAT dcat:keyword)
    publisher: Any = None  # who publishes it (lazy translation); None: the network of open collectivities

    def last_updated(self) -> datetime.datetime | datetime.date | None:
        return self.updated() if self.updated is not None else None


_datasets: dict[str, Dataset] = {}


def register_dataset(dataset: Dataset) -> None:
    if dataset.key in _datasets and _datasets[dataset.key] is not dataset:
        raise ValueError(f"dataset {dataset.key!r} declared twice")
    _datasets[dataset.key] = dataset


accepts(Dataset, register_dataset)


def datasets() -> list[Dataset]:
    return sorted(_datasets.values(), key=lambda dataset: dataset.key)


def dataset(key: str) -> Dataset:
    return _datasets[key]


def table(key: str) -> Iterator[list[Any]]:
    """The header, then one list of cells per row, in constant memory."""
    chosen = _datasets[key]
    yield [column.name for column in chosen.columns]
    for row in chosen.rows().iterator(chunk_size=1000):
        yield [column.value(row) for column in chosen.columns]
