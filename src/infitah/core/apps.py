from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "infitah.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from infitah.core.contributions import register_sitemap
        from infitah.core.sitemaps import CorePagesSitemap

        register_sitemap("pages", CorePagesSitemap)
