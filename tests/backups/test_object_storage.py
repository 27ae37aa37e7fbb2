"""Uploads and generated documents on S3-compatible object storage (a real moto_server process): stored in the
bucket and not on the disk, served by the platform's own views with the same headers and the same permission
checks as from the filesystem."""

import datetime
import json
import os
import subprocess
import sys

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from infitah.backups.object_storage import s3_storage
from infitah.bodies.models import BodyKind
from infitah.consultations.models import ReportDocument
from infitah.consultations.report_tasks import request_pdf
from infitah.participation.models import Attachment
from infitah.participation.moderation import hide
from tests.backups.conftest import objects_in, s3_environment
from tests.consultations.factories import ConsultationFactory, ContributionFactory, published_program
from tests.factories import AdvisoryBodyFactory, RoleAssignmentFactory, UserFactory
from tests.files import pdf_bytes
from tests.participation.world import LABEL

pytestmark = pytest.mark.django_db
PDF = pdf_bytes()
# What a download says about itself; the storage behind it must change none of it.
DOWNLOAD_HEADERS = (
    "Content-Type",
    "Content-Disposition",
    "Content-Length",
    "X-Content-Type-Options",
    "Content-Security-Policy",
    "Cache-Control",
)


def settings_storage(env):
    """STORAGES["default"] as settings.py builds it in a fresh process with this environment."""
    code = "import json, infitah.settings as s; print(json.dumps(s.STORAGES['default']))"
    result = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120, check=True
    )
    return json.loads(result.stdout)


def test_naming_a_bucket_puts_files_in_private_unsigned_s3_storage(tmp_path):
    base = {k: v for k, v in os.environ.items() if not k.startswith(("INFITAH_", "AWS_"))}
    base["INFITAH_DATA_DIR"] = str(tmp_path)

    assert settings_storage(base) == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    chosen = settings_storage(
        {**base, **s3_environment("http://127.0.0.1:9000", "infitah-media"), "INFITAH_S3_REGION": "eu-west-3"}
    )
    assert chosen["BACKEND"] == "storages.backends.s3.S3Storage"
    options = chosen["OPTIONS"]
    assert options["bucket_name"] == "infitah-media" and options["endpoint_url"] == "http://127.0.0.1:9000"
    assert options["region_name"] == "eu-west-3"
    assert options["default_acl"] is None, "no public-read ACL: objects stay private"
    assert options["querystring_auth"] is False and options["file_overwrite"] is False


def upload_through_the_form(client, person, discussion, name="annexe.pdf"):
    client.force_login(person)
    client.post(
        f"/en/participation/attachments/{LABEL}/{discussion.pk}/",
        {"file": SimpleUploadedFile(name, PDF), "next": "/en/"},
    )
    client.logout()
    return Attachment.objects.latest("pk")


def download(client, attachment):
    response = client.get(f"/en/participation/attachments/{attachment.pk}/")
    assert response.status_code == 200
    return {name: response.get(name) for name in DOWNLOAD_HEADERS}, b"".join(response.streaming_content)


def test_an_upload_goes_to_the_bucket_and_is_served_as_from_the_filesystem(
    client, settings, discussions, s3_endpoint, bucket
):
    discussion = AdvisoryBodyFactory(kind=BodyKind.YOUTH)
    person = UserFactory()
    on_disk = upload_through_the_form(client, person, discussion)
    from_disk = download(client, on_disk)
    settings.STORAGES = {**settings.STORAGES, "default": s3_storage(s3_environment(s3_endpoint, bucket))}

    in_bucket = upload_through_the_form(client, person, discussion)

    assert objects_in(s3_endpoint, bucket) == {in_bucket.file.name: PDF}
    assert not (settings.MEDIA_ROOT / in_bucket.file.name).exists()
    headers, body = download(client, in_bucket)
    assert body == PDF
    assert headers == from_disk[0]
    assert headers["Content-Disposition"] == 'attachment; filename="annexe.pdf"'
    assert headers["Content-Length"] == str(len(PDF))


def test_a_hidden_file_in_the_bucket_is_refused_to_whom_it_is_refused_on_the_filesystem(client, on_s3, discussions):
    discussion = AdvisoryBodyFactory(kind=BodyKind.YOUTH)
    uploader, neighbour = UserFactory(), UserFactory()
    moderator = RoleAssignmentFactory(role="editor", collectivity=discussion.collectivity).user
    attachment = upload_through_the_form(client, uploader, discussion)
    hide(moderator, attachment, "personal_data", "An identity card.")
    url = f"/en/participation/attachments/{attachment.pk}/"

    assert client.get(url).status_code == 404
    for person, expected in [(neighbour, 404), (uploader, 200), (moderator, 200)]:
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == expected, person
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content) == PDF


def test_a_generated_report_is_written_to_the_bucket_and_downloaded_from_it(
    client, on_s3, s3_endpoint, django_capture_on_commit_callbacks
):
    program = published_program()
    consultation = ConsultationFactory(
        program=program,
        version=program.versions.order_by("-number").first(),
        opens_at=timezone.now() - datetime.timedelta(days=40),
        closes_at=timezone.now() - datetime.timedelta(days=10),
    )
    ContributionFactory(consultation=consultation)

    with django_capture_on_commit_callbacks(execute=True):  # the worker's task runs at once in the tests
        queued = request_pdf(consultation, "fr")
    document = ReportDocument.objects.get(pk=queued.pk)

    stored = objects_in(s3_endpoint, on_s3)
    assert list(stored) == [document.file.name] and stored[document.file.name].startswith(b"%PDF")
    response = client.get(f"/en/consultations/{consultation.pk}/report/pdf/download/{document.pk}/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "application/pdf" and response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == stored[document.file.name]
