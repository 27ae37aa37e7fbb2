from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from infitah.core.capabilities import Capability, Urls
from infitah.core.contributions import AccountMenuItem, WaitingGroup
from infitah.core.pagestamps import QuietModels
from infitah.core.signedincache import PersonalPages
from infitah.participation.targets import ParticipationTarget


def declare() -> Capability:
    from infitah.participation import personal_data, waiting
    from infitah.participation.notifications import unread_count
    from infitah.territories.models import Collectivity

    return Capability(
        urls=(Urls("participation/", "infitah.participation.urls"),),
        rules=("infitah.participation.rules",),
        contributes=(
            *_page_cache(),
            # A member collectivity can be followed: capabilities notify its followers of its program's phases
            # (the consultation opening among them), its published events and its monitoring updates.
            ParticipationTarget(
                model=Collectivity,
                features=frozenset({"follow"}),
                collectivity=lambda collectivity: collectivity.pk,
                url=lambda collectivity: reverse("territories:member", args=[collectivity.code]),
            ),
            AccountMenuItem(
                "notifications",
                "participation/_account_menu.html",
                order=10,
                reader_state=lambda request: unread_count(request.user),
            ),
            WaitingGroup("reports", _("Reports to moderate"), waiting.reports_to_moderate, order=40),
            WaitingGroup("notifications", _("Unread notifications"), waiting.unread_notifications, order=50),
            personal_data.PERSONAL_DATA,
        ),
        on_ready=_audit_back_office_edits,
    )


def _audit_back_office_edits() -> None:
    from infitah.core.admin import register_admin_listener
    from infitah.participation.audit import record_admin_action

    register_admin_listener(record_admin_action)


def _page_cache() -> tuple:
    """The public pages the same for every anonymous visitor, and the rows no public page shows."""
    return (
        # The person's own notifications, kept for them (core/signedincache.py).
        PersonalPages(("participation:notifications",)),
        QuietModels(
            (
                "participation.notification",
                "participation.notificationsettings",
                "participation.digestlog",
                "participation.auditlogentry",
                # Who follows what is shown to the follower alone (a personal part of the page), to nobody else.
                "participation.follow",
            )
        ),
    )
