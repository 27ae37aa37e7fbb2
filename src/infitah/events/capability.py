from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from infitah.bodies.sections import BodySection
from infitah.core.capabilities import Capability, Demo, Urls
from infitah.core.contributions import HomeSection, MemberSection, NavigationItem, SitemapSection, WaitingGroup
from infitah.core.datasets import Column, Dataset
from infitah.core.indicators import Indicator
from infitah.core.pagecache import CacheablePages
from infitah.core.principles import Principle
from infitah.core.scopes import Scope
from infitah.core.search import SearchDocuments
from infitah.core.sharedpages import SharedPages
from infitah.core.translation import tr
from infitah.core.visibility import Visibility
from infitah.programs.sections import CommitmentSection


def declare() -> Capability:
    from infitah.accounts.links import PersonLink
    from infitah.events import announcements, home, personal_data, selectors, sitemaps, waiting
    from infitah.events.models import AgendaItem, Event, Finding, MinutesReview, Registration, TrainingMaterial

    return Capability(
        urls=(Urls("events/", "infitah.events.urls"),),
        api="infitah.events.api.router",
        demo=Demo("infitah.events.demo.load", after=("territories", "programs", "bodies")),
        rules=("infitah.events.rules",),
        contributes=(
            *_page_cache(),
            announcements.PUBLISHED,
            NavigationItem("events", _("Events"), "events:list", order=35),
            MemberSection("events", "events/member_section.html", selectors.member_section_context, order=30),
            HomeSection("events", "events/home_section.html", home.upcoming_events, order=6),
            WaitingGroup("events", _("Events: registrations and attendance"), waiting.events_to_follow, order=30),
            WaitingGroup("own_registrations", _("Your registrations"), waiting.own_registrations, order=70),
            BodySection("meetings", "events/body_section.html", selectors.body_section_context, order=10),
            # A commitment's page shows the workshops whose findings led to it.
            CommitmentSection(
                "workshops",
                "events/commitment_section.html",
                selectors.commitment_section_context,
                order=10,
            ),
            SitemapSection("event_pages", sitemaps.EventPagesSitemap),
            SitemapSection("events", sitemaps.EventsSitemap),
            # An unpublished event is named nowhere to those who may not see it.
            Visibility(Event, "events.view_event"),
            # Staff may choose, in the back office, the people this app links to their collectivity.
            PersonLink(Registration.objects.all, "event__collectivity", "user"),
            # The audit log's collectivity of a back-office edit of an event's parts.
            *(
                Scope(model, lambda row: row.event.collectivity_id)
                for model in (AgendaItem, Finding, MinutesReview, Registration, TrainingMaterial)
            ),
            personal_data.PERSONAL_DATA,
            SearchDocuments(
                kind="events.event",
                label=_("Events"),
                rows=lambda: Event.objects.published(),
                title=str,
                text=lambda event: str(tr(event.description)),
                url=lambda event: event.get_absolute_url(),
                collectivity=lambda event: event.collectivity_id,
                date=lambda event: event.starts_at,
            ),
            Dataset(
                key="events",
                title=_("Workshops, meetings and trainings"),
                description=_("Every published event of the network's members: kind, format, dates and place."),
                rows=lambda: Event.objects.published().select_related("collectivity").order_by("starts_at", "pk"),
                columns=(
                    Column("id", lambda event: event.pk),
                    Column("collectivity", lambda event: event.collectivity.code if event.collectivity_id else ""),
                    Column("kind", lambda event: event.kind),
                    Column("format", lambda event: event.format),
                    Column("title", lambda event: str(event)),
                    Column("starts_at", lambda event: event.starts_at.isoformat()),
                    Column("ends_at", lambda event: event.ends_at.isoformat()),
                    Column("place", lambda event: str(tr(event.place))),
                ),
            ),
            Indicator(
                key="events.held",
                principle=Principle.CITIZEN_PARTICIPATION,
                title=_("Published workshops, meetings and trainings held"),
                compute=_events_held,
                unit="count",
            ),
        ),
    )


def _events_held(collectivity_ids) -> dict[int, float]:
    from infitah.events.models import Event

    rows = (
        Event.objects.published()
        .filter(collectivity_id__in=list(collectivity_ids), ends_at__lt=timezone.now())
        .values("collectivity_id")
        .annotate(held=Count("pk"))
    )
    return {row["collectivity_id"]: float(row["held"]) for row in rows}


def _page_cache() -> tuple:
    """The public pages the same for every anonymous visitor, and the rows no public page shows."""
    from infitah.events import selectors

    return (
        CacheablePages(
            (
                "events:list",
                "events:calendar",
                "events:detail",
            )
        ),
        # Given from one shared copy (core/sharedpages.py): an event's page to everyone signed in, what a manager's
        # powers add to it (their tools, a draft program's link) being parts of their own; the list and the calendar
        # to everyone signed in whom they show no unpublished event (the link to add one is a part of their own).
        SharedPages(("events:list", "events:calendar"), to_everyone=selectors.sees_only_published_events),
        SharedPages(("events:detail",), to_everyone=True),
    )
