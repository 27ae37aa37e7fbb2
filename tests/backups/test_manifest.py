"""Which archives an installation takes: same database engine, a schema no newer than its own code's."""

import json

import pytest

from infitah.backups.manifest import (
    FORMAT_VERSION,
    ArchiveRefused,
    Manifest,
    Member,
    is_safe_media_name,
    parse,
    refusal,
)

KNOWN = {("accounts", "0001_initial"), ("accounts", "0002_cache"), ("events", "0001_initial")}


def manifest(engine="sqlite", migrations=(("accounts", "0001_initial"),)):
    return Manifest(
        created_at="2026-12-02T10:00:00+00:00",
        engine=engine,
        database=Member("database/infitah.sqlite3", 10, "0" * 64),
        migrations=sorted(migrations),
    )


@pytest.mark.parametrize(
    ("archive", "installation", "refused_because"),
    [
        (manifest(), "sqlite", None),
        (manifest(migrations=sorted(KNOWN)), "sqlite", None),
        (manifest(migrations=()), "sqlite", None),  # older: `migrate` brings it up to date
        (manifest(migrations=[*KNOWN, ("events", "0002_later")]), "sqlite", "newer version of Infitah"),
        (manifest(migrations=[("petitions", "0001_initial")]), "sqlite", "petitions.0001_initial"),
        (manifest(engine="postgresql"), "sqlite", "holds a PostgreSQL database and this installation uses SQLite"),
        (manifest(), "postgresql", "holds a SQLite database and this installation uses PostgreSQL"),
    ],
)
def test_an_archive_is_refused_only_when_it_cannot_be_restored_here(archive, installation, refused_because):
    reason = refusal(archive, installation, KNOWN)

    if refused_because is None:
        assert reason is None
    else:
        assert reason is not None and refused_because in reason


def test_the_manifest_reads_back_what_was_written():
    written = manifest(migrations=sorted(KNOWN))

    assert parse(written.to_json()) == written


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        ({"format": "something-else"}, "not an Infitah backup"),
        ({"format_version": FORMAT_VERSION + 1}, "format version"),
        ({"migrations": "x"}, "damaged"),
        ({"database": None}, "damaged"),
    ],
)
def test_a_manifest_of_another_kind_or_a_later_format_is_refused(change, complaint):
    data = {**json.loads(manifest().to_json()), **change}

    with pytest.raises(ArchiveRefused, match=complaint):
        parse(json.dumps(data).encode())


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("attachments/2026/12/a.pdf", True),
        ("news/.hidden.png", True),
        ("../settings.py", False),
        ("attachments/../../etc/passwd", False),
        ("/etc/passwd", False),
        ("a//b", False),
        ("a\\b", False),
        ("", False),
    ],
)
def test_only_names_that_stay_inside_the_storage_are_restored(name, safe):
    assert is_safe_media_name(name) is safe
