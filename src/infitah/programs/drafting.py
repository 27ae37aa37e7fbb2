"""The draft editor: staff of the program's collectivity write its axes, commitments and milestones on the site.

Every save goes through the model forms (the model's own checks: dates in order, milestones within the
commitment's dates, at least one principle) and is written to the audit log; a refusal re-shows what was typed.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from infitah.core.permissions import Refused, can
from infitah.participation.audit import audit, changes_between
from infitah.programs.draft_forms import AxisForm, CommitmentForm, MilestoneFormSet, field_values
from infitah.programs.models import Axis, Commitment
from infitah.programs.views import visible_program_or_404

AXIS_FIELDS = AxisForm._meta.fields
COMMITMENT_FIELDS = [name for name in CommitmentForm._meta.fields if name != "associations"]


def _editable_program(request, pk):
    program = visible_program_or_404(request, pk)
    if not can(request.user, "programs.change_program", program):
        raise Refused(_("You may not edit this program's draft."))
    return program


def _draft_url(program):
    return reverse("programs:draft", args=[program.pk])


@login_required
def draft(request, pk):
    program = _editable_program(request, pk)
    axes = Axis.objects.filter(program=program).prefetch_related("commitments__milestones")
    return render(request, "programs/draft/overview.html", {"program": program, "axes": axes})


@login_required
def edit_axis(request, pk, axis_pk=None):
    program = _editable_program(request, pk)
    axis = get_object_or_404(Axis, pk=axis_pk, program=program) if axis_pk else Axis(program=program)
    before = field_values(axis, AXIS_FIELDS) if axis.pk else {}
    form = AxisForm(request.POST or None, instance=axis)
    if request.method == "POST":
        if form.is_valid():
            created = axis.pk is None
            form.save()
            audit(
                request.user,
                "programs.add_axis" if created else "programs.change_axis",
                axis,
                changes_between(before, field_values(axis, AXIS_FIELDS)),
                collectivity=program.collectivity,
            )
            messages.success(request, _("The axis has been saved."))
            return redirect(f"{_draft_url(program)}#axis-{axis.pk}")
        messages.error(request, _("The axis has not been saved: please correct the errors below."))
    return render(request, "programs/draft/axis_form.html", {"program": program, "axis": axis, "form": form})


@login_required
def edit_commitment(request, pk, axis_pk=None, commitment_pk=None):
    program = _editable_program(request, pk)
    if commitment_pk:
        commitment = get_object_or_404(Commitment, pk=commitment_pk, program=program)
    else:
        axis = get_object_or_404(Axis, pk=axis_pk, program=program)
        commitment = Commitment(axis=axis, program=program)
    before = field_values(commitment, COMMITMENT_FIELDS) if commitment.pk else {}
    form = CommitmentForm(request.POST or None, instance=commitment, program=program)
    milestones = MilestoneFormSet(request.POST or None, instance=commitment, prefix="milestones")
    if request.method == "POST":
        # The commitment form first: the milestones are checked against the dates just typed.
        if form.is_valid() and milestones.is_valid():
            created = commitment.pk is None
            with transaction.atomic():
                form.save()
                milestones.instance = commitment
                milestones.save()
                audit(
                    request.user,
                    "programs.add_commitment" if created else "programs.change_commitment",
                    commitment,
                    changes_between(before, field_values(commitment, COMMITMENT_FIELDS)),
                    collectivity=program.collectivity,
                )
            messages.success(request, _("The commitment has been saved."))
            return redirect(f"{_draft_url(program)}#commitment-{commitment.pk}")
        messages.error(request, _("The commitment has not been saved: please correct the errors below."))
    return render(
        request,
        "programs/draft/commitment_form.html",
        {"program": program, "commitment": commitment, "form": form, "milestones": milestones},
    )


@login_required
def delete_draft_item(request, pk, kind, item_pk):
    program = _editable_program(request, pk)
    model = {"axis": Axis, "commitment": Commitment}[kind]
    item = get_object_or_404(model, pk=item_pk, program=program)
    if request.method == "POST":
        with transaction.atomic():
            audit(request.user, f"programs.delete_{kind}", item, {}, collectivity=program.collectivity)
            item.delete()
        messages.success(request, _("“%(title)s” has been removed from the draft.") % {"title": item})
        return redirect(_draft_url(program))
    commitments = item.commitments.count() if kind == "axis" else 0
    return render(
        request,
        "programs/draft/delete.html",
        {"program": program, "item": item, "kind": kind, "commitments": commitments},
    )
