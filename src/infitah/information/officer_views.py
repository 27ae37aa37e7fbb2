"""The information officers' pages: their queue, and their acts on one request (the law's acts along `states`, the
internal notes, the head's decision on a complaint and the CDAI referral). Officers of another collectivity, and
everyone else, are refused: a 404 where they may not read the request, the reason (403) where they may."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from infitah.core.permissions import refusal_reason
from infitah.information import queue, services, states
from infitah.information.forms import ActForm, CdaiReferralForm, HeadDecisionForm, NoteForm, QueueFilterForm
from infitah.information.models import Complaint, InformationRequest
from infitah.information.request_views import answer, person

DONE = {
    states.START: gettext_lazy("The request is marked in progress."),
    states.ASK_CLARIFICATION: gettext_lazy(
        "The requester is asked to clarify: the deadline stands still until they answer."
    ),
    states.CLARIFY: gettext_lazy("The clarification is recorded: the deadline runs again."),
    states.EXTEND: gettext_lazy("The deadline is extended and the requester told why."),
    states.ANSWER: gettext_lazy("The answer is recorded and the requester told."),
    states.ANSWER_PARTIALLY: gettext_lazy("The partial answer is recorded and the requester told."),
    states.REFUSE: gettext_lazy("The refusal is recorded and the requester told."),
    states.DECLARE_NOT_HELD: gettext_lazy("The request is recorded as information not held; the requester is told."),
    states.TRANSFER: gettext_lazy("The transfer is recorded and the requester told."),
}


@login_required
@require_POST
def act(request: HttpRequest, reference: str) -> HttpResponse:
    found = queue.request_or_404(request.user, reference)
    user = person(request)
    form = ActForm(request.POST)
    name = form.act_name if form.act_name in states.OFFICER_ACTS else ""

    def do(data: dict[str, Any]) -> None:
        services.perform(
            user,
            found,
            data["act"],
            message=data["message"],
            response=data["response"],
            ground=data["ground"],
            withheld=data["withheld"],
            published_at=data["published_at"],
            transferred_to=data["transferred_to"],
        )

    return answer(request, found, "act_form", form, do, str(DONE.get(name, "")), "#history")


@login_required
@require_POST
def note(request: HttpRequest, reference: str) -> HttpResponse:
    found = queue.request_or_404(request.user, reference)
    user = person(request)

    def do(data: dict[str, Any]) -> None:
        services.add_note(user, found, data["text"])

    done = _("The note is kept with the request, for the officers only.")
    return answer(request, found, "note_form", NoteForm(request.POST), do, done, "#notes")


def _complaint_or_404(found: InformationRequest) -> Complaint:
    complaint = getattr(found, "complaint", None)
    if complaint is None:
        raise Http404(_("No complaint was filed about this request."))
    return complaint


@login_required
@require_POST
def complaint_decision(request: HttpRequest, reference: str) -> HttpResponse:
    found = queue.request_or_404(request.user, reference)
    complaint = _complaint_or_404(found)
    user = person(request)

    def do(data: dict[str, Any]) -> None:
        services.record_head_decision(
            user, complaint, decision=data["decision"], reasons=data["decision_text"], decided_on=data["decided_on"]
        )

    form = HeadDecisionForm(request.POST)
    return answer(request, found, "head_decision_form", form, do, _("The head's decision is recorded."), "#complaint")


@login_required
@require_POST
def cdai_referral(request: HttpRequest, reference: str) -> HttpResponse:
    found = queue.request_or_404(request.user, reference)
    complaint = _complaint_or_404(found)
    user = person(request)

    def do(data: dict[str, Any]) -> None:
        services.record_cdai_referral(
            user,
            complaint,
            referred_on=data["cdai_referred_on"],
            reference=data["cdai_reference"],
            outcome=data["cdai_outcome"],
            decided_on=data["cdai_decided_on"],
        )

    form = CdaiReferralForm(request.POST)
    return answer(request, found, "cdai_form", form, do, _("The CDAI referral is recorded."), "#complaint")


@login_required
def queue_page(request: HttpRequest) -> HttpResponse:
    """The officers' queue for one of their collectivities (`?collectivity=<code>` when they have several)."""
    mine = queue.officer_collectivities(person(request))
    if not mine:
        reason = refusal_reason("information.handle_request")
        return render(request, "information/refused.html", {"refusal": reason}, status=403)
    wanted = request.GET.get("collectivity", "")
    collectivity = next((c for c in mine if c.code == wanted), None) if wanted else mine[0]
    if collectivity is None:
        raise Http404(_("You are not an information officer of this collectivity."))
    form = QueueFilterForm(request.GET or None)
    filters: dict[str, Any] = {}
    if form.is_bound and form.is_valid():
        filters = {key: value for key, value in form.cleaned_data.items() if value not in ("", None, False)}
    today = timezone.localdate()
    found = queue.queue(collectivity, today, **filters)
    rows = [
        {
            "info": info,
            "overdue": states.is_overdue(info.state, info.due_on, today),
            "days_left": services.working_days_left(info, today),
        }
        for info in found.requests
    ]
    return render(
        request,
        "information/queue.html",
        {
            "queue": found,
            "rows": rows,
            "form": form,
            "collectivities": mine,
            "filtered": bool(filters),
        },
    )
