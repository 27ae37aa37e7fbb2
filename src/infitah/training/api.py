"""Public, read-only data of training: published courses with their audience, principles and sessions (the
training events' ids), and how many people completed them — never who. A fixed number of queries per answer."""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Schema

from infitah.api.problems import Code, Id, first_or_404
from infitah.api.routers import AppRouter
from infitah.api.schemas import Translated
from infitah.training.models import Audience, Course, CourseSession

router = AppRouter("training", tags=["training"])


class CourseOut(Schema):
    id: int
    collectivity_code: str | None = Field(description="Code of the organising collectivity; null for the network")
    title: Translated
    description: Translated
    audience: Audience
    principles: list[str]
    sessions_required: int | None = Field(description="Sessions to attend to complete; null for all of them")
    session_event_ids: list[int] = Field(description="The published training events that are its sessions")
    completions: int = Field(description="How many people completed the course")
    url: str

    @staticmethod
    def resolve_collectivity_code(obj: Course) -> str | None:
        return obj.collectivity.code if obj.collectivity is not None else None

    @staticmethod
    def resolve_session_event_ids(obj: Course) -> list[int]:
        return [session.event_id for session in obj.course_sessions.all()]

    @staticmethod
    def resolve_completions(obj: Course) -> int:
        return obj.completion_count  # type: ignore[attr-defined]

    @staticmethod
    def resolve_url(obj: Course) -> str:
        return obj.get_absolute_url()


def _published() -> QuerySet[Course]:
    sessions = CourseSession.objects.filter(event__is_published=True).order_by("event__starts_at", "pk")
    return (
        Course.objects.published()
        .select_related("collectivity")
        .prefetch_related(Prefetch("course_sessions", queryset=sessions))
        .annotate(completion_count=Count("enrolments", filter=Q(enrolments__completed_at__isnull=False)))
    )


@router.paged(
    "training/courses", CourseOut, summary="Published training courses", ordering={"id": "pk", "created": "created_at"}
)
def list_courses(
    request: HttpRequest,
    audience: Audience | None = Query(None, description="Only the courses for this audience"),
    collectivity: Code | None = Query(None, description="Only the courses of the collectivity with this code"),
) -> QuerySet[Course]:
    queryset = _published().order_by("pk")
    if collectivity:
        queryset = queryset.filter(collectivity__code=collectivity)
    if audience:
        queryset = queryset.filter(audience=audience)
    return queryset


@router.one("training/courses/{course_id}", CourseOut, summary="One published training course")
def get_course(request: HttpRequest, course_id: Id) -> Course:
    return first_or_404(
        _published().filter(pk=course_id), _("There is no published course with the id %(id)s.") % {"id": course_id}
    )
