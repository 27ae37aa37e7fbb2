"""The personal parts of an event's page (events.reader): `{% load event_reader %}` then
`{% event_online_link event %}`, `{% event_registration event %}`, `{% event_minutes event %}`; and what a reader's
powers add to the page everyone signed in shares, as powers-only parts: `{% event_staff_actions event %}` (the
managers' tools), `{% event_add_link %}` (on the list), `{% event_program event %}` and
`{% finding_links finding %}` (links to a program, its axes and commitments, which a program's staff see while it is
still in preparation)."""

from typing import Any

from django import template
from django.db.models import Count, Prefetch

from infitah.core.partobjects import Loader
from infitah.core.permissions import can
from infitah.core.sharedpages import part_context, personal_inclusion_tag, powers_only_flags
from infitah.core.visibility import all_public, all_visible, visible
from infitah.events import reader
from infitah.events.models import Registration, RegistrationStatus
from infitah.programs.models import Axis, Commitment

register = template.Library()

COUNTED = {RegistrationStatus.CONFIRMED: "confirmed_count", RegistrationStatus.WAITING: "waiting_count"}


def _events(model: Any, pks: Any) -> dict[Any, Any]:
    """The events, with the seat counts the registration box shows (counted apart: cheaper than with_counts's join)."""
    events = model.objects.select_related("collectivity", "program").in_bulk(pks)
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


@powers_only_flags(register, "events", "events/_add_link.html", "event")
def event_add_link(user: Any, _nothing: Any) -> dict[str, bool]:
    """Add an event in the back office: for whoever manages events somewhere."""
    return {"may_add": can(user, "events.manage_event", None)}


@powers_only_flags(register, "events", "events/_staff_actions.html", "event", load=_load)
def event_staff_actions(user: Any, event: Any) -> dict[str, bool]:
    """Edit the event, mark attendance, its agenda, findings and minutes; its attendance statistics."""
    return {
        "may_manage": can(user, "events.manage_event", event),
        "may_view_attendance": can(user, "events.view_attendance", event),
    }


def _program_public(event: Any) -> bool:
    return event.program_id is None or all_public([event.program])


@personal_inclusion_tag(
    register, "events", "events/_program_link.html", load=_load, powers_only=True, same_for_all=_program_public
)
def event_program(context, event):
    return part_context(context, event=event, program=visible(context["request"].user, event.program))


def _findings(model: Any, pks: Any) -> dict[Any, Any]:
    return model.objects.prefetch_related(
        Prefetch("axes", queryset=Axis.objects.select_related("program")),
        Prefetch("commitments", queryset=Commitment.objects.select_related("program")),
    ).in_bulk(pks)


def _links_public(finding: Any) -> bool:
    return all_public([*finding.axes.all(), *finding.commitments.all()])


@personal_inclusion_tag(
    register,
    "events",
    "events/_finding_links.html",
    load=Loader(everyone=_findings),
    powers_only=True,
    same_for_all=_links_public,
)
def finding_links(context, finding):
    user = context["request"].user
    return part_context(
        context, axes=all_visible(user, finding.axes.all()), commitments=all_visible(user, finding.commitments.all())
    )
