from django.utils.translation import gettext_lazy as _

from infitah.core.capabilities import Capability, Demo, Urls
from infitah.core.contributions import NavigationItem, SitemapSection
from infitah.core.datasets import Column, Dataset
from infitah.core.pagecache import CacheablePages
from infitah.core.scopes import Scope
from infitah.core.search import SearchDocuments
from infitah.core.sharedpages import SharedPages


def declare() -> Capability:
    from infitah.core.translation import tr
    from infitah.resources import selectors, sitemaps
    from infitah.resources.models import Resource, ResourceFile, ResourceVersion

    return Capability(
        urls=(Urls("resources/", "infitah.resources.urls"),),
        api="infitah.resources.api.router",
        demo=Demo("infitah.resources.demo.load", after=("territories",)),
        rules=("infitah.resources.rules",),
        contributes=(
            *_page_cache(),
            # A member's resource belongs to it; the network's to no collectivity (its coordinators keep it).
            Scope(Resource, lambda resource: resource.publisher_id),
            Scope(ResourceVersion, lambda version: version.resource.publisher_id),
            Scope(ResourceFile, lambda stored: stored.version.resource.publisher_id),
            NavigationItem("resources", _("Resources"), "resources:list", order=63),
            SitemapSection("resources_pages", sitemaps.ResourcePagesSitemap),
            SitemapSection("resources", sitemaps.ResourcesSitemap),
            SearchDocuments(
                kind="resources.resource",
                label=_("Resources"),
                rows=selectors.search_rows,
                title=str,
                text=lambda resource: "\n".join(text for _l, text in sorted(resource.description.items()) if text),
                url=lambda resource: resource.get_absolute_url(),
                collectivity=lambda resource: resource.publisher_id,
                principles=lambda resource: list(resource.principles),
                date=lambda resource: resource.created_at,
            ),
            Dataset(
                key="resources",
                title=_("Resources of the network"),
                description=_(
                    "Guides, methods and templates the network and its members publish: the kind, the publisher "
                    "(empty: the network), the openness principles and how many versions were published."
                ),
                rows=selectors.dataset_rows,
                columns=(
                    Column("id", lambda resource: resource.pk),
                    Column("title", lambda resource: str(tr(resource.title))),
                    Column("kind", lambda resource: resource.kind),
                    Column("publisher", lambda resource: resource.publisher.code if resource.publisher else ""),
                    Column("principles", lambda resource: " ".join(resource.principles)),
                    Column("versions", lambda resource: resource.version_count),
                    Column("created_at", lambda resource: resource.created_at.isoformat()),
                    Column("is_illustrative", lambda resource: resource.is_illustrative),
                ),
            ),
        ),
    )


def _page_cache() -> tuple:
    """The public pages the same for every anonymous visitor, and the rows no public page shows."""
    return (
        CacheablePages(
            (
                "resources:list",
                "resources:detail",
            )
        ),
        # Given to everyone signed in from one shared copy (core/sharedpages.py): the links to publish are
        # powers-only parts (resources/templatetags/resource_reader.py).
        SharedPages(("resources:list", "resources:detail"), to_everyone=True),
    )
