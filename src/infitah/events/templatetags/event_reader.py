"""The personal parts of an event's page (events.reader): `{% load event_reader %}` then
`{% event_online_link event %}`, `{% event_registration event %}`, `{% event_minutes event %}`."""

from typing import Any

from django import template

from infitah.core.sharedpages import personal_inclusion_tag
from infitah.events import reader, selectors

register = template.Library()


def _load(model: Any, pks: Any, user: Any) -> dict[Any, Any]:
    # The seat counts the registration box shows.
    return selectors.with_counts(model.objects.select_related("collectivity")).in_bulk(pks)


def _context(context: Any, event: Any) -> dict[str, Any]:
    request = context["request"]
    return {
        "request": request,
        "user": request.user,
        "csrf_token": context.get("csrf_token"),
        "event": event,
        **reader.state_for(request, event),
    }


@personal_inclusion_tag(register, "events", "events/_reader_online_link.html", load=_load)
def event_online_link(context, event):
    return _context(context, event)


@personal_inclusion_tag(register, "events", "events/_reader_registration.html", load=_load)
def event_registration(context, event):
    return _context(context, event)


@personal_inclusion_tag(register, "events", "events/_reader_minutes.html", load=_load)
def event_minutes(context, event):
    return _context(context, event)
