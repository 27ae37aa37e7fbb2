"""Public, read-only data of events: published workshops, meetings and trainings with their agenda and how many
people registered (confirmed, waiting) — never who. Every answer costs a fixed number of queries (pinned by
tests/events/test_api.py).
"""

from datetime import date, datetime, time
from datetime import timezone as dt_timezone
from typing import Annotated, Any

from django.core.exceptions import ValidationError
from django.db.models import Count, IntegerField, OuterRef, Prefetch, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Schema, Status
from ninja.errors import HttpError
from pydantic import WithJsonSchema

from infitah.api.problems import Code, Id, first_or_404, refuse_invalid
from infitah.api.routers import AppRouter
from infitah.api.schemas import Translated
from infitah.api.writes import require_anywhere, require_on
from infitah.core.permissions import can
from infitah.core.visibility import all_visible, sees
from infitah.events import selectors, services
from infitah.events.models import AgendaItem, Event, EventFormat, EventKind, Finding, Registration, RegistrationStatus

router = AppRouter("events", tags=["events"])


class RegistrationCounts(Schema):
    capacity: int | None = Field(description="Seats; null when unlimited")
    confirmed: int
    waiting: int


class EventOut(Schema):
    id: int
    collectivity_code: str | None = Field(description="Code of the organising collectivity; null for the network")
    kind: EventKind
    format: EventFormat
    title: Translated
    starts_at: datetime = Field(description="With the Africa/Casablanca offset")
    ends_at: datetime
    place: Translated
    program_id: int | None = Field(description="The program the event belongs to; null when none or not public yet")
    advisory_body_id: int | None
    registration_closes_at: datetime | None
    registrations: RegistrationCounts
    url: str

    @staticmethod
    def resolve_collectivity_code(obj: Event) -> str | None:
        # A network event has no collectivity: Django answers None without a query.
        collectivity = obj.collectivity
        return collectivity.code if collectivity is not None else None

    @staticmethod
    def resolve_starts_at(obj: Event) -> datetime:
        return timezone.localtime(obj.starts_at)

    @staticmethod
    def resolve_ends_at(obj: Event) -> datetime:
        return timezone.localtime(obj.ends_at)

    @staticmethod
    def resolve_registration_closes_at(obj: Event) -> datetime | None:
        return timezone.localtime(obj.registration_closes_at) if obj.registration_closes_at else None

    @staticmethod
    def resolve_registrations(obj: Event) -> dict[str, int | None]:
        # confirmed_count and waiting_count are annotations of the events' queryset (selectors).
        counts = {"confirmed": obj.confirmed_count, "waiting": obj.waiting_count}  # type: ignore[attr-defined]
        return {"capacity": obj.capacity, **counts}

    @staticmethod
    def resolve_url(obj: Event) -> str:
        return obj.get_absolute_url()

    @staticmethod
    def resolve_program_id(obj: Event) -> int | None:
        # A program still in preparation is not public: the link is left out (core.visibility).
        return obj.program_id if sees(None, obj.program) else None


# An RFC 3339 full-time such as 10:30:00+01:00, written by _with_offset (Django's JSON encoder refuses aware times).
OffsetTime = Annotated[str, WithJsonSchema({"type": "string", "format": "time", "examples": ["10:30:00+01:00"]})]


class AgendaItemOut(Schema):
    id: int
    order: int
    starts_at: OffsetTime | None = Field(
        description="Local time on the event's day, with Morocco's UTC offset that day (RFC 3339 full-time)"
    )
    ends_at: OffsetTime | None = Field(description="As starts_at")
    title: Translated
    description: dict[str, str]
    speakers: dict[str, str]
    is_parallel: bool
    items: list["AgendaItemOut"] = Field(description="Sub-items, e.g. working groups")

    # starts_with_offset and ends_with_offset are set on each item by EventDetailOut.resolve_agenda.
    @staticmethod
    def resolve_starts_at(obj: AgendaItem) -> str | None:
        return obj.starts_with_offset  # type: ignore[attr-defined]

    @staticmethod
    def resolve_ends_at(obj: AgendaItem) -> str | None:
        return obj.ends_with_offset  # type: ignore[attr-defined]

    @staticmethod
    def resolve_items(obj: AgendaItem) -> list[AgendaItem]:
        return getattr(obj, "subitems", [])


