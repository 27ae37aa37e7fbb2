"""Writing events outside the admin (the API's staff writes): the same checks as the admin's form, the same
announcement on publication. The caller has asked core.permissions ("events.manage_event")."""

from typing import Any

from django.db import transaction

from infitah.accounts.models import User
from infitah.core.translation import clean_translations
from infitah.events.announcements import announce_published
from infitah.events.models import Event

# What a staff member sets on an event through the API; the rest (program, body, minutes) stays in the admin.
WRITABLE = (
    "kind",
    "format",
    "title",
    "description",
    "starts_at",
    "ends_at",
    "place",
    "online_url",
    "capacity",
    "registration_closes_at",
)
TRANSLATED = ("title", "description", "place")


def _apply(event: Event, changes: dict[str, Any]) -> None:
    for name, value in changes.items():
        if name not in WRITABLE:
            raise ValueError(f"{name} is not writable")
        setattr(event, name, clean_translations(value) if name in TRANSLATED else value)
    # A ValidationError names the refused fields (model and translated fields' rules, Event.clean).
    event.full_clean()


@transaction.atomic
def create_event(collectivity: Any, changes: dict[str, Any]) -> Event:
    """A new, unpublished event of `collectivity` (None: the network's)."""
    event = Event(collectivity=collectivity)
    _apply(event, changes)
    event.save()
    return event


@transaction.atomic
def update_event(event: Event, changes: dict[str, Any], by: User | None = None) -> Event:
    event = Event.objects.select_for_update().get(pk=event.pk)
    _apply(event, changes)
    event.save()
    return event


@transaction.atomic
def publish_event(event: Event, by: User | None) -> Event:
    """Publish the event (nothing happens if it already is) and tell the organiser's followers."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if not event.is_published:
        event.is_published = True
        event.full_clean()
        event.save(update_fields=["is_published"])
        announce_published(event, by)
    return event
