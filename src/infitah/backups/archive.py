"""Writing and reading the archive file: a gzipped tar, its manifest last, every member checked on the way in."""

from __future__ import annotations

import hashlib
import io
import os
import tarfile
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from infitah.backups.manifest import MANIFEST_NAME, ArchiveRefused, Manifest, Member, parse

CHUNK = 1024 * 1024
# Errors by which tarfile and gzip say that a file is not a whole, readable gzipped tar.
UNREADABLE = (tarfile.TarError, EOFError, zlib.error, OSError)


class ArchiveWriter:
    def __init__(self, tar: tarfile.TarFile) -> None:
        self._tar = tar

    def add(self, path: str, content: IO[bytes], size: int) -> None:
        info = tarfile.TarInfo(path)
        info.size, info.mode, info.mtime = size, 0o600, int(time.time())
        self._tar.addfile(info, content)

    def add_file(self, path: str, source: Path) -> Member:
        digest = _sha256_of(source)
        with source.open("rb") as content:
            self.add(path, content, source.stat().st_size)
        return Member(path=path, size=source.stat().st_size, sha256=digest)


@contextmanager
def writing(destination: Path) -> Iterator[ArchiveWriter]:
    """An archive written beside `destination` and moved into place once complete: never a half-written archive
    under the chosen name. Readable by its owner only: it holds everyone's personal data."""
    partial = destination.with_name(destination.name + ".partial")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz", compresslevel=6) as tar:
            yield ArchiveWriter(tar)
        os.replace(partial, destination)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def add_manifest(writer: ArchiveWriter, manifest: Manifest) -> None:
    data = manifest.to_json()
    writer.add(MANIFEST_NAME, io.BytesIO(data), len(data))


def verify(source: Path, extract: dict[str, Path]) -> Manifest:
    """Read the whole archive once: its manifest, and every member's size and SHA-256 against it. The members named
    in `extract` (archive path → file) are written out on the way. ArchiveRefused when anything does not match."""
    seen: dict[str, tuple[int, str]] = {}
    raw_manifest: bytes | None = None
    try:
        with tarfile.open(source, mode="r:gz") as tar:
            for info in tar:
                if not info.isfile():
                    raise ArchiveRefused(f"The archive holds something that is not a file: {info.name}.")
                handle = tar.extractfile(info)
                assert handle is not None
                if info.name == MANIFEST_NAME:
                    raw_manifest = handle.read()
                    continue
                target = extract.get(info.name)
                with target.open("wb") if target else open(os.devnull, "wb") as out:
                    seen[info.name] = _copy_hashing(handle, out)
    except UNREADABLE as error:
        raise ArchiveRefused(f"This file is not a readable backup archive (damaged or truncated: {error}).") from error
    if raw_manifest is None:
        raise ArchiveRefused("This archive has no manifest: it is not an Infitah backup, or it is incomplete.")
    manifest = parse(raw_manifest)
    expected = {member.path: (member.size, member.sha256) for member in manifest.members()}
    if seen != expected:
        damaged = sorted(path for path in expected.keys() | seen.keys() if seen.get(path) != expected.get(path))
        raise ArchiveRefused(
            f"The archive is damaged: {len(damaged)} file(s) differ from its manifest ({', '.join(damaged[:5])})."
        )
    return manifest


@contextmanager
def members(source: Path) -> Iterator[Iterator[tuple[str, IO[bytes], int]]]:
    """(archive path, content, size) of every member, in the archive's order (read again after `verify`)."""
    with tarfile.open(source, mode="r:gz") as tar:

        def each() -> Iterator[tuple[str, IO[bytes], int]]:
            for info in tar:
                handle = tar.extractfile(info)
                if handle is not None:
                    yield info.name, handle, info.size

        yield each()


def _copy_hashing(source: IO[bytes], out: IO[bytes]) -> tuple[int, str]:
    digest, size = hashlib.sha256(), 0
    while chunk := source.read(CHUNK):
        digest.update(chunk)
        out.write(chunk)
        size += len(chunk)
    return size, digest.hexdigest()


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
