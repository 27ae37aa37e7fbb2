from django.core.management.base import BaseCommand

from infitah.council.reminders import DAYS_BEFORE, send_reminders


class Command(BaseCommand):
    help = (
        "Remind the followers of each collectivity that its council meets within the given days (a notification, "
        "and an e-mail by their preference). Each session is reminded once: safe to run daily from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=DAYS_BEFORE)

    def handle(self, *args, **options):
        sent = send_reminders(days_before=options["days"])
        self.stdout.write(f"{sent} reminder(s) sent.")
