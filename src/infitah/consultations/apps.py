from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "infitah.consultations"
    label = "consultations"
    verbose_name = _("Public consultations")

    def ready(self):
        from infitah.consultations import report_rules, rules  # noqa: F401 - registers the permission rules
