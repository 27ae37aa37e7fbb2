"""The back office of council sessions: the focal point and editors of a collectivity keep its sessions, agenda
points and decisions. Another collectivity's rows answer 404, like absurd ids."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from infitah.core.permissions import Refused, can
from infitah.council import services
from infitah.council.forms import AgendaPointForm, DecisionForm, SessionForm
from infitah.council.models import AgendaPoint, Decision, Session
from infitah.council.views import MAX_ID
from infitah.territories.models import Collectivity

MANAGE = services.MANAGE


def _managed(request: HttpRequest, model: type[Model], pk: int, *related: str) -> Any:
    if pk > MAX_ID:
        raise Http404
    obj = get_object_or_404(model._default_manager.select_related(*related), pk=pk)
    if not can(request.user, MANAGE, obj):
        raise Http404
    return obj


def _save(request: HttpRequest, form: Any, write: Any, done: str) -> Any:
    """Save a valid form through `write(files)`; otherwise (or when refused) the form keeps its errors and input."""
    if form.is_valid():
        try:
            obj = write(form.cleaned_data.get("documents") or ())
        except Refused as refused:
            form.add_error(None, str(refused))
        except ValidationError as error:
            for field, errors in (
                error.message_dict.items() if hasattr(error, "error_dict") else [(None, error.messages)]
            ):
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, done)
            return obj
    messages.error(request, _("Nothing was saved: please correct the errors below. Files must be chosen again."))
    return None


def _render(request: HttpRequest, form: Any, heading: str, back: str) -> HttpResponse:
    return render(request, "council/staff_form.html", {"form": form, "heading": heading, "back": back})


@login_required
def session_form(request: HttpRequest, code: str = "", pk: int | None = None) -> HttpResponse:
    if pk is not None:
        session = _managed(request, Session, pk, "collectivity")
        collectivity = session.collectivity
    else:
        collectivity = get_object_or_404(Collectivity, code=code[:40])
        if not can(request.user, MANAGE, collectivity):
            raise Http404
        session = Session(collectivity=collectivity)
    form = SessionForm(request.POST or None, request.FILES or None, instance=session, collectivity=collectivity)
    if request.method == "POST":
        saved = _save(
            request, form, lambda files: services.save_session(request.user, form.instance, files), _("Session saved.")
        )
        if saved is not None:
            return redirect(saved.get_absolute_url())
    heading = _("Change the session") if pk else _("New council session")
    back = session.get_absolute_url() if pk else reverse("council:member_sessions", args=[collectivity.code])
    return _render(request, form, heading, back)


@login_required
def point_form(request: HttpRequest, session_pk: int | None = None, pk: int | None = None) -> HttpResponse:
    if pk is not None:
        point = _managed(request, AgendaPoint, pk, "session__collectivity")
        session = point.session
    else:
        session = _managed(request, Session, session_pk or 0, "collectivity")
        point = AgendaPoint(session=session, order=session.agenda_points.count() + 1)
    form = AgendaPointForm(request.POST or None, request.FILES or None, instance=point, session=session)
    if request.method == "POST":
        saved = _save(
            request,
            form,
            lambda files: services.save_point(request.user, form.instance, files),
            _("Agenda point saved."),
        )
        if saved is not None:
            return redirect(session.get_absolute_url())
    return _render(request, form, _("Agenda point"), session.get_absolute_url())


@login_required
def decision_form(request: HttpRequest, session_pk: int | None = None, pk: int | None = None) -> HttpResponse:
    if pk is not None:
        decision = _managed(request, Decision, pk, "session__collectivity")
        session = decision.session
    else:
        session = _managed(request, Session, session_pk or 0, "collectivity")
        decision = Decision(session=session, collectivity_id=session.collectivity_id, decided_on=session.opens_on)
    form = DecisionForm(request.POST or None, instance=decision, session=session)
    if request.method == "POST":
        saved = _save(
            request, form, lambda files: services.save_decision(request.user, form.instance), _("Decision saved.")
        )
        if saved is not None:
            return redirect(saved.get_absolute_url())
    return _render(request, form, _("Decision"), session.get_absolute_url())
