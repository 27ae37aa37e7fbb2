"""Public pages of consultations (list, a consultation with its contributions, one contribution) and the
contribution forms. The staff's pages (open, edit, answer) are in staff_views.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from infitah.consultations import clock, reader, selectors
from infitah.consultations.forms import (
    ConsultationFilterForm,
    ContributionEditForm,
    ContributionFilterForm,
)
from infitah.consultations.models import Consultation, Contribution, ContributionKind
from infitah.consultations.services import (
    ContributionRefused,
    check_may_change,
    edit_contribution,
    submit_contribution,
    withdraw_contribution,
)
from infitah.core.pagecache import page_depends_on
from infitah.core.permissions import can
from infitah.core.translation import tr
from infitah.participation.rules import may_read_text

CONSULTATIONS_PER_PAGE = 30
CONTRIBUTIONS_PER_PAGE = 25


def visible_consultation_or_404(request, pk):
    try:
        consultation = selectors.consultation_detail(pk)
    except Consultation.DoesNotExist:
        raise Http404(_("There is no consultation at this address.")) from None
    if not can(request.user, "programs.view_program", consultation.program):
        raise Http404(_("There is no consultation at this address."))
    return consultation


def consultation_state(consultation, now=None):
    now = now or timezone.now()
    if now < consultation.opens_at:
        return "upcoming"
    return "open" if now < consultation.closes_at else "closed"


def consultation_list(request):
    form = ConsultationFilterForm(request.GET or None)
    state, collectivity = "", None
    if form.is_bound and form.is_valid():
        state, collectivity = form.cleaned_data["state"], form.cleaned_data["collectivity"]
    consultations = selectors.consultation_list(state=state, collectivity=collectivity)
    if form.errors:
        consultations = consultations.none()
    page = Paginator(consultations, CONSULTATIONS_PER_PAGE).get_page(request.GET.get("page"))
    now = timezone.now()
    for consultation in page.object_list:
        consultation.state = consultation_state(consultation, now)
    return render(
        request,
        "consultations/list.html",
        {"form": form, "page": page, "collectivity": collectivity, "filtered": bool(state or collectivity)},
    )


def place_label(index, contribution):
    """Where a contribution is about, in words (from the consulted version's snapshot)."""
    if contribution.commitment_key:
        commitment = index["commitments"].get(str(contribution.commitment_key))
        return tr(commitment["title"]) if commitment else _("a commitment no longer in this version")
    if contribution.axis_key:
        axis = index["axes"].get(str(contribution.axis_key))
        return tr(axis["title"]) if axis else _("an axis no longer in this version")
    return _("The program as a whole")


def decorate(rows, consultation, index, now=None):
    """Give each row what its card shows without a query: its consultation, place and clock state."""
    now = now or timezone.now()
    for row in rows:
        row.consultation = consultation
        row.place = place_label(index, row)
        response = getattr(row, "response", None)
        if row.withdrawn_at is not None:
            row.clock_state = "withdrawn"
        elif row.is_hidden:
            row.clock_state = "hidden"
        else:
            row.clock_state = clock.response_state(
                consultation.closes_at,
                consultation.response_days,
                response.answered_at if response else None,
                now,
            ).value
    return rows


def _apply_errors(form, error):
    if hasattr(error, "error_dict"):
        for field, messages_ in error.message_dict.items():
            target = field if field in form.fields else None
            if field in ("axis_key", "commitment_key") and "where" in form.fields:
                target = "where"
            for message in messages_:
                form.add_error(target, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def consultation_detail(request, pk):
    consultation = visible_consultation_or_404(request, pk)
    page_depends_on(request, consultation.collectivity_id)
    index = selectors.version_index(consultation)
    which = request.POST.get("form") if request.method == "POST" else None
    posted = None
    if which in ("comment", "proposal"):
        if not request.user.is_authenticated:
            return redirect(f"{_login_url()}?next={request.path}")
        posted = reader.forms_for(request, consultation, request.POST, which)
        form = posted[0] if which == "comment" else posted[1]
        if form.is_valid():
            try:
                contribution = submit_contribution(request.user, consultation, **form.service_arguments())
            except ContributionRefused as refused:
                form.add_error(None, refused.message)
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(request, _("Thank you: your contribution is published."))
                return redirect(contribution)
        messages.error(request, _("Your contribution was not published: please correct the errors below."))
    return _render_detail(request, consultation, index, posted)


def _login_url():
    from django.urls import reverse

    return reverse("account_login")


def _render_detail(request, consultation, index, posted):
    """The page; what it offers its reader to contribute is a personal part (consultations.reader)."""
    user = request.user
    now = timezone.now()
    filters = ContributionFilterForm(request.GET or None, index=index)
    chosen = {"kind": "", "axis": "", "state": ""}
    if filters.is_bound and filters.is_valid():
        chosen = {key: filters.cleaned_data[key] for key in chosen}
    commitment = request.GET.get("commitment", "")
    rows = selectors.contribution_page_rows(consultation, user, **chosen)
    if commitment and commitment in index["commitments"]:
        rows = rows.filter(commitment_key=commitment)
    page = Paginator(rows, CONTRIBUTIONS_PER_PAGE).get_page(request.GET.get("page"))
    decorate(page.object_list, consultation, index, now)
    counts = selectors.counts_by_place(consultation)
    axes = []
    for number, axis in enumerate((consultation.version.snapshot or {}).get("axes") or [], 1):
        commitments = [
            {**c, "contribution_count": counts["commitments"].get(c["key"], 0)} for c in axis.get("commitments") or []
        ]
        axes.append(
            {
                **axis,
                "number": number,
                "commitments": commitments,
                "contribution_count": counts["axes"].get(axis["key"], 0),
            }
        )
    return render(
        request,
        "consultations/detail.html",
        {
            "consultation": consultation,
            "program": consultation.program,
            "state": consultation_state(consultation, now),
            "axes": axes,
            "counts": counts,
            "clock": selectors.clock_summary(consultation, now),
            "page": page,
            "filters": filters,
            "filtered": any(chosen.values()) or bool(commitment),
            "posted": posted,
        },
    )


def contribution_detail(request, pk, contribution_pk):
    consultation = visible_consultation_or_404(request, pk)
    try:
        contribution = selectors.contribution_detail(consultation, contribution_pk, request.user)
    except Contribution.DoesNotExist:
        raise Http404(_("There is no contribution at this address.")) from None
    index = selectors.version_index(consultation)
    decorate([contribution], consultation, index)
    response = getattr(contribution, "response", None)
    commitment = None
    if response is not None and response.commitment_key:
        commitment = selectors.commitment_by_key(consultation.program, response.commitment_key)
    user = request.user
    moderator = user.is_authenticated and can(user, "participation.moderate", contribution)
    return render(
        request,
        "consultations/contribution.html",
        {
            "consultation": consultation,
            "contribution": contribution,
            "response": response,
            "response_commitment": commitment,
            "is_proposal": contribution.kind == ContributionKind.PROPOSAL,
            "text_readable": may_read_text(user, contribution),
            "may_change": _change_refusal(user, contribution) is None,
            "history": list(selectors.revisions_of(contribution)) if moderator else None,
            "may_answer": user.is_authenticated
            and can(user, "consultations.answer", contribution)
            and consultation_state(consultation) == "closed"
            and not contribution.is_hidden,
        },
    )


def _change_refusal(user, contribution):
    """None when `user` may edit or withdraw `contribution` now, else why not (in their language)."""
    if not user.is_authenticated or contribution.author_id != user.pk:
        return _("Only its author may edit or withdraw a contribution.")
    try:
        check_may_change(user, contribution)
    except ContributionRefused as refused:
        return refused.message
    return None


def _own_contribution_or_404(request, pk, contribution_pk):
    consultation = visible_consultation_or_404(request, pk)
    contribution = (
        Contribution.objects.filter(consultation=consultation, pk=contribution_pk)
        .select_related("consultation__collectivity", "author")
        .first()
    )
    if contribution is None:
        raise Http404(_("There is no contribution at this address."))
    return consultation, contribution


@login_required
def edit_contribution_page(request, pk, contribution_pk):
    """The author corrects their contribution while the consultation is open; a refusal keeps the text typed."""
    consultation, contribution = _own_contribution_or_404(request, pk, contribution_pk)
    if contribution.author_id != request.user.pk:
        return _refused(request, _("Only its author may edit or withdraw a contribution."))
    refusal = _change_refusal(request.user, contribution)
    form = ContributionEditForm(request.POST or None, contribution=contribution)
    if request.method == "POST":
        if form.is_valid():
            try:
                edit_contribution(request.user, contribution, **form.service_arguments())
            except ContributionRefused as refused:
                form.add_error(None, refused.message)
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(request, _("Your contribution is updated; it shows that it was edited."))
                return redirect(contribution)
        messages.error(request, _("Your changes were not saved: please correct the errors below."))
    elif refusal:
        form.add_error(None, refusal)
    return render(
        request,
        "consultations/contribution_edit.html",
        {
            "consultation": consultation,
            "contribution": contribution,
            "form": form,
            "refusal": refusal,
        },
        status=400 if form.errors else 200,
    )


@login_required
def withdraw_contribution_page(request, pk, contribution_pk):
    """Ask the author to confirm, then withdraw: the text leaves the public pages (the moderators keep it)."""
    consultation, contribution = _own_contribution_or_404(request, pk, contribution_pk)
    if contribution.author_id != request.user.pk:
        return _refused(request, _("Only its author may edit or withdraw a contribution."))
    error = ""
    if request.method == "POST":
        try:
            withdraw_contribution(request.user, contribution)
        except ContributionRefused as refused:
            error = refused.message
        else:
            messages.success(request, _("Your contribution is withdrawn: its text is no longer published."))
            return redirect(contribution)
    else:
        error = _change_refusal(request.user, contribution) or ""
    return render(
        request,
        "consultations/contribution_withdraw.html",
        {"consultation": consultation, "contribution": contribution, "error": error},
        status=400 if error and request.method == "POST" else 200,
    )


def _refused(request, message):
    return render(request, "consultations/refused.html", {"message": message}, status=403)
