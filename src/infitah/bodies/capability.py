from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from infitah.core.capabilities import Capability, Demo, Urls
from infitah.core.contributions import HomeSection, MemberSection, NavigationItem, SitemapSection, WaitingGroup
from infitah.core.datasets import Column, Dataset
from infitah.core.indicators import Indicator
from infitah.core.pagecache import CacheablePages
from infitah.core.principles import Principle
from infitah.core.search import SearchDocuments
from infitah.core.sharedpages import Powers, SharedPages
from infitah.core.translation import tr
from infitah.participation.notifications import NotificationVerb
from infitah.programs.sections import CommitmentSection


def declare() -> Capability:
    from infitah.accounts.links import PersonLink
    from infitah.bodies import home, personal_data, selectors, sitemaps, waiting
    from infitah.bodies.models import AdvisoryBody, BodyMember, Opinion

    return Capability(
        urls=(Urls("bodies/", "infitah.bodies.urls"),),
        api="infitah.bodies.api.router",
        demo=Demo("infitah.bodies.demo.load", after=("territories", "programs")),  # opinions name its commitments
        rules=("infitah.bodies.rules",),
        contributes=(
            *_page_cache(),
            NavigationItem("bodies", _("Advisory bodies"), "bodies:list", order=40),
            # A seat on a body lets its holder give the body's opinions: never given a citizens' shared page.
            Powers("body seat", lambda: BodyMember.objects.filter(user__isnull=False).values("user")),
            HomeSection("opinions", "bodies/home_section.html", home.recent_opinions, order=8),
            WaitingGroup("opinions", _("Opinions to acknowledge or answer"), waiting.opinions_to_handle, order=10),
            MemberSection("advisory_bodies", "bodies/member_section.html", selectors.member_section_context, order=20),
            # --- Opinions about commitments (issue 10): a commitment's page lists the opinions about it. ---
            CommitmentSection(
                "body_opinions", "bodies/commitment_section.html", selectors.commitment_section_context, order=30
            ),
            # --- end of opinions about commitments ---
            SitemapSection("body_pages", sitemaps.BodyPagesSitemap),
            SitemapSection("bodies", sitemaps.BodiesSitemap),
            SitemapSection("opinions", sitemaps.OpinionsSitemap),
            # Staff may choose, in the back office, the people this app links to their collectivity.
            PersonLink(lambda: BodyMember.objects.filter(user__isnull=False), "body__collectivity", "user"),
            NotificationVerb(
                "opinion_submitted", _("%(actor)s submitted the opinion “%(target)s”: acknowledge its receipt")
            ),
            NotificationVerb("opinion_acknowledged", _("%(actor)s acknowledged receipt of the opinion “%(target)s”")),
            NotificationVerb("opinion_answered", _("The council answered the opinion “%(target)s”")),
            personal_data.PERSONAL_DATA,
            SearchDocuments(
                kind="bodies.advisorybody",
                label=_("Advisory bodies"),
                rows=AdvisoryBody.objects.all,
                title=str,
                text=lambda body: str(tr(body.description)),
                url=lambda body: body.get_absolute_url(),
                collectivity=lambda body: body.collectivity_id,
            ),
            SearchDocuments(
                kind="bodies.opinion",
                label=_("Opinions and recommendations"),
                rows=lambda: Opinion.objects.select_related("body"),
                title=str,
                text=lambda opinion: str(tr(opinion.text)),
                url=lambda opinion: opinion.get_absolute_url(),
                collectivity=lambda opinion: opinion.body.collectivity_id,
                date=lambda opinion: opinion.submitted_at,
            ),
            Dataset(
                key="opinions",
                title=_("Opinions and recommendations of advisory bodies"),
                description=_("Every opinion the advisory bodies sent to their council, with its due date and answer."),
                rows=lambda: (
                    Opinion.objects.select_related("body__collectivity")
                    .prefetch_related(selectors.public_commitments_prefetch())
                    .order_by("submitted_at", "pk")
                ),
                columns=(
                    Column("id", lambda opinion: opinion.pk),
                    Column("collectivity", lambda opinion: opinion.body.collectivity.code),
                    Column("body", lambda opinion: str(opinion.body)),
                    Column("kind", lambda opinion: opinion.kind),
                    Column("title", lambda opinion: str(opinion)),
                    Column("submitted_at", lambda opinion: opinion.submitted_at.isoformat()),
                    Column("due_on", lambda opinion: opinion.due_on.isoformat() if opinion.due_on else ""),
                    Column("status", lambda opinion: opinion.status),
                    # Opinions about commitments (issue 10): the ids of the commitments, space-separated.
                    Column("commitments", lambda opinion: " ".join(str(c.pk) for c in opinion.commitments.all())),
                ),
            ),
            Indicator(
                key="bodies.opinions_answered_on_time",
                principle=Principle.ACCOUNTABILITY,
                title=_("Share of advisory-body opinions answered by their due date"),
                compute=_opinions_answered_on_time,
            ),
        ),
    )


def _opinions_answered_on_time(collectivity_ids) -> dict[int, float]:
    """Among the opinions answered or past their due date, the share answered by the due date."""
    from infitah.bodies.models import Opinion

    today = timezone.localdate()
    rows = Opinion.objects.filter(body__collectivity_id__in=list(collectivity_ids)).values_list(
        "body__collectivity_id", "due_on", "answered_at"
    )
    counted: dict[int, list[int]] = {}
    for collectivity_id, due_on, answered_at in rows:
        if due_on is None or (answered_at is None and due_on >= today):
            continue  # still within its time: neither on time nor late yet
        on_time = answered_at is not None and timezone.localtime(answered_at).date() <= due_on
        tally = counted.setdefault(collectivity_id, [0, 0])
        tally[0] += on_time
        tally[1] += 1
    return {collectivity_id: on_time / total for collectivity_id, (on_time, total) in counted.items()}


def _page_cache() -> tuple:
    """The public pages the same for every anonymous visitor, and the rows no public page shows."""
    return (
        CacheablePages(
            (
                "bodies:list",
                "bodies:detail",
                "bodies:opinion",
            )
        ),
        # Given to the citizens who read them from one shared copy (core/sharedpages.py).
        SharedPages(("bodies:list",), to_everyone=True),
        # A body's page offers its members and staff their actions, and shows pending associations to their verifiers.
        SharedPages(("bodies:detail",)),
    )
