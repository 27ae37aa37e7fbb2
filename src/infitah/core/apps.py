from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "infitah.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from django.db.models.signals import pre_save

        from infitah.core.text import clean_text_fields, enforce_text_limits

        enforce_text_limits()
        pre_save.connect(clean_text_fields, dispatch_uid="infitah.core.text.clean_text_fields")

        from infitah.core.translation import install_interface_fallbacks

        install_interface_fallbacks()

        from infitah.core.contributions import register_sitemap
        from infitah.core.sitemaps import CorePagesSitemap

        register_sitemap("pages", CorePagesSitemap)
