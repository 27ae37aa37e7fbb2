"""An opinion's life: submitted by a member → acknowledged by the collectivity → answered with the council's
reasoned response. `check_move` is the pure state machine; the services lock the row, check who acts and the move,
record the dates, audit staff acts and notify the member who submitted it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import User
from infitah.bodies.models import AdvisoryBody, BodyMember, Opinion, OpinionStatus, default_response_days
from infitah.core.permissions import Refused, can
from infitah.core.translation import clean_translations
from infitah.participation.audit import audit
from infitah.participation.notifications import notify

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from django_stubs_ext import StrOrPromise

    from infitah.accounts.models import User
    from infitah.accounts.types import Viewer
    from infitah.programs.models import Commitment

MOVES: dict[str, set[str]] = {
    OpinionStatus.SUBMITTED: {OpinionStatus.ACKNOWLEDGED},
    OpinionStatus.ACKNOWLEDGED: {OpinionStatus.ANSWERED},
    OpinionStatus.ANSWERED: set(),
}


class OpinionRefused(Refused):
    """An act on an opinion was refused; `reason` says why, for the person who tried."""


def check_move(current: str, target: str) -> StrOrPromise | None:
    """None if an opinion may go from `current` to `target`, else the reason (pure)."""
    if target in MOVES.get(current, set()):
        return None
    if current == OpinionStatus.ANSWERED:
        return _("This opinion has already been answered; the answer cannot be changed.")
    if current == target == OpinionStatus.ACKNOWLEDGED:
        return _("This opinion has already been acknowledged.")
    if current == OpinionStatus.SUBMITTED and target == OpinionStatus.ANSWERED:
        return _("Acknowledge receipt of the opinion before recording the council's answer.")
    return _("An opinion cannot go from “%(current)s” to “%(target)s”.") % {
        "current": OpinionStatus(current).label,
        "target": OpinionStatus(target).label,
    }


def membership_of(user: Viewer, body: AdvisoryBody) -> BodyMember | None:
    """The user's active seat on the body, or None."""
    if user is None or not user.is_authenticated:
        return None
    return BodyMember.objects.active().filter(body=body, user=user).first()


def submit_opinion(
    body: AdvisoryBody,
    *,
    by: User,
    kind: str,
    title: dict[str, str],
    text: dict[str, str],
    member: BodyMember | None = None,
    commitments: Iterable[Commitment] = (),
    now: datetime.datetime | None = None,
) -> Opinion:
    """Record an opinion of `body`. A member submits in their own name; staff of the body's collectivity may
    record one on the body's behalf, naming the member who presented it."""
    if not can(by, "bodies.submit_opinion", body):
        raise OpinionRefused(
            _(
                "Only the active members of this body (and its collectivity's staff on their behalf) "
                "may submit its opinions."
            )
        )
    own_seat = membership_of(by, body)
    if member is None:
        member = own_seat
    if member is None or member.body_id != body.pk or not member.is_active:
        raise OpinionRefused(_("Choose the active member of this body who submits the opinion."))
    if member != own_seat and not can(by, "bodies.record_on_behalf", body):
        raise OpinionRefused(_("You may submit opinions only in your own name."))
    title, text = clean_translations(title), clean_translations(text)
    if not title or not text:
        raise OpinionRefused(_("An opinion needs a title and a text."))
    chosen = checked_commitments(body, commitments)
    opinion = Opinion.objects.create(
        body=body,
        kind=kind,
        title=title,
        text=text,
        member=member,
        member_name=member.name,
        recorded_by=by,
        submitted_at=now or timezone.now(),
        response_days=default_response_days(),
    )
    if chosen:
        opinion.commitments.set(chosen)
    if member.user_id != by.pk:
        audit(by, "bodies.record_opinion", opinion, {"member": [None, member.name]}, collectivity=body.collectivity)
    notify("opinion_submitted", opinion, actor=by, recipients=receivers_of_opinions(body), exclude=[member.user])
    return opinion


def checked_commitments(body: AdvisoryBody, commitments: Iterable[Commitment]) -> list[Commitment]:
    """The commitments an opinion of `body` is about, refused unless every one belongs to a public program of the
    body's own collectivity (a forged id of another collectivity's commitment included)."""
    from infitah.bodies.selectors import choosable_commitments

    chosen = list(commitments)
    allowed = set(choosable_commitments(body).filter(pk__in=[c.pk for c in chosen]).values_list("pk", flat=True))
    if any(commitment.pk not in allowed for commitment in chosen):
        raise OpinionRefused(
            _(
                "An opinion of this body may only be about commitments of its own collectivity's public "
                "programs; choose among those listed."
            )
        )
    return chosen


