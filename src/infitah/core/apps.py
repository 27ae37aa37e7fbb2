from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "infitah.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from infitah.core.translation import install_interface_fallbacks

        install_interface_fallbacks()
