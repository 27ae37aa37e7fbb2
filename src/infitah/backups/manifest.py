"""What a backup archive says about itself, and whether this installation may restore it (pure functions).

An archive is a gzipped tar holding the database dump, the media files under `media/`, and `manifest.json`, written
last: the archive's format version, the database engine, the migrations applied in the dumped database (the schema
it holds), and the size and SHA-256 of every other member, so that a restore checks the whole archive before it
touches anything.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

FORMAT = "infitah-backup"
# Bumped when a new archive could not be read by the code that wrote the previous version.
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
MEDIA_PREFIX = "media/"
ENGINES = ("sqlite", "postgresql")


@dataclass(frozen=True)
class Member:
    """One file of the archive (the database dump or a media file) and what it must hash to."""

    path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    created_at: str  # ISO 8601, UTC
    engine: str  # "sqlite" or "postgresql"
    database: Member
    migrations: list[tuple[str, str]]  # (app label, migration name) applied in the dumped database, sorted
    media: list[Member] = field(default_factory=list)
    # Files the dumped database names that the storage no longer held when they were copied (see snapshots.py).
    missing_files: list[str] = field(default_factory=list)
    format: str = FORMAT
    format_version: int = FORMAT_VERSION

    def to_json(self) -> bytes:
        return json.dumps(asdict(self), indent=1, ensure_ascii=False, sort_keys=True).encode()

    def members(self) -> list[Member]:
        return [self.database, *self.media]


class ArchiveRefused(Exception):
    """The archive cannot be restored here; the message says why and what to do."""


def _member(data: Any) -> Member:
    return Member(path=str(data["path"]), size=int(data["size"]), sha256=str(data["sha256"]))


def parse(raw: bytes) -> Manifest:
    """The manifest of an archive, or ArchiveRefused when it is not one this code can read."""
    try:
        data = json.loads(raw)
        if data.get("format") != FORMAT:
            raise ArchiveRefused("This file is not an Infitah backup archive.")
        version = int(data["format_version"])
        if version > FORMAT_VERSION:
            raise ArchiveRefused(
                f"This archive has format version {version}; this version of Infitah reads up to {FORMAT_VERSION}. "
                "Restore it with the version of Infitah that wrote it, or a later one."
            )
        return Manifest(
            created_at=str(data["created_at"]),
            engine=str(data["engine"]),
            database=_member(data["database"]),
            migrations=sorted((str(app), str(name)) for app, name in data["migrations"]),
            media=[_member(item) for item in data["media"]],
            missing_files=[str(name) for name in data.get("missing_files", [])],
            format_version=version,
        )
    except (ValueError, KeyError, TypeError) as error:
        raise ArchiveRefused(f"The archive's manifest is damaged ({error}).") from error


def refusal(manifest: Manifest, engine: str, known_migrations: Iterable[tuple[str, str]]) -> str | None:
    """Why this installation (its database `engine`, the migrations its code knows) cannot take the archive, or
    None. An archive from an older schema is fine (`migrate` brings it up to date after the restore); one whose
    database went through a migration this code does not have comes from a newer version, and is refused."""
    if manifest.engine != engine:
        return (
            f"This archive holds a {label(manifest.engine)} database and this installation uses {label(engine)}: "
            "restore it into an installation of the same kind."
        )
    unknown = sorted(set(manifest.migrations) - set(known_migrations))
    if unknown:
        shown = ", ".join(f"{app}.{name}" for app, name in unknown[:5]) + (" …" if len(unknown) > 5 else "")
        return (
            f"This archive comes from a newer version of Infitah: its database went through {len(unknown)} "
            f"migration(s) this version does not have ({shown}). Upgrade Infitah, then restore."
        )
    return None


def label(engine: str) -> str:
    return {"sqlite": "SQLite", "postgresql": "PostgreSQL"}.get(engine, engine)


def is_safe_media_name(name: str) -> bool:
    """A storage name that cannot leave the storage: relative, no `..`, no empty part, no backslash."""
    parts = name.split("/")
    return bool(name) and "\\" not in name and "\x00" not in name and all(part not in ("", ".", "..") for part in parts)
