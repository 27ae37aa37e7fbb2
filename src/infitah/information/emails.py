"""The e-mails of the request side: the acknowledgment of a filed request (reference, due date, what happens next)
to the requester, and the daily reminder of what falls due to each information officer.

Each goes out in its reader's language. Neither ever carries the national ID number; the reminder to officers names
requests by reference and subject, not by requester.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from infitah.core.site import site_link
from infitah.core.translation import tr
from infitah.information import queue, services

# A day and a half: a claim outlives its day whatever the hour the reminder runs.
REMINDER_CLAIM_SECONDS = 36 * 3600

if TYPE_CHECKING:
    from infitah.accounts.models import User
    from infitah.information.models import InformationRequest


def _language(user: User | None) -> str:
    return (user.preferred_language if user is not None else "") or settings.LANGUAGE_CODE


def send_acknowledgment(request: InformationRequest) -> bool:
    """Mail the acknowledgment to the address the requester gave (their account's otherwise)."""
    address = request.contact_email or (request.requester.email if request.requester else "")
    if not address:
        return False
    with translation.override(_language(request.requester)):
        context = {
            "request": request,
            "collectivity": str(tr(request.collectivity.name)),
            "days_left": services.working_days_left(request, request.received_on),
            "link": site_link(request.get_absolute_url()),
        }
        subject = _("Your request for information %(reference)s was received") % {"reference": request.reference}
        body = render_to_string("information/email/acknowledgment.txt", context)
        EmailMessage(f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}", body, None, [address]).send()
    return True


def send_reminders(today: datetime.date | None = None) -> int:
    """Mail each information officer the open requests of their collectivities that are overdue or fall due within
    `queue.FALLING_DUE_DAYS` days. Nobody gets a mail about another collectivity; nobody gets an empty mail.

    Meant to run once a day (`infitah send_information_reminders` or the task of the same name); safe to run more
    often or on two hosts: each officer is claimed in the shared cache for the day, so gets one reminder a day."""
    from infitah.accounts.models import RoleAssignment

    today = today or timezone.localdate()
    assignments = list(
        RoleAssignment.objects.filter(role__in=queue.OFFICERS, user__is_active=True, collectivity__isnull=False)
        .select_related("user")
        .order_by("user_id", "collectivity_id")
    )
    by_officer: dict[int, tuple[User, set[int]]] = {}
    for assignment in assignments:
        assert assignment.collectivity_id is not None
        by_officer.setdefault(assignment.user_id, (assignment.user, set()))[1].add(assignment.collectivity_id)
    every = {pk for _user, ids in by_officer.values() for pk in ids}
    due = queue.falling_due(every, today)
    sent = 0
    for officer, ids in by_officer.values():
        theirs = [request for request in due if request.collectivity_id in ids]
        if not theirs or not officer.email:
            continue
        claim = f"information-reminder:{officer.pk}:{today.isoformat()}"
        if not cache.add(claim, True, timeout=REMINDER_CLAIM_SECONDS):
            continue
        try:
            _send_reminder(officer, theirs, today)
        except Exception:
            cache.delete(claim)
            raise
        sent += 1
    return sent


def _send_reminder(officer: User, theirs: list[InformationRequest], today: datetime.date) -> None:
    with translation.override(_language(officer)):
        lines = [
            {
                "request": request,
                "collectivity": str(tr(request.collectivity.name)),
                "overdue": request.due_on is not None and request.due_on < today,
                "link": site_link(request.get_absolute_url()),
            }
            for request in theirs
        ]
        context = {"person": officer, "lines": lines, "queue": site_link(_queue_path())}
        subject = _("Requests for information falling due: %(count)d") % {"count": len(theirs)}
        body = render_to_string("information/email/reminder.txt", context)
        EmailMessage(f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}", body, None, [officer.email]).send()


def _queue_path() -> str:
    from django.urls import reverse

    return reverse("information:queue")
