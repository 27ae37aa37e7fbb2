"""The public pages of council sessions: the calendar, a member's sessions, a session, a decision, the feeds."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from infitah.core.permissions import can
from infitah.core.site import site_link
from infitah.core.translation import tr
from infitah.council import feeds, selectors
from infitah.council.forms import CalendarFilterForm
from infitah.council.models import Session
from infitah.territories.models import Collectivity

MAX_ID = 2**31 - 1
FEED_SIZE = 50


def _session_or_404(request: HttpRequest, pk: int) -> Session:
    if pk > MAX_ID:
        raise Http404
    session = get_object_or_404(Session.objects.select_related("collectivity"), pk=pk)
    if not can(request.user, "council.view_session", session):
        raise Http404
    return session


def calendar(request: HttpRequest) -> HttpResponse:
    form = CalendarFilterForm(request.GET or None)
    chosen = form.cleaned()
    upcoming, past = selectors.calendar(
        request.user, collectivity=chosen["collectivity"], year=chosen["year"], kind=chosen["kind"]
    )
    return render(
        request,
        "council/calendar.html",
        {"form": form, "upcoming": upcoming, "past": past},
    )


def member_sessions(request: HttpRequest, code: str) -> HttpResponse:
    collectivity = get_object_or_404(Collectivity, code=code[:40])
    upcoming, past = selectors.calendar(request.user, collectivity=collectivity)
    context = {
        "collectivity": collectivity,
        "upcoming": upcoming,
        "past": past,
        "may_manage": can(request.user, "council.manage_session", collectivity),
    }
    return render(request, "council/member_sessions.html", context)


def session(request: HttpRequest, pk: int) -> HttpResponse:
    found = _session_or_404(request, pk)
    context = {
        "session": found,
        **selectors.session_page(found),
    }
    return render(request, "council/session.html", context)


def decision(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.decision_or_none(pk) if pk <= MAX_ID else None
    if found is None or not can(request.user, "council.view_session", found.session):
        raise Http404
    context = {
        "decision": found,
        "session": found.session,
    }
    return render(request, "council/decision.html", context)


def _feed_collectivity(request: HttpRequest) -> Collectivity | None:
    code = request.GET.get("collectivity", "")[:40]
    return get_object_or_404(Collectivity, code=code) if code else None


def ical(request: HttpRequest) -> HttpResponse:
    collectivity = _feed_collectivity(request)
    sessions = Session.objects.published().select_related("collectivity").order_by("-opens_on", "-pk")
    if collectivity is not None:
        sessions = sessions.filter(collectivity=collectivity)
    name = (
        _("Council sessions of %(name)s") % {"name": tr(collectivity.name)} if collectivity else _("Council sessions")
    )
    response = HttpResponse(feeds.sessions_ics(sessions[:500], name=name), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="council-sessions.ics"'
    return response


def feed(request: HttpRequest) -> HttpResponse:
    collectivity = _feed_collectivity(request)
    decisions = selectors.published_decisions().order_by("-decided_on", "-pk")
    if collectivity is not None:
        decisions = decisions.filter(collectivity=collectivity)
    title = (
        _("Council decisions of %(name)s") % {"name": tr(collectivity.name)} if collectivity else _("Council decisions")
    )
    body = feeds.decisions_atom(
        decisions[:FEED_SIZE],
        title=title,
        link=site_link(reverse("council:calendar")),
        feed_url=site_link(request.get_full_path()),
        language=request.LANGUAGE_CODE,
    )
    return HttpResponse(body, content_type="application/atom+xml; charset=utf-8")
