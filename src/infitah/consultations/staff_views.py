"""The staff's pages: open and edit a consultation, and answer its contributions after the close.

Each refusal keeps what was typed and says why; every act is written to the audit log.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from infitah.consultations import selectors
from infitah.consultations.forms import AnswerForm, ConsultationForm
from infitah.consultations.models import Consultation, Contribution
from infitah.consultations.services import ContributionRefused, answer_contribution
from infitah.consultations.views import consultation_state, decorate, visible_consultation_or_404
from infitah.core.permissions import can
from infitah.participation.parts import Part
from infitah.programs.phases import Phase
from infitah.programs.selectors import visible_program_or_404

CONSULTATION = Part(
    app="consultations",
    noun="consultation",
    add_verb="open",
    fields=tuple(ConsultationForm.Meta.fields),
    form_template="consultations/form.html",
    added=gettext_lazy("The consultation is saved and shown publicly with its dates."),
    saved=gettext_lazy("The consultation is saved."),
    not_saved=gettext_lazy("The consultation was not saved: please correct the errors below."),
)


def _refused(request: HttpRequest, message: str) -> HttpResponse:
    """A 403 page that says why, in the person's language."""
    return render(request, "consultations/refused.html", {"message": message}, status=403)


@login_required
def open_consultation(request: HttpRequest, program_pk: int) -> HttpResponse:
    program = visible_program_or_404(request.user, program_pk)
    if not can(request.user, "consultations.open_consultation", program):
        return _refused(
            request,
            _("Only the focal point and editors of %(place)s open consultations on its program, once it is public.")
            % {"place": program.collectivity},
        )
    if not program.versions.exists():
        messages.error(
            request, _("Publish a version of the program first: a consultation is held on a published version.")
        )
        return redirect(program)
    form = ConsultationForm(request.POST or None, program=program)
    form.instance.created_by = request.user
    return CONSULTATION.edit(
        request,
        form,
        back=Consultation.get_absolute_url,
        context={
            "program": program,
            "consultation": None,
            "off_phase": program.phase != Phase.PUBLIC_CONSULTATION,
        },
    )


@login_required
def edit_consultation(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = visible_consultation_or_404(request, pk)
    if not can(request.user, "consultations.change_consultation", consultation):
        return _refused(
            request,
            _("Only the focal point and editors of %(place)s change its consultations.")
            % {"place": consultation.collectivity},
        )
    return CONSULTATION.edit(
        request,
        ConsultationForm(request.POST or None, instance=consultation, program=consultation.program),
        back=Consultation.get_absolute_url,
        context={"program": consultation.program, "consultation": consultation, "off_phase": False},
    )


def _answering(request: HttpRequest, consultation: Consultation, obj: Model) -> HttpResponse | None:
    if not can(request.user, "consultations.answer", obj):
        return _refused(
            request,
            _("Only the focal point and editors of %(place)s answer its consultation's contributions.")
            % {"place": consultation.collectivity},
        )
    return None


@login_required
def answer_list(request: HttpRequest, pk: int) -> HttpResponse:
    """What is left to answer, and what was answered (to correct an answer)."""
    consultation = visible_consultation_or_404(request, pk)
    refused = _answering(request, consultation, consultation)
    if refused:
        return refused
    index = selectors.version_index(consultation)
    now = timezone.now()
    pending = decorate(list(selectors.unanswered(consultation)), consultation, index, now)
    answered = decorate(
        list(selectors.contributions_of(consultation).filter(response__isnull=False)), consultation, index, now
    )
    return render(
        request,
        "consultations/answers.html",
        {
            "consultation": consultation,
            "pending": pending,
            "answered": answered,
            "clock": selectors.clock_summary(consultation, now),
            "closed": consultation_state(consultation, now) == "closed",
        },
    )


@login_required
def answer(request: HttpRequest, pk: int, contribution_pk: int) -> HttpResponse:
    assert request.user.is_authenticated  # login_required
    consultation = visible_consultation_or_404(request, pk)
    try:
        contribution = selectors.contributions_of(consultation).get(pk=contribution_pk)
    except Contribution.DoesNotExist:
        raise Http404(_("There is no contribution at this address.")) from None
    refused = _answering(request, consultation, contribution)
    if refused:
        return refused
    index = selectors.version_index(consultation)
    decorate([contribution], consultation, index)
    commitments = selectors.draft_commitments(consultation.program)
    form = AnswerForm(request.POST or None, contribution=contribution, commitments=commitments)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                answer_contribution(
                    request.user,
                    contribution,
                    outcome=data["outcome"],
                    reason=data["reason"],
                    commitment_key=data.get("commitment_key") or None,
                    merged_into=data.get("merged_into"),
                )
            except ContributionRefused as refusal:
                form.add_error(None, refusal.message)
            except ValidationError as error:
                for field, errors in error.message_dict.items():
                    for message in errors:
                        form.add_error(field if field in form.fields else None, message)
            else:
                messages.success(request, _("The answer is published and its author is notified."))
                following = selectors.unanswered(consultation).first()
                if following is not None and request.POST.get("then") == "next":
                    return redirect("consultations:answer", consultation.pk, following.pk)
                return redirect(contribution)
        messages.error(request, _("The answer was not saved: please correct the errors below."))
    return render(
        request,
        "consultations/answer.html",
        {
            "consultation": consultation,
            "contribution": contribution,
            "form": form,
            "closed": consultation_state(consultation) == "closed",
        },
    )
