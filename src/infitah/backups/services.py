"""`infitah backup` and `infitah restore`: one archive holding the database and the media files, consistent with
each other.

Consistency: the database is dumped first, as of one instant (databases.snapshot); then every stored file is
copied. A file added after that instant is copied too (an extra file no row names yet: harmless). A file that a
dumped row names but that was deleted in between (its row removed after the dump) would be missing: the backup then
starts again, up to ATTEMPTS times, so that the archive holds every file its database names; a file still missing
after that is missing from the installation itself, and is listed in the manifest and reported.
"""

from __future__ import annotations

import datetime
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.files.storage import Storage, default_storage
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader

from infitah.backups import archive, databases, media
from infitah.backups.manifest import MEDIA_PREFIX, ArchiveRefused, Manifest, Member, is_safe_media_name, refusal

ATTEMPTS = 3

Say = Callable[[str], None]


@dataclass
class BackupResult:
    manifest: Manifest
    attempts: int


@dataclass
class RestoreResult:
    manifest: Manifest
    files_removed: int = 0
    notes: list[str] = field(default_factory=list)


def backup(destination: Path, storage: Storage | None = None, using: str = DEFAULT_DB_ALIAS) -> BackupResult:
    storage = storage or default_storage
    for attempt in range(1, ATTEMPTS + 1):
        manifest = _write_archive(destination, storage, using)
        if not manifest.missing_files or attempt == ATTEMPTS:
            return BackupResult(manifest=archive.verify(destination, {}), attempts=attempt)
    raise AssertionError("unreachable: the last attempt returns")


def _write_archive(destination: Path, storage: Storage, using: str) -> Manifest:
    connection = connections[using]
    engine = databases.engine_of(connection)
    with (
        tempfile.TemporaryDirectory(prefix="infitah-backup-") as folder,
        databases.snapshot(connection, Path(folder)) as snapshot,
        archive.writing(destination) as writer,
    ):
        database = writer.add_file(databases.dump_name(engine), snapshot.path)
        copied: list[Member] = []
        for name in media.stored_names(storage):
            copy = media.copy_out(storage, name)
            if copy is None:  # deleted since it was listed
                continue
            content, size, digest = copy
            with content:
                writer.add(MEDIA_PREFIX + name, content, size)
            copied.append(Member(path=MEDIA_PREFIX + name, size=size, sha256=digest))
        stored = {member.path.removeprefix(MEDIA_PREFIX) for member in copied}
        manifest = Manifest(
            created_at=datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            engine=engine,
            database=database,
            migrations=snapshot.migrations,
            media=copied,
            missing_files=sorted(snapshot.referenced_files - stored),
        )
        archive.add_manifest(writer, manifest)
    return manifest


def known_migrations() -> set[tuple[str, str]]:
    return set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)


def holds_data(storage: Storage, using: str = DEFAULT_DB_ALIAS) -> list[str]:
    """What makes this installation not empty: user accounts in its database, files in its storage."""
    from django.contrib.auth import get_user_model

    found = []
    connection = connections[using]
    table = get_user_model()._meta.db_table
    if table in connection.introspection.table_names() and get_user_model()._default_manager.using(using).exists():
        found.append("user accounts in the database")
    if next(media.stored_names(storage), None) is not None:
        found.append("files in the media storage")
    return found


def restore(
    source: Path, force: bool = False, storage: Storage | None = None, using: str = DEFAULT_DB_ALIAS, say: Say = print
) -> RestoreResult:
    """Check the whole archive, then replace the database and the media files by the archive's. Refused (nothing
    changed) when the archive is damaged, of another engine or from a newer schema, and — without `force` — when
    this installation already holds data."""
    storage = storage or default_storage
    connection = connections[using]
    engine = databases.engine_of(connection)
    with tempfile.TemporaryDirectory(prefix="infitah-restore-") as folder:
        dump = Path(folder) / "database"
        manifest = archive.verify(source, {databases.dump_name(engine): dump})
        reason = refusal(manifest, engine, known_migrations())
        if reason:
            raise ArchiveRefused(reason)
        unsafe = [
            member.path for member in manifest.media if not is_safe_media_name(member.path.removeprefix(MEDIA_PREFIX))
        ]
        if unsafe or not dump.exists():
            raise ArchiveRefused(
                f"The archive is damaged: unexpected names ({', '.join(unsafe[:5]) or 'no database'})."
            )
        existing = holds_data(storage, using)
        if existing and not force:
            raise ArchiveRefused(
                f"This installation is not empty ({', '.join(existing)}). Restoring replaces all of it by the "
                "archive's content: run again with --force to do so."
            )
        result = RestoreResult(manifest=manifest)
        say(f"Replacing the database by the archive's ({manifest.created_at})…")
        databases.restore(connection, dump)
    say("Applying this version's migrations to the restored database…")
    call_command("migrate", interactive=False, verbosity=0, database=using)
    result.files_removed = media.delete_all(storage)
    say(f"Copying {len(manifest.media)} media file(s) into the storage…")
    with archive.members(source) as each:
        for path, content, size in each:
            if path.startswith(MEDIA_PREFIX):
                media.put(storage, path.removeprefix(MEDIA_PREFIX), content, size)
    # Cached pages and counts describe the data that was just replaced (with Redis: its database is emptied).
    cache.clear()
    ContentType.objects.clear_cache()
    if manifest.missing_files:
        result.notes.append(
            f"{len(manifest.missing_files)} file(s) named by the database were already missing when the backup "
            "was taken (listed in its manifest)."
        )
    if settings.STORAGES["default"]["BACKEND"].endswith("FileSystemStorage"):
        result.notes.append(f"Media files restored into {settings.MEDIA_ROOT}.")
    return result
