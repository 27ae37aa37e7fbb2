from django.utils.translation import gettext_lazy as _

from infitah.core.capabilities import Capability, Demo, Urls
from infitah.core.contributions import HomeSection, NavigationItem, SitemapSection
from infitah.core.scopes import Scope
from infitah.core.search import SearchDocuments  # --- search: one line ---


def declare() -> Capability:
    from infitah.territories import selectors, sitemaps
    from infitah.territories.models import Collectivity

    return Capability(
        urls=(Urls("network/", "infitah.territories.urls"),),
        api="infitah.territories.api.router",
        demo=Demo("infitah.territories.demo.load"),
        rules=("infitah.territories.rules",),
        contributes=(
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
    return ()


# --- search: begin ---
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


# --- search: end ---
