from django.utils.translation import gettext_lazy as _

from infitah.core.capabilities import Capability, Demo, Urls
from infitah.core.contributions import MemberSection, NavigationItem, SitemapSection, WaitingGroup
from infitah.core.pagecache import CacheablePages
from infitah.core.search import SearchDocuments
from infitah.core.sharedpages import SharedPages
from infitah.core.visibility import Visibility
from infitah.participation.notifications import NotificationVerb
from infitah.participation.targets import ParticipationTarget
from infitah.programs.sections import CommitmentSection


def _network(_row) -> None:
    """The forum belongs to the whole network: its moderators are the coordinators, not the staff of the
    collectivity an author writes for (that is a byline, not a scope)."""
    return None


def declare() -> Capability:
    from infitah.forum import gates, personal_data, selectors, sitemaps, waiting
    from infitah.forum.links import practices_installed
    from infitah.forum.models import Post, Thread

    return Capability(
        urls=(Urls("forum/", "infitah.forum.urls"),),
        api="infitah.forum.api.router",
        # The demo links the practices' co-creation method when that app is installed (links.py).
        demo=Demo(
            "infitah.forum.demo.load",
            after=("territories", "programs", "events", "bodies", *(("practices",) if practices_installed() else ())),
        ),
        rules=("infitah.forum.rules",),
        contributes=(
            *_page_cache(),
            NavigationItem("forum", _("Forum"), "forum:index", order=60),
            MemberSection(
                "forum",
                "forum/member_section.html",
                selectors.member_section_context,
                order=90,
                by_powers=True,
                power_state=selectors.member_section_power_state,
            ),
            WaitingGroup("forum_reports", _("Forum: reported messages"), waiting.reported_messages, order=40),
            CommitmentSection(
                "forum",
                "forum/commitment_section.html",
                selectors.commitment_section_context,
                order=80,
            ),
            SitemapSection("forum_pages", sitemaps.ForumPagesSitemap),
            SitemapSection("forum_categories", sitemaps.CategoriesSitemap),
            SitemapSection("forum_threads", sitemaps.ThreadsSitemap),
            personal_data.PERSONAL_DATA,
            Visibility(Thread, "forum.view"),
            Visibility(Post, "forum.view"),
            ParticipationTarget(
                model=Thread,
                features=frozenset({"follow", "report"}),
                collectivity=_network,
                gate=gates.gate,
                url=lambda thread: thread.get_absolute_url(),
                gate_decides_viewing=True,
            ),
            ParticipationTarget(
                model=Post,
                features=frozenset({"report"}),
                collectivity=_network,
                gate=gates.gate,
                url=lambda post: post.get_absolute_url(),
                gate_decides_viewing=True,
            ),
            NotificationVerb("forum_reply", _("%(actor)s replied in the forum thread “%(target)s”")),
            NotificationVerb("forum_mention", _("%(actor)s mentioned you in the forum thread “%(target)s”")),
            SearchDocuments(
                kind="forum.thread",
                label=_("Forum threads"),
                rows=lambda: selectors.public_threads().select_related("category"),
                title=lambda thread: thread.title,
                text=lambda thread: selectors.search_text(thread),
                url=lambda thread: thread.get_absolute_url(),
                collectivity=lambda thread: thread.collectivity_id,
                date=lambda thread: thread.created_at,
            ),
        ),
    )


def _page_cache() -> tuple:
    """The public pages the same for every anonymous visitor, and the rows no public page shows."""
    return (
        CacheablePages(
            (
                "forum:index",
                "forum:category",
                "forum:thread",
            )
        ),
        # Given to the citizens who read them from one shared copy (core/sharedpages.py).
        SharedPages(("forum:index",)),
    )
