from django.utils.translation import gettext_lazy as _

from infitah.core import capabilities


class BudgetsConfig(capabilities.CapabilityConfig):
    name = "infitah.budgets"
    label = "budgets"
    verbose_name = _("Budgets")
