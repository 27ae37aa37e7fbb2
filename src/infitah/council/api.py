"""Public, read-only data of council sessions and decisions: published sessions only, their agenda and decisions
with the votes. Every answer costs a fixed number of queries."""

from datetime import date

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Schema

from infitah.api.problems import Code, Id, first_or_404
from infitah.api.routers import AppRouter
from infitah.api.schemas import Translated
from infitah.council.models import AgendaPoint, Decision, Outcome, Session, SessionKind, SessionStatus

router = AppRouter("council", tags=["council"])


class SessionOut(Schema):
    id: int
    collectivity_code: str
    kind: SessionKind
    title: Translated
    opens_on: date
    closes_on: date | None
    place: Translated
    status: SessionStatus
    members: int = Field(description="Members of the council in office at the session")
    url: str

    @staticmethod
    def resolve_collectivity_code(obj: Session) -> str:
        return obj.collectivity.code

    @staticmethod
    def resolve_members(obj: Session) -> int:
        return obj.seats

    @staticmethod
    def resolve_url(obj: Session) -> str:
        return obj.get_absolute_url()


class DecisionOut(Schema):
    id: int
    session_id: int
    collectivity_code: str
    number: str
    title: Translated
    decided_on: date
    votes_for: int
    votes_against: int
    votes_abstain: int
    outcome: Outcome
    program_id: int | None = Field(description="The program the decision adopted, if any")
    url: str

    @staticmethod
    def resolve_collectivity_code(obj: Decision) -> str:
        return obj.collectivity.code

    @staticmethod
    def resolve_program_id(obj: Decision) -> int | None:
        return obj.agenda_point.program_id if obj.agenda_point else None

    @staticmethod
    def resolve_url(obj: Decision) -> str:
        return obj.get_absolute_url()


class AgendaPointOut(Schema):
    id: int
    order: int
    title: Translated
    description: Translated
    petition_id: int | None
    program_id: int | None


class SessionDetailOut(SessionOut):
    minutes: Translated
    agenda: list[AgendaPointOut]
    decisions: list[DecisionOut]

    @staticmethod
    def resolve_agenda(obj: Session) -> list[AgendaPoint]:
        return list(obj.agenda_points.all())

    @staticmethod
    def resolve_decisions(obj: Session) -> list[Decision]:
        return list(obj.decisions.all())


class DecisionDetailOut(DecisionOut):
    text: Translated


def _sessions() -> QuerySet[Session]:
    return Session.objects.published().select_related("collectivity")


def _decisions() -> QuerySet[Decision]:
    return Decision.objects.published().select_related("collectivity", "agenda_point")


@router.paged(
    "council/sessions",
    SessionOut,
    summary="Published council sessions, latest first",
    ordering={"id": "pk", "opens_on": "opens_on", "created": "created_at"},
)
def list_sessions(
    request: HttpRequest,
    collectivity: Code | None = Query(None, description="Only the sessions of the collectivity with this code"),
    year: int | None = Query(None, ge=1900, le=2200),
    kind: SessionKind | None = None,
) -> QuerySet[Session]:
    sessions = _sessions().order_by("-opens_on", "-pk")
    if collectivity:
        sessions = sessions.filter(collectivity__code=collectivity)
    if year:
        sessions = sessions.filter(opens_on__year=year)
    if kind:
        sessions = sessions.filter(kind=kind)
    return sessions


@router.one("council/sessions/{session_id}", SessionDetailOut, summary="One council session with agenda and decisions")
def get_session(request: HttpRequest, session_id: Id) -> Session:
    sessions = _sessions().prefetch_related(
        Prefetch("agenda_points", queryset=AgendaPoint.objects.order_by("order", "pk")),
        Prefetch("decisions", queryset=Decision.objects.select_related("collectivity", "agenda_point").order_by("pk")),
    )
    return first_or_404(
        sessions.filter(pk=session_id), _("There is no published session with the id %(id)s.") % {"id": session_id}
    )


@router.paged(
    "council/decisions",
    DecisionOut,
    summary="Decisions of published council sessions, latest first",
    ordering={"id": "pk", "decided_on": "decided_on", "year": "year"},
)
def list_decisions(
    request: HttpRequest,
    collectivity: Code | None = Query(None, description="Only the decisions of the collectivity with this code"),
    year: int | None = Query(None, ge=1900, le=2200),
    outcome: Outcome | None = None,
) -> QuerySet[Decision]:
    decisions = _decisions().order_by("-decided_on", "-pk")
    if collectivity:
        decisions = decisions.filter(collectivity__code=collectivity)
    if year:
        decisions = decisions.filter(year=year)
    if outcome:
        decisions = decisions.filter(outcome=outcome)
    return decisions


@router.one("council/decisions/{decision_id}", DecisionDetailOut, summary="One council decision with its votes")
def get_decision(request: HttpRequest, decision_id: Id) -> Decision:
    return first_or_404(
        _decisions().filter(pk=decision_id),
        _("There is no published decision with the id %(id)s.") % {"id": decision_id},
    )


# The staff's write operations register on the same router (api_write.py); imported last, it finds the schemas above.
from infitah.council import api_write  # noqa: E402, F401
