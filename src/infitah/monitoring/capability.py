from django.utils.translation import gettext_lazy as _

from infitah.core.capabilities import Capability, Demo, Urls
from infitah.core.contributions import AccountMenuItem, WaitingGroup
from infitah.core.datasets import Column, Dataset
from infitah.core.indicators import Indicator
from infitah.core.principles import Principle
from infitah.core.scopes import Scope
from infitah.core.visibility import Visibility
from infitah.participation.notifications import NotificationVerb
from infitah.participation.targets import ParticipationTarget
from infitah.programs.sections import CommitmentSection, ProgramSection


def _opens_desks(request):
    from infitah.monitoring.templatetags.monitoring_desk import opens_desks

    return opens_desks(request.user)


def declare() -> Capability:
    from infitah.accounts.links import PersonLink
    from infitah.monitoring import open_data, personal_data, sections, waiting
    from infitah.monitoring.models import (
        CommitteeMember,
        ContestReply,
        FollowUpCommittee,
        MilestoneWeight,
        ProgressUpdate,
        Review,
    )

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
            "infitah.monitoring.rules",  # write side
            "infitah.monitoring.tracker_rules",  # PUBLIC: who reads a program's tracker and reports
        ),
        contributes=(
            # Evidence files are participation attachments of the update: checked on the way in (size, type,
            # content), served as downloads, private while the update is.
            ParticipationTarget(
                model=ProgressUpdate,
                features=frozenset({"attach"}),
                collectivity=lambda update: update.program.collectivity_id,
                gate=_update_gate,
                url=lambda update: update.get_absolute_url(),
            ),
            Scope(Review, lambda review: review.update.program.collectivity_id),
            Scope(ContestReply, lambda reply: reply.update.program.collectivity_id),
            Scope(CommitteeMember, lambda member: member.committee.program.collectivity_id),
            Scope(FollowUpCommittee, lambda committee: committee.program.collectivity_id),
            Scope(MilestoneWeight, lambda weight: weight.program.collectivity_id),
            Visibility(ProgressUpdate, "monitoring.view_update"),
            # A committee seat with an account links that person to the program's collectivity (staff may choose
            # them elsewhere, as for an advisory body's seat).
            PersonLink(
                lambda: CommitteeMember.objects.filter(user__isnull=False), "committee__program__collectivity", "user"
            ),
            NotificationVerb(
                "progress_update_to_review", _("%(actor)s published a progress update for you to review: %(target)s")
            ),
            NotificationVerb("progress_update_published", _("%(actor)s published a progress update: %(target)s")),
            NotificationVerb("progress_update_contested", _("%(actor)s contested the progress update %(target)s")),
            NotificationVerb(
                "progress_contest_answered", _("%(actor)s answered your contest of the progress update %(target)s")
            ),
            WaitingGroup("monitoring_due", _("Progress updates due"), waiting.updates_due, order=25),
            WaitingGroup(
                "monitoring_contested", _("Contested progress updates to answer"), waiting.contests_to_answer, order=26
            ),
            WaitingGroup("monitoring_review", _("Progress updates to review"), waiting.updates_to_review, order=27),
            # Staff reach their programs' desks from the signed-in menu (co-monitors from their landing page).
            AccountMenuItem(
                "monitoring_desks",
                "monitoring/_account_menu.html",
                order=20,
                power_state=_opens_desks,
            ),
            personal_data.PERSONAL_DATA,
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


def _update_gate(user, update, feature):
    """Staff attach evidence to the updates they write; an update's files are as public as the update."""
    from infitah.core.permissions import can

    if feature == "view":
        return None if can(user, "monitoring.view_update", update) else _("This is not public.")
    if not can(user, "monitoring.write_update", update):
        return _("Only the staff who write progress updates attach their evidence.")
    return None
