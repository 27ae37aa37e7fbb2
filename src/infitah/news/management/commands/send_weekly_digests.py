import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from infitah.news.digests import covered_week, send_weekly_digests


class Command(BaseCommand):
    help = (
        "Send the weekly digests of the last complete ISO week (Monday to Sunday): the unmailed notifications of "
        "the people who chose the weekly digest, the week's news of the collectivities they follow and the "
        "network's. One e-mail per person per week: safe to run more than once; run it from cron on Monday morning."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--day",
            type=datetime.date.fromisoformat,
            help="Send the digest of the complete week before this day (default: today).",
        )

    def handle(self, *args, day=None, **options):
        week = covered_week(day or timezone.localdate())
        sent = send_weekly_digests(day)
        self.stdout.write(f"{sent} weekly digest(s) sent for {week.iso_year}-W{week.iso_week:02d}.")
