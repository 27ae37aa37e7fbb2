"""What people do with requests for information: file one, act on it along `states`, complain about the reply.

Each act raises InformationRefused (not allowed, not possible in the request's state, out of time) with a reason
for the person, or a ValidationError naming the field; nothing is saved then. Every act writes the request's
public history, is audited when staff act, and is told to the requester (or, for a new request, to the officers).
The requester's identity is never written to the history, the audit log or a notification.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from infitah.core.identity import normalise_national_id
from infitah.core.permissions import Refused, can, require
from infitah.core.selectors import holidays_for
from infitah.core.workdays import working_days_between, years_around
from infitah.information import deadlines, states
from infitah.information.models import (
    AccessForm,
    Complaint,
    Ground,
    HeadDecision,
    InformationRequest,
    InternalNote,
    RequestEvent,
    RequestKind,
)
from infitah.participation.audit import audit
from infitah.participation.models import Notification
from infitah.participation.notifications import notify
from infitah.participation.text import clean_text

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from infitah.accounts.models import User
    from infitah.territories.models import Collectivity

MESSAGE_MAX_LENGTH = 5000
RESPONSE_MAX_LENGTH = 20000


class InformationRefused(Refused):
    """An act on a request for information was refused (not allowed, not possible now, out of time)."""


def _error(field: str, message: str) -> ValidationError:
    return ValidationError({field: [message]})


def _today(today: datetime.date | None) -> datetime.date:
    return today or timezone.localdate()


def holidays_near(day: datetime.date) -> set[datetime.date]:
    """The public holidays any deadline starting on `day` may meet (two extensions and a long pause included)."""
    return holidays_for(years_around(day, 120))


def compute_due_on(request: InformationRequest) -> datetime.date | None:
    """The request's due date from its receipt, kind, pauses and extension (None while the clock is paused)."""
    if request.state == states.CLARIFICATION:
        return None
    return deadlines.due_date(
        request.received_on,
        request.kind,  # type: ignore[arg-type]  # a RequestKind value
        holidays_near(request.received_on),
        extended=request.is_extended,
        paused_working_days=request.paused_working_days,
    )


def working_days_left(request: InformationRequest, today: datetime.date | None = None) -> int | None:
    if request.due_on is None or not request.is_open:
        return None
    today = _today(today)
    return deadlines.working_days_left(today, request.due_on, holidays_near(min(today, request.due_on)))


# --- Filing ---------------------------------------------------------------------------------------------------------


def _reference(collectivity: Collectivity, year: int) -> str:
    prefix = f"{collectivity.code}-{year}-"
    taken = InformationRequest.objects.filter(reference__startswith=prefix).count()
    return f"{prefix}{taken + 1:04d}"


