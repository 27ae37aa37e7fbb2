"""Advisory bodies, their members (public fields only) and their opinions with the council's answers.

Members carry only what the body's page shows: name, seat type, bureau role and association. Never a user's
e-mail address or account id. Every answer costs a fixed number of queries whatever the rows (pinned by
tests/bodies/test_api.py).
"""

from datetime import date, datetime

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Schema

from infitah.api.problems import Code, Id, first_or_404
from infitah.api.routers import AppRouter
from infitah.api.schemas import Translated
from infitah.bodies import selectors
from infitah.bodies.models import (
    AdvisoryBody,
    BodyKind,
    BodyMember,
    BureauRole,
    Opinion,
    OpinionKind,
    OpinionStatus,
    SeatType,
)
from infitah.core.visibility import visible

router = AppRouter("bodies", tags=["advisory bodies"])


class BodyOut(Schema):
    id: int
    collectivity_code: str = Field(description="Official code of the collectivity the body belongs to")
    kind: BodyKind
    name: Translated
    legal_basis: Translated
    description: Translated
    mandate_start: date | None
    mandate_end: date | None

    @staticmethod
    def resolve_collectivity_code(obj: AdvisoryBody) -> str:
        return obj.collectivity.code


class BodyMemberOut(Schema):
    name: str = Field(description="The member's public name")
    seat_type: SeatType
    bureau_role: BureauRole
    association: dict[str, str] | None = Field(description="Name of the association the member represents")
    joined_on: date

    @staticmethod
    def resolve_name(obj: BodyMember) -> str:
        return obj.name

    @staticmethod
    def resolve_association(obj: BodyMember) -> dict[str, str] | None:
        association = visible(None, obj.association) if obj.association_id else None
        return association.name if association else None


class BodyDetailOut(BodyOut):
    rules_of_procedure: Translated
    members: list[BodyMemberOut] = Field(description="Active members, bureau first")

    @staticmethod
    def resolve_members(obj: AdvisoryBody) -> list[BodyMember]:
        # Set by the Prefetch(to_attr="active_members") of the body's queryset.
        return obj.active_members  # type: ignore[attr-defined]


class OpinionOut(Schema):
    id: int
    body_id: int
    collectivity_code: str
    kind: OpinionKind
    title: Translated
    text: Translated
    presented_by: str = Field(description="Public name of the member who presented it")
    status: OpinionStatus
    submitted_at: datetime
    response_days: int = Field(description="Days the council had to answer, fixed at submission")
    due_on: date = Field(description="Local date (Africa/Casablanca) by which the council's answer is due")
    clock: str = Field(description="pending, overdue, answered (on time) or answered_late")
    acknowledged_at: datetime | None
    response: dict[str, str] = Field(description="The council's reasoned response (empty until answered)")
    council_session: str
    answered_at: datetime | None
    commitment_ids: list[int] = Field(description="Ids of the commitments (of public programs) this opinion is about")

    @staticmethod
    def resolve_collectivity_code(obj: Opinion) -> str:
        return obj.body.collectivity.code

    @staticmethod
    def resolve_presented_by(obj: Opinion) -> str:
        return obj.member_name

    @staticmethod
    def resolve_clock(obj: Opinion) -> str:
        return obj.clock.state

    @staticmethod
    def resolve_commitment_ids(obj: Opinion) -> list[int]:
        return sorted(commitment.pk for commitment in obj.commitments.all())


@router.paged(
    "bodies",
    BodyOut,
    summary="Advisory bodies",
    ordering={"id": "pk", "mandate_start": "mandate_start", "mandate_end": "mandate_end"},
)
def list_bodies(
    request: HttpRequest,
    collectivity: Code | None = Query(None, description="Only the bodies of the collectivity with this code"),
    kind: BodyKind | None = None,
) -> QuerySet[AdvisoryBody]:
    return selectors.body_list(collectivity or "", kind or "")


@router.one("bodies/{body_id}", BodyDetailOut, summary="One body with its members")
def get_body(request: HttpRequest, body_id: Id) -> AdvisoryBody:
    members = BodyMember.objects.active().select_related("user", "association").annotate(rank=selectors.bureau_rank())
    bodies = (
        AdvisoryBody.objects.select_related("collectivity")
        .prefetch_related(
            Prefetch(
                "members", queryset=members.order_by("rank", "seat_type", "full_name", "pk"), to_attr="active_members"
            )
        )
        .filter(pk=body_id)
    )
    return first_or_404(bodies, _("There is no advisory body with the id %(id)s.") % {"id": body_id})


@router.paged(
    "opinions",
    OpinionOut,
    summary="Opinions and recommendations, with the council's answers",
    ordering={"id": "pk", "submitted_at": "submitted_at", "due_on": "due_on", "answered_at": "answered_at"},
)
def list_opinions(
    request: HttpRequest,
    body: Id | None = None,
    status: OpinionStatus | None = None,
    overdue: bool | None = Query(None, description="true: unanswered after their due date; false: the others"),
    commitment: Id | None = Query(None, description="Only the opinions about the commitment with this id"),
    collectivity: Code | None = Query(
        None, description="Only the opinions of the bodies of the collectivity with this code"
    ),
    submitted_from: date | None = Query(None, description="Submitted on or after this day"),
    submitted_to: date | None = Query(None, description="Submitted on or before this day"),
) -> QuerySet[Opinion]:
    queryset = selectors.opinions(status=status or "", overdue=overdue).prefetch_related(
        selectors.public_commitments_prefetch()
    )
    if body is not None:
        queryset = queryset.filter(body_id=body)
    if commitment is not None:
        queryset = queryset.filter(commitments=commitment)
    if collectivity:
        queryset = queryset.filter(body__collectivity__code=collectivity)
    if submitted_from:
        queryset = queryset.filter(submitted_at__date__gte=submitted_from)
    if submitted_to:
        queryset = queryset.filter(submitted_at__date__lte=submitted_to)
    return queryset
