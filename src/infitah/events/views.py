"""Public pages of events: the list, the month calendar, an event with its agenda, and the feeds."""

import calendar
import datetime

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from infitah.core.pagecache import page_depends_on
from infitah.core.permissions import can
from infitah.core.site import site_link
from infitah.core.translation import tr
from infitah.events import selectors
from infitah.events.forms import EventFilterForm
from infitah.events.ics import calendar_of
from infitah.events.models import Event
from infitah.territories.models import Collectivity

EVENTS_PER_PAGE = 30
FEED_SIZE = 50


def visible_event_or_404(request, pk, loader=None):
    try:
        event = (loader or (lambda key: Event.objects.select_related("collectivity").get(pk=key)))(pk)
    except Event.DoesNotExist:
        raise Http404(_("There is no event at this address.")) from None
    if not can(request.user, "events.view_event", event):
        raise Http404(_("There is no event at this address."))
    return event


def event_list(request):
    form = EventFilterForm(request.GET or None)
    chosen = form.cleaned()
    events = selectors.event_list(
        request.user, collectivity=chosen["collectivity"], kind=chosen["kind"], when=chosen["when"] or "upcoming"
    )
    page = Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    return render(
        request,
        "events/list.html",
        {
            "form": form,
            "page": page,
            "filtered": bool(request.GET.get("kind") or request.GET.get("collectivity") or request.GET.get("when")),
            "past": chosen["when"] == "past",
            "this_month": reverse("events:calendar", args=[today.year, today.month]),
            "feed_query": f"?collectivity={chosen['collectivity'].code}" if chosen["collectivity"] else "",
        },
    )


def month_link(day, query):
    return reverse("events:calendar", args=[day.year, day.month]) + (f"?{query}" if query else "")


def calendar_month(request, year, month):
    first_year, last_year = selectors.calendar_years(request.user)
    if not (1 <= month <= 12 and first_year <= year <= last_year):
        raise Http404(_("There is no calendar page for this month."))
    form = EventFilterForm(request.GET or None)
    chosen = form.cleaned()
    events = selectors.month_events(request.user, year, month, collectivity=chosen["collectivity"], kind=chosen["kind"])
    first = datetime.date(year, month, 1)
    previous = first - datetime.timedelta(days=1)
    following = first + datetime.timedelta(days=32)
    query = request.GET.urlencode()
    return render(
        request,
        "events/calendar.html",
        {
            "form": form,
            "month": first,
            "weeks": selectors.month_grid(year, month, events),
            "weekday_dates": calendar.Calendar().monthdatescalendar(year, month)[0],
            "events": events,
            # Links stay within the years that have events (± 1): beyond them there is no page to walk to.
            "previous": month_link(previous, query) if previous.year >= first_year else "",
            "next": month_link(following, query) if following.year <= last_year else "",
            # A month without events is not worth a search engine's index.
            "noindex": not events,
            "today": timezone.localdate(),
            "filtered": bool(request.GET),
        },
    )


def event_detail(request, pk):
    event = visible_event_or_404(request, pk, loader=selectors.event_detail)
    page_depends_on(request, event.collectivity_id)
    # The reader's own registration, online link and minutes review, and what their powers add (the managers' tools,
    # links to a program still in preparation) are the page's personal parts (events.templatetags.event_reader).
    return render(
        request,
        "events/detail.html",
        {
            "event": event,
            "agenda": selectors.agenda_tree(event.agenda_items.all()),
            "findings": list(event.findings.all()),
            "materials": list(event.materials.all()),
        },
    )


def _feed_events(request):
    events = selectors.visible_events(request.user).filter(is_published=True).select_related("collectivity")
    code = request.GET.get("collectivity")
    collectivity = None
    if code:
        collectivity = Collectivity.objects.filter(code=code).first()
        if collectivity is None:
            raise Http404(_("No territorial collectivity has the code %(code)s.") % {"code": code})
        events = events.filter(collectivity=collectivity)
    return collectivity, list(events.order_by("-starts_at", "-pk")[:FEED_SIZE])


def feed_ics(request):
    collectivity, events = _feed_events(request)
    name = str(tr(collectivity.name)) if collectivity else _("Infitah network events")
    response = HttpResponse(calendar_of(reversed(events), name=name), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="events.ics"'
    return response


def feed_atom(request):
    collectivity, events = _feed_events(request)
    title = _("Events of %(name)s") % {"name": tr(collectivity.name)} if collectivity else _("Infitah network events")
    feed = Atom1Feed(
        title=title,
        link=site_link(reverse("events:list")),
        description=_("Workshops, meetings and trainings"),
        language=request.LANGUAGE_CODE,
        feed_url=site_link(request.get_full_path()),
    )
    for event in events:
        when = timezone.localtime(event.starts_at)
        feed.add_item(
            title=str(tr(event.title)),
            link=site_link(event.get_absolute_url()),
            description=f"{when:%Y-%m-%d %H:%M} ({timezone.get_current_timezone_name()}) — {tr(event.place)}\n"
            f"{tr(event.description)}",
            unique_id=site_link(event.get_absolute_url()),
            pubdate=event.created_at,
            updateddate=event.starts_at,
            categories=[event.get_kind_display()],
        )
    return HttpResponse(feed.writeString("utf-8"), content_type="application/atom+xml; charset=utf-8")
