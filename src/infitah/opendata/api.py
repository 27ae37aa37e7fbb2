"""The open-data catalogue under /api/v1/: every registered dataset with its metadata and the addresses of its
downloads (CSV, JSON, XLSX) and of its page. One query per dataset (its update date), never one per row."""

from __future__ import annotations

import datetime

from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Schema

from infitah.api.routers import AppRouter
from infitah.opendata import selectors
from infitah.opendata.formats import FORMATS

router = AppRouter("opendata", tags=["open data"])


class DatasetColumnOut(Schema):
    name: str = Field(description="The column's header in CSV and XLSX, its key in JSON")
    description: str


class DatasetLicenceOut(Schema):
    name: str
    url: str


class DatasetDownloadOut(Schema):
    format: str = Field(description="csv, json or xlsx")
    media_type: str
    url: str


class DatasetOut(Schema):
    key: str
    title: str = Field(description="In the language asked for")
    description: str
    licence: DatasetLicenceOut
    updated: str | None = Field(description="When the rows last changed (ISO 8601), null when not recorded")
    keywords: list[str]
    columns: list[DatasetColumnOut]
    page: str = Field(description="The dataset's page, with its DCAT metadata (JSON-LD)")
    downloads: list[DatasetDownloadOut]


def _iso(value: datetime.date | None) -> str | None:
    return value.isoformat() if value is not None else None


@router.paged("/datasets", DatasetOut, summary="The open-data catalogue: every dataset and its downloads")
def list_datasets(request: HttpRequest) -> list[dict]:
    return [
        {
            "key": entry.dataset.key,
            "title": str(entry.dataset.title),
            "description": str(entry.dataset.description),
            "licence": {"name": entry.dataset.licence.name, "url": entry.dataset.licence.url},
            "updated": _iso(entry.updated),
            "keywords": [str(keyword) for keyword in entry.dataset.keywords],
            "columns": [
                {"name": column.name, "description": str(column.description)} for column in entry.dataset.columns
            ],
            "page": request.build_absolute_uri(reverse("opendata:dataset", args=[entry.dataset.key])),
            "downloads": [
                {
                    "format": format.key,
                    "media_type": format.media_type,
                    "url": request.build_absolute_uri(
                        reverse("opendata:download", args=[entry.dataset.key, format.key])
                    ),
                }
                for format in FORMATS.values()
            ],
        }
        for entry in selectors.catalogue()
    ]