def file_request(
    user: User,
    collectivity: Collectivity,
    *,
    requester_name: str,
    national_id: str,
    subject: str,
    description: str,
    access_form: str,
    kind: str = RequestKind.ORDINARY,
    urgency_reason: str = "",
    postal_address: str = "",
    contact_email: str = "",
    publish_name: bool = False,
    today: datetime.date | None = None,
) -> InformationRequest:
    """File a request; it gets its reference and due date at once, and the requester an acknowledgment."""
    require(user, "information.file_request", collectivity)
    errors: dict[str, list[str]] = {}

    def check(field: str, clean: Any) -> Any:
        try:
            return clean()
        except ValidationError as error:
            errors.setdefault(field, []).extend(error.messages)
            return ""

    name = check("requester_name", lambda: clean_text(requester_name, max_length=150))
    number = check("national_id", lambda: normalise_national_id(national_id))
    subject = check("subject", lambda: clean_text(subject, max_length=200))
    description = check("description", lambda: clean_text(description, max_length=5000))
    postal_address = check("postal_address", lambda: clean_text(postal_address, max_length=500, required=False))
    if access_form not in AccessForm.values:
        errors.setdefault("access_form", []).append(_("Choose how you want to receive the information."))
    if kind not in RequestKind.values:
        errors.setdefault("kind", []).append(_("Choose whether the request is ordinary or urgent."))
    urgency_reason = check("urgency_reason", lambda: clean_text(urgency_reason, max_length=2000, required=False))
    if kind == RequestKind.URGENT and not urgency_reason:
        errors.setdefault("urgency_reason", []).append(
            _("Say why the request is urgent: the law's urgent deadline protects a person's life, safety or freedom.")
        )
    contact_email = (contact_email or user.email or "").strip()
    if access_form == AccessForm.COPY and not postal_address:
        errors.setdefault("postal_address", []).append(_("Give the postal address the copy should be sent to."))
    if errors:
        raise ValidationError(errors)

    today = _today(today)
    for _attempt in range(5):
        try:
            with transaction.atomic():
                request = InformationRequest(
                    collectivity=collectivity,
                    reference=_reference(collectivity, today.year),
                    requester=user,
                    requester_name=name,
                    national_id=number,
                    postal_address=postal_address,
                    contact_email=contact_email,
                    publish_name=publish_name,
                    subject=subject,
                    description=description,
                    access_form=access_form,
                    kind=kind,
                    urgency_reason=urgency_reason if kind == RequestKind.URGENT else "",
                    received_on=today,
                )
                request.due_on = compute_due_on(request)
                request.save()
                break
        except IntegrityError:  # two requests took the same number at once: count again
            continue
    else:  # pragma: no cover - five collisions in a row
        raise InformationRefused(_("The request could not be numbered. Please send it again."))
    RequestEvent.objects.create(
        request=request, act="file", state_to=request.state, on=today, due_on=request.due_on, actor=user
    )
    received = notify("information_request_received", request, recipients=[user])
    # The acknowledgment e-mail (with the due date) is this notification's e-mail: the requester gets one, not two.
    Notification.objects.filter(pk__in=[n.pk for n in received]).update(emailed_at=timezone.now())
    transaction.on_commit(lambda: _enqueue_acknowledgment(request.pk))
    notify("information_request_filed", request, actor=user, recipients=officers_of(collectivity))
    return request


def _enqueue_acknowledgment(request_id: int) -> None:
    """The acknowledgment e-mail (reference, due date, what happens next), once the request is saved."""
    from infitah.information.tasks import send_acknowledgment

    send_acknowledgment.enqueue(request_id)


def officers_of(collectivity: Collectivity) -> QuerySet[User]:
    from infitah.accounts.models import Role, User

    return User.objects.filter(
        is_active=True,
        role_assignments__collectivity=collectivity,
        role_assignments__role=Role.INFORMATION_OFFICER,
    ).distinct()


# --- Acts along the state machine ------------------------------------------------------------------------------------


def perform(
    user: User,
    request: InformationRequest,
    act: str,
    *,
    message: str = "",
    response: str = "",
    ground: str = "",
    withheld: str = "",
    published_at: str = "",
    transferred_to: str = "",
    today: datetime.date | None = None,
) -> InformationRequest:
    """Do `act` to `request` (see `states`). The officers act; the requester clarifies and withdraws."""
    today = _today(today)
    if act == states.WITHDRAW:
        require(user, "information.act_as_requester", request)
    elif act == states.CLARIFY:
        # The requester clarifies online; an officer records a clarification that came by post or at the counter.
        if not can(user, "information.handle_request", request):
            require(user, "information.act_as_requester", request)
    else:
        require(user, "information.handle_request", request)

    with transaction.atomic():
        request = InformationRequest.objects.select_for_update().get(pk=request.pk)
        before = request.state
        try:
            after = states.next_state(
                before, act, already_extended=request.is_extended, due_on=request.due_on, today=today
            )
        except states.IllegalTransition as error:
            raise InformationRefused(_refusal(error, request)) from error
        fields = _apply(request, act, today, message, response, ground, withheld, published_at, transferred_to)
        request.state = after
        if after in states.CLOSED:
            request.replied_on = today
            if after in states.REPLIES:
                request.working_days_to_reply = max(
                    working_days_between(request.received_on, today, holidays_near(request.received_on))
                    - request.paused_working_days,
                    0,
                )
        request.due_on = compute_due_on(request) if after not in states.CLOSED else request.due_on
        request.save()
        RequestEvent.objects.create(
            request=request,
            act=act,
            state_from=before,
            state_to=after,
            on=today,
            message=fields.get("public_message", ""),
            due_on=request.due_on,
            actor=user,
        )
        if act not in states.REQUESTER_ACTS or can(user, "information.handle_request", request):
            audit(user, f"information.{act}", request, {"state": [before, after]})
    if user.pk == request.requester_id:
        notify(
            "information_request_updated_by_requester",
            request,
            actor=user,
            recipients=officers_of(request.collectivity),
        )
    elif request.requester is not None:
        notify(f"information_request_{after}", request, recipients=[request.requester])
    return request


