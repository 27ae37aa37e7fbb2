from django.utils.translation import gettext_lazy as _

from infitah.core.capabilities import Capability, Urls
from infitah.core.contributions import AccountMenuItem, WaitingGroup
from infitah.core.scopes import Scope
from infitah.core.visibility import Visibility
from infitah.participation.notifications import NotificationVerb
from infitah.participation.targets import ParticipationTarget


def declare() -> Capability:
    # --- write side (updates, reviews, replies, committee): imports ---
    from infitah.accounts.links import PersonLink
    from infitah.monitoring import personal_data, waiting
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
        rules=(
            "infitah.monitoring.rules",  # write side
        ),
        contributes=(
            # --- write side: begin ---
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
            AccountMenuItem("monitoring_desks", "monitoring/_account_menu.html", order=20),
            personal_data.PERSONAL_DATA,
            # --- write side: end ---
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
