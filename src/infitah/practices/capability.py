from django.utils.translation import gettext_lazy as _

from infitah.core.capabilities import Capability, Demo, Urls
from infitah.core.contributions import MemberSection, NavigationItem, SitemapSection, WaitingGroup
from infitah.core.datasets import Column, Dataset
from infitah.core.pagecache import CacheablePages
from infitah.core.scopes import Scope
from infitah.core.search import SearchDocuments
from infitah.core.sharedpages import SharedPages
from infitah.core.visibility import Visibility
from infitah.participation.notifications import NotificationVerb
from infitah.participation.targets import ParticipationTarget
from infitah.programs.sections import CommitmentSection


def declare() -> Capability:
    from infitah.core.translation import tr
    from infitah.practices import selectors, sitemaps, waiting
    from infitah.practices.models import Adoption, Practice

    return Capability(
        urls=(Urls("practices/", "infitah.practices.urls"),),
        api="infitah.practices.api.router",
        demo=Demo("infitah.practices.demo.load", after=("territories", "programs")),
        rules=("infitah.practices.rules",),
        contributes=(
            *_page_cache(),
            # Comments, follows, reports and documents through the shared services; open only once published,
            # documents attached by the collectivity's staff while they may change it.
            ParticipationTarget(
                model=Practice,
                features=frozenset({"comment", "follow", "report", "attach"}),
                collectivity=lambda practice: practice.collectivity_id,
                gate=_practice_gate,
                url=lambda practice: practice.get_absolute_url(),
            ),
            Scope(Adoption, lambda adoption: adoption.collectivity_id),
            Visibility(Practice, "practices.view"),
            NotificationVerb("practice_published", _("The practice “%(target)s” is published in the library")),
            NotificationVerb(
                "practice_returned", _("The practice “%(target)s” was returned to you with a note: see its page")
            ),
            NotificationVerb("practice_withdrawn", _("The practice “%(target)s” was withdrawn from the library")),
            NotificationVerb("practice_adopted", _("%(actor)s declared that their collectivity adopted “%(target)s”")),
            NavigationItem("practices", _("Good practices"), "practices:list", order=62),
            WaitingGroup("practices_to_review", _("Practices to review"), waiting.to_review, order=70),
            WaitingGroup("practices_returned", _("Practices returned to you"), waiting.returned, order=71),
            MemberSection("practices", "practices/_member_section.html", selectors.member_section, order=60),
            CommitmentSection(
                "practices", "practices/_commitment_section.html", selectors.commitment_section, order=40
            ),
            SitemapSection("practices_pages", sitemaps.PracticePagesSitemap),
            SitemapSection("practices", sitemaps.PracticesSitemap),
            SearchDocuments(
                kind="practices.practice",
                label=_("Good practices"),
                rows=selectors.search_rows,
                title=str,
                text=_search_text,
                url=lambda practice: practice.get_absolute_url(),
                collectivity=lambda practice: practice.collectivity_id,
                principles=lambda practice: list(practice.principles),
                date=lambda practice: practice.published_at,
            ),
            Dataset(
                key="practices",
                title=_("Good practices of the network"),
                description=_(
                    "Every practice published in the network's library: the member that shares it, its openness "
                    "principles, its summary, when it was published and how many members adopted it."
                ),
                rows=selectors.dataset_rows,
                columns=(
                    Column("id", lambda practice: practice.pk),
                    Column("collectivity", lambda practice: practice.collectivity.code),
                    Column("title", lambda practice: str(tr(practice.title))),
                    Column("summary", lambda practice: str(tr(practice.summary))),
                    Column("principles", lambda practice: " ".join(practice.principles)),
                    Column("published_at", lambda practice: practice.published_at.isoformat()),
                    Column("adoptions", lambda practice: practice.adoption_count),
                    Column("is_illustrative", lambda practice: practice.is_illustrative),
                ),
            ),
        ),
    )


def _search_text(practice) -> str:
    texts = [practice.summary, practice.context, practice.partners, practice.results]
    return "\n".join(text for value in texts for _lang, text in sorted((value or {}).items()) if text)


def _practice_gate(user, practice, feature):
    """A practice's documents are as public as the practice; comments, follows and reports open once published;
    documents are attached by the staff who may change it."""
    from infitah.core.permissions import can

    if feature == "view":
        return None if can(user, "practices.view", practice) else _("This is not public.")
    if feature == "attach":
        return (
            None
            if can(user, "practices.edit", practice)
            else _("Only the staff of its collectivity attach documents to a practice they may change.")
        )
    if not practice.is_public:
        return _("This practice is not published.")
    return None


def _page_cache() -> tuple:
    """The public pages the same for every anonymous visitor, and the rows no public page shows."""
    return (
        CacheablePages(
            (
                "practices:list",
                "practices:detail",
            )
        ),
        # Given to the citizens who read them from one shared copy (core/sharedpages.py).
        SharedPages(("practices:detail",)),
    )
