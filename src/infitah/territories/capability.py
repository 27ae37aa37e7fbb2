from django.utils.translation import gettext_lazy as _

from infitah.core.capabilities import Capability, Demo, Urls
from infitah.core.contributions import HomeSection, NavigationItem, SitemapSection
from infitah.core.datasets import Dataset
from infitah.core.pagecache import CacheablePages
from infitah.core.scopes import Scope
from infitah.core.search import SearchDocuments
from infitah.core.sharedpages import SharedPages


def declare() -> Capability:
    from infitah.territories import selectors, sitemaps
    from infitah.territories.models import Collectivity

    return Capability(
        urls=(Urls("network/", "infitah.territories.urls"),),
        api="infitah.territories.api.router",
        demo=Demo("infitah.territories.demo.load"),
        rules=("infitah.territories.rules",),
        contributes=(
            *_page_cache(),
            NavigationItem("network", _("The network"), "territories:network", order=10),
            NavigationItem("charter", _("Charter"), "territories:charter", order=20),
            HomeSection("network", "territories/home_section.html", selectors.home_context, order=10),
            SitemapSection("network", sitemaps.NetworkPagesSitemap),
            SitemapSection("members", sitemaps.MembersSitemap),
            # A collectivity belongs to itself: every app's rules are asked about one.
            Scope(Collectivity, lambda collectivity: collectivity.pk),
            *_open_data(),
            *_search(),
        ),
    )


def _open_data() -> tuple:
    from infitah.territories import open_data

    return (
        Dataset(
            key="collectivities",
            title=_("Territorial collectivities"),
            description=_(
                "Every region, prefecture or province and commune known to the platform: official code, kind, "
                "names in Arabic and French, the collectivity it is part of, and its population at the census."
            ),
            rows=open_data.collectivity_rows,
            columns=open_data.COLLECTIVITY_COLUMNS,
            keywords=(_("territorial collectivities"), _("regions"), _("communes")),
        ),
        Dataset(
            key="members",
            title=_("Members of the network of open collectivities"),
            description=_(
                "Every collectivity that joined the network and has not withdrawn: where it lies, its population, "
                "the day it joined and whether its membership is active or suspended."
            ),
            rows=open_data.member_rows,
            columns=open_data.MEMBER_COLUMNS,
            keywords=(_("open government"), _("network")),
        ),
    )


def _search() -> tuple:
    """The charter (its sections and the commitments every member makes) and the network's members, by name."""
    from django.urls import reverse

    from infitah.core.translation import tr
    from infitah.territories.models import CharterCommitment, CharterSection, Collectivity, Membership

    def member_text(collectivity) -> str:
        places = [collectivity.kind_label, *(str(tr(place.name)) for place in _parents(collectivity))]
        return " — ".join(str(place) for place in places if place)

    return (
        SearchDocuments(
            kind="territories.chartersection",
            label=_("The network's charter"),
            rows=CharterSection.objects.all,
            title=lambda section: f"{_('Charter')}: {section.get_kind_display()}",
            text=lambda section: str(tr(section.body)),
            url=lambda section: reverse("territories:charter") + f"#section-{section.pk}",
            collectivity=lambda section: None,
        ),
        SearchDocuments(
            kind="territories.chartercommitment",
            label=_("Commitments of the charter"),
            rows=CharterCommitment.objects.all,
            title=str,
            text=lambda commitment: str(tr(commitment.text)),
            url=lambda commitment: reverse("territories:charter") + "#commitments-title",
            collectivity=lambda commitment: None,
        ),
        SearchDocuments(
            kind="territories.collectivity",
            label=_("Network members"),
            rows=lambda: Collectivity.objects.filter(
                pk__in=Membership.objects.current().values("collectivity_id")
            ).select_related("membership", "parent__parent"),
            title=str,
            text=member_text,
            url=lambda collectivity: reverse("territories:member", args=[collectivity.code]),
            collectivity=lambda collectivity: collectivity.pk,
            date=lambda collectivity: collectivity.membership.joined_on,
        ),
    )


def _parents(collectivity) -> list:
    parents, node = [], collectivity
    while node.parent_id:
        node = node.parent
        parents.append(node)
    return parents


def _page_cache() -> tuple:
    """The public pages the same for every anonymous visitor, and the rows no public page shows."""
    return (
        CacheablePages(
            (
                "territories:network",
                "territories:member",
                "territories:charter",
            )
        ),
        # Given to the citizens who read them from one shared copy (core/sharedpages.py).
        SharedPages(("territories:network", "territories:charter", "territories:member"), to_everyone=True),
        # A member's page too: its blocks that depend on the reader's powers (the programs in preparation its staff
        # see, the members-only threads forum members see) are declared `by_powers` and rendered for such a reader.
    )
