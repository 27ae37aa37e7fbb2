"""The staff's explicit, recorded acts on a program: change its phase, publish a version, record the council's
adoption, copy another member's commitment. Each is a form with a confirmation; a refusal keeps what was typed
and says why.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from infitah.core.permissions import can, require
from infitah.participation.audit import audit
from infitah.programs import selectors
from infitah.programs.adoption import AdoptionRefused, record_adoption
from infitah.programs.forms import AdoptionForm, CopyForm, PublishForm, TransitionForm
from infitah.programs.models import Commitment
from infitah.programs.phases import TransitionRefused, transition
from infitah.programs.reuse import CopyRefused, copy_commitment
from infitah.programs.versions import PublishRefused, publish_version


def _audit(request, action, obj, changes, collectivity):
    """Each act also goes to the platform's audit log."""
    audit(request.user, action, obj, changes, collectivity=collectivity)


def _program_for(request, pk, action):
    program = selectors.visible_program_or_404(request.user, pk)
    require(request.user, action, program)
    return program


@login_required
def change_phase(request: HttpRequest, pk: int) -> HttpResponse:
    assert request.user.is_authenticated  # login_required
    program = _program_for(request, pk, "programs.transition")
    form = TransitionForm(request.POST or None, program=program)
    if request.method == "POST":
        if form.is_valid():
            before = program.phase
            try:
                transition(program, form.cleaned_data["target"], request.user, form.cleaned_data["reason"])
            except TransitionRefused as refused:
                form.add_error(None, refused.message)
            else:
                _audit(
                    request, "programs.transition", program, {"phase": [before, program.phase]}, program.collectivity
                )
                messages.success(
                    request,
                    _("The program is now in the “%(phase)s” phase.") % {"phase": program.get_phase().label},
                )
                return redirect(program)
        messages.error(request, _("The phase has not changed: please correct the errors below."))
    return render(request, "programs/actions/transition.html", {"program": program, "form": form})


@login_required
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    assert request.user.is_authenticated  # login_required
    program = _program_for(request, pk, "programs.publish_version")
    form = PublishForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                version = publish_version(program, request.user, note=form.cleaned_data["note"])
            except PublishRefused as refused:
                form.add_error(None, refused.message)
            else:
                _audit(
                    request,
                    "programs.publish_version",
                    program,
                    {"version": [None, version.number]},
                    program.collectivity,
                )
                messages.success(request, _("Version %(number)d is published.") % {"number": version.number})
                return redirect(version)
        messages.error(request, _("Nothing was published: please correct the errors below."))
    return render(
        request,
        "programs/actions/publish.html",
        {"program": program, "form": form, "versions": selectors.versions_of(program)},
    )


@login_required
def adopt(request: HttpRequest, pk: int) -> HttpResponse:
    assert request.user.is_authenticated  # login_required
    program = _program_for(request, pk, "programs.record_adoption")
    form = AdoptionForm(request.POST or None, program=program)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                adoption = record_adoption(
                    program,
                    data["version"],
                    by=request.user,
                    session_name=data["session_name"],
                    adopted_on=data["adopted_on"],
                    decision_number=data["decision_number"],
                    vote=form.vote(),
                    start_implementation=data["start_implementation"],
                )
            except AdoptionRefused as refused:
                form.add_error(None, refused.message)
            else:
                changes = {
                    "reference_version": [None, adoption.version.number],
                    "decision_number": [None, adoption.decision_number],
                }
                _audit(request, "programs.record_adoption", program, changes, program.collectivity)
                messages.success(
                    request,
                    _("The council's adoption is recorded: version %(number)d is the program's reference.")
                    % {"number": data["version"].number},
                )
                return redirect(program)
        messages.error(request, _("The adoption was not recorded: please correct the errors below."))
    return render(request, "programs/actions/adopt.html", {"program": program, "form": form})


@login_required
def copy(request: HttpRequest, pk: int) -> HttpResponse:
    assert request.user.is_authenticated  # login_required
    try:
        source = selectors.commitment_detail(pk)
    except Commitment.DoesNotExist:
        raise Http404(_("There is no commitment at this address.")) from None
    if not can(request.user, "programs.view_program", source.program):
        raise Http404(_("There is no commitment at this address."))
    require(request.user, "programs.copy_commitment")
    axes = selectors.editable_axes(request.user, exclude_program=source.program)
    form = CopyForm(request.POST or None, axes=axes)
    if request.method == "POST":
        if form.is_valid():
            axis = form.cleaned_data["axis"]
            require(request.user, "programs.copy_commitment", axis.program)
            try:
                copied = copy_commitment(source, axis)
            except CopyRefused as refused:
                form.add_error(None, refused.message)
            else:
                _audit(
                    request,
                    "programs.copy_commitment",
                    copied,
                    {"adapted_from": [None, source.pk]},
                    axis.program.collectivity,
                )
                messages.success(
                    request,
                    _("The commitment was copied into your draft. Adapt it: set its lead unit, partners and budget."),
                )
                return redirect(copied)
        messages.error(request, _("Nothing was copied: please correct the errors below."))
    return render(
        request,
        "programs/actions/copy.html",
        {"commitment": source, "form": form, "has_targets": axes.exists()},
    )
