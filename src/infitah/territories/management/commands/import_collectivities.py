"""`infitah import-collectivities FILE.csv`: check the whole file, then import all of it or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from tqdm import tqdm

from infitah.territories.importing import COLUMNS
from infitah.territories.loading import check_file, save


class Command(BaseCommand):
    help = (
        "Import prefectures, provinces and communes from a UTF-8 CSV file with the columns "
        + ",".join(COLUMNS)
        + ". Every row is checked first; if any row is wrong, nothing is imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="the CSV file to import")
        parser.add_argument("--dry-run", action="store_true", help="check the file and count changes, write nothing")

    def handle(self, *args, file, dry_run, **options):
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(_("Cannot read %(file)s: %(error)s") % {"file": file, "error": error.strerror}) from None
        checked = check_file(data)
        if not checked.ok:
            for problem in checked.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                ngettext(
                    "%(count)d problem found in %(file)s; nothing was imported.",
                    "%(count)d problems found in %(file)s; nothing was imported.",
                    len(checked.problems),
                )
                % {"count": len(checked.problems), "file": file}
            )
        # The bar is for people watching a terminal; logs and pipes get the summary only.
        on_terminal = self.stdout.isatty()
        with tqdm(total=len(checked.rows), unit=_("row"), disable=not on_terminal, file=self.stdout._out) as bar:
            counts = save(checked.rows, dry_run=dry_run, progress=bar.update)
        summary = _("%(created)d created, %(updated)d updated, %(unchanged)d unchanged.") % vars(counts)
        if dry_run:
            summary = _("Dry run, nothing written: %(summary)s") % {"summary": summary}
        self.stdout.write(summary, self.style.SUCCESS)
