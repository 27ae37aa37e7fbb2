"""A restore checks the whole archive before it changes anything: a damaged or truncated archive, one from a newer
version of Infitah, or a restore over an installation that holds data without --force, is refused with the reason,
and the installation is left as it was."""

import io
import json
import tarfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from infitah.accounts.models import User
from infitah.backups.manifest import MANIFEST_NAME
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(tmp_path):
    default_storage.save("resources/guide.txt", ContentFile(b"Guide de la participation"))
    path = tmp_path / "backup.tar.gz"
    call_command("backup", str(path))
    default_storage.delete("resources/guide.txt")
    return path


def rewritten(source, destination, manifest=None, member=None):
    """A copy of the archive with its manifest changed by `manifest(dict)`, or one member's bytes by `member`."""
    with tarfile.open(source) as tar_in, tarfile.open(destination, "w:gz") as tar_out:
        for info in tar_in:
            data = tar_in.extractfile(info).read()
            if info.name == MANIFEST_NAME and manifest:
                data = json.dumps(manifest(json.loads(data))).encode()
            elif member and info.name in member:
                data = member[info.name]
            info.size = len(data)
            tar_out.addfile(info, io.BytesIO(data))
    return destination


def restore(path, *options):
    with pytest.raises(CommandError) as refused:
        call_command("restore", str(path), *options)
    return str(refused.value)


@pytest.fixture
def installation():
    """An installation in use: an account and a stored file, which a refused restore must leave alone."""
    person = UserFactory(email="salma@example.ma")
    name = default_storage.save("attachments/kept.pdf", ContentFile(b"%PDF-1.7 kept"))
    yield person
    assert list(User.objects.values_list("email", flat=True)) == ["salma@example.ma"]
    with default_storage.open(name) as kept:
        assert kept.read() == b"%PDF-1.7 kept"


def test_a_truncated_archive_is_refused(archive, tmp_path, installation):
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])

    assert "not a readable backup archive" in restore(truncated, "--force")


def test_an_archive_whose_file_differs_from_its_manifest_is_refused(archive, tmp_path, installation):
    damaged = rewritten(archive, tmp_path / "damaged.tar.gz", member={"media/resources/guide.txt": b"Guide modifie"})

    message = restore(damaged, "--force")

    assert "damaged" in message and "media/resources/guide.txt" in message


def test_a_file_that_is_not_an_archive_is_refused(tmp_path, installation):
    other = tmp_path / "notes.tar.gz"
    other.write_bytes(b"Compte rendu de la session\n")

    assert "not a readable backup archive" in restore(other, "--force")


def test_an_archive_from_a_newer_schema_is_refused(archive, tmp_path, installation):
    def later(manifest):
        manifest["migrations"].append(["petitions", "9999_from_the_future"])
        return manifest

    newer = rewritten(archive, tmp_path / "newer.tar.gz", manifest=later)

    message = restore(newer, "--force")

    assert "newer version of Infitah" in message and "petitions.9999_from_the_future" in message


def test_an_installation_that_holds_data_is_not_replaced_without_force(archive, installation):
    message = restore(archive)

    assert "not empty" in message and "--force" in message


def test_the_archive_states_its_format_engine_and_schema(archive):
    from django.db import connection
    from django.db.migrations.recorder import MigrationRecorder

    with tarfile.open(archive) as tar:
        manifest = json.loads(tar.extractfile(MANIFEST_NAME).read())
        names = tar.getnames()

    assert manifest["format"] == "infitah-backup" and manifest["format_version"] == 1
    assert manifest["engine"] == {"sqlite": "sqlite", "postgresql": "postgresql"}[connection.vendor]
    applied = sorted([app, name] for app, name in MigrationRecorder.Migration.objects.values_list("app", "name"))
    assert manifest["migrations"] == applied
    assert [m["path"] for m in manifest["media"]] == ["media/resources/guide.txt"]
    assert names[-1] == MANIFEST_NAME and manifest["database"]["path"] in names
    assert oct(archive.stat().st_mode & 0o777) == "0o600", "the archive holds personal data: its owner reads it"


@pytest.mark.django_db(transaction=True)
def test_a_file_the_database_names_but_the_storage_lost_is_reported(tmp_path, discussions):
    from infitah.bodies.models import BodyKind
    from infitah.participation.attachments import attach
    from tests.factories import AdvisoryBodyFactory
    from tests.files import pdf_bytes

    attachment = attach(UserFactory(), AdvisoryBodyFactory(kind=BodyKind.YOUTH), _pdf_upload(pdf_bytes()))
    default_storage.delete(attachment.file.name)
    errors = io.StringIO()

    call_command("backup", str(tmp_path / "backup.tar.gz"), stderr=errors)

    assert attachment.file.name in errors.getvalue()
    with tarfile.open(tmp_path / "backup.tar.gz") as tar:
        assert json.loads(tar.extractfile(MANIFEST_NAME).read())["missing_files"] == [attachment.file.name]


def _pdf_upload(content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("annexe.pdf", content)
