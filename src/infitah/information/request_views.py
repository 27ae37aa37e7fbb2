"""The requester's and the public's pages of a request for information (law 31-13): filing, the acknowledgment, one
request's page, one's own requests, and the requester's acts (clarify, withdraw, complain, show one's name).

A request someone may not read is a 404; an act someone may not do is refused with the reason (403), an act the law
does not allow now (a closed request, a complaint out of time) with the reason (409); bad input comes back in its
form with what was typed. The officers' acts are in `officer_views`; both render the same request page.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from infitah.accounts.models import User
from infitah.core.identity import masked
from infitah.core.permissions import Refused, can
from infitah.information import deadlines, queue, services, states
from infitah.information.forms import (
    ActForm,
    CdaiReferralForm,
    ClarifyForm,
    ComplaintForm,
    FileRequestForm,
    HeadDecisionForm,
    NoteForm,
    PublishNameForm,
    VisibilityForm,
    WithdrawForm,
    templates_for,
)
from infitah.information.models import Complaint, Ground, InformationRequest, ResponseTemplate
from infitah.information.services import InformationRefused

TEMPLATE = "information/request.html"
REPLY_ACTS = (states.ANSWER, states.ANSWER_PARTIALLY, states.REFUSE, states.DECLARE_NOT_HELD, states.TRANSFER)


def person(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def show_errors(form: Any, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def _language() -> str:
    return (get_language() or "ar").split("-")[0]


# --- Filing ---------------------------------------------------------------------------------------------------------


@login_required
def file(request: HttpRequest) -> HttpResponse:
    user = person(request)
    initial: dict[str, Any] = {"requester_name": user.full_name, "contact_email": user.email}
    if request.GET.get("to"):
        initial["collectivity"] = request.GET["to"][:40]
    form = FileRequestForm(request.POST or None, initial=initial, language=_language())
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                filed_request = services.file_request(
                    user,
                    data["collectivity"],
                    requester_name=data["requester_name"],
                    national_id=data["national_id"],
                    subject=data["subject"],
                    description=data["description"],
                    access_form=data["access_form"],
                    kind=data["kind"],
                    urgency_reason=data["urgency_reason"],
                    postal_address=data["postal_address"],
                    contact_email=data["contact_email"],
                    publish_name=data["publish_name"],
                )
            except ValidationError as error:
                show_errors(form, error)
            except Refused as refused:
                form.add_error(None, str(refused.message))
            else:
                return redirect("information:filed", filed_request.reference)
        messages.error(request, _("The request was not sent: please correct the errors below. What you typed is kept."))
    return render(request, "information/file.html", {"form": form})


@login_required
def filed(request: HttpRequest, reference: str) -> HttpResponse:
    """The acknowledgment: the reference, the due date, what happens next (the requester's own page)."""
    found = queue.request_or_404(request.user, reference)
    if not can(request.user, "information.act_as_requester", found):
        raise Http404(_("There is no request for information at this address."))
    return render(
        request,
        "information/filed.html",
        {"info": found, "days_left": services.working_days_left(found), "deadline": _deadline(found)},
    )


def _deadline(found: InformationRequest) -> deadlines.RequestDeadlines:
    return deadlines.deadlines_for(found.kind, found.received_on)  # type: ignore[arg-type]


# --- One request's page ---------------------------------------------------------------------------------------------


def _act_forms(found: InformationRequest, bound: ActForm | None, template_text: str) -> list[ActForm]:
    forms = []
    for act in states.acts_from(found.state, already_extended=found.is_extended):
        if act == states.WITHDRAW:
            continue
        if bound is not None and bound.act_name == act:
            forms.append(bound)
            continue
        initial = {"response": template_text} if template_text and act in REPLY_ACTS else {}
        forms.append(ActForm(act=act, initial=initial))
    return forms


def _template_text(request: HttpRequest, templates: list[ResponseTemplate]) -> str:
    wanted = request.GET.get("template", "")
    language = request.GET.get("lang", "")
    for template in templates:
        if str(template.pk) == wanted and language in ("ar", "fr"):
            return str((template.body or {}).get(language, ""))
    return ""


def page_context(request: HttpRequest, found: InformationRequest, refusal: str = "", **bound: Any) -> dict[str, Any]:
    """Everything the request page shows to this reader; `bound` carries a form sent back with its errors, `refusal`
    why an act was refused (shown at the top: the form it came from may no longer be offered)."""
    user = request.user
    today = timezone.localdate()
    is_officer = user.is_authenticated and can(user, "information.handle_request", found)
    is_requester = user.is_authenticated and can(user, "information.act_as_requester", found)
    sees_identity = user.is_authenticated and can(user, "information.view_identity", found)
    complaint: Complaint | None = getattr(found, "complaint", None)
    window = services.complaint_window(found, today)
    context: dict[str, Any] = {
        "info": found,
        "refusal": refusal,
        "events": queue.history(found),
        "complaint": complaint,
        "days_left": services.working_days_left(found, today),
        "overdue": states.is_overdue(found.state, found.due_on, today),
        "ground_label": Ground(found.ground).label if found.ground in Ground.values else "",
        "is_officer": is_officer,
        "is_requester": is_requester,
        "sees_identity": sees_identity,
        # The national ID number: in full to the collectivity's information officers, masked to the requester.
        "national_id": (found.national_id if is_officer else masked(found.national_id)) if sees_identity else "",
        "complaint_window": window,
        "may_complain": is_requester and complaint is None and window is not None and today <= window[1],
        "complaint_too_late": is_requester and complaint is None and window is not None and today > window[1],
    }
    if complaint is not None:
        holidays = services.holidays_near(complaint.filed_on)
        context["head_reply_due"] = deadlines.head_reply_due(complaint.filed_on, holidays)
        context["cdai_deadline"] = deadlines.cdai_deadline(complaint.decided_on, complaint.filed_on, holidays)
    if is_requester:
        context.update(
            clarify_form=bound.get("clarify_form") or ClarifyForm(),
            withdraw_form=bound.get("withdraw_form") or WithdrawForm(),
            complaint_form=bound.get("complaint_form") or ComplaintForm(),
            publish_name_form=bound.get("publish_name_form")
            or PublishNameForm(initial={"publish_name": found.publish_name}),
        )
    if is_officer:
        templates = templates_for(found)
        context.update(
            act_forms=_act_forms(found, bound.get("act_form"), _template_text(request, templates)),
            response_templates=templates,
            notes=queue.notes(found),
            note_form=bound.get("note_form") or NoteForm(),
            visibility_form=bound.get("visibility_form")
            or VisibilityForm(initial={"is_public": "1" if found.is_public else "0", "reason": found.hidden_reason}),
            head_decision_form=bound.get("head_decision_form") or HeadDecisionForm(),
            cdai_form=bound.get("cdai_form")
            or CdaiReferralForm(
                initial={
                    "cdai_referred_on": complaint.cdai_referred_on if complaint else None,
                    "cdai_reference": complaint.cdai_reference if complaint else "",
                    "cdai_decided_on": complaint.cdai_decided_on if complaint else None,
                    "cdai_outcome": complaint.cdai_outcome if complaint else "",
                }
            ),
        )
    return context


def request_detail(request: HttpRequest, reference: str) -> HttpResponse:
    found = queue.request_or_404(request.user, reference)
    return render(request, TEMPLATE, page_context(request, found))


def answer(
    request: HttpRequest,
    found: InformationRequest,
    form_name: str,
    form: Any,
    do: Any,
    done: str,
    anchor: str = "",
) -> HttpResponse:
    """Run `do()` for a valid form; show the form again with the errors or the refusal otherwise."""
    status, refusal = 200, ""
    if form.is_valid():
        try:
            do(form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        except InformationRefused as refused:
            status, refusal = 409, str(refused.message)
        except Refused as refused:
            status, refusal = 403, str(refused.message)
        else:
            messages.success(request, done)
            return redirect(found.get_absolute_url() + anchor)
    messages.error(request, _("Nothing was recorded: please correct what is shown below. What you typed is kept."))
    context = page_context(request, found, refusal, **{form_name: form})
    return render(request, TEMPLATE, context, status=status)


# --- The requester's acts -------------------------------------------------------------------------------------------


@login_required
@require_POST
def clarify(request: HttpRequest, reference: str) -> HttpResponse:
    found = queue.request_or_404(request.user, reference)
    user = person(request)

    def do(data: dict[str, Any]) -> None:
        services.perform(user, found, states.CLARIFY, message=data["message"])

    done = _("Your clarification is sent: the deadline runs again.")
    return answer(request, found, "clarify_form", ClarifyForm(request.POST), do, done)


@login_required
@require_POST
def withdraw(request: HttpRequest, reference: str) -> HttpResponse:
    found = queue.request_or_404(request.user, reference)
    user = person(request)

    def do(data: dict[str, Any]) -> None:
        services.perform(user, found, states.WITHDRAW, message=data["message"])

    return answer(request, found, "withdraw_form", WithdrawForm(request.POST), do, _("Your request is withdrawn."))


@login_required
@require_POST
def complain(request: HttpRequest, reference: str) -> HttpResponse:
    found = queue.request_or_404(request.user, reference)
    user = person(request)

    def do(data: dict[str, Any]) -> None:
        services.file_complaint(user, found, data["text"])

    done = _("Your complaint is filed with the head of the collectivity.")
    return answer(request, found, "complaint_form", ComplaintForm(request.POST), do, done, "#complaint")


@login_required
@require_POST
def visibility(request: HttpRequest, reference: str) -> HttpResponse:
    """Officers keep the request out of the register or put it back; the requester shows or hides their name."""
    found = queue.request_or_404(request.user, reference)
    user = person(request)
    if can(user, "information.handle_request", found):

        def hide_or_show(data: dict[str, Any]) -> None:
            try:
                services.set_visibility(user, found, is_public=data["is_public"], reason=data["reason"])
            except ValidationError as error:
                raise ValidationError({"reason": error.messages}) from error

        done = _("The request's place in the public register is recorded.")
        return answer(request, found, "visibility_form", VisibilityForm(request.POST), hide_or_show, done)

    def name(data: dict[str, Any]) -> None:
        services.set_publish_name(user, found, data["publish_name"])

    done = _("Your choice about your name in the register is recorded.")
    return answer(request, found, "publish_name_form", PublishNameForm(request.POST), name, done)


# --- One's own requests -------------------------------------------------------------------------------------------

MINE_PER_PAGE = 30


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    page = Paginator(queue.mine(person(request)), MINE_PER_PAGE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    rows = [
        {"info": found, "overdue": states.is_overdue(found.state, found.due_on, today)} for found in page.object_list
    ]
    return render(request, "information/mine.html", {"page": page, "rows": rows, "today": today})
