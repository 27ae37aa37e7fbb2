"""Telling the followers of a member collectivity that it published an event (a workshop, a training, a meeting)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from infitah.participation.notifications import NotificationVerb, followers_of, notify

if TYPE_CHECKING:
    from infitah.accounts.models import User
    from infitah.events.models import Event

PUBLISHED = NotificationVerb("event_published", _("A collectivity you follow published an event: “%(target)s”"))


def announce_published(event: Event, by: User | None) -> None:
    """Once the publication is committed, notify the organiser's followers (a network event has none)."""
    if not event.is_published or event.collectivity_id is None:
        return
    transaction.on_commit(lambda: notify(PUBLISHED.code, event, actor=by, recipients=followers_of(event.collectivity)))
