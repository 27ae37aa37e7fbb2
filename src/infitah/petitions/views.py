"""A petition's page (everyone's once out of its draft; the draft its initiators'), the agent's drafting pages
and their own list. A petition nobody may see is a 404; a refused act says why."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from infitah.accounts.models import Association, User
from infitah.accounts.roles import collectivities_where
from infitah.core.permissions import Refused, can
from infitah.core.translation import tr
from infitah.petitions import counting, drafts, eligibility_documents, notices, services, states
from infitah.petitions.forms import CoInitiatorForm, DraftForm, EditDraftForm
from infitah.petitions.models import Petition, Signature, Stage
from infitah.petitions.sections import petition_sections_for  # --- council ---
from infitah.territories.models import Collectivity


def petition_or_404(request: HttpRequest, pk: int, action: str = "petitions.view") -> Petition:
    """The petition when the person may do `action` to it; else a 404, which tells nothing of what exists."""
    if pk > 2**31 - 1:
        raise Http404
    petition = (
        Petition.objects.select_related("collectivity", "agent", "association", "eligibility").filter(pk=pk).first()
    )
    if petition is None or not can(request.user, "petitions.view", petition):
        raise Http404(_("There is no such petition."))
    if action != "petitions.view" and not (request.user.is_authenticated and can(request.user, action, petition)):
        raise Http404(_("There is no such petition."))
    return petition


def person(request: HttpRequest) -> User:
    """The signed-in person (the views that act are behind login_required)."""
    user = request.user
    assert isinstance(user, User)
    return user


def add_errors(form: Form, error: ValidationError) -> None:
    """A service's ValidationError on the form: on its field when the form has one, else on the whole form."""
    if hasattr(error, "error_dict"):
        for field, messages_ in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages_)
    else:
        form.add_error(None, error.messages)


def progress_context(petition: Petition) -> dict[str, Any]:
    """The count against the threshold, what is missing in all and per province (named): a fixed number of queries
    whatever the number of signatures."""
    reached = counting.progress(petition)
    missing_in: list[tuple[str, int]] = []
    if reached.shortfall is not None and reached.shortfall.missing_in_provinces:
        names = {
            province.pk: str(tr(province.name))
            for province in Collectivity.objects.filter(pk__in=list(reached.shortfall.missing_in_provinces))
        }
        missing_in = [(names.get(pk, "—"), n) for pk, n in reached.shortfall.missing_in_provinces.items()]
        missing_in.sort()
    return {"progress": reached, "band": reached.band, "shortfall": reached.shortfall, "missing_in": missing_in}


def petition_view(request: HttpRequest, pk: int) -> HttpResponse:
    petition = petition_or_404(request, pk)
    user = request.user
    today = timezone.localdate()
    notice_due = services.notice_due(petition)
    signed = user.is_authenticated and Signature.objects.filter(petition=petition, signer=user).exists()
    context = {
        "petition": petition,
        "events": [
            (event, Stage(event.stage_to).label) for event in petition.events.order_by("on", "created_at", "pk")
        ],
        "notice_due": notice_due,
        "overdue": states.is_overdue(petition.stage, notice_due, today),
        "signed": signed,
        "is_agent": user.is_authenticated and can(user, "petitions.act_as_agent", petition),
        "may_edit": user.is_authenticated
        and petition.stage == states.DRAFT
        and can(user, "petitions.edit_draft", petition),
        "may_rule": user.is_authenticated and can(user, "petitions.rule_on", petition),
        "acts": states.acts_from(petition.kind, petition.stage),
        "signable": petition.stage in states.SIGNABLE,
        **progress_context(petition),
        **eligibility_documents.page_context(user, petition),
        "petition_sections": petition_sections_for(petition, user),
    }
    return render(request, "petitions/petition.html", context)


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    user = person(request)
    initiated = list(
        Petition.objects.filter(Q(agent=user) | Q(co_initiators=user))
        .distinct()
        .select_related("collectivity")
        .order_by("-created_at", "-pk")
    )
    signed = list(
        Signature.objects.filter(signer=user).select_related("petition__collectivity").order_by("-created_at", "-pk")
    )
    context = {
        "initiated": initiated,
        "signatures": signed,
        "bureau": bool(collectivities_where(user, notices.BUREAU_ROLES)),
    }
    return render(request, "petitions/mine.html", context)


