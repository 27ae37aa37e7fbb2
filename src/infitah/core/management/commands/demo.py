import os

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.module_loading import import_string

from infitah.core.capabilities import demo_loaders
from infitah.core.pagestamps import pages_changed_in_bulk
from infitah.core.search import bulk_changes


class Command(BaseCommand):
    help = (
        "Set up the database, load the demo data once, print the demo logins and serve the platform with one "
        "background task worker."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--no-serve", action="store_true", help="Prepare everything but do not serve.")

    def handle(self, *args, port, no_serve, **options):
        call_command("migrate", interactive=False, verbosity=0)
        # The terminal gets English: a console renders right-to-left text poorly, and this output is for
        # whoever runs the demo, not for the platform's users.
        with translation.override("en"):
            logins = []
            # Each installed app's loader (its capability declares it), after the apps whose data it builds on.
            # The search index is built once, after every loader: the demo is searchable from its first start.
            with bulk_changes(), pages_changed_in_bulk():
                for _label, loader in demo_loaders():
                    logins.extend(import_string(loader)(stdout=self.stdout) or [])
            if logins:
                self.stdout.write("\nDemo logins (password for all: " + DEMO_PASSWORD + "):")
                for role, email in logins:
                    self.stdout.write(f"  {str(role):<44} {email}")
            self.stdout.write(
                f"\nOpen http://127.0.0.1:{port}/ (Arabic first; the switcher offers French, English, Tamazight)."
            )
        if not no_serve:
            # One background worker beside the web server: e-mails and long reports are not made in the request.
            call_command("serve", port=port, host="127.0.0.1", with_worker=True)


DEMO_PASSWORD = "infitah-demo-2023"  # noqa: S105 - a published demo password, printed on purpose
