"""Which files may be attached, recognised by their extension AND their content (magic bytes, zip structure).

A program renamed `report.pdf` is refused because it does not begin like a PDF; a Word document renamed
`.pdf` is refused for the same reason. Images are recognised by their signature (PIL is not used).
"""

import codecs
import zipfile
from dataclasses import dataclass

HEAD_BYTES = 8192


@dataclass(frozen=True)
class FileType:
    extension: str
    mime_type: str
    label: str


def _starts_with(*signatures):
    def check(head, file):
        return any(head.startswith(signature) for signature in signatures)

    return check


def _pdf(head, file):
    # The PDF header may follow a few bytes of junk (Acrobat accepts it within the first kilobyte).
    return b"%PDF-" in head[:1024]


def _zip_members(file):
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return []
    finally:
        file.seek(0)


def _office_open_xml(folder):
    def check(head, file):
        if not head.startswith(b"PK\x03\x04"):
            return False
        names = _zip_members(file)
        return "[Content_Types].xml" in names and any(name.startswith(folder) for name in names)

    return check


def _open_document(mime_type):
    def check(head, file):
        # ODF puts an uncompressed "mimetype" member first, so its text sits at a fixed offset (30 + 8).
        return head.startswith(b"PK\x03\x04") and head[30:38] == b"mimetype" and mime_type.encode() in head[38:140]

    return check


def _text(head, file):
    if b"\x00" in head:
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"

ALLOWED = {
    "pdf": (FileType("pdf", "application/pdf", "PDF"), _pdf),
    "png": (FileType("png", "image/png", "PNG"), _starts_with(b"\x89PNG\r\n\x1a\n")),
    "jpg": (FileType("jpg", "image/jpeg", "JPEG"), _starts_with(b"\xff\xd8\xff")),
    "jpeg": (FileType("jpeg", "image/jpeg", "JPEG"), _starts_with(b"\xff\xd8\xff")),
    "docx": (FileType("docx", DOCX, "Word"), _office_open_xml("word/")),
    "xlsx": (FileType("xlsx", XLSX, "Excel"), _office_open_xml("xl/")),
    "pptx": (FileType("pptx", PPTX, "PowerPoint"), _office_open_xml("ppt/")),
    "odt": (FileType("odt", ODT, "OpenDocument"), _open_document(ODT)),
    "ods": (FileType("ods", ODS, "OpenDocument"), _open_document(ODS)),
    "csv": (FileType("csv", "text/csv", "CSV"), _text),
    "txt": (FileType("txt", "text/plain", "Text"), _text),
}


def allowed_extensions():
    return sorted(ALLOWED)


def extension_of(name):
    return name.rsplit(".", 1)[-1].lower() if "." in (name or "") else ""


def identify(name, file):
    """The FileType of an uploaded file if its extension is allowed and its content matches it, else None."""
    entry = ALLOWED.get(extension_of(name))
    if entry is None:
        return None
    file_type, matches = entry
    file.seek(0)
    head = file.read(HEAD_BYTES)
    file.seek(0)
    return file_type if matches(head, file) else None