def _refusal(error: states.IllegalTransition, request: InformationRequest) -> str:
    if error.act == states.EXTEND and request.is_extended:
        return _("The deadline of this request was already extended: the law allows one extension only.")
    if error.act == states.EXTEND and request.state in (states.RECEIVED, states.IN_PROGRESS):
        return _("The deadline has passed: it can no longer be extended. The requester must be told before it.")
    if request.state in states.CLOSED:
        return _("This request is closed: it can no longer change.")
    if request.state == states.CLARIFICATION:
        return _("This request is waiting for the requester's clarification.")
    return _("This is not possible at this stage of the request.")


def _message(message: str, *, max_length: int = MESSAGE_MAX_LENGTH, required: bool = True) -> str:
    try:
        return clean_text(message, max_length=max_length, required=required)
    except ValidationError as error:
        raise ValidationError({"message": error.messages}) from error


def _apply(
    request: InformationRequest,
    act: str,
    today: datetime.date,
    message: str,
    response: str,
    ground: str,
    withheld: str,
    published_at: str,
    transferred_to: str,
) -> dict[str, str]:
    """Check and set what `act` records; return the public message of the history entry."""
    if act == states.ASK_CLARIFICATION:
        text = _message(message)
        request.paused_since = today
        return {"public_message": text}
    if act == states.CLARIFY:
        text = _message(message)
        if request.paused_since is not None:
            paused = working_days_between(request.paused_since, today, holidays_near(request.paused_since))
            request.paused_working_days += max(paused, 0)
        request.paused_since = None
        return {"public_message": text}
    if act == states.EXTEND:
        text = _message(message, max_length=2000)
        request.extended_on = today
        request.extension_reason = text
        return {"public_message": text}
    if act in (states.ANSWER, states.ANSWER_PARTIALLY, states.REFUSE, states.DECLARE_NOT_HELD):
        errors: dict[str, list[str]] = {}
        try:
            request.response = clean_text(response, max_length=RESPONSE_MAX_LENGTH)
        except ValidationError as error:
            errors["response"] = error.messages
        if act in (states.ANSWER_PARTIALLY, states.REFUSE):
            if ground not in Ground.values:
                errors["ground"] = [_("Choose the legal ground for withholding the information.")]
            request.ground = ground
        if act == states.ANSWER_PARTIALLY:
            try:
                request.withheld = clean_text(withheld, max_length=3000)
            except ValidationError as error:
                errors["withheld"] = error.messages
        if ground == Ground.ALREADY_PUBLISHED:
            try:
                URLValidator(schemes=["http", "https"])(published_at)
                request.published_at = published_at
            except ValidationError:
                errors["published_at"] = [_("“Already published” must say where: give the link to the publication.")]
        if errors:
            raise ValidationError(errors)
        return {"public_message": ""}
    if act == states.TRANSFER:
        try:
            request.transferred_to = clean_text(transferred_to, max_length=300)
        except ValidationError as error:
            raise ValidationError({"transferred_to": error.messages}) from error
        request.response = clean_text(response, max_length=RESPONSE_MAX_LENGTH, required=False)
        return {"public_message": ""}
    return {"public_message": _message(message, required=False)}


# --- Officers' housekeeping ------------------------------------------------------------------------------------------


def add_note(user: User, request: InformationRequest, text: str) -> InternalNote:
    require(user, "information.handle_request", request)
    note = InternalNote.objects.create(request=request, author=user, text=clean_text(text, max_length=5000))
    return note


def set_visibility(user: User, request: InformationRequest, *, is_public: bool, reason: str = "") -> None:
    """Keep a request out of the register (with the reason, shown to the requester), or put it back."""
    require(user, "information.handle_request", request)
    reason = clean_text(reason, max_length=300, required=not is_public)
    before = request.is_public
    request.is_public, request.hidden_reason = is_public, "" if is_public else reason
    request.save(update_fields=["is_public", "hidden_reason", "updated_at"])
    audit(user, "information.visibility", request, {"is_public": [before, is_public]})


def set_publish_name(user: User, request: InformationRequest, publish_name: bool) -> None:
    require(user, "information.act_as_requester", request)
    request.publish_name = publish_name
    request.save(update_fields=["publish_name", "updated_at"])


