"""sitemap.xml: every public page in every language, each entry with its alternates (hreflang) and x-default.

Apps add their public objects with `core.contributions.register_sitemap(key, SitemapClass)`; the classes below
are the base each one derives from.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class PublicSitemap(Sitemap):
    """Each page in every language of the site, with links to its other languages."""

    i18n = True
    alternates = True
    x_default = True


class PagesSitemap(PublicSitemap):
    """Pages without an object of their own, named by their URL names."""

    url_names: tuple[str, ...] = ()

    def items(self):
        return list(self.url_names)

    def location(self, item):
        return reverse(item)


class CorePagesSitemap(PagesSitemap):
    url_names = ("core:home", "core:accessibility")
    priority = 1.0
