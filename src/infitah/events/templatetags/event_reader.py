"""The personal parts of an event's page (events.reader): `{% load event_reader %}` then
`{% event_online_link event %}`, `{% event_registration event %}`, `{% event_minutes event %}`."""

from typing import Any

from django import template
from django.db.models import Count

from infitah.core.partobjects import Loader
from infitah.core.sharedpages import part_context, personal_inclusion_tag
from infitah.events import reader
from infitah.events.models import Registration, RegistrationStatus

register = template.Library()

COUNTED = {RegistrationStatus.CONFIRMED: "confirmed_count", RegistrationStatus.WAITING: "waiting_count"}


def _events(model: Any, pks: Any) -> dict[Any, Any]:
    """The events, with the seat counts the registration box shows (counted apart: cheaper than with_counts's join)."""
    events = model.objects.select_related("collectivity").in_bulk(pks)
    for event in events.values():
        event.confirmed_count = event.waiting_count = 0
    counted = (
        Registration.objects.filter(event__in=list(events), status__in=COUNTED)
        .values_list("event", "status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for event_id, status, n in counted:
        setattr(events[event_id], COUNTED[status], n)
    return events


_load = Loader(everyone=_events)


def _context(context: Any, event: Any) -> dict[str, Any]:
    return part_context(context, event=event, **reader.state_for(context["request"], event))


@personal_inclusion_tag(register, "events", "events/_reader_online_link.html", load=_load)
def event_online_link(context, event):
    return _context(context, event)


@personal_inclusion_tag(register, "events", "events/_reader_registration.html", load=_load)
def event_registration(context, event):
    return _context(context, event)


@personal_inclusion_tag(register, "events", "events/_reader_minutes.html", load=_load)
def event_minutes(context, event):
    return _context(context, event)