def _with_offset(value: time | None, day: date) -> str | None:
    """10:30 on a day in Morocco → 10:30:00+01:00 (or +00:00 in Ramadan): the `time` format wants the offset."""
    if value is None:
        return None
    offset = datetime.combine(day, value, tzinfo=timezone.get_default_timezone()).utcoffset()
    assert offset is not None  # an aware datetime always has one
    return value.replace(tzinfo=dt_timezone(offset)).isoformat()


AgendaItemOut.model_rebuild()


class FindingOut(Schema):
    text: Translated
    axis_ids: list[int]
    commitment_ids: list[int]

    @staticmethod
    def resolve_axis_ids(obj: Finding) -> list[int]:
        return [axis.pk for axis in all_visible(None, obj.axes.all())]

    @staticmethod
    def resolve_commitment_ids(obj: Finding) -> list[int]:
        return [commitment.pk for commitment in all_visible(None, obj.commitments.all())]


class EventDetailOut(EventOut):
    description: Translated
    phase: str = Field(description="The program's phase the event belongs to, if any")
    quorum_required: int | None
    members_present: int | None
    quorum_reached: bool | None
    agenda: list[AgendaItemOut]
    findings: list[FindingOut]
    minutes: dict[str, str] = Field(description="Published minutes only")

    @staticmethod
    def resolve_phase(obj: Event) -> str:
        return obj.phase if sees(None, obj.program) else ""

    @staticmethod
    def resolve_agenda(obj: Event) -> list[AgendaItem]:
        items = list(obj.agenda_items.all())
        day = timezone.localdate(obj.starts_at)
        for item in items:
            # Read by AgendaItemOut.resolve_starts_at and resolve_ends_at.
            item.starts_with_offset = _with_offset(item.starts_at, day)  # type: ignore[attr-defined]
            item.ends_with_offset = _with_offset(item.ends_at, day)  # type: ignore[attr-defined]
        return selectors.agenda_tree(items)

    @staticmethod
    def resolve_findings(obj: Event) -> list[Finding]:
        return list(obj.findings.all())

    @staticmethod
    def resolve_minutes(obj: Event) -> dict[str, str]:
        return obj.minutes if obj.minutes_status == "published" else {}


FROM_DAY = Query(None, alias="from", description="Events ending on or after this day")
TO_DAY = Query(None, alias="to", description="Events starting on or before this day")


def _published() -> QuerySet[Event]:
    events = Event.objects.published().select_related("collectivity", "program")
    return events.annotate(
        confirmed_count=_registrations(RegistrationStatus.CONFIRMED),
        waiting_count=_registrations(RegistrationStatus.WAITING),
    )


def _registrations(status: str) -> Coalesce:
    """Each event's registrations in `status`, counted per event of the page (selectors.with_counts groups every
    event of the list instead, which a page of 100 out of 100,000 cannot afford: the database then sorts them all)."""
    per_event = (
        Registration.objects.filter(event=OuterRef("pk"), status=status)
        .order_by()
        .values("event")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(per_event, output_field=IntegerField()), Value(0))


@router.paged(
    "events",
    EventOut,
    summary="Published events, in order of date",
    ordering={"starts_at": "starts_at", "ends_at": "ends_at", "created": "created_at"},
)
def list_events(
    request: HttpRequest,
    collectivity: Code | None = Query(None, description="Only the events organised by the collectivity with this code"),
    kind: EventKind | None = None,
    date_from: date | None = FROM_DAY,
    date_to: date | None = TO_DAY,
) -> QuerySet[Event]:
    queryset = _published().order_by("starts_at", "pk")
    if collectivity:
        queryset = queryset.filter(collectivity__code=collectivity)
    if kind:
        queryset = queryset.filter(kind=kind)
    if date_from:
        queryset = queryset.filter(ends_at__date__gte=date_from)
    if date_to:
        queryset = queryset.filter(starts_at__date__lte=date_to)
    return queryset


@router.one("events/{event_id}", EventDetailOut, summary="One event with its agenda")
def get_event(request: HttpRequest, event_id: Id) -> Event:
    queryset = _published().prefetch_related(
        Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("order", "starts_at", "pk")),
        # The programs too, to ask whether each is public; by lookup, so the API does not import programs' models.
        "findings__axes__program",
        "findings__commitments__program",
    )
    return first_or_404(
        queryset.filter(pk=event_id), _("There is no published event with the id %(id)s.") % {"id": event_id}
    )


