"""The catalogue's pages: the list of datasets, one dataset (its metadata, columns, a preview and DCAT JSON-LD),
its downloads, and the whole catalogue as DCAT JSON-LD. Everything here is public: a dataset holds public rows only
(core.datasets)."""

from __future__ import annotations

import json

from django.core.files.storage import default_storage
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from infitah.opendata import dcat, exports, prepared, selectors
from infitah.opendata.formats import FORMATS
from infitah.opendata.models import PreparedExportState

JSON_LD = "application/ld+json"


@require_safe
def catalogue(request: HttpRequest) -> HttpResponse:
    return render(
        request, "opendata/catalogue.html", {"entries": selectors.catalogue(), "formats": list(FORMATS.values())}
    )


@require_safe
def dataset_page(request: HttpRequest, key: str) -> HttpResponse:
    chosen = selectors.dataset_or_404(key)
    updated = chosen.last_updated()
    rows = selectors.row_count(chosen)
    large = prepared.is_large(chosen, rows)
    language = get_language() or "ar"
    downloads = [
        {"format": format, "prepared": prepared.current(chosen, format, language) if large else None}
        for format in FORMATS.values()
    ]
    document = dcat.dataset_document(chosen, updated, request.build_absolute_uri, selectors.publisher())
    context = {
        "dataset": chosen,
        "updated": updated,
        "rows": rows,
        "large": large,
        "downloads": downloads,
        "preview": selectors.preview(chosen),
        "preview_size": selectors.PREVIEW_ROWS,
        "jsonld": dcat.for_script(document),
    }
    return render(request, "opendata/dataset.html", context)


@require_safe
def download(request: HttpRequest, key: str, fmt: str) -> HttpResponse | StreamingHttpResponse:
    chosen = selectors.dataset_or_404(key)
    format = selectors.format_or_404(fmt)
    if not prepared.is_large(chosen, selectors.row_count(chosen)):
        return exports.streamed(chosen, format)
    export = prepared.requested(chosen, format, get_language() or "ar")
    if export.state == PreparedExportState.READY:
        day = timezone.localdate(export.prepared_at) if export.prepared_at else None
        return exports.from_storage(
            default_storage.open(export.file, "rb"), chosen, format, day or timezone.localdate()
        )
    context = {"dataset": chosen, "format": format, "export": export}
    # 202 Accepted: the file is being made; the page refreshes itself until it can be downloaded.
    response = render(request, "opendata/preparing.html", context, status=202)
    if export.state == PreparedExportState.PREPARING:
        response["Refresh"] = "10"
    return response


@require_safe
def dcat_catalogue(request: HttpRequest) -> HttpResponse:
    entries = [(entry.dataset, entry.updated) for entry in selectors.catalogue()]
    document = dcat.catalogue_document(entries, request.build_absolute_uri, selectors.publisher())
    response = HttpResponse(json.dumps(document, ensure_ascii=False), content_type=f"{JSON_LD}; charset=utf-8")
    response["X-Content-Type-Options"] = "nosniff"
    return response