def receivers_of_opinions(body: AdvisoryBody) -> QuerySet[User]:
    """Who is told that the body submitted an opinion: the focal points of its collectivity, who acknowledge it
    and see to the council's answer, and the body's secretariat — its president and rapporteur, who keep its
    records — when they have an account."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    from infitah.accounts.models import Role
    from infitah.bodies.models import BureauRole

    secretariat = BodyMember.objects.active().filter(
        body=body, bureau_role__in=[BureauRole.PRESIDENT, BureauRole.RAPPORTEUR], user__isnull=False
    )
    return (
        get_user_model()
        .objects.filter(
            Q(role_assignments__role=Role.FOCAL_POINT, role_assignments__collectivity_id=body.collectivity_id)
            | Q(pk__in=secretariat.values("user_id")),
            is_active=True,
        )
        .distinct()
    )


def _locked(opinion: Opinion) -> Opinion:
    return (
        Opinion.objects.select_for_update(of=("self",))
        .select_related("body__collectivity", "member__user")
        .get(pk=opinion.pk)
    )


def _submitter(opinion: Opinion) -> list[User]:
    people: list[Any] = []
    member = opinion.member
    if member is not None and member.user_id is not None:
        people.append(member.user)
    if opinion.recorded_by_id is not None:
        people.append(opinion.recorded_by)
    return people


def acknowledge(opinion: Opinion, *, by: User, now: datetime.datetime | None = None) -> Opinion:
    if not can(by, "bodies.acknowledge_opinion", opinion):
        raise OpinionRefused(_("Only the staff of this body's collectivity may acknowledge its opinions."))
    with transaction.atomic():
        locked = _locked(opinion)
        refused = check_move(locked.status, OpinionStatus.ACKNOWLEDGED)
        if refused:
            raise OpinionRefused(refused)
        locked.status = OpinionStatus.ACKNOWLEDGED
        locked.acknowledged_at = now or timezone.now()
        locked.acknowledged_by = by
        locked.save(update_fields=["status", "acknowledged_at", "acknowledged_by"])
        audit(by, "bodies.acknowledge_opinion", locked, {"status": [OpinionStatus.SUBMITTED, locked.status]})
        notify("opinion_acknowledged", locked, actor=by, recipients=_submitter(locked))
    return locked


def answer(
    opinion: Opinion,
    *,
    by: User,
    response: dict[str, str],
    council_session: str = "",
    now: datetime.datetime | None = None,
) -> Opinion:
    """Record the council's reasoned response; it is public and final."""
    if not can(by, "bodies.answer_opinion", opinion):
        raise OpinionRefused(_("Only the staff of this body's collectivity may record the council's answer."))
    response = clean_translations(response)
    if not response:
        raise OpinionRefused(_("Write the council's reasoned response: an answer without reasons is not an answer."))
    with transaction.atomic():
        locked = _locked(opinion)
        refused = check_move(locked.status, OpinionStatus.ANSWERED)
        if refused:
            raise OpinionRefused(refused)
        before = locked.status
        locked.status = OpinionStatus.ANSWERED
        locked.response = response
        locked.council_session = council_session.strip()
        locked.answered_at = now or timezone.now()
        locked.answered_by = by
        locked.save(update_fields=["status", "response", "council_session", "answered_at", "answered_by"])
        audit(by, "bodies.answer_opinion", locked, {"status": [before, locked.status]})
        notify("opinion_answered", locked, actor=by, recipients=_submitter(locked))
    return locked


def link_commitments(opinion: Opinion, *, by: User, commitments: Iterable[Commitment]) -> Opinion:
    """Say which commitments of the collectivity's public programs `opinion` is about (replacing the previous
    choice); audited, as every staff act on an opinion."""
    if not can(by, "bodies.link_commitments", opinion):
        raise OpinionRefused(
            _("Only the staff of this body's collectivity may change the commitments an opinion is about.")
        )
    chosen = checked_commitments(opinion.body, commitments)
    with transaction.atomic():
        before = sorted(opinion.commitments.values_list("pk", flat=True))
        opinion.commitments.set(chosen)
        after = sorted(commitment.pk for commitment in chosen)
        if before != after:
            audit(by, "bodies.link_commitments", opinion, {"commitments": [before, after]})
    return opinion
