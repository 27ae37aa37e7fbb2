from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "infitah.accounts"
    label = "accounts"
    verbose_name = _("Accounts, associations and roles")

    def ready(self):
        from infitah.accounts import account_data, rules  # noqa: F401 - registers rules and personal data
        from infitah.core.contributions import NavigationItem, register_navigation

        register_navigation(NavigationItem("associations", _("Associations"), "associations:list", order=30))
