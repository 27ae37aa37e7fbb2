import operator

from django.utils.translation import gettext_lazy as _

from infitah.core.capabilities import Capability, Demo, Urls
from infitah.core.contributions import MemberSection, NavigationItem, NetworkSection, SitemapSection, WaitingGroup
from infitah.core.datasets import Column, Dataset
from infitah.core.pagecache import CacheablePages
from infitah.core.scopes import Scope
from infitah.core.search import SearchDocuments
from infitah.core.sharedpages import SharedPages
from infitah.core.translation import tr
from infitah.core.visibility import Visibility
from infitah.participation.notifications import NotificationVerb


def declare() -> Capability:
    from infitah.participation.targets import ParticipationTarget
    from infitah.training import capacity, personal_data, sections, sitemaps, waiting
    from infitah.training.models import Course, CourseSession, Enrolment

    return Capability(
        urls=(Urls("training/", "infitah.training.urls"),),
        api="infitah.training.api.router",
        demo=Demo("infitah.training.demo.load", after=("territories", "events")),
        rules=("infitah.training.rules",),
        contributes=(
            *_page_cache(),
            NavigationItem("training", _("Training"), "training:list", order=38),
            Scope(CourseSession, lambda session: session.course.collectivity_id),
            Scope(Enrolment, lambda enrolment: enrolment.course.collectivity_id),
            Visibility(Course, "training.view_course"),
            personal_data.PERSONAL_DATA,
            # Comments, follows and the organiser's own files on a course (materials beyond the sessions').
            ParticipationTarget(
                model=Course,
                features=frozenset({"attach", "follow", "comment"}),
                collectivity=lambda course: course.collectivity_id,
                gate=sections.course_gate,
                url=lambda course: course.get_absolute_url(),
            ),
            NotificationVerb("course_enrolled", _("You are enrolled in the course “%(target)s”")),
            NotificationVerb("course_completed", _("You completed the course “%(target)s”")),
            NotificationVerb(
                "course_certificate_available", _("Your certificate for the course “%(target)s” is available")
            ),
            WaitingGroup("training", _("Training: attendance and completions"), waiting.for_organisers, order=32),
            MemberSection("training", "training/_member_section.html", sections.member_section, order=40),
            NetworkSection("training", "training/_network_section.html", sections.network_section, order=10),
            SitemapSection("training_pages", sitemaps.TrainingPagesSitemap),
            SitemapSection("training", sitemaps.CoursesSitemap),
            SearchDocuments(
                kind="training.course",
                label=_("Training courses"),
                rows=lambda: Course.objects.published(),
                title=str,
                text=lambda course: str(tr(course.description)),
                url=lambda course: course.get_absolute_url(),
                collectivity=lambda course: course.collectivity_id,
                principles=lambda course: list(course.principles),
                date=lambda course: course.created_at,
            ),
            Dataset(
                key="training-courses",
                title=_("Training courses"),
                description=_(
                    "Every published course of the network and its members: organiser, audience, principles, "
                    "sessions and how many people completed it (never who)."
                ),
                rows=sections.dataset_courses,
                columns=(
                    Column("id", lambda course: course.pk),
                    Column("collectivity", lambda course: course.collectivity.code if course.collectivity else ""),
                    Column("title", lambda course: str(course)),
                    Column("audience", lambda course: course.audience),
                    Column("principles", lambda course: " ".join(course.principles)),
                    Column("sessions", lambda course: course.session_count),
                    Column("completions", lambda course: course.completion_count),
                ),
            ),
            Dataset(
                key="training-capacity",
                title=_("Capacity per member"),
                description=_(
                    "For each member of the network: its staff and association members who attended a course, "
                    "the courses followed and the certificates issued. Counts only, never a name."
                ),
                rows=capacity.members,
                columns=(
                    Column("collectivity", lambda row: row.collectivity.code),
                    *(Column(name, operator.attrgetter(name)) for name in capacity.FIGURES),
                ),
            ),
        ),
    )


def _page_cache() -> tuple:
    """The public pages the same for every anonymous visitor, and the rows no public page shows."""
    from infitah.training import selectors

    return (
        CacheablePages(
            (
                "training:list",
                "training:detail",
                "training:capacity",
            )
        ),
        # Given from one shared copy (core/sharedpages.py): the list to everyone signed in whom it shows no course
        # not yet published (its organisers' staff see theirs); a course's page to everyone signed in, the staff's
        # actions being a powers-only part (templatetags/course_reader.py).
        SharedPages(("training:list",), to_everyone=selectors.sees_only_published_courses),
        SharedPages(("training:detail",), to_everyone=True),
    )
