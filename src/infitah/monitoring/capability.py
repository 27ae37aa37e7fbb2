from django.utils.translation import gettext_lazy as _

from infitah.core.capabilities import Capability, Demo, Urls
from infitah.core.datasets import Column, Dataset
from infitah.core.indicators import Indicator
from infitah.core.principles import Principle
from infitah.programs.sections import CommitmentSection, ProgramSection


def declare() -> Capability:
    # --- The public side (tracker, reports, API, open data, demo): its entries are in the blocks marked PUBLIC.
    from infitah.monitoring import open_data, sections

    return Capability(
        urls=(
            # The write side: updates, reviews, replies, the follow-up committee (namespace "monitoring").
            Urls("monitoring/", "infitah.monitoring.urls"),
            # The public side: a program's tracker and its semester reports (namespace "tracker").
            Urls("monitoring/", "infitah.monitoring.tracker_urls"),
        ),
        # PUBLIC
        api="infitah.monitoring.api.router",
        demo=Demo("infitah.monitoring.demo.load", after=("territories", "programs", "consultations", "bodies")),
        rules=(
            # PUBLIC: who reads a program's tracker and reports.
            "infitah.monitoring.tracker_rules",
        ),
        contributes=(
            # --- PUBLIC: the tracker on the programs' pages, open data, the openness index.
            ProgramSection("progress", "monitoring/program_section.html", sections.program_section_context, order=10),
            CommitmentSection(
                "progress", "monitoring/commitment_section.html", sections.commitment_section_context, order=5
            ),
            Dataset(
                key="progress-updates",
                title=_("Progress updates of openness programs"),
                description=_(
                    "Every progress update of the adopted openness programs: the commitment and milestone it is "
                    "about, its date, completion and percentage, and where it stands with its co-monitors."
                ),
                rows=open_data.dataset_rows,
                columns=(
                    Column("id", lambda update: update.pk),
                    Column("program", lambda update: update.program_id),
                    Column("collectivity", lambda update: update.program.collectivity.code),
                    Column("commitment_key", lambda update: str(update.commitment_key)),
                    Column("commitment", open_data.commitment_title),
                    Column("milestone_key", lambda update: str(update.milestone_key or "")),
                    Column("milestone", open_data.milestone_title),
                    Column("as_of", lambda update: update.as_of.isoformat()),
                    Column("completion", lambda update: update.completion),
                    Column("percent", lambda update: update.percent),
                    Column("review_state", lambda update: update.review_state),
                ),
            ),
            Indicator(
                key="monitoring.updates_confirmed",
                principle=Principle.ACCOUNTABILITY,
                title=_("Progress updates confirmed by civil-society co-monitors"),
                compute=open_data.updates_confirmed,
                unit="share",
            ),
            Indicator(
                key="monitoring.commitments_on_track",
                principle=Principle.ACCOUNTABILITY,
                title=_("Adopted commitments with no overdue milestone"),
                compute=open_data.commitments_on_track,
                unit="share",
            ),
            # --- end PUBLIC
        ),
    )
