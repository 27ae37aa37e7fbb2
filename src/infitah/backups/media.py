"""The media half of a backup: every file of the configured storage (filesystem or S3), through the storage API."""

from __future__ import annotations

import hashlib
import posixpath
import tempfile
from collections.abc import Iterator
from typing import IO

from django.core.files import File
from django.core.files.storage import Storage

CHUNK = 1024 * 1024


def stored_names(storage: Storage, folder: str = "") -> Iterator[str]:
    """Every file name in `storage`, folders walked depth first; nothing when the storage has never been written."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield posixpath.join(folder, name) if folder else name
    for sub in sorted(folders):
        yield from stored_names(storage, posixpath.join(folder, sub) if folder else sub)


def copy_out(storage: Storage, name: str) -> tuple[IO[bytes], int, str] | None:
    """A stored file copied into a temporary file, with its size and SHA-256; None when it vanished meanwhile."""
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - the caller closes it once added to the archive
    digest = hashlib.sha256()
    try:
        with storage.open(name, "rb") as source:
            while chunk := source.read(CHUNK):
                digest.update(chunk)
                spool.write(chunk)
    except FileNotFoundError:
        spool.close()
        return None
    size = spool.tell()
    spool.seek(0)
    return spool, size, digest.hexdigest()


def put(storage: Storage, name: str, content: IO[bytes], size: int) -> None:
    """Store `content` (`size` bytes) under exactly `name`, replacing a file of that name."""
    if storage.exists(name):
        storage.delete(name)
    file = File(content, name=posixpath.basename(name))
    file.size = size  # not guessed from `content`, which may be a member of a tar archive
    saved = storage.save(name, file)
    if saved != name:
        raise RuntimeError(f"the storage kept {name} as {saved}")


def delete_all(storage: Storage) -> int:
    names = list(stored_names(storage))
    for name in names:
        storage.delete(name)
    return len(names)