# --- Remedies ---------------------------------------------------------------------------------------------------------


def complaint_window(
    request: InformationRequest, today: datetime.date | None = None
) -> tuple[datetime.date, datetime.date] | None:
    """(first day, last day) of the requester's right to complain to the head, or None when there is none (yet)."""
    today = _today(today)
    if request.state == states.WITHDRAWN:
        return None
    replied_on = request.replied_on if request.state in states.REPLIES else None
    overdue_on = request.due_on if states.is_overdue(request.state, request.due_on, today) else None
    opens_on = deadlines.complaint_opens_on(replied_on, overdue_on, today)
    if opens_on is None:
        return None
    return opens_on, deadlines.complaint_deadline(opens_on, holidays_near(opens_on))


def file_complaint(user: User, request: InformationRequest, text: str, today: datetime.date | None = None) -> Complaint:
    require(user, "information.act_as_requester", request)
    today = _today(today)
    if Complaint.objects.filter(request=request).exists():
        raise InformationRefused(_("A complaint about this request was already filed."))
    window = complaint_window(request, today)
    if window is None:
        raise InformationRefused(
            _("A complaint is possible once the collectivity has replied, or once its deadline has passed unanswered.")
        )
    if today > window[1]:
        raise InformationRefused(
            _("The time to complain ended on %(date)s (20 working days after the reply or the missed deadline).")
            % {"date": window[1].isoformat()}
        )
    complaint = Complaint.objects.create(request=request, filed_on=today, text=clean_text(text, max_length=5000))
    RequestEvent.objects.create(
        request=request, act="complain", state_from=request.state, state_to=request.state, on=today, actor=user
    )
    notify("information_complaint_filed", request, actor=user, recipients=officers_of(request.collectivity))
    return complaint


def record_head_decision(
    user: User, complaint: Complaint, *, decision: str, reasons: str, decided_on: datetime.date
) -> Complaint:
    require(user, "information.handle_request", complaint)
    errors: dict[str, list[str]] = {}
    if decision not in HeadDecision.values:
        errors["decision"] = [_("Choose the head's decision.")]
    try:
        complaint.decision_text = clean_text(reasons, max_length=5000)
    except ValidationError as error:
        errors["decision_text"] = error.messages
    if decided_on < complaint.filed_on:
        errors["decided_on"] = [_("The decision cannot come before the complaint.")]
    if decided_on > timezone.localdate():
        errors["decided_on"] = [_("This date is in the future.")]
    if errors:
        raise ValidationError(errors)
    if complaint.decision:
        raise InformationRefused(_("The head's decision on this complaint is already recorded."))
    complaint.decision, complaint.decided_on = decision, decided_on
    complaint.save()
    audit(user, "information.head_decision", complaint.request, {"decision": ["", decision]})
    if complaint.request.requester is not None:
        notify("information_complaint_decided", complaint.request, recipients=[complaint.request.requester])
    return complaint


def record_cdai_referral(
    user: User,
    complaint: Complaint,
    *,
    referred_on: datetime.date,
    reference: str = "",
    outcome: str = "",
    decided_on: datetime.date | None = None,
) -> Complaint:
    """The CDAI referral the requester made (its date, file number) and, later, its outcome."""
    require(user, "information.handle_request", complaint)
    errors: dict[str, list[str]] = {}
    today = timezone.localdate()
    if referred_on < complaint.filed_on:
        errors["cdai_referred_on"] = [_("The referral cannot come before the complaint to the head.")]
    if referred_on > today:
        errors["cdai_referred_on"] = [_("This date is in the future.")]
    if decided_on is not None and (decided_on < referred_on or decided_on > today):
        errors["cdai_decided_on"] = [_("The CDAI's decision must fall between the referral and today.")]
    outcome = clean_text(outcome, max_length=5000, required=decided_on is not None)
    if errors:
        raise ValidationError(errors)
    complaint.cdai_referred_on = referred_on
    complaint.cdai_reference = clean_text(reference, max_length=60, required=False)
    complaint.cdai_outcome, complaint.cdai_decided_on = outcome, decided_on
    complaint.save()
    audit(user, "information.cdai_referral", complaint.request, {"cdai_referred_on": [None, referred_on.isoformat()]})
    return complaint
