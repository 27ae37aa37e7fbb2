"""Agenda validation, pure: plain values in, the problems of each item out.

An agenda is a list of `Item` tuples in their display order. Times are local times of the event's day; an item
may give only a start ("from 11:30 working groups") or no time at all. The rules:

- an item ends after it starts;
- it lies within the event's hours (and a sub-item within its parent's hours);
- items of the same level follow each other in order of their start times;
- they do not overlap, unless one of the two is marked parallel (working groups at the same time).
"""

from collections.abc import Sequence
from datetime import datetime, time
from typing import NamedTuple

from django.utils.translation import gettext as _

# A time of day, or an aware datetime read in the current time zone.
Moment = time | datetime


class Item(NamedTuple):
    key: object
    parent: object = None
    starts_at: time | None = None
    ends_at: time | None = None
    is_parallel: bool = False


def _fmt(value: time) -> str:
    return value.strftime("%H:%M")


def check_item_alone(
    starts_at: time | None, ends_at: time | None, window_start: Moment | None, window_end: Moment | None
) -> list[str]:
    """The problems of one item against its own times and the window it must fit in (times or None)."""
    problems: list[str] = []
    if starts_at and ends_at and ends_at <= starts_at:
        problems.append(_("The item must end after it starts (%(start)s).") % {"start": _fmt(starts_at)})
    if window_start is not None and window_end is not None:
        window_start, window_end = _as_time(window_start), _as_time(window_end)
        for moment in (starts_at, ends_at):
            if moment is not None and not (window_start <= moment <= window_end):
                problems.append(
                    _("%(moment)s is outside the hours of the event (%(start)s–%(end)s).")
                    % {"moment": _fmt(moment), "start": _fmt(window_start), "end": _fmt(window_end)}
                )
                break
    return problems


def _as_time(value: Moment) -> time:
    """Accept a time, or an aware datetime read in the current time zone."""
    if isinstance(value, time):
        return value
    from django.utils import timezone

    return timezone.localtime(value).time().replace(tzinfo=None)


def _maybe_time(value: Moment | None) -> time | None:
    return None if value is None else _as_time(value)


def check_agenda(
    items: Sequence[Item], event_start: Moment | None, event_end: Moment | None
) -> dict[object, list[str]]:
    """Return {item key: [problems]} for every item that has some; an empty dict means the agenda is valid.

    `event_start` / `event_end`: the event's hours (times, or aware datetimes); pass None for both when the
    event spans several days, so only the order and overlaps are checked.
    """
    problems: dict[object, list[str]] = {}
    by_key = {item.key: item for item in items}

    def add(item: Item, message: str) -> None:
        problems.setdefault(item.key, []).append(message)

    for item in items:
        parent = by_key.get(item.parent)
        if parent is not None and (parent.starts_at or parent.ends_at):
            window = (parent.starts_at or _maybe_time(event_start), parent.ends_at or _maybe_time(event_end))
            for message in check_item_alone(item.starts_at, item.ends_at, None, None):
                add(item, message)
            if window[0] is not None and window[1] is not None:
                for moment in (item.starts_at, item.ends_at):
                    if moment is not None and not (window[0] <= moment <= window[1]):
                        add(
                            item,
                            _("%(moment)s is outside the hours of its parent item (%(start)s–%(end)s).")
                            % {"moment": _fmt(moment), "start": _fmt(window[0]), "end": _fmt(window[1])},
                        )
                        break
        else:
            for message in check_item_alone(item.starts_at, item.ends_at, event_start, event_end):
                add(item, message)

    levels: dict[object, list[Item]] = {}
    for item in items:
        levels.setdefault(item.parent, []).append(item)
    for siblings in levels.values():
        timed = [(item.starts_at, item) for item in siblings if item.starts_at is not None]
        for index, (start, current) in enumerate(timed[1:], start=1):
            previous_start = timed[index - 1][0]
            if start < previous_start:
                add(
                    current,
                    _("Items must follow the order of time: %(current)s is listed after %(previous)s.")
                    % {"current": _fmt(start), "previous": _fmt(previous_start)},
                )
                continue
            if current.is_parallel:
                continue
            # The latest end among the earlier items that are not parallel: any of them may still be running.
            ends = [item.ends_at for _start, item in timed[:index] if not item.is_parallel and item.ends_at is not None]
            if ends and start < max(ends):
                add(
                    current,
                    _(
                        "This item (from %(start)s) overlaps the previous one (until %(end)s). "
                        "Change the times or mark the items as parallel."
                    )
                    % {"start": _fmt(start), "end": _fmt(max(ends))},
                )
    return problems


def event_window(starts_at: datetime, ends_at: datetime) -> tuple[time, time] | tuple[None, None]:
    """The hours agenda items must fit in: (start, end) local times, or (None, None) over several days."""
    from django.utils import timezone

    start, end = timezone.localtime(starts_at), timezone.localtime(ends_at)
    if start.date() != end.date():
        return None, None
    return start.time().replace(tzinfo=None), end.time().replace(tzinfo=None)
