"""The draft editor: staff of the program's collectivity write its axes, commitments and milestones on the site.

Every save goes through the model forms (the model's own checks: dates in order, milestones within the
commitment's dates, at least one principle) and is written to the audit log; a refusal re-shows what was typed.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from infitah.participation.parts import Part, editable_or_refused
from infitah.programs.draft_forms import AxisForm, CommitmentForm, MilestoneFormSet
from infitah.programs.models import Axis, Commitment, Program
from infitah.programs.selectors import visible_program_or_404


def _removed(item: Axis | Commitment) -> str:
    return _("“%(title)s” has been removed from the draft.") % {"title": item}


AXIS = Part(
    app="programs",
    noun="axis",
    fields=tuple(AxisForm.Meta.fields),
    form_template="programs/draft/axis_form.html",
    saved=gettext_lazy("The axis has been saved."),
    not_saved=gettext_lazy("The axis has not been saved: please correct the errors below."),
    delete_template="programs/draft/delete.html",
    removed=_removed,
)
COMMITMENT = Part(
    app="programs",
    noun="commitment",
    fields=tuple(CommitmentForm.Meta.fields),
    form_template="programs/draft/commitment_form.html",
    saved=gettext_lazy("The commitment has been saved."),
    not_saved=gettext_lazy("The commitment has not been saved: please correct the errors below."),
    delete_template="programs/draft/delete.html",
    removed=_removed,
)


def _editable_program(request: HttpRequest, pk: int) -> Program:
    program = visible_program_or_404(request.user, pk)
    return editable_or_refused(
        request.user, "programs.change_program", program, _("You may not edit this program's draft.")
    )


def _draft_url(program: Program, anchor: str = "") -> str:
    return reverse("programs:draft", args=[program.pk]) + anchor


@login_required
def draft(request: HttpRequest, pk: int) -> HttpResponse:
    program = _editable_program(request, pk)
    axes = Axis.objects.filter(program=program).prefetch_related("commitments__milestones")
    return render(request, "programs/draft/overview.html", {"program": program, "axes": axes})


@login_required
def edit_axis(request: HttpRequest, pk: int, axis_pk: int | None = None) -> HttpResponse:
    program = _editable_program(request, pk)
    axis = get_object_or_404(Axis, pk=axis_pk, program=program) if axis_pk else Axis(program=program)
    return AXIS.edit(
        request,
        AxisForm(request.POST or None, instance=axis),
        back=lambda saved: _draft_url(program, f"#axis-{saved.pk}"),
        context={"program": program, "axis": axis},
        collectivity=program.collectivity,
    )


@login_required
def edit_commitment(
    request: HttpRequest, pk: int, axis_pk: int | None = None, commitment_pk: int | None = None
) -> HttpResponse:
    program = _editable_program(request, pk)
    if commitment_pk:
        commitment = get_object_or_404(Commitment, pk=commitment_pk, program=program)
    else:
        axis = get_object_or_404(Axis, pk=axis_pk, program=program)
        commitment = Commitment(axis=axis, program=program)
    milestones = MilestoneFormSet(request.POST or None, instance=commitment, prefix="milestones")
    return COMMITMENT.edit(
        request,
        CommitmentForm(request.POST or None, instance=commitment, program=program),
        # After the commitment's form: the milestones are checked against the dates just typed.
        formsets=[milestones],
        back=lambda saved: _draft_url(program, f"#commitment-{saved.pk}"),
        context={"program": program, "commitment": commitment, "milestones": milestones},
        collectivity=program.collectivity,
    )


@login_required
def delete_draft_item(request: HttpRequest, pk: int, kind: str, item_pk: int) -> HttpResponse:
    program = _editable_program(request, pk)
    model, part = {"axis": (Axis, AXIS), "commitment": (Commitment, COMMITMENT)}[kind]
    item = get_object_or_404(model, pk=item_pk, program=program)
    commitments = item.commitments.count() if isinstance(item, Axis) and request.method != "POST" else 0
    return part.remove(
        request,
        item,
        back=_draft_url(program),
        context={"program": program, "item": item, "kind": kind, "commitments": commitments},
        collectivity=program.collectivity,
    )
