"""Files are checked by extension and content, stored under a random name, and only ever downloaded."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from infitah.participation.attachments import attach, check_upload
from infitah.participation.models import Attachment
from infitah.participation.moderation import hide
from infitah.participation.targets import ParticipationRefused
from tests.factories import AdvisoryBodyFactory
from tests.files import HTML_PAGE, jpeg_bytes, pdf_bytes, png_bytes
from tests.participation.world import LABEL

pytestmark = pytest.mark.django_db

PDF = pdf_bytes()
PNG = png_bytes()
JPEG = jpeg_bytes()
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64 + b"This program cannot be run in DOS mode"


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def odt_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "extension"),
    [
        ("rapport.pdf", PDF, "pdf"),
        ("photo.PNG", PNG, "png"),
        ("photo.jpg", JPEG, "jpg"),
        ("note.docx", docx_bytes(), "docx"),
        ("note.odt", odt_bytes(), "odt"),
        ("liste.csv", "الاسم,العدد\nمراكش,1\n".encode(), "csv"),
    ],
)
def test_genuine_files_of_the_allowed_types_are_accepted(name, content, extension):
    assert check_upload(upload(name, content)).extension == extension


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("rapport.pdf", EXE, "does not match its .pdf extension"),
        ("rapport.exe", EXE, "Accepted types: csv, docx, jpeg, jpg, odp, ods, odt, pdf, png, pptx, txt, xlsx"),
        ("page.html", b"<script>alert(1)</script>", "cannot be attached"),
        ("image.svg", b"<svg onload=alert(1)>", "cannot be attached"),
        ("note.docx", PDF, "does not match its .docx extension"),
        ("note.docx", b"PK\x03\x04 not really a zip", "does not match"),
        ("sans-extension", PDF, "cannot be attached"),
        ("data.csv", b"\x00\x01binary", "does not match its .csv extension"),
        ("empty.pdf", b"", "empty"),
    ],
)
def test_a_file_whose_type_or_content_is_wrong_is_refused(name, content, message):
    with pytest.raises(ValidationError) as refused:
        check_upload(upload(name, content))
    assert message in refused.value.messages[0]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        # The case: an HTML page whose first kilobyte holds the PDF signature.
        ("rapport.pdf", b"<!-- %PDF-1.7 -->\n" + HTML_PAGE),
        ("rapport.pdf", HTML_PAGE[:20] + b"%PDF-1.7" + HTML_PAGE[20:]),
        # Signature first, but no PDF behind it.
        ("rapport.pdf", b"%PDF-1.7\n" + HTML_PAGE),
        ("rapport.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
        # A real PDF with a page appended or embedded.
        ("rapport.pdf", PDF + HTML_PAGE),
        ("rapport.pdf", PDF.replace(b"%PDF-1.3\n", b"%PDF-1.3\n%" + HTML_PAGE, 1)),
        # Images: the signature followed by a page, and a real image carrying one.
        ("photo.png", b"\x89PNG\r\n\x1a\n" + HTML_PAGE),
        ("photo.png", PNG + HTML_PAGE),
        ("photo.jpg", b"\xff\xd8\xff\xe0" + HTML_PAGE),
        ("photo.jpg", JPEG[:2] + b"\xff\xfe\x00\x50" + HTML_PAGE[:78] + JPEG[2:]),
        # A PNG renamed .jpg is not a JPEG.
        ("photo.jpg", PNG),
    ],
)
def test_a_polyglot_is_refused_even_when_it_begins_like_the_format_it_claims(name, content):
    with pytest.raises(ValidationError) as refused:
        check_upload(upload(name, content))

    assert "does not match its" in refused.value.messages[0]


def test_an_oversized_file_is_refused_and_the_message_states_the_limit(settings):
    settings.INFITAH_ATTACHMENT_MAX_BYTES = 1024 * 1024
    big = upload("big.pdf", PDF + b"0" * (1024 * 1024))

    with pytest.raises(ValidationError) as refused:
        check_upload(big)

    assert "the limit is 1 MB" in refused.value.messages[0]


def test_an_attachment_is_stored_under_a_random_name(discussion, citizen, settings):
    attachment = attach(citizen, discussion, upload("../../etc/تقرير المشاركة.pdf", PDF))

    assert attachment.original_name == "تقرير المشاركة.pdf"
    assert attachment.file.name.startswith("attachments/")
    assert "تقرير" not in attachment.file.name and attachment.file.name.endswith(".pdf")
    assert (settings.MEDIA_ROOT / attachment.file.name).read_bytes() == PDF
    assert attachment.collectivity_id == discussion.collectivity_id
    assert attachment.size == len(PDF)


def test_files_cannot_be_attached_to_a_closed_discussion(discussions, citizen):
    closed = AdvisoryBodyFactory(kind="other")

    with pytest.raises(ParticipationRefused):
        attach(citizen, closed, upload("a.pdf", PDF))
    assert not Attachment.objects.exists()


def test_a_file_is_served_as_a_download_never_inline(client, discussion, citizen):
    attachment = attach(citizen, discussion, upload("تقرير.pdf", PDF))

    response = client.get(f"/en/participation/attachments/{attachment.pk}/")

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "filename*=utf-8''" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF


def test_a_hidden_file_is_downloaded_only_by_its_uploader_and_the_moderators(
    client, discussion, citizen, neighbour, editor_a, editor_b
):
    attachment = attach(citizen, discussion, upload("a.pdf", PDF))
    hide(editor_a, attachment, "personal_data", "Contains an identity card.")
    url = f"/en/participation/attachments/{attachment.pk}/"

    assert client.get(url).status_code == 404
    for person, expected in [(neighbour, 404), (editor_b, 404), (citizen, 200), (editor_a, 200)]:
        client.force_login(person)
        assert client.get(url).status_code == expected, person


def test_the_upload_form_refuses_a_renamed_program_with_a_message(client, discussion, citizen):
    client.force_login(citizen)

    response = client.post(
        f"/en/participation/attachments/{LABEL}/{discussion.pk}/",
        {"file": upload("report.pdf", EXE), "next": "/en/"},
        follow=True,
    )

    assert not Attachment.objects.exists()
    messages = [str(m) for m in response.context["messages"]]
    assert any("does not match its .pdf extension" in m for m in messages)


def test_the_upload_form_attaches_a_genuine_file(client, discussion, citizen):
    client.force_login(citizen)

    client.post(
        f"/en/participation/attachments/{LABEL}/{discussion.pk}/", {"file": upload("r.pdf", PDF), "next": "/en/"}
    )

    assert Attachment.objects.get().uploaded_by == citizen
