"""`infitah restore FILE [--force]`: replace the database and the media files by an archive's."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from infitah.backups import services
from infitah.backups.databases import DatabaseToolMissing
from infitah.backups.manifest import ArchiveRefused


class Command(BaseCommand):
    help = (
        "Restore an archive written by `backup`: checks all of it first, then replaces the database and the media "
        "files. Stop the web processes and workers first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="the archive written by `infitah backup`")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace an installation that already holds data (its database and every stored file)",
        )

    def handle(self, *args: Any, file: Path, force: bool, **options: Any) -> None:
        if not file.is_file():
            raise CommandError(f"{file}: no such archive.")
        try:
            result = services.restore(file, force=force, say=self.stdout.write)
        except (ArchiveRefused, DatabaseToolMissing, RuntimeError, ValueError) as error:
            raise CommandError(str(error)) from error
        for note in result.notes:
            self.stdout.write(note)
        self.stdout.write(
            f"Restored the backup of {result.manifest.created_at}: the database and "
            f"{len(result.manifest.media)} media file(s)"
            + (f" ({result.files_removed} file(s) that were stored before removed)." if result.files_removed else ".")
        )
