from django.utils.translation import gettext_lazy as _

from infitah.core import capabilities


class EvaluationConfig(capabilities.CapabilityConfig):
    name = "infitah.evaluation"
    label = "evaluation"
    verbose_name = _("Co-evaluation")
