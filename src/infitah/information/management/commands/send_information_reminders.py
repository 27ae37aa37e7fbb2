from django.core.management.base import BaseCommand

from infitah.information.emails import send_reminders


class Command(BaseCommand):
    help = (
        "E-mail each information officer the requests for information of their collectivities that are overdue or "
        "fall due within the week. Run it once a day from cron."
    )

    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(f"{sent} reminder(s) sent.")
