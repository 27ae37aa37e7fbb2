import sys

from django.core.management.base import BaseCommand, CommandError

from infitah.search import indexing


class Command(BaseCommand):
    help = (
        "Rebuild the search index from every searchable source (or only --kind ones), in chunks: a progress bar on "
        "a terminal, quiet otherwise."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--kind", action="append", default=[], help="Only this kind (repeatable), e.g. events.event"
        )

    def handle(self, *args, kind, **options):
        unknown = sorted(set(kind) - set(indexing.kinds()))
        if unknown:
            raise CommandError(f"unknown kinds: {', '.join(unknown)}; known: {', '.join(indexing.kinds())}")
        tty = self.stdout.isatty() if hasattr(self.stdout, "isatty") else sys.stdout.isatty()
        progress = self._bar if tty and options["verbosity"] > 0 else None
        documents = indexing.rebuild(kind or None, progress=progress)
        if progress:
            self.stdout.write("")
        if options["verbosity"] > 0:
            self.stdout.write(f"Search index rebuilt: {documents} documents.")

    def _bar(self, kind: str, done: int, total: int) -> None:
        width = 30
        filled = width * done // total if total else width
        self.stdout.write(f"\r{kind:<36} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending="")
        self.stdout.flush()
