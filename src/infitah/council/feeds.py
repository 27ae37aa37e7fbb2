"""The sessions as an iCalendar feed (all-day events in Africa/Casablanca) and the decisions as an Atom feed.

Published sessions and decisions only: the feeds are public and cached by readers."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from infitah.core.site import site_link
from infitah.core.translation import tr

PRODID = "-//Infitah//Council sessions//AR"


def _vevent(session: Any) -> icalendar.Event:
    entry = icalendar.Event()
    entry.add("uid", f"council-session-{session.pk}@infitah")
    entry.add("dtstamp", timezone.now())
    entry.add("dtstart", session.opens_on)
    # All-day events end the day after their last day (RFC 5545, DTEND is exclusive).
    entry.add("dtend", (session.closes_on or session.opens_on) + datetime.timedelta(days=1))
    entry.add("summary", f"{tr(session.collectivity.name)} — {tr(session.title)}")
    place = str(tr(session.place))
    if place:
        entry.add("location", place)
    entry.add("url", site_link(session.get_absolute_url()))
    entry.add("status", "CANCELLED" if session.status == "cancelled" else "CONFIRMED")
    return entry


def sessions_ics(sessions: Iterable[Any], *, name: str) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add("x-wr-calname", name)
    for session in sessions:
        calendar.add_component(_vevent(session))
    return calendar.to_ical()


def decisions_atom(decisions: Iterable[Any], *, title: str, link: str, feed_url: str, language: str) -> str:
    feed = Atom1Feed(title=title, link=link, description=title, language=language, feed_url=feed_url)
    for decision in decisions:
        url = site_link(decision.get_absolute_url())
        feed.add_item(
            title=f"{decision.number} — {tr(decision.title)}",
            link=url,
            description=f"{tr(decision.collectivity.name)} — {tr(decision.session.title)}: "
            f"{decision.get_outcome_display()} ({decision.votes_for}/{decision.votes_against}/{decision.votes_abstain})"
            f"\n{tr(decision.text)}",
            unique_id=url,
            pubdate=datetime.datetime.combine(decision.decided_on, datetime.time(12), tzinfo=datetime.UTC),
            categories=[str(decision.get_outcome_display())],
        )
    return feed.writeString("utf-8")