@login_required
def new(request: HttpRequest) -> HttpResponse:
    code = request.GET.get("to", "").strip()
    collectivity = Collectivity.objects.filter(code=code).first() if code else None
    if code and collectivity is None:
        raise Http404(_("There is no collectivity with this code."))
    associations = Association.objects.filter(representatives=person(request)).order_by("pk")
    form = DraftForm(request.POST or None, associations=associations, collectivity=collectivity)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                petition = services.draft_petition(
                    person(request),
                    collectivity or data["collectivity"],
                    title=data["title"],
                    subject=data["subject"],
                    reasons=data["reasons"],
                    objectives=data["objectives"],
                    respects_constitution=data["respects_constitution"],
                    association=data.get("association"),
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("Your draft is saved. Only you and your co-initiators see it."))
                return redirect(petition)
        messages.error(request, _("Nothing was saved: please correct the errors below."))
    return render(request, "petitions/draft_form.html", {"form": form, "collectivity": collectivity})


@login_required
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    petition = petition_or_404(request, pk, "petitions.edit_draft")
    if petition.stage != states.DRAFT:
        messages.error(request, _("Only a draft can be changed: this petition has left its draft."))
        return redirect(petition)
    is_agent = can(request.user, "petitions.act_as_agent", petition)
    initial = {field: getattr(petition, field) for field in ("title", "subject", "reasons", "objectives")}
    action = request.POST.get("action", "save")
    form = EditDraftForm(request.POST if action == "save" else None, initial=initial)
    co_form = CoInitiatorForm(request.POST if action == "add" else None)
    if request.method == "POST":
        try:
            if action == "remove" and is_agent:
                drafts.remove_co_initiator(person(request), petition, int(request.POST.get("person", "0") or 0))
                messages.success(request, _("The co-initiator is removed."))
                return redirect("petitions:edit", petition.pk)
            if action == "add" and is_agent and co_form.is_valid():
                added = drafts.add_co_initiator(person(request), petition, co_form.cleaned_data["email"])
                messages.success(request, _("%(name)s is now a co-initiator.") % {"name": added.display_name})
                return redirect("petitions:edit", petition.pk)
            if action == "save" and form.is_valid():
                drafts.update_draft(person(request), petition, **form.cleaned_data)
                messages.success(request, _("The draft is saved."))
                return redirect(petition)
        except ValidationError as error:
            add_errors(co_form if action == "add" else form, error)
        except (Refused, ValueError) as refused:
            messages.error(request, str(getattr(refused, "reason", None) or refused))
        messages.error(request, _("Nothing was saved: please correct the errors below."))
    context = {
        "petition": petition,
        "form": form,
        "co_form": co_form,
        "is_agent": is_agent,
        "co_initiators": list(petition.co_initiators.order_by("full_name", "pk")),
    }
    return render(request, "petitions/edit.html", context)


def _agent_act(request: HttpRequest, pk: int, act: Any, done: str) -> HttpResponse:
    petition = petition_or_404(request, pk, "petitions.act_as_agent")
    try:
        petition = act(person(request), petition)
    except Refused as refused:
        messages.error(request, str(refused.reason))
    else:
        messages.success(request, done)
    return redirect(petition)


@login_required
@require_POST
def open_signing(request: HttpRequest, pk: int) -> HttpResponse:
    return _agent_act(request, pk, services.open_signing, _("The petition is open for signatures."))


@login_required
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """A confirmation page, then the withdrawal (before the deposit only)."""
    if request.method == "POST":
        return _agent_act(request, pk, services.withdraw, _("The petition is withdrawn."))
    petition = petition_or_404(request, pk, "petitions.act_as_agent")
    return render(request, "petitions/withdraw.html", {"petition": petition})
