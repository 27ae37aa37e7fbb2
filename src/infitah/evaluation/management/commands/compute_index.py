from django.core.management.base import BaseCommand

from infitah.evaluation.indexing import index_campaign, settled_campaigns


class Command(BaseCommand):
    help = (
        "Recompute the openness index of every settled assessment campaign (closed, or both assessments submitted), "
        "or only those of one year. Safe to run again: the values are rewritten, never duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, help="Only the campaigns of this year.")

    def handle(self, *args, **options):
        count = 0
        for campaign in settled_campaigns(options.get("year")).select_related("framework"):
            index_campaign(campaign)
            count += 1
        self.stdout.write(f"{count} campaign(s) indexed.")
