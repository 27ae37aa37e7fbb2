"""The library's pages: the public list and a practice's page; the staff's form, desk and acts; the coordinators'
review; "we adopted this". Thin: each parses, asks the rule, calls a service or a selector, renders."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from infitah.accounts.models import STAFF_ROLES
from infitah.accounts.roles import collectivities_where
from infitah.core.permissions import can
from infitah.practices import selectors, services, states
from infitah.practices.forms import ActForm, AdoptionForm, PracticeFilterForm, PracticeForm
from infitah.practices.models import Practice
from infitah.territories.models import Collectivity

PER_PAGE = 20
FILTERS = ("q", "principle", "kind", "region", "collectivity")


def practice_list(request: HttpRequest) -> HttpResponse:
    with_practices = Collectivity.objects.filter(practices__status=states.Status.PUBLISHED).distinct().order_by("code")
    form = PracticeFilterForm(request.GET or None, collectivities=with_practices)
    practices = selectors.filtered(selectors.published(), form.cleaned())
    page = Paginator(practices, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "practices/list.html",
        {"form": form, "page": page, "filtered": any(request.GET.get(name) for name in FILTERS)},
    )


def _visible_or_404(request: HttpRequest, pk: int) -> Practice:
    practice = selectors.detail(pk)
    if practice is None or not can(request.user, "practices.view", practice):
        raise Http404(_("There is no practice at this address."))
    return practice


def practice_detail(request: HttpRequest, pk: int) -> HttpResponse:
    practice = _visible_or_404(request, pk)
    user = request.user
    signed_in = user.is_authenticated
    is_coordinator = signed_in and can(user, "practices.review", practice)
    may_edit = signed_in and can(user, "practices.edit", practice)
    acts = []
    if may_edit:
        acts += states.acts_from(practice.status, states.STAFF)
    if is_coordinator:
        acts += states.acts_from(practice.status, states.COORDINATOR)
    backstage = may_edit or is_coordinator or (signed_in and can(user, "practices.submit", practice))
    return render(
        request,
        "practices/detail.html",
        {
            "practice": practice,
            "adoptions": list(practice.adoptions.all()),
            "may_edit": may_edit,
            "acts": [(act, states.Act(act).label, states.needs_note(act)) for act in acts],
            "act_form": ActForm(),
            "may_adopt": signed_in and can(user, "practices.adopt", practice),
            "backstage": backstage,
            "events": list(practice.events.select_related("by")) if backstage else [],
        },
    )


def _staff_places(request: HttpRequest):
    ids = collectivities_where(request.user, STAFF_ROLES)  # type: ignore[arg-type]
    return Collectivity.objects.filter(pk__in=ids).order_by("code")


def _show_errors(form: Any, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def _save_form(request: HttpRequest, form: PracticeForm) -> Practice | None:
    if form.is_valid():
        try:
            return services.save_practice(request.user, form.instance, files=form.cleaned_data["documents"])  # type: ignore[arg-type]
        except services.PracticeRefused as refused:
            form.add_error(None, refused.message)
        except ValidationError as error:
            _show_errors(form, error)
    messages.error(
        request, _("Nothing was saved: please correct the errors below. Files must be chosen again; your text is kept.")
    )
    return None


@login_required
def practice_submit(request: HttpRequest) -> HttpResponse:
    """Write a new practice (a draft) for a collectivity where the person is staff."""
    places = _staff_places(request)
    if not places.exists():
        raise Http404(_("Only the staff of a member collectivity share its practices."))
    form = PracticeForm(request.POST or None, request.FILES or None, collectivities=places)
    if request.method == "POST":
        practice = _save_form(request, form)
        if practice is not None:
            messages.success(request, _("The practice is saved as a draft. Submit it for review when it is ready."))
            return redirect(practice)
    return render(request, "practices/form.html", {"form": form, "practice": None})


@login_required
def practice_edit(request: HttpRequest, pk: int) -> HttpResponse:
    practice = _visible_or_404(request, pk)
    if not can(request.user, "practices.edit", practice):
        raise Http404(_("There is no practice you may change at this address."))
    places = Collectivity.objects.filter(pk=practice.collectivity_id)
    form = PracticeForm(request.POST or None, request.FILES or None, instance=practice, collectivities=places)
    if request.method == "POST":
        saved = _save_form(request, form)
        if saved is not None:
            messages.success(request, _("The practice is saved."))
            return redirect(saved)
    return render(request, "practices/form.html", {"form": form, "practice": practice})


DONE = {
    states.Act.SUBMIT: _("The practice is submitted: a network coordinator will review it."),
    states.Act.RESUBMIT: _("The practice is submitted again: a network coordinator will review it."),
    states.Act.PUBLISH: _("The practice is published in the library."),
    states.Act.RETURN: _("The practice is returned to its collectivity with your note."),
    states.Act.WITHDRAW: _("The practice is withdrawn from the library."),
}


@login_required
@require_POST
def practice_act(request: HttpRequest, pk: int, act: str) -> HttpResponse:
    practice = _visible_or_404(request, pk)
    form = ActForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        services.transition(request.user, practice, act, note)  # type: ignore[arg-type]
    except services.PracticeRefused as refused:
        messages.error(request, refused.message)
    except states.TransitionRefused as refused:
        messages.error(request, refused.reason)
    else:
        messages.success(request, DONE[states.Act(act)])
    return redirect(practice)


@login_required
def practice_adopt(request: HttpRequest, pk: int) -> HttpResponse:
    practice = _visible_or_404(request, pk)
    if not can(request.user, "practices.adopt", practice):
        raise Http404(_("There is no practice you may declare adopted at this address."))
    places = _staff_places(request).exclude(pk=practice.collectivity_id)
    form = AdoptionForm(
        request.POST or None,
        collectivities=places,
        commitments=services.adoptable_commitments([place.pk for place in places]),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.declare_adoption(
                request.user,  # type: ignore[arg-type]
                practice,
                data["collectivity"],
                data["commitment"],
                data["note"],
            )
        except services.PracticeRefused as refused:
            form.add_error(None, refused.message)
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(request, _("Your adoption is declared: it is shown on the practice and the commitment."))
            return redirect(practice)
    return render(request, "practices/adopt.html", {"form": form, "practice": practice})


@login_required
def desk(request: HttpRequest) -> HttpResponse:
    """The staff's practices, whatever their status, and for coordinators the practices to review."""
    user: Any = request.user
    if not (can(user, "practices.submit") or can(user, "practices.review")):
        raise Http404(_("This page is for the staff of member collectivities and the network coordinators."))
    return render(
        request,
        "practices/desk.html",
        {
            "mine": list(selectors.of_my_collectivities(user)[:200]),
            "to_review": list(selectors.to_review(user)[:200]),
            "may_submit": can(user, "practices.submit"),
        },
    )
