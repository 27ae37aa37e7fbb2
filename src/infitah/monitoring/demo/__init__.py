"""The demo's co-monitoring: Marrakech-Safi's adopted program with its follow-up committee (elected members and
civil society, the demo association's representative and the equality body's member with accounts) and a year
(2024) of progress updates: most confirmed, one contested then answered, one awaiting review, and a milestone
overdue (July's decisions, only partly published).

Rows are written directly with the story's dates (the write side's services check what staff type; the demo's
data is already consistent). `load()` writes only what is missing: a committee already there is left as it is.
"""

from __future__ import annotations

import datetime

from django.core.management.base import OutputWrapper
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from infitah.accounts.models import Association, User
from infitah.monitoring.demo import content
from infitah.monitoring.models import (
    CommitteeMember,
    ContestReply,
    FollowUpCommittee,
    MilestoneWeight,
    ProgressUpdate,
    Review,
    ReviewState,
    Verdict,
)
from infitah.programs.models import Program
from infitah.territories.demo.content import ILLUSTRATIVE_FR

MARRAKECH_SAFI = "07"


def _moment(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def load(stdout: OutputWrapper | None = None) -> list[tuple[str, str]]:
    """Create the demo's committee and updates once; they add no login to print."""
    program = (
        Program.objects.filter(collectivity__code=MARRAKECH_SAFI, reference_version__isnull=False)
        .select_related("reference_version", "collectivity")
        .order_by("pk")
        .first()
    )
    if program is None or FollowUpCommittee.objects.filter(program=program).exists():
        return []
    emails = [member[3] for member in content.MEMBERS if member[3]]
    people = {user.email: user for user in User.objects.filter(email__in=emails)}
    with transaction.atomic():
        _committee(program, people)
        _updates(program, people)
    if stdout is not None:
        stdout.write(_("Marrakech-Safi's co-monitoring: its follow-up committee and a year of progress updates."))
    return []


def _committee(program: Program, people: dict[str, User]) -> None:
    committee = FollowUpCommittee.objects.create(
        program=program,
        mandate=content.COMMITTEE["mandate"],
        constituted_on=datetime.date.fromisoformat(content.CONSTITUTED_ON),
    )
    association = (
        Association.objects.filter(is_verified=True, seat__parent__parent=program.collectivity).order_by("pk").first()
    )
    for order, (seat, name, role, email, represents) in enumerate(content.MEMBERS, 1):
        user = people.get(email) if email else None
        CommitteeMember.objects.create(
            committee=committee,
            seat=seat,
            name=name or (user.full_name if user else "") or (email or "").split("@")[0],
            user=user,
            association=association if represents else None,
            role=role,
            order=order,
        )


def _updates(program: Program, people: dict[str, User]) -> None:
    assert program.reference_version is not None
    axes = program.reference_version.snapshot["axes"]
    focal_point = people.get("focal.marrakech-safi@infitah.example")
    confirmer = people.get("association@infitah.example")
    contester = people.get("body.member@infitah.example")
    for axis, commitment, milestone, weight in content.WEIGHTS:
        key = axes[axis]["commitments"][commitment]["milestones"][milestone]["key"]
        MilestoneWeight.objects.create(program=program, milestone_key=key, weight=weight)
    for axis, position, milestone, as_of, completion, percent, narrative, review in content.UPDATES:
        commitment = axes[axis]["commitments"][position]
        day = datetime.date.fromisoformat(as_of)
        state = review if isinstance(review, str) else ReviewState.RESOLVED
        update = ProgressUpdate.objects.create(
            program=program,
            commitment_key=commitment["key"],
            milestone_key=commitment["milestones"][milestone]["key"],
            as_of=day,
            completion=completion,
            percent=percent,
            narrative=narrative,
            author=focal_point,
            review_state=state,
            created_at=_moment(day, 10),
        )
        if review == content.CONFIRMED and confirmer is not None:
            Review.objects.create(
                update=update,
                reviewer=confirmer,
                verdict=Verdict.CONFIRMED,
                comment=content.CONFIRM_COMMENT,
                created_at=_moment(day + datetime.timedelta(days=3), 11),
            )
        elif isinstance(review, tuple):
            _state, comment, reply = review
            Review.objects.create(
                update=update,
                reviewer=contester,
                verdict=Verdict.CONTESTED,
                comment=f"{comment} ({ILLUSTRATIVE_FR})",
                created_at=_moment(day + datetime.timedelta(days=5), 11),
            )
            ContestReply.objects.create(
                update=update,
                author=focal_point,
                text=f"{reply} ({ILLUSTRATIVE_FR})",
                created_at=_moment(day + datetime.timedelta(days=20), 9),
            )
