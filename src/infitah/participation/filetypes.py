"""Which files may be accepted, recognised by their extension AND their structure, never by a signature alone.

A program renamed `report.pdf` is refused because it does not begin like a PDF; a Word document renamed
`.pdf` is refused for the same reason. A signature is not enough: an HTML page whose first kilobyte holds
`%PDF-` is not a PDF. So a PDF must begin with its header, parse as a PDF (pypdf) and hold no HTML; an image must
begin with its signature, be decoded by Pillow as that format and hold no HTML either; an office document must
be a zip archive with the members of its kind. Every upload of the platform (attachments, training materials…)
goes through `participation.attachments.check_upload`, which calls `identify`.
"""

from __future__ import annotations

import codecs
import logging
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO

# Does the content match the type its extension claims? Given the head of the file and the file itself.
Check = Callable[[bytes, IO[bytes]], bool]

HEAD_BYTES = 8192
SCAN_CHUNK = 1024 * 1024
# What a browser or an HTML parser would take for a page: a polyglot hides one of these inside another format.
HTML_MARKERS = re.compile(
    rb"<\s*(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|script[\s>/]|iframe[\s>/]|object[\s>/]|embed[\s>/]"
    rb"|meta[\s/]|link[\s/]|style[\s>/]|svg[\s>/]|img[\s/]|a\s+href|form[\s>/])",
    re.IGNORECASE,
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FileType:
    extension: str
    mime_type: str
    label: str


def holds_html(file: IO[bytes]) -> bool:
    """Whether the file contains anything an HTML parser would take for markup (read in chunks, with overlap)."""
    file.seek(0)
    tail = b""
    try:
        while chunk := file.read(SCAN_CHUNK):
            if HTML_MARKERS.search(tail + chunk):
                return True
            tail = chunk[-64:]
        return False
    finally:
        file.seek(0)


def _parses_as_pdf(file: IO[bytes]) -> bool:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    file.seek(0)
    try:
        reader = PdfReader(file, strict=False)
        return len(reader.pages) > 0 and reader.trailer.get("/Root") is not None
    except (PyPdfError, ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError, OSError) as error:
        logger.info("upload refused: not a PDF (%s)", error)
        return False
    finally:
        file.seek(0)


def _pdf(head: bytes, file: IO[bytes]) -> bool:
    # The header comes first: junk before it is how a polyglot passes for two formats at once.
    return head.startswith(b"%PDF-") and not holds_html(file) and _parses_as_pdf(file)


def _image(signature: bytes, pillow_format: str) -> Check:
    def check(head: bytes, file: IO[bytes]) -> bool:
        if not head.startswith(signature) or holds_html(file):
            return False
        from PIL import Image, UnidentifiedImageError

        file.seek(0)
        try:
            with Image.open(file) as image:
                if image.format != pillow_format:
                    return False
                image.verify()
            return True
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError):
            return False
        finally:
            file.seek(0)

    return check


def _zip_members(file: IO[bytes]) -> list[str]:
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return []
    finally:
        file.seek(0)


def _office_open_xml(folder: str) -> Check:
    def check(head: bytes, file: IO[bytes]) -> bool:
        if not head.startswith(b"PK\x03\x04"):
            return False
        names = _zip_members(file)
        return "[Content_Types].xml" in names and any(name.startswith(folder) for name in names)

    return check


def _open_document(mime_type: str) -> Check:
    def check(head: bytes, file: IO[bytes]) -> bool:
        # ODF puts an uncompressed "mimetype" member first, so its text sits at a fixed offset (30 + 8).
        return head.startswith(b"PK\x03\x04") and head[30:38] == b"mimetype" and mime_type.encode() in head[38:140]

    return check


def _text(head: bytes, file: IO[bytes]) -> bool:
    if b"\x00" in head:
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
ODP = "application/vnd.oasis.opendocument.presentation"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"

ALLOWED = {
    "pdf": (FileType("pdf", "application/pdf", "PDF"), _pdf),
    "png": (FileType("png", "image/png", "PNG"), _image(b"\x89PNG\r\n\x1a\n", "PNG")),
    "jpg": (FileType("jpg", "image/jpeg", "JPEG"), _image(b"\xff\xd8\xff", "JPEG")),
    "jpeg": (FileType("jpeg", "image/jpeg", "JPEG"), _image(b"\xff\xd8\xff", "JPEG")),
    "docx": (FileType("docx", DOCX, "Word"), _office_open_xml("word/")),
    "xlsx": (FileType("xlsx", XLSX, "Excel"), _office_open_xml("xl/")),
    "pptx": (FileType("pptx", PPTX, "PowerPoint"), _office_open_xml("ppt/")),
    "odt": (FileType("odt", ODT, "OpenDocument"), _open_document(ODT)),
    "ods": (FileType("ods", ODS, "OpenDocument"), _open_document(ODS)),
    "odp": (FileType("odp", ODP, "OpenDocument"), _open_document(ODP)),
    "csv": (FileType("csv", "text/csv", "CSV"), _text),
    "txt": (FileType("txt", "text/plain", "Text"), _text),
}


def allowed_extensions() -> list[str]:
    return sorted(ALLOWED)


def extension_of(name: str | None) -> str:
    return (name or "").rsplit(".", 1)[-1].lower() if "." in (name or "") else ""


def identify(name: str | None, file: IO[bytes]) -> FileType | None:
    """The FileType of an uploaded file if its extension is allowed and its content matches it, else None."""
    entry = ALLOWED.get(extension_of(name))
    if entry is None:
        return None
    file_type, matches = entry
    file.seek(0)
    head = file.read(HEAD_BYTES)
    file.seek(0)
    return file_type if matches(head, file) else None
