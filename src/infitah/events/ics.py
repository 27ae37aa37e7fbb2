"""iCalendar (.ics) for one event or a feed of events, in Africa/Casablanca time with its VTIMEZONE."""

import zoneinfo

import icalendar
from django.conf import settings
from django.utils import timezone

from infitah.core.site import site_link
from infitah.core.translation import tr

PRODID = "-//Infitah//Events//AR"


def _local(moment):
    return moment.astimezone(zoneinfo.ZoneInfo(settings.TIME_ZONE))


def _vevent(event, *, with_online_link=False):
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


def calendar_of(events, *, name=None, with_online_link=False):
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


def event_ics(event, *, with_online_link=False):
    return calendar_of([event], with_online_link=with_online_link)
