from django.core.management.base import BaseCommand

from infitah.events.emails import send_reminders


class Command(BaseCommand):
    help = (
        "E-mail a reminder to the people confirmed for the events of tomorrow. Each person gets it once per event: "
        "safe to run several times a day from cron."
    )

    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(f"{sent} reminder(s) sent.")
