"""iCalendar (.ics) for one event or a feed of events, in Africa/Casablanca time with its VTIMEZONE."""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Iterable
from typing import TYPE_CHECKING

import icalendar
from django.conf import settings
from django.utils import timezone

from infitah.core.site import site_link
from infitah.core.translation import tr

if TYPE_CHECKING:
    from infitah.events.models import Event

PRODID = "-//Infitah//Events//AR"


def _local(moment: datetime.datetime) -> datetime.datetime:
    return moment.astimezone(zoneinfo.ZoneInfo(settings.TIME_ZONE))


def _vevent(event: Event, *, with_online_link: bool = False) -> icalendar.Event:
    entry = icalendar.Event()
    entry.add("uid", f"event-{event.pk}@infitah")
    entry.add("dtstamp", timezone.now())
    entry.add("dtstart", _local(event.starts_at))
    entry.add("dtend", _local(event.ends_at))
    entry.add("summary", str(tr(event.title)))
    description = str(tr(event.description))
    if with_online_link and event.online_url:
        description = f"{description}\n\n{event.online_url}".strip()
    if description:
        entry.add("description", description)
    place = str(tr(event.place))
    if place:
        entry.add("location", place)
    entry.add("url", site_link(event.get_absolute_url()))
    entry.add("status", "CONFIRMED")
    return entry


def calendar_of(events: Iterable[Event], *, name: str | None = None, with_online_link: bool = False) -> bytes:
    """A VCALENDAR holding the events (an iterable), as bytes."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    if name:
        calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(_vevent(event, with_online_link=with_online_link))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def event_ics(event: Event, *, with_online_link: bool = False) -> bytes:
    return calendar_of([event], with_online_link=with_online_link)
