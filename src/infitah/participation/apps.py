from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "infitah.participation"
    label = "participation"
    verbose_name = _("Participation and moderation")

    def ready(self):
        from infitah.accounts.models import Association
        from infitah.core.admin import register_admin_listener
        from infitah.core.contributions import (
            AccountMenuItem,
            WaitingGroup,
            register_account_menu_item,
            register_waiting,
        )
        from infitah.participation import (  # noqa: F401 - registers rules and personal data
            personal_data,
            rules,
            waiting,
        )
        from infitah.participation.audit import record_admin_action
        from infitah.participation.targets import ParticipationTarget, register_scope, register_target
        from infitah.territories.models import Collectivity

        # A member collectivity can be followed: capabilities notify its followers of new programs,
        # consultations and events.
        register_target(
            ParticipationTarget(
                model=Collectivity,
                features={"follow"},
                collectivity=lambda collectivity: collectivity.pk,
                url=lambda collectivity: reverse("territories:member", args=[collectivity.code]),
            )
        )
        register_scope(Association, lambda association: association.seat_id)
        register_admin_listener(record_admin_action)
        register_account_menu_item(AccountMenuItem("notifications", "participation/_account_menu.html", order=10))
        register_waiting(WaitingGroup("reports", _("Reports to moderate"), waiting.reports_to_moderate, order=40))
        register_waiting(
            WaitingGroup("notifications", _("Unread notifications"), waiting.unread_notifications, order=50)
        )
