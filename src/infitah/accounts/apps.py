from django.utils.translation import gettext_lazy as _

from infitah.core import capabilities


class AccountsConfig(capabilities.CapabilityConfig):
    name = "infitah.accounts"
    label = "accounts"
    verbose_name = _("Accounts, associations and roles")
