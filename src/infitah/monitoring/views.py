"""The write side of co-monitoring: the desk, the update form, an update's page with its reviews and replies.

A hidden program, an unknown update or an absurd id is a 404; a person who may not act sees why (403) with what
they typed still in the form.
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
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from infitah.accounts.models import User
from infitah.core.permissions import can, refusal_reason
from infitah.monitoring import selectors, states
from infitah.monitoring.forms import ReplyForm, ReviewForm, UpdateForm
from infitah.monitoring.models import ProgressUpdate, Review, ReviewState
from infitah.monitoring.services import MonitoringRefused, record_update, reply_to_contest, review_update
from infitah.participation.attachments import attachments_of

MAX_ID = 2**31 - 1


def _refused(request: HttpRequest, message: Any, template: str, context: dict[str, Any]) -> HttpResponse:
    """A 403 page that says why; a bound form in `context` is shown again with what was typed."""
    return render(request, template, {**context, "refusal": message}, status=403)


def _show_errors(form: Any, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def _person(request: HttpRequest) -> User:
    """The signed-in person (the views that act are behind login_required)."""
    user = request.user
    assert isinstance(user, User)
    return user


def _program(request: HttpRequest, program_pk: int) -> Any:
    if program_pk > MAX_ID:
        raise Http404
    return selectors.monitored_program_or_404(request.user, program_pk)


def _update_or_404(request: HttpRequest, pk: int) -> ProgressUpdate:
    try:
        if pk > MAX_ID:
            raise ProgressUpdate.DoesNotExist
        update = selectors.update_detail(pk)
    except ProgressUpdate.DoesNotExist:
        raise Http404(_("There is no progress update at this address.")) from None
    if not can(request.user, "programs.view_program", update.program) or not can(
        request.user, "monitoring.view_update", update
    ):
        raise Http404(_("There is no progress update at this address."))
    return update


DESKS_PER_PAGE = 30


@login_required
def desks(request: HttpRequest) -> HttpResponse:
    """The programs whose monitoring desk the person opens (staff, co-monitors, coordinators)."""
    programs = selectors.desk_programs(_person(request))
    page = Paginator(programs, DESKS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "monitoring/desks.html", {"page": page})


@login_required
def desk(request: HttpRequest, program_pk: int) -> HttpResponse:
    program = _program(request, program_pk)
    user = _person(request)
    context: dict[str, Any] = {"program": program}
    if not can(user, "monitoring.view_desk", program):
        return _refused(request, refusal_reason("monitoring.view_desk"), "monitoring/refused.html", context)
    may_write = can(user, "monitoring.write_update", program)
    context.update(
        may_write=may_write,
        may_manage=can(user, "monitoring.manage_follow_up", program),
        adopted=program.reference_version_id is not None,
        stale_days=states.STALE_AFTER.days,
    )
    if program.reference_version_id is not None:
        context["commitments"] = selectors.desk_lines(program, timezone.localdate())
        context["contested"] = selectors.contested_updates(program)
        context["to_review"] = selectors.updates_to_review(user, program)
    return render(request, "monitoring/desk.html", context)


def _item(program: Any, commitment_key: Any, milestone_key: str | None) -> tuple[dict[str, Any], Any]:
    commitment = selectors.reference_index(program).get(str(commitment_key))
    if commitment is None:
        raise Http404(_("This commitment is not in the version the council adopted."))
    milestone = commitment["milestones"].get(milestone_key) if milestone_key else None
    if milestone_key and milestone is None:
        raise Http404(_("This milestone is not in the version the council adopted."))
    return commitment, milestone


@login_required
def add_update(request: HttpRequest, program_pk: int, commitment_key: Any) -> HttpResponse:
    program = _program(request, program_pk)
    user = _person(request)
    milestone_key = (request.GET.get("milestone") or "").strip() or None
    template = "monitoring/update_form.html"
    context: dict[str, Any] = {"program": program}
    if not can(user, "monitoring.write_update", program):
        form = UpdateForm(request.POST or None)
        reason = refusal_reason("monitoring.write_update")
        return _refused(request, reason, template, {**context, "form": form})
    if program.reference_version_id is None:
        reason = _("This program has not been adopted by the council yet: only an adopted program is monitored.")
        return _refused(request, reason, template, {**context, "form": UpdateForm(request.POST or None)})
    commitment, milestone = _item(program, commitment_key, milestone_key)
    previous = selectors.previous_percent(program, commitment["key"], milestone_key)
    initial = {"as_of": timezone.localdate(), "percent": previous or 0}
    form = UpdateForm(request.POST or None, request.FILES or None, initial=initial)
    context.update(form=form, commitment=commitment, milestone=milestone, previous=previous)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                update = record_update(
                    program,
                    commitment["key"],
                    milestone_key,
                    by=user,
                    as_of=data["as_of"],
                    completion=data["completion"],
                    percent=data["percent"],
                    narrative=data["narrative"],
                    decrease_reason=data["decrease_reason"],
                    evidence_links=form.links(),
                    files=data["evidence_files"],
                )
            except MonitoringRefused as refused:
                form.add_error(None, refused.message)
            except ValidationError as error:
                _show_errors(form, error)
            else:
                messages.success(
                    request, _("The progress update is published; its co-monitors are asked to review it.")
                )
                return redirect(update)
        messages.error(
            request,
            _("Nothing was saved: please correct the errors below. Files must be chosen again; your text is kept."),
        )
    return render(request, template, context)


def _update_context(request: HttpRequest, update: ProgressUpdate, **forms: Any) -> dict[str, Any]:
    user = request.user
    program = update.program
    commitment = selectors.reference_index(program).get(str(update.commitment_key)) or {}
    milestone = commitment.get("milestones", {}).get(str(update.milestone_key)) if update.milestone_key else None
    reviews = list(update.reviews.all())
    own_review = next((r for r in reviews if user.is_authenticated and r.reviewer_id == user.pk), None)
    may_review = (
        user.is_authenticated
        and can(user, "monitoring.review_update", update)
        and not (own_review is not None and update.review_state == ReviewState.RESOLVED)
    )
    may_reply = update.review_state == ReviewState.CONTESTED and can(user, "monitoring.reply_to_contest", update)
    initial = {"verdict": own_review.verdict, "comment": own_review.comment} if own_review else None
    return {
        "update": update,
        "program": program,
        "commitment": commitment,
        "milestone": milestone,
        "timeline": _timeline(reviews, list(update.replies.all())),
        "attachments": attachments_of(update),
        "may_review": may_review,
        "own_review": own_review,
        "may_reply": may_reply,
        "may_view_desk": user.is_authenticated and can(user, "monitoring.view_desk", program),
        "review_form": forms.get("review_form") or ReviewForm(initial=initial),
        "reply_form": forms.get("reply_form") or ReplyForm(),
    }


def _timeline(reviews: list[Review], replies: list[Any]) -> list[tuple[str, Any]]:
    """Reviews and replies in the order they were given, so a reply reads after the contest it answers."""
    entries = [("review", r) for r in reviews] + [("reply", r) for r in replies]
    return sorted(entries, key=lambda entry: (entry[1].created_at, entry[1].pk))


def update_detail(request: HttpRequest, pk: int) -> HttpResponse:
    update = _update_or_404(request, pk)
    return render(request, "monitoring/update.html", _update_context(request, update))


@login_required
@require_POST
def review(request: HttpRequest, pk: int) -> HttpResponse:
    update = _update_or_404(request, pk)
    form = ReviewForm(request.POST)
    if form.is_valid():
        try:
            review_update(update, _person(request), form.cleaned_data["verdict"], form.cleaned_data["comment"])
        except MonitoringRefused as refused:
            context = _update_context(request, update, review_form=form)
            return _refused(request, refused.message, "monitoring/update.html", {**context, "may_review": True})
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(request, _("Your review is recorded and shown on the update."))
            return redirect(update)
    messages.error(request, _("Your review was not recorded: please correct the errors below."))
    return render(request, "monitoring/update.html", _update_context(request, update, review_form=form))


@login_required
@require_POST
def reply(request: HttpRequest, pk: int) -> HttpResponse:
    update = _update_or_404(request, pk)
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            reply_to_contest(update, _person(request), form.cleaned_data["text"])
        except MonitoringRefused as refused:
            context = _update_context(request, update, reply_form=form)
            return _refused(request, refused.message, "monitoring/update.html", {**context, "may_reply": True})
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(request, _("Your answer is published; the flag on the update is lifted."))
            return redirect(update)
    messages.error(request, _("Your answer was not published: please correct the errors below."))
    return render(request, "monitoring/update.html", _update_context(request, update, reply_form=form))
