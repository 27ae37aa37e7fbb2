"""DCAT metadata (W3C Data Catalog Vocabulary, in JSON-LD) for one dataset and for the whole catalogue, so data
portals and search engines (data.gov.ma, Google Dataset Search) can harvest the catalogue.

Texts are in the language of the address, tagged with it; dates are ISO 8601 typed as xsd:date or xsd:dateTime.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from typing import Any

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from infitah.core.datasets import Dataset
from infitah.opendata.formats import FORMATS

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

# What json.dumps leaves that would end a <script> element early or start markup inside it.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _text(value: Any) -> dict[str, str]:
    return {"@value": str(value), "@language": get_language() or "ar"}


def _date(value: datetime.date) -> dict[str, str]:
    kind = "xsd:dateTime" if isinstance(value, datetime.datetime) else "xsd:date"
    return {"@value": value.isoformat(), "@type": kind}


def dataset_node(
    chosen: Dataset, updated: datetime.date | None, absolute: Callable[[str], str], publisher: str
) -> dict[str, Any]:
    """`absolute` makes a path an address (request.build_absolute_uri)."""
    page = absolute(reverse("opendata:dataset", args=[chosen.key]))
    licence = {"@id": chosen.licence.url}
    node: dict[str, Any] = {
        "@type": "dcat:Dataset",
        "@id": page,
        "dct:identifier": chosen.key,
        "dct:title": _text(chosen.title),
        "dct:description": _text(chosen.description),
        "dct:license": licence,
        "dct:publisher": {"@type": "foaf:Organization", "foaf:name": str(chosen.publisher or publisher)},
        "dcat:landingPage": {"@id": page},
        "dcat:keyword": [_text(keyword) for keyword in chosen.keywords],
        "dcat:distribution": [
            {
                "@type": "dcat:Distribution",
                "dct:title": _text(f"{chosen.title} ({format.label})"),
                "dct:format": format.label,
                "dcat:mediaType": format.media_type.split(";")[0],
                "dcat:downloadURL": {"@id": absolute(reverse("opendata:download", args=[chosen.key, format.key]))},
                "dct:license": licence,
            }
            for format in FORMATS.values()
        ],
    }
    if updated is not None:
        node["dct:modified"] = _date(updated)
    return node


def catalogue_document(
    entries: list[tuple[Dataset, datetime.date | None]], absolute: Callable[[str], str], publisher: str
) -> dict[str, Any]:
    home = absolute(reverse("opendata:catalogue"))
    return {
        "@context": CONTEXT,
        "@type": "dcat:Catalog",
        "@id": home,
        "dct:title": _text(_("Open data of the network of open collectivities")),
        "dct:publisher": {"@type": "foaf:Organization", "foaf:name": publisher},
        "foaf:homepage": {"@id": home},
        "dcat:dataset": [dataset_node(chosen, updated, absolute, publisher) for chosen, updated in entries],
    }


def dataset_document(
    chosen: Dataset, updated: datetime.date | None, absolute: Callable[[str], str], publisher: str
) -> dict[str, Any]:
    return {"@context": CONTEXT, **dataset_node(chosen, updated, absolute, publisher)}


def for_script(document: dict[str, Any]) -> SafeString:
    """The document as the body of a <script type="application/ld+json"> element."""
    return mark_safe(json.dumps(document, ensure_ascii=False).translate(_SCRIPT_ESCAPES))  # noqa: S308 — escaped above
