from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "infitah.accounts"
    label = "accounts"
    verbose_name = _("Accounts, associations and roles")

    def ready(self):
        from infitah.accounts import account_data, rules  # noqa: F401 - registers rules and personal data
        from infitah.core.contributions import (
            AccountMenuItem,
            NavigationItem,
            register_account_menu_item,
            register_navigation,
        )

        register_navigation(NavigationItem("associations", _("Associations"), "associations:list", order=30))
        register_account_menu_item(AccountMenuItem("waiting", "accounts/_account_menu.html", order=5))
        self._declare_visibility()

    @staticmethod
    def _declare_visibility():
        """A pending association is named nowhere to those who may not see it (core.visibility)."""
        from infitah.accounts.models import Association
        from infitah.core.visibility import register_visibility

        register_visibility(Association, "accounts.view_association")
