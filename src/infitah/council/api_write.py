"""Staff write operations on council decisions, authenticated by a staff token (`infitah.api.auth.StaffToken`):
the focal point or an editor records a decision of a session of their own collectivity. The same rules as the back
office's form: votes within the members in office, a number unused that year; a refusal is a problem, nothing saved.
"""

from datetime import date

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Schema, Status
from ninja.errors import HttpError

from infitah.api.problems import NO_NUL, Id, Problem, first_or_404
from infitah.core.permissions import can
from infitah.council import law, services
from infitah.council.api import DecisionDetailOut, DecisionOut, router
from infitah.council.models import AgendaPoint, Decision, Session

Count = Field(ge=0, le=10_000)


class DecisionIn(Schema):
    number: str = Field(min_length=1, max_length=100, pattern=NO_NUL)
    title: dict[str, str] = Field(description="The title per language code (ar, fr, en…)")
    text: dict[str, str] = Field(default_factory=dict)
    decided_on: date
    votes_for: int = Count
    votes_against: int = Count
    votes_abstain: int = Count
    postponed: bool = False
    agenda_point_id: Id | None = None


@router.paged(
    "council/sessions/{session_id}/decisions",
    DecisionOut,
    summary="The decisions of a published session",
    not_found=True,
    ordering={"id": "pk", "number": "number", "decided_on": "decided_on"},
)
def list_session_decisions(request: HttpRequest, session_id: Id) -> QuerySet[Decision]:
    session = first_or_404(
        Session.objects.published().filter(pk=session_id),
        _("There is no published session with the id %(id)s.") % {"id": session_id},
    )
    return (
        Decision.objects.filter(session=session).select_related("collectivity", "agenda_point").order_by("number", "pk")
    )


@router.write(
    "POST",
    "council/sessions/{session_id}/decisions",
    DecisionDetailOut,
    status=201,
    extra_responses={409: Problem},
    summary="Record a decision of a session of the staff's own collectivity",
)
def create_decision(request: HttpRequest, session_id: Id, payload: DecisionIn) -> Status[Decision]:
    user = request.auth  # type: ignore[attr-defined]
    session = first_or_404(
        Session.objects.select_related("collectivity").filter(pk=session_id),
        _("There is no session with the id %(id)s.") % {"id": session_id},
    )
    if not can(user, "council.view_session", session):
        raise HttpError(404, _("There is no session with the id %(id)s.") % {"id": session_id})
    if not can(user, services.MANAGE, session):
        raise HttpError(403, _("Only the focal point and the editors of the collectivity record its decisions."))
    refusal = law.votes_refusal(payload.votes_for, payload.votes_against, payload.votes_abstain, session.seats)
    if refusal:
        raise HttpError(409, refusal)
    taken = Decision.objects.filter(
        collectivity_id=session.collectivity_id, year=payload.decided_on.year, number=payload.number.strip()
    )
    if taken.exists():
        raise HttpError(409, _("This collectivity already has a decision with this number this year."))
    point = None
    if payload.agenda_point_id is not None:
        point = AgendaPoint.objects.filter(pk=payload.agenda_point_id, session=session).first()
        if point is None:
            raise HttpError(
                404, _("This session has no agenda point with the id %(id)s.") % {"id": payload.agenda_point_id}
            )
    decision = Decision(
        session=session,
        agenda_point=point,
        number=payload.number.strip(),
        title=payload.title,
        text=payload.text,
        decided_on=payload.decided_on,
        votes_for=payload.votes_for,
        votes_against=payload.votes_against,
        votes_abstain=payload.votes_abstain,
        postponed=payload.postponed,
    )
    services.save_decision(user, decision)
    return Status(201, decision)
