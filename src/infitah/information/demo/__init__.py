"""The access-to-information demo (law 31-13), loaded by `infitah demo` after the territories' demo (as declared).

Fourteen requests to the Marrakech-Safi region and the commune of Safi, one per situation the law names: ordinary
and urgent, received and waiting, in progress, extended with its notice, paused for a clarification, answered,
partially answered with its ground, refused (one as "already published", pointing at the region's catalogue),
declared not held, transferred, withdrawn, and one overdue; a complaint decided by the head, another referred to
the CDAI; the catalogue of what both publish unasked, one entry stale. A login is added for Safi's information
officer (information.safi@infitah.example).

Every request goes through the services with its own dates (`today=`), so the states are reached by legal acts,
the due dates are computed by `deadlines` and the history is complete. Dates count back from the day the demo is
loaded, so the overdue request is always overdue and the fresh ones always within their time. Everything is
illustrative (`is_illustrative`, and the notice at the end of each request). `load()` only adds what is missing:
a second call writes nothing.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection

from allauth.account.models import EmailAddress
from django.core.management.base import OutputWrapper
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from infitah.accounts.models import Role, RoleAssignment, User
from infitah.core.models import HolidayCorrection
from infitah.core.selectors import holidays_for
from infitah.core.workdays import add_working_days, moroccan_holidays
from infitah.information import services
from infitah.information.demo import content
from infitah.information.models import (
    Complaint,
    InformationRequest,
    PublicationCategory,
    PublicationEntry,
    RequestEvent,
)
from infitah.territories.models import Collectivity

REGION_OFFICER = "information.marrakech-safi@infitah.example"
SAFI_OFFICER_DESCRIPTION = _lazy("Information officer, commune of Safi")
# Unity Day (31 October) is a public holiday since 2025, but the `holidays` package lists it from 2026 only.
UNITY_DAY_2025 = datetime.date(2025, 10, 31)


def load(stdout: OutputWrapper | None = None, *, today: datetime.date | None = None) -> list[tuple[str, str]]:
    """Create the demo's requests and catalogue once; return the login this demo adds.

    `today`: the day the stories count back from (the day of loading by default; tests pass another)."""
    from infitah.core.management.commands.demo import DEMO_PASSWORD

    today = today or timezone.localdate()
    places = {c.code: c for c in Collectivity.objects.filter(code__in=[content.REGION, content.SAFI])}
    if len(places) < 2:
        return []
    with transaction.atomic():
        region_officer = User.objects.filter(email=REGION_OFFICER).first()
        safi_officer = _safi_officer(places[content.SAFI], DEMO_PASSWORD)
        if _entries(places, today) and stdout is not None:
            stdout.write(_("Access to information: the catalogue of proactive publication of Marrakech-Safi and Safi."))
        # The region's officer is a login of the territories' demo: without it, no request is told.
        if region_officer is not None and not InformationRequest.objects.filter(is_illustrative=True).exists():
            officers = {content.REGION: region_officer, content.SAFI: safi_officer}
            _unity_day(today)
            requesters = _requesters()
            # Filed in the order they arrived, so their references follow the calendar.
            for story in sorted(content.STORIES, key=lambda story: -story.received_ago):
                _tell(story, places[story.place], requesters[story.requester], officers[story.place], today)
            if stdout is not None:
                stdout.write(_("Access to information: requests to Marrakech-Safi and Safi in every state of the law."))
    return [(str(SAFI_OFFICER_DESCRIPTION), content.SAFI_OFFICER[0])]


# --- People ---------------------------------------------------------------------------------------------------------


def _safi_officer(safi: Collectivity, password: str) -> User:
    email, full_name = content.SAFI_OFFICER
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email, password=password, full_name=full_name)
    # Verified up front, like the territories' demo logins.
    EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    RoleAssignment.objects.get_or_create(user=user, role=Role.INFORMATION_OFFICER, collectivity=safi)
    return user


def _requesters() -> dict[str, User]:
    people = {user.email: user for user in User.objects.filter(email__in=[content.CITIZEN, *content.OTHER_REQUESTERS])}
    for email, full_name in content.OTHER_REQUESTERS.items():
        if email not in people:  # no password: they cannot sign in, they only ask
            people[email] = User.objects.create_user(email, password=None, full_name=full_name)
    if content.CITIZEN not in people:  # the territories' demo was not loaded: an account without a login then
        name = content.IDENTITIES[content.CITIZEN][0]
        people[content.CITIZEN] = User.objects.create_user(content.CITIZEN, password=None, full_name=name)
    return people


# --- Dates ------------------------------------------------------------------------------------------------------------


def working_days_before(day: datetime.date, days: int, holidays: Collection[datetime.date]) -> datetime.date:
    """The working day `days` working days before `day` (0: `day` itself, whatever it is)."""
    if days == 0:
        return day
    counted = 0
    while counted < days:
        day -= datetime.timedelta(days=1)
        if day.weekday() < 5 and day not in holidays:
            counted += 1
    return day


def _on(received: datetime.date, day: int, holidays: Collection[datetime.date]) -> datetime.date:
    return received if day == 0 else add_working_days(received, day, holidays)


def _holidays(today: datetime.date) -> set[datetime.date]:
    return holidays_for(range(today.year - 1, today.year + 1))


def _unity_day(today: datetime.date) -> None:
    """Record 31 October 2025 as a holiday when the stories' dates cross it and the package misses it."""
    earliest = working_days_before(today, max(story.received_ago for story in content.STORIES) + 5, _holidays(today))
    if not earliest <= UNITY_DAY_2025 <= today or UNITY_DAY_2025 in moroccan_holidays([2025]):
        return
    HolidayCorrection.objects.get_or_create(
        date=UNITY_DAY_2025,
        kind=HolidayCorrection.Kind.ADDED,
        defaults={
            "name": "Unity Day",
            "source": "Public holiday since 2025 (LAW.md); the holidays package lists it from 2026 only",
        },
    )


