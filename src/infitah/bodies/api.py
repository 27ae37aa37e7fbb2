"""Advisory bodies, their members (public fields only) and their opinions with the council's answers.

Members carry only what the body's page shows: name, seat type, bureau role and association. Never a user's
e-mail address or account id. Every answer costs a fixed number of queries whatever the rows (pinned by
tests/api/test_bodies.py).
"""

from datetime import date, datetime

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from ninja import Field, Query, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from infitah.api.problems import Code, Id, Pages, documented
from infitah.api.routers import AppRouter
from infitah.bodies import selectors
from infitah.bodies.models import AdvisoryBody, BodyKind, BodyMember, BureauRole, OpinionKind, OpinionStatus, SeatType
from infitah.core.visibility import visible

router = AppRouter("bodies", tags=["advisory bodies"])

TRANSLATED = "Text per language code (ar, fr, en, zgh); languages without text are left out."


class BodyOut(Schema):
    id: int
    collectivity_code: str = Field(description="Official code of the collectivity the body belongs to")
    kind: BodyKind
    name: dict[str, str] = Field(description=TRANSLATED)
    legal_basis: dict[str, str] = Field(description=TRANSLATED)
    description: dict[str, str] = Field(description=TRANSLATED)
    mandate_start: date | None
    mandate_end: date | None

    @staticmethod
    def resolve_collectivity_code(obj):
        return obj.collectivity.code


class BodyMemberOut(Schema):
    name: str = Field(description="The member's public name")
    seat_type: SeatType
    bureau_role: BureauRole
    association: dict[str, str] | None = Field(description="Name of the association the member represents")
    joined_on: date

    @staticmethod
    def resolve_name(obj):
        return obj.name

    @staticmethod
    def resolve_association(obj):
        association = visible(None, obj.association) if obj.association_id else None
        return association.name if association else None


class BodyDetailOut(BodyOut):
    rules_of_procedure: dict[str, str] = Field(description=TRANSLATED)
    members: list[BodyMemberOut] = Field(description="Active members, bureau first")

    @staticmethod
    def resolve_members(obj):
        return obj.active_members


class OpinionOut(Schema):
    id: int
    body_id: int
    collectivity_code: str
    kind: OpinionKind
    title: dict[str, str] = Field(description=TRANSLATED)
    text: dict[str, str] = Field(description=TRANSLATED)
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

    @staticmethod
    def resolve_collectivity_code(obj):
        return obj.body.collectivity.code

    @staticmethod
    def resolve_presented_by(obj):
        return obj.member_name

    @staticmethod
    def resolve_clock(obj):
        return obj.clock.state


@router.get("bodies", response=documented(200, list[BodyOut]), summary="Advisory bodies")
@paginate(Pages)
def list_bodies(
    request,
    collectivity: Code | None = Query(None, description="Only the bodies of the collectivity with this code"),
    kind: BodyKind | None = None,
):
    return selectors.body_list(collectivity or "", kind or "")


@router.get(
    "bodies/{body_id}", response=documented(200, BodyDetailOut, not_found=True), summary="One body with its members"
)
def get_body(request, body_id: Id):
    members = BodyMember.objects.active().select_related("user", "association").annotate(rank=selectors.bureau_rank())
    body = (
        AdvisoryBody.objects.select_related("collectivity")
        .prefetch_related(
            Prefetch(
                "members", queryset=members.order_by("rank", "seat_type", "full_name", "pk"), to_attr="active_members"
            )
        )
        .filter(pk=body_id)
        .first()
    )
    if body is None:
        raise HttpError(404, _("There is no advisory body with the id %(id)s.") % {"id": body_id})
    return body


@router.get(
    "opinions",
    response=documented(200, list[OpinionOut]),
    summary="Opinions and recommendations, with the council's answers",
)
@paginate(Pages)
def list_opinions(
    request,
    body: Id | None = None,
    status: OpinionStatus | None = None,
    overdue: bool | None = Query(None, description="true: unanswered after their due date; false: the others"),
):
    queryset = selectors.opinions(status=status or "", overdue=overdue)
    if body is not None:
        queryset = queryset.filter(body_id=body)
    return queryset