# --- Staff writes (a bearer token: infitah.api.auth) ---

MANAGE = "events.manage_event"
TEXT: Any = Field(default_factory=dict, description="Text per language code (ar, fr, en, zgh), stored as plain text")


class EventIn(Schema):
    """An event as its organiser's staff write it; it stays unpublished until published."""

    collectivity_code: Code | None = Field(None, description="The organising collectivity; null for the network's")
    kind: EventKind = EventKind.WORKSHOP
    format: EventFormat = EventFormat.IN_PERSON
    title: dict[str, Annotated[str, Field(max_length=300)]] = Field(description="Text per language code")
    description: dict[str, Annotated[str, Field(max_length=5000)]] = TEXT
    starts_at: datetime
    ends_at: datetime
    place: dict[str, Annotated[str, Field(max_length=300)]] = TEXT
    online_url: Annotated[str, Field(max_length=200)] = ""
    capacity: Annotated[int, Field(ge=1, le=2**31 - 1)] | None = None
    registration_closes_at: datetime | None = None


class EventPatch(Schema):
    """The fields to change; those left out keep their value."""

    kind: EventKind | None = None
    format: EventFormat | None = None
    title: dict[str, Annotated[str, Field(max_length=300)]] | None = None
    description: dict[str, Annotated[str, Field(max_length=5000)]] | None = None
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    place: dict[str, Annotated[str, Field(max_length=300)]] | None = None
    online_url: Annotated[str, Field(max_length=200)] | None = None
    capacity: Annotated[int, Field(ge=1, le=2**31 - 1)] | None = None
    registration_closes_at: datetime | None = None


class StaffEventOut(EventOut):
    is_published: bool


def _managed(request: HttpRequest, event_id: int) -> Event:
    not_found = _("There is no event with the id %(id)s among those you manage.") % {"id": event_id}
    require_anywhere(request, MANAGE)
    event = first_or_404(
        selectors.with_counts(Event.objects.select_related("collectivity", "program")).filter(pk=event_id), not_found
    )
    require_on(request, MANAGE, event, not_found)
    return event


def _written(event: Event) -> Event:
    return selectors.with_counts(Event.objects.select_related("collectivity", "program")).get(pk=event.pk)


def _payload(body: Schema, *, partial: bool) -> dict:
    data = body.model_dump(exclude_unset=partial, exclude={"collectivity_code"})
    # A null in a patch clears only what may be empty (capacity, closing time); the rest keeps its value.
    return {k: v for k, v in data.items() if v is not None or k in ("capacity", "registration_closes_at")}


@router.write("POST", "events", StaffEventOut, status=201, summary="Create an unpublished event of your collectivity")
def create_event(request: HttpRequest, body: EventIn) -> Status:
    from infitah.territories.models import Collectivity

    require_anywhere(request, MANAGE)
    collectivity = None
    if body.collectivity_code:
        collectivity = first_or_404(
            Collectivity.objects.filter(code=body.collectivity_code),
            _("There is no collectivity with the code %(code)s.") % {"code": body.collectivity_code},
        )
    if not can(request.auth, MANAGE, Event(collectivity=collectivity)):  # type: ignore[attr-defined]
        raise HttpError(403, _("You do not manage the events of this collectivity."))
    try:
        event = services.create_event(collectivity, _payload(body, partial=False))
    except ValidationError as error:
        refuse_invalid(error)
    return Status(201, _written(event))


@router.write("PATCH", "events/{event_id}", StaffEventOut, summary="Change an event of your collectivity")
def update_event(request: HttpRequest, event_id: Id, body: EventPatch) -> Event:
    event = _managed(request, event_id)
    try:
        services.update_event(event, _payload(body, partial=True), by=request.auth)  # type: ignore[attr-defined]
    except ValidationError as error:
        refuse_invalid(error)
    return _written(event)


@router.write("POST", "events/{event_id}/publish", StaffEventOut, summary="Publish an event of your collectivity")
def publish_event(request: HttpRequest, event_id: Id) -> Event:
    event = _managed(request, event_id)
    try:
        services.publish_event(event, by=request.auth)  # type: ignore[attr-defined]
    except ValidationError as error:
        refuse_invalid(error)
    return _written(event)
