"""Open-data datasets: each public collection an app publishes, registered through its capability.

A `Dataset` names its rows (public rows only: a dataset is downloadable by anyone), its columns and how to read
each cell. The open-data catalogue (the transparency issue) lists every registered dataset and writes it as CSV,
JSON or XLSX, so an app is published by declaring. `table()` streams: rows are read in chunks.
"""

from __future__ import annotations

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
class Dataset:
    key: str  # stable, used in addresses: "programs", "commitments"…
    title: Any  # lazy translation
    description: Any  # lazy translation
    rows: Callable[[], QuerySet]
    columns: tuple[Column, ...]


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
