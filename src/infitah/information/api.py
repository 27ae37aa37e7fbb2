"""Public, read-only data of access to information under /api/v1/information/: the register's requests with their
history and due dates, the statistics, and the proactive-publication catalogue (publication_api).

Never the requester's identity (unless they chose to show their name), never a national ID number, never an
officer's internal note. Every answer costs a fixed number of queries whatever the number of requests."""

from datetime import date
from typing import Annotated

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Schema
from ninja.errors import HttpError

from infitah.api.problems import NO_NUL, Code, documented
from infitah.api.routers import AppRouter
from infitah.information import states, statistics
from infitah.information.models import Ground, InformationRequest, RequestEvent, RequestKind, RequestState
from infitah.territories.models import Collectivity

router = AppRouter("information", tags=["access to information"])

Reference = Annotated[str, Field(max_length=40, pattern=NO_NUL)]
Year = Annotated[int, Field(ge=1900, le=2999)]


class InformationEventOut(Schema):
    act: str = Field(description="What was done: file, start, ask_clarification, answer, refuse, complain…")
    state: RequestState = Field(description="The state the act led to")
    on: date
    message: str = Field(description="What the requester was told (a clarification asked, an extension's reason…)")
    due_on: date | None

    @staticmethod
    def resolve_state(obj: RequestEvent) -> str:
        return obj.state_to


class InformationRequestOut(Schema):
    reference: str
    collectivity_code: str
    subject: str
    description: str
    kind: RequestKind
    state: RequestState
    overdue: bool = Field(description="The body owes a reply and its due date has passed")
    received_on: date
    due_on: date | None = Field(description="Null while the clock is paused for a clarification")
    extended_on: date | None
    replied_on: date | None = Field(description="The day of the body's reply (null before it or for a withdrawal)")
    working_days_to_reply: int | None
    response: str
    ground: Ground | None = Field(description="The legal ground for withholding, for a refusal or a partial answer")
    withheld: str
    published_at: str = Field(description="Where the information is already published, when that is the answer")
    transferred_to: str
    requester_name: str | None = Field(description="Only when the requester chose to show their name")

    @staticmethod
    def resolve_collectivity_code(obj: InformationRequest) -> str:
        return obj.collectivity.code

    @staticmethod
    def resolve_overdue(obj: InformationRequest) -> bool:
        from django.utils import timezone

        return states.is_overdue(obj.state, obj.due_on, timezone.localdate())

    @staticmethod
    def resolve_replied_on(obj: InformationRequest) -> date | None:
        return obj.replied_on if obj.state in states.REPLIES else None

    @staticmethod
    def resolve_working_days_to_reply(obj: InformationRequest) -> int | None:
        return obj.working_days_to_reply if obj.state in states.REPLIES else None

    @staticmethod
    def resolve_ground(obj: InformationRequest) -> str | None:
        return obj.ground or None

    @staticmethod
    def resolve_requester_name(obj: InformationRequest) -> str | None:
        return obj.requester_name if obj.publish_name else None


class InformationRequestDetailOut(InformationRequestOut):
    history: list[InformationEventOut]

    @staticmethod
    def resolve_history(obj: InformationRequest) -> list:
        return list(obj.events.all())


class InformationStatisticsOut(Schema):
    collectivity_code: str | None = Field(description="Null for the whole network")
    year: int | None = Field(description="The year the requests were received in; null for all years")
    received: int
    replied: int = Field(description="Replies of the body: answered, partially, refused, not held, transferred")
    answered: int
    partial: int
    refused: int
    not_held: int
    transferred: int
    withdrawn: int
    open: int
    overdue: int
    on_time_rate: float | None = Field(description="Share (0 to 1) of replies given by the due date; null: no reply")
    median_working_days_to_reply: float | None
    refused_share: float | None = Field(description="Share (0 to 1) of replies that are refusals; null: no reply")
    grounds: dict[str, int] = Field(description="Refusals and partial answers by legal ground")
    complaints: int = Field(description="Complaints to the head of the collectivity")
    complaints_decided: int
    cdai_referrals: int = Field(description="Referrals to the Commission du droit d'accès à l'information")


class InformationNetworkStatisticsOut(Schema):
    network: InformationStatisticsOut
    collectivities: list[InformationStatisticsOut]


def _requests() -> QuerySet[InformationRequest]:
    return InformationRequest.objects.public().select_related("collectivity").order_by("-received_on", "-pk")


@router.paged(
    "information/requests",
    InformationRequestOut,
    summary="The register's requests, newest first",
    ordering={"received_on": "received_on"},
)
def list_requests(
    request: HttpRequest,
    collectivity: Code | None = Query(None, description="Only the requests to the collectivity with this code"),
    state: RequestState | None = None,
    kind: RequestKind | None = None,
    year: Year | None = Query(None, description="Only the requests received in this year"),
) -> QuerySet[InformationRequest]:
    requests = _requests()
    if collectivity:
        requests = requests.filter(collectivity__code=collectivity)
    if state:
        requests = requests.filter(state=state)
    if kind:
        requests = requests.filter(kind=kind)
    if year:
        requests = requests.filter(received_on__year=year)
    return requests


@router.one(
    "information/requests/{reference}", InformationRequestDetailOut, summary="One request with its public history"
)
def get_request(request: HttpRequest, reference: Reference) -> InformationRequest:
    events = Prefetch("events", queryset=RequestEvent.objects.order_by("created_at", "pk"))
    found = _requests().prefetch_related(events).filter(reference=reference).first()
    if found is None:
        raise HttpError(
            404, _("There is no request in the register with the reference %(reference)s.") % {"reference": reference}
        )
    return found


def _figures_out(code: str | None, year: int | None, figures: statistics.Figures) -> dict:
    return {
        "collectivity_code": code,
        "year": year,
        **{name: getattr(figures, name) for name in statistics.COUNTS if name not in {"timed", "on_time"}},
        "on_time_rate": figures.on_time_rate,
        "median_working_days_to_reply": figures.median_days_to_reply,
        "refused_share": figures.refused_share,
        "grounds": dict(figures.grounds),
    }


@router.get(
    "information/statistics",
    response=documented(200, InformationNetworkStatisticsOut),
    summary="The register's figures: the network's and each collectivity's",
)
def get_statistics(
    request: HttpRequest, year: Year | None = Query(None, description="Only the requests received in this year")
) -> dict:
    by_collectivity = statistics.figures_by_collectivity(year=year)
    codes = dict(Collectivity.objects.filter(pk__in=list(by_collectivity)).values_list("pk", "code"))
    return {
        "network": _figures_out(None, year, statistics.total(by_collectivity.values())),
        "collectivities": [
            _figures_out(codes[pk], year, figures)
            for pk, figures in sorted(by_collectivity.items(), key=lambda item: codes[item[0]])
        ],
    }


@router.one(
    "information/statistics/{code}", InformationStatisticsOut, summary="The register's figures of one collectivity"
)
def get_member_statistics(
    request: HttpRequest,
    code: Code,
    year: Year | None = Query(None, description="Only the requests received in this year"),
) -> dict:
    collectivity = Collectivity.objects.filter(code=code).first()
    if collectivity is None:
        raise HttpError(404, _("There is no collectivity with the code %(code)s.") % {"code": code})
    figures = statistics.figures_by_collectivity(year=year, collectivity_ids=[collectivity.pk])
    return _figures_out(collectivity.code, year, figures.get(collectivity.pk, statistics.Figures()))


# The catalogue's operations are declared on this router by their own module.
from infitah.information import publication_api  # noqa: E402, F401
