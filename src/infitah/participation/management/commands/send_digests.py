import datetime

from django.core.management.base import BaseCommand

from infitah.participation.digests import send_digests


class Command(BaseCommand):
    help = (
        "Send the daily notification digests (one e-mail per person per day). Safe to run more than once a day: "
        "run it from cron, e.g. every morning."
    )

    def add_arguments(self, parser):
        parser.add_argument("--day", type=datetime.date.fromisoformat, help="The day to send for (default: today).")

    def handle(self, *args, day=None, **options):
        sent = send_digests(day)
        self.stdout.write(f"{sent} digest(s) sent.")
