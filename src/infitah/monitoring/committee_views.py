"""The follow-up committee (public composition; staff record its seats) and the milestones' weights (staff)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from infitah.accounts.links import associations_linked_to, people_linked_to
from infitah.core.permissions import can
from infitah.core.translation import tr
from infitah.monitoring import selectors
from infitah.monitoring.forms import CommitteeForm, CommitteeMemberForm, WeightsForm
from infitah.monitoring.models import CommitteeMember, FollowUpCommittee, MilestoneWeight
from infitah.participation.audit import audit
from infitah.participation.parts import Part, editable_or_refused

SEAT = Part(
    app="monitoring",
    noun="committee_member",
    fields=("seat", "name", "association", "role", "user", "order"),
    form_template="monitoring/committee_member_form.html",
    delete_template="monitoring/committee_member_delete.html",
    saved=gettext_lazy("The committee seat is saved."),
    added=gettext_lazy("The member is added to the follow-up committee."),
    not_saved=gettext_lazy("Nothing was saved: please correct the errors below."),
    removed=gettext_lazy("The member is removed from the follow-up committee."),
)


COMMITTEE = Part(
    app="monitoring",
    noun="committee",
    fields=("mandate", "constituted_on"),
    form_template="monitoring/committee_form.html",
    saved=gettext_lazy("The committee's mandate is saved."),
    not_saved=gettext_lazy("Nothing was saved: please correct the errors below."),
)


def _program(request: HttpRequest, program_pk: int) -> Any:
    if program_pk > 2**31 - 1:
        raise Http404
    return selectors.monitored_program_or_404(request.user, program_pk)


def committee(request: HttpRequest, program_pk: int) -> HttpResponse:
    program = _program(request, program_pk)
    found = selectors.committee_of(program)
    return render(
        request,
        "monitoring/committee.html",
        {
            "program": program,
            "committee": found,
            "members": list(found.members.all()) if found else [],
            "may_manage": request.user.is_authenticated and can(request.user, "monitoring.manage_follow_up", program),
        },
    )


def _member_form(request: HttpRequest, program: Any, instance: CommitteeMember) -> CommitteeMemberForm:
    """The people and associations staff may choose: those linked to the program's collectivity (and whoever
    already holds the seat, so an edit never drops them silently)."""
    linked = Q(pk__in=people_linked_to({program.collectivity_id}).values("pk"))
    if instance.user_id:
        linked |= Q(pk=instance.user_id)
    from infitah.accounts.models import Association, User

    associations = Q(pk__in=associations_linked_to({program.collectivity_id}).values("pk"))
    if instance.association_id:
        associations |= Q(pk=instance.association_id)
    return CommitteeMemberForm(
        request.POST or None,
        instance=instance,
        people=User.objects.filter(linked, is_active=True).order_by("full_name", "pk"),
        associations=Association.objects.filter(associations).order_by("pk"),
    )


@login_required
def member_edit(request: HttpRequest, program_pk: int, pk: int | None = None) -> HttpResponse:
    program = _program(request, program_pk)
    editable_or_refused(request.user, "monitoring.manage_follow_up", program)
    if pk is None:
        found, _created = FollowUpCommittee.objects.get_or_create(program=program)
        instance = CommitteeMember(committee=found)
    else:
        instance = _member_or_404(program, pk)
    back = reverse("monitoring:committee", args=[program.pk])
    return SEAT.edit(
        request,
        _member_form(request, program, instance),
        back=back,
        context={"program": program, "member": instance},
        collectivity=program.collectivity,
    )


def _member_or_404(program: Any, pk: int) -> CommitteeMember:
    if pk > 2**31 - 1:
        raise Http404
    try:
        return CommitteeMember.objects.select_related("committee").get(pk=pk, committee__program=program)
    except CommitteeMember.DoesNotExist:
        raise Http404(_("There is no such member of this committee.")) from None


@login_required
def committee_edit(request: HttpRequest, program_pk: int) -> HttpResponse:
    program = _program(request, program_pk)
    editable_or_refused(request.user, "monitoring.manage_follow_up", program)
    found = FollowUpCommittee.objects.filter(program=program).first() or FollowUpCommittee(program=program)
    return COMMITTEE.edit(
        request,
        CommitteeForm(request.POST or None, instance=found),
        back=reverse("monitoring:committee", args=[program.pk]),
        context={"program": program},
        collectivity=program.collectivity,
    )


@login_required
def member_remove(request: HttpRequest, program_pk: int, pk: int) -> HttpResponse:
    program = _program(request, program_pk)
    editable_or_refused(request.user, "monitoring.manage_follow_up", program)
    member = _member_or_404(program, pk)
    return SEAT.remove(
        request,
        member,
        back=reverse("monitoring:committee", args=[program.pk]),
        context={"program": program, "member": member},
        collectivity=program.collectivity,
    )


@login_required
def weights(request: HttpRequest, program_pk: int) -> HttpResponse:
    program = _program(request, program_pk)
    editable_or_refused(request.user, "monitoring.manage_follow_up", program)
    index = selectors.reference_index(program)
    milestones = [
        (key, f"{tr(commitment['title'])} — {tr(milestone['title'])}")
        for commitment in index.values()
        for key, milestone in commitment["milestones"].items()
    ]
    current = selectors.milestone_weights(program)
    form = WeightsForm(request.POST or None, milestones=milestones, weights=current)
    if request.method == "POST":
        if form.is_valid():
            chosen = form.weights()
            with transaction.atomic():
                for key, weight in chosen.items():
                    MilestoneWeight.objects.update_or_create(
                        program=program, milestone_key=key, defaults={"weight": weight}
                    )
                changes = {
                    key: [current.get(key, 1), weight]
                    for key, weight in chosen.items()
                    if current.get(key, 1) != weight
                }
                audit(request.user, "monitoring.set_weights", program, changes)
            messages.success(request, _("The weights of the milestones are saved."))
            return redirect("monitoring:desk", program.pk)
        messages.error(request, _("Nothing was saved: please correct the errors below."))
    return render(request, "monitoring/weights.html", {"program": program, "form": form, "adopted": bool(index)})
