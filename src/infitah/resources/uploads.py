"""Which files a resource takes: documents only (PDF, ODT/DOCX, XLSX/ODS, PPTX/ODP), each checked by the
attachments' one checker (size, extension and content) before anything is saved."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from infitah.participation.attachments import check_upload
from infitah.participation.filetypes import FileType, extension_of

DOCUMENT_TYPES = ("pdf", "odt", "docx", "xlsx", "ods", "pptx", "odp")


def check_document(uploaded: Any) -> FileType:
    """The FileType of an accepted document, or a ValidationError saying which types are accepted."""
    if extension_of(uploaded.name) not in DOCUMENT_TYPES:
        raise ValidationError(
            _("Files of this type cannot be published as a resource. Accepted types: %(allowed)s."),
            params={"allowed": ", ".join(DOCUMENT_TYPES)},
            code="type",
        )
    return check_upload(uploaded)
