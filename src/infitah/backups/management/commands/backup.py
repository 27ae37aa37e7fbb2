"""`infitah backup FILE`: the database and every media file in one archive, taken while the platform runs."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from infitah.backups import services
from infitah.backups.databases import DatabaseToolMissing


class Command(BaseCommand):
    help = "Write the database and the media files, consistent with each other, into one archive (.tar.gz)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="the archive to write (replaced if it exists)")

    def handle(self, *args: Any, file: Path, **options: Any) -> None:
        if file.is_dir():
            raise CommandError(f"{file} is a folder: name the archive file to write.")
        try:
            result = services.backup(file)
        except (DatabaseToolMissing, RuntimeError, ValueError) as error:
            raise CommandError(str(error)) from error
        manifest = result.manifest
        for name in manifest.missing_files:
            self.stderr.write(f"missing from the storage, named by the database: {name}")
        total = sum(member.size for member in manifest.members())
        self.stdout.write(
            f"{file}: {manifest.engine} database ({len(manifest.migrations)} migrations applied), "
            f"{len(manifest.media)} media file(s), {total / 1e6:.1f} MB before compression."
        )
