from django.core.management.base import BaseCommand

from infitah.core.staticfiles import collect_if_changed


class Command(BaseCommand):
    help = "Collect static files if their sources changed since the last collection (make install runs it)."

    def handle(self, *args, **options):
        if not collect_if_changed(stdout=self.stdout):
            self.stdout.write("Static files are up to date.")
