"""Registering to an event, with a waiting list that moves up by itself.

Every change runs in one transaction holding the event's row lock (`select_for_update` on PostgreSQL; on SQLite
the settings open transactions with BEGIN IMMEDIATE, which takes the database's write lock), and counts the
confirmed seats inside it: so 30 people clicking together on 10 seats give exactly 10 confirmed and 20 waiting,
and one cancellation promotes the first person waiting exactly once.
"""

from __future__ import annotations

import datetime
import functools
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from infitah.accounts.models import User
from infitah.core import quicksql
from infitah.core.pagestamps import pages_changed
from infitah.core.permissions import Refused
from infitah.events.models import ACTIVE_STATUSES, Event, Registration, RegistrationStatus

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from infitah.accounts.models import User


class RegistrationRefused(Refused):
    """A registration the rules refuse; `reason` says why, in the person's language."""


def _locked(event: Event) -> Event:
    return Event.objects.select_for_update().get(pk=event.pk)


def confirmed_count(event: Event) -> int:
    return Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED).count()


def active_registration(user: User | AnonymousUser, event: Event) -> Registration | None:
    if not user.is_authenticated:
        return None
    # Asked of every signed-in reader of an event, most of whom hold no registration: asked as SQL (core.quicksql),
    # the registration loaded only when there is one (at most one is active: a constraint says so).
    active = [
        pk
        for pk, status in quicksql.rows(Registration, ["id", "status"], event=event.pk, user=user.pk)
        if status in ACTIVE_STATUSES
    ]
    return Registration.objects.filter(pk__in=active).first() if active else None


def waiting_position(registration: Registration) -> int | None:
    """1 for the first person waiting, None when the registration is not waiting."""
    if registration.status != RegistrationStatus.WAITING:
        return None
    ahead = Registration.objects.filter(event_id=registration.event_id, status=RegistrationStatus.WAITING).filter(
        created_at__lt=registration.created_at
    ) | Registration.objects.filter(
        event_id=registration.event_id,
        status=RegistrationStatus.WAITING,
        created_at=registration.created_at,
        pk__lt=registration.pk,
    )
    return ahead.count() + 1


def register(
    user: User,
    event: Event,
    *,
    category: str = "",
    gender: str | None = None,
    age_band: str | None = None,
    now: datetime.datetime | None = None,
) -> Registration:
    """Register `user`: confirmed while seats remain, else on the waiting list. Returns the registration."""
    now = now or timezone.now()
    try:
        with transaction.atomic():
            event = _locked(event)
            if not event.registration_open(now):
                closed_at = event.registration_closes_at or event.starts_at
                raise RegistrationRefused(
                    _("Registration closed on %(when)s.")
                    % {"when": formats.date_format(timezone.localtime(closed_at), "DATETIME_FORMAT")}
                )
            if Registration.objects.filter(event=event, user=user, status__in=ACTIVE_STATUSES).exists():
                raise RegistrationRefused(_("You are already registered to this event."))
            seats_left = event.capacity is None or confirmed_count(event) < event.capacity
            registration = Registration.objects.create(
                event=event,
                user=user,
                status=RegistrationStatus.CONFIRMED if seats_left else RegistrationStatus.WAITING,
                category=category or "citizen",
                gender=user.gender if gender is None else gender,
                age_band=user.age_band if age_band is None else age_band,
                created_at=now,
                status_changed_at=now,
            )
    except IntegrityError:
        # The unique constraint caught a double click that slipped past the check.
        raise RegistrationRefused(_("You are already registered to this event.")) from None
    from infitah.events.tasks import send_registration_email

    transaction.on_commit(lambda: send_registration_email.enqueue(registration.pk, "registered"))
    return registration


def cancel(registration: Registration, *, now: datetime.datetime | None = None) -> list[Registration]:
    """Cancel a registration; a freed seat goes to the first person waiting. Returns who was promoted."""
    now = now or timezone.now()
    with transaction.atomic():
        event = _locked(registration.event)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status == RegistrationStatus.CANCELLED:
            raise RegistrationRefused(_("This registration is already cancelled."))
        if now >= event.starts_at:
            raise RegistrationRefused(_("The event has started: registrations can no longer be cancelled."))
        current.status = RegistrationStatus.CANCELLED
        current.status_changed_at = now
        current.save(update_fields=["status", "status_changed_at"])
        registration.status = current.status
        promoted = fill_free_seats(event, now=now)
    return promoted


def fill_free_seats(event: Event, *, now: datetime.datetime | None = None) -> list[Registration]:
    """Confirm the earliest people waiting while seats are free. Call inside the transaction holding the lock."""
    now = now or timezone.now()
    waiting = Registration.objects.filter(event=event, status=RegistrationStatus.WAITING).order_by("created_at", "pk")
    if event.capacity is not None:
        free = event.capacity - confirmed_count(event)
        if free <= 0:
            return []
        waiting = waiting[:free]
    promoted = list(waiting)
    if promoted:
        Registration.objects.filter(pk__in=[r.pk for r in promoted], status=RegistrationStatus.WAITING).update(
            status=RegistrationStatus.CONFIRMED, status_changed_at=now
        )
        pages_changed(event.collectivity_id)  # the update above sends no signal
        from infitah.events.tasks import send_registration_email

        for registration in promoted:
            registration.status = RegistrationStatus.CONFIRMED
            transaction.on_commit(functools.partial(send_registration_email.enqueue, registration.pk, "promoted"))
    return promoted


def capacity_problem(event: Event, capacity: int | None) -> str | None:
    """The refusal for lowering the capacity below the people already confirmed, or None."""
    if capacity is None or event.pk is None:
        return None
    confirmed = confirmed_count(event)
    if capacity < confirmed:
        return _(
            "The capacity cannot be lower than the %(count)d people already confirmed. "
            "Cancel registrations first or keep a capacity of at least %(count)d."
        ) % {"count": confirmed}
    return None


def change_capacity(event: Event, capacity: int | None) -> list[Registration]:
    """Set a new capacity (None: unlimited); refused below the confirmed count; a raise promotes people waiting."""
    with transaction.atomic():
        locked = _locked(event)
        problem = capacity_problem(locked, capacity)
        if problem:
            raise RegistrationRefused(problem)
        locked.capacity = capacity
        locked.save(update_fields=["capacity"])
        event.capacity = capacity
        return fill_free_seats(locked)
