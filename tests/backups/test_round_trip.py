"""An operator backs up a running platform and restores it into a new installation: every table, row by row, and
every stored file, byte by byte, come back identical. On the database the tests run on (SQLite; PostgreSQL when
DATABASE_URL names one: the restore then goes to a fresh database on the same server), with files on the
filesystem and, through a real S3-compatible server, in a bucket."""

import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.core.management import call_command

from infitah.bodies.models import BodyKind
from infitah.participation.attachments import attach
from infitah.participation.models import Attachment
from tests.backups.conftest import objects_in, s3_environment
from tests.backups.databases import column_values, contents, fresh_database, live_database, model_tables
from tests.concurrency import in_parallel
from tests.demo_data import load_demo
from tests.factories import AdvisoryBodyFactory, UserFactory
from tests.files import pdf_bytes, png_bytes

ROOT = Path(__file__).resolve().parents[2]
CACHE_TABLE = "infitah_cache"
pytestmark = pytest.mark.django_db(transaction=True)


def restore_elsewhere(archive, database_url, data_dir, extra_env=None, *arguments):
    """`infitah restore` in a new installation: its own process, data folder and database."""
    env = {name: value for name, value in os.environ.items() if not name.startswith(("INFITAH_", "AWS_"))}
    env.update(
        DATABASE_URL=database_url,
        INFITAH_DATA_DIR=str(data_dir),
        DJANGO_SETTINGS_MODULE="tests.settings",  # the test-only capability's tables are in the archive too
        PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "src"), env.get("PYTHONPATH", "")]),
        **(extra_env or {}),
    )
    return subprocess.run(  # noqa: S603 - our own interpreter and command
        [sys.executable, "-m", "infitah", "restore", str(archive), *arguments],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def files_under(folder):
    return {str(path.relative_to(folder)): path.read_bytes() for path in Path(folder).rglob("*") if path.is_file()}


def assert_same_databases(restored):
    before, after = contents(live_database()), contents(restored)
    # The database cache is not the platform's data: a restore empties it (what it held described the replaced
    # data: counted totals, page stamps).
    assert after.pop(CACHE_TABLE, []) == [], "the restored platform starts with an empty cache"
    before.pop(CACHE_TABLE, None)
    assert model_tables() <= set(before), "every model's table, join tables included, is compared"
    assert set(after) == set(before)
    for table in sorted(before):
        assert after[table] == before[table], f"{table} differs after the round trip"
    return before


def test_the_demo_platform_comes_back_identical_from_its_archive(tmp_path, settings):
    load_demo()
    archive = tmp_path / "infitah-backup.tar.gz"

    call_command("backup", str(archive))

    with fresh_database(tmp_path) as (url, restored):
        result = restore_elsewhere(archive, url, tmp_path / "restored")
        assert result.returncode == 0, result.stderr
        tables = assert_same_databases(restored)
    filled = [table for table, rows in tables.items() if rows]
    assert len(filled) >= 80, f"the demo fills most tables ({len(filled)} of {len(tables)})"
    files = files_under(settings.MEDIA_ROOT)
    assert len(files) >= 10, "the demo stores attachments, resources and training materials"
    assert files_under(tmp_path / "restored" / "media") == files


def test_files_in_a_bucket_come_back_identical_into_another_bucket(tmp_path, on_s3, s3_endpoint, bucket, discussions):
    discussion = AdvisoryBodyFactory(kind=BodyKind.YOUTH)
    author = UserFactory()
    for index in range(3):
        attach(author, discussion, _upload(f"annexe-{index}.pdf", pdf_bytes()))
    attach(author, discussion, _upload("photo.png", png_bytes()))
    archive = tmp_path / "infitah-backup.tar.gz"

    call_command("backup", str(archive))

    with tarfile.open(archive) as tar:
        assert sum(name.startswith("media/attachments/") for name in tar.getnames()) == 4
    target = _other_bucket(s3_endpoint)
    with fresh_database(tmp_path) as (url, restored):
        result = restore_elsewhere(archive, url, tmp_path / "restored", s3_environment(s3_endpoint, target))
        assert result.returncode == 0, result.stderr
        assert_same_databases(restored)
    stored = objects_in(s3_endpoint, bucket)
    assert set(stored) == {a.file.name for a in Attachment.objects.all()}
    assert objects_in(s3_endpoint, target) == stored
    assert not (tmp_path / "restored" / "media").exists(), "nothing written to the filesystem"


def test_a_backup_taken_while_people_upload_holds_every_file_its_database_names(tmp_path, settings, discussions):
    discussion = AdvisoryBodyFactory(kind=BodyKind.YOUTH)
    author = UserFactory()
    archive = tmp_path / "infitah-backup.tar.gz"

    def upload_one_after_another():
        for index in range(12):
            attach(author, discussion, _upload(f"annexe-{index}.pdf", pdf_bytes()))

    errors = in_parallel([upload_one_after_another, lambda: call_command("backup", str(archive))])

    assert errors == []
    with fresh_database(tmp_path) as (url, restored):
        result = restore_elsewhere(archive, url, tmp_path / "restored")
        assert result.returncode == 0, result.stderr
        named = column_values(restored, Attachment._meta.db_table, Attachment._meta.get_field("file").column)
    restored_files = files_under(tmp_path / "restored" / "media")
    assert set(named) <= set(restored_files), "every file a restored row names is there"
    for name in named:
        assert restored_files[name] == (settings.MEDIA_ROOT / name).read_bytes()


def _upload(name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)


def _other_bucket(endpoint):
    from tests.backups.conftest import new_bucket

    return new_bucket(endpoint)