# --- The requests -------------------------------------------------------------------------------------------------


def _tell(
    story: content.Story, place: Collectivity, requester: User, officer: User, today: datetime.date
) -> InformationRequest:
    """File the story's request on its day, then do its acts, each on its own day, through the services."""
    holidays = _holidays(today)
    received = working_days_before(today, story.received_ago, holidays)
    name, national_id, address = content.IDENTITIES[requester.email]
    request = services.file_request(
        requester,
        place,
        requester_name=name,
        national_id=national_id,
        subject=story.subject,
        description=story.description,
        access_form=story.access_form,
        kind=story.kind,
        urgency_reason=story.urgency_reason,
        postal_address=address,
        publish_name=story.publish_name,
        today=received,
    )
    replied_on = None
    for act in story.acts:
        day = min(_on(received, act.day, holidays), today)  # loaded on a weekend: the acts of Friday, not Monday
        by = requester if act.act in ("clarify", "withdraw") else officer
        request = services.perform(by, request, act.act, today=day, **act.fields)
        replied_on = request.replied_on
    if story.note:
        services.add_note(officer, request, story.note)
    if story.remedy is not None and replied_on is not None:
        _remedy(story.remedy, request, requester, officer, replied_on, holidays)
    InformationRequest.objects.filter(pk=request.pk).update(is_illustrative=True, created_at=_at(received, 9))
    for minute, event in enumerate(RequestEvent.objects.filter(request=request).order_by("pk")):
        RequestEvent.objects.filter(pk=event.pk).update(created_at=_at(event.on, 10, minute))
    return request


def _remedy(
    remedy: content.Remedy,
    request: InformationRequest,
    requester: User,
    officer: User,
    replied_on: datetime.date,
    holidays: Collection[datetime.date],
) -> Complaint:
    filed_on = add_working_days(replied_on, remedy.after_reply, holidays)
    complaint = services.file_complaint(requester, request, remedy.text, today=filed_on)
    decided_on = add_working_days(filed_on, remedy.decided_after, holidays)
    complaint = services.record_head_decision(
        officer, complaint, decision=remedy.decision, reasons=remedy.reasons, decided_on=decided_on
    )
    if remedy.cdai_after is not None:
        referred_on = decided_on + datetime.timedelta(days=remedy.cdai_after)
        complaint = services.record_cdai_referral(
            officer, complaint, referred_on=referred_on, reference=f"CDAI-{referred_on.year}-0417"
        )
    Complaint.objects.filter(pk=complaint.pk).update(created_at=_at(filed_on, 11))
    return complaint


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


# --- The catalogue ----------------------------------------------------------------------------------------------------


def _entries(places: dict[str, Collectivity], today: datetime.date) -> bool:
    """The catalogue entries, once; False when they were already there (or the categories are missing)."""
    if PublicationEntry.objects.filter(collectivity__in=places.values(), is_illustrative=True).exists():
        return False
    categories = {c.key: c for c in PublicationCategory.objects.filter(key__in={e.category for e in content.ENTRIES})}
    PublicationEntry.objects.bulk_create(
        PublicationEntry(
            collectivity=places[entry.place],
            category=categories[entry.category],
            title=entry.title,
            url=entry.url,
            updated_on=today - datetime.timedelta(days=entry.updated_ago),
            owner=entry.owner,
            is_illustrative=True,
            created_at=_at(today - datetime.timedelta(days=entry.updated_ago), 12),
        )
        for entry in content.ENTRIES
        if entry.category in categories
    )
    return True
