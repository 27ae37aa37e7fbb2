"""Public pages of advisory bodies (the list, a body, an opinion) and the acts on opinions: a member submits, the
collectivity's staff acknowledge receipt and record the council's reasoned answer. A refusal keeps what was typed
and says why."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from infitah.accounts.models import Gender
from infitah.bodies import selectors
from infitah.bodies.forms import (
    AcknowledgeForm,
    AnswerForm,
    BodyFilterForm,
    OpinionCommitmentsForm,
    OpinionFilterForm,
    OpinionForm,
)
from infitah.bodies.models import AdvisoryBody, BodyKind, Opinion, OpinionStatus
from infitah.bodies.opinions import (
    OpinionRefused,
    acknowledge,
    answer,
    link_commitments,
    membership_of,
    submit_opinion,
)
from infitah.bodies.sections import sections_for
from infitah.core.permissions import can

BODIES_PER_PAGE = 30
OPINIONS_PER_PAGE = 20


def _body_or_404(pk):
    try:
        return selectors.body_detail(pk)
    except AdvisoryBody.DoesNotExist:
        raise Http404(_("There is no advisory body at this address.")) from None


def _opinion_or_404(pk):
    try:
        return selectors.opinion_detail(pk)
    except Opinion.DoesNotExist:
        raise Http404(_("There is no opinion at this address.")) from None


def _refused(request, message, context, template="bodies/refused.html"):
    """A 403 page that says why; a bound form in `context` is shown again with what was typed."""
    return render(request, template, {**context, "refusal": message}, status=403)


def body_list(request):
    form = BodyFilterForm(request.GET or None)
    collectivity, kind = None, ""
    if form.is_bound and form.is_valid():
        collectivity, kind = form.cleaned_data["collectivity"], form.cleaned_data["kind"]
    bodies = selectors.body_list(collectivity.code if collectivity else "", kind)
    if form.errors:
        bodies = bodies.none()
    page = Paginator(bodies, BODIES_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "bodies/list.html",
        {"form": form, "page": page, "filtered": bool(request.GET), "kinds": dict(BodyKind.choices)},
    )


def body_detail(request, pk):
    body = _body_or_404(pk)
    members = selectors.composition(body)
    by_gender, gender_unknown = selectors.gender_counts(members)
    filters = OpinionFilterForm(request.GET or None)
    status = filters.cleaned_data["status"] if filters.is_bound and filters.is_valid() else ""
    opinions = Paginator(selectors.opinions(body, status=status), OPINIONS_PER_PAGE).get_page(request.GET.get("page"))
    user = request.user
    return render(
        request,
        "bodies/detail.html",
        {
            "body": body,
            "members": members,
            "gender_counts": [(Gender(code).label, count) for code, count in sorted(by_gender.items())],
            "gender_unknown": gender_unknown,
            "body_sections": sections_for(request, body),
            "filters": filters,
            "page": opinions,
            "may_submit": can(user, "bodies.submit_opinion", body),
            "may_manage": can(user, "bodies.manage_members", body),
        },
    )


def opinion_detail(request, pk):
    opinion = _opinion_or_404(pk)
    user = request.user
    return render(
        request,
        "bodies/opinion.html",
        {
            "opinion": opinion,
            "body": opinion.body,
            "clock": opinion.clock,
            "may_acknowledge": opinion.status == OpinionStatus.SUBMITTED
            and can(user, "bodies.acknowledge_opinion", opinion),
            "may_answer": opinion.status == OpinionStatus.ACKNOWLEDGED and can(user, "bodies.answer_opinion", opinion),
            "acknowledge_form": AcknowledgeForm(),
            "may_link": can(user, "bodies.link_commitments", opinion),
        },
    )


@login_required
def submit(request, pk):
    body = _body_or_404(pk)
    user = request.user
    on_behalf = can(user, "bodies.record_on_behalf", body)
    seat = membership_of(user, body)
    members = selectors.submitting_members(body) if on_behalf else None
    form = OpinionForm(
        request.POST or None,
        members=members,
        commitments=selectors.choosable_commitments(body),
        initial={"member": seat},
    )
    context = {"body": body, "form": form, "seat": seat, "on_behalf": on_behalf}
    if not can(user, "bodies.submit_opinion", body):
        message = _("Only the active members of this body may submit its opinions; you do not sit on it.")
        if request.method == "POST":
            message = _(
                "Only the active members of this body may submit its opinions; you do not sit on it. "
                "Nothing was sent; your text is still below, so you can copy it."
            )
        return _refused(request, message, context, template="bodies/opinion_form.html")
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                opinion = submit_opinion(
                    body,
                    by=user,
                    member=data.get("member") or seat,
                    kind=data["kind"],
                    title=data["title"],
                    text=data["text"],
                    commitments=data.get("commitments") or (),
                )
            except OpinionRefused as refused:
                form.add_error(None, refused.message)
            else:
                messages.success(
                    request,
                    _("The opinion is submitted. The council's answer is due by %(date)s.")
                    % {"date": opinion.due_on.isoformat()},
                )
                return redirect(opinion)
        messages.error(request, _("Nothing was submitted: please correct the errors below."))
    return render(request, "bodies/opinion_form.html", context)


@login_required
@require_POST
def acknowledge_view(request, pk):
    opinion = _opinion_or_404(pk)
    if not can(request.user, "bodies.acknowledge_opinion", opinion):
        return _refused(
            request, _("Only the staff of this body's collectivity may acknowledge its opinions."), {"opinion": opinion}
        )
    form = AcknowledgeForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["confirm"][0])
        return redirect(opinion)
    try:
        acknowledge(opinion, by=request.user)
    except OpinionRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Receipt of the opinion is acknowledged; its author is told."))
    return redirect(opinion)


@login_required
def answer_view(request, pk):
    opinion = _opinion_or_404(pk)
    form = AnswerForm(request.POST or None)
    context = {"opinion": opinion, "body": opinion.body, "form": form, "clock": opinion.clock}
    if not can(request.user, "bodies.answer_opinion", opinion):
        message = _("Only the staff of this body's collectivity may record the council's answer to its opinions.")
        return _refused(request, message, context, template="bodies/answer_form.html")
    if request.method == "POST":
        if form.is_valid():
            try:
                answer(
                    opinion,
                    by=request.user,
                    response=form.cleaned_data["response"],
                    council_session=form.cleaned_data["council_session"],
                )
            except OpinionRefused as refused:
                form.add_error(None, refused.message)
            else:
                messages.success(request, _("The council's answer is published; the opinion's author is told."))
                return redirect(opinion)
        messages.error(request, _("The answer was not recorded: please correct the errors below."))
    return render(request, "bodies/answer_form.html", context)


@login_required
def commitments_view(request, pk):
    """Staff say which commitments of the collectivity's public programs an opinion is about."""
    opinion = _opinion_or_404(pk)
    choosable = selectors.choosable_commitments(opinion.body)
    initial = {"commitments": [commitment.pk for commitment in opinion.commitments.all()]}
    form = OpinionCommitmentsForm(request.POST or None, commitments=choosable, initial=initial)
    context = {"opinion": opinion, "body": opinion.body, "form": form, "choosable": choosable.exists()}
    if not can(request.user, "bodies.link_commitments", opinion):
        message = _("Only the staff of this body's collectivity may change the commitments an opinion is about.")
        return _refused(request, message, context, template="bodies/opinion_commitments.html")
    if request.method == "POST":
        if form.is_valid():
            try:
                link_commitments(opinion, by=request.user, commitments=form.cleaned_data["commitments"])
            except OpinionRefused as refused:
                form.add_error(None, refused.message)
            else:
                messages.success(request, _("The commitments this opinion is about are saved."))
                return redirect(opinion)
        messages.error(request, _("Nothing was saved: please correct the errors below."))
    return render(request, "bodies/opinion_commitments.html", context)
