"""What waits for people on the landing page after login: for the organisers, the registrations of coming events
and the attendance still to mark after past ones; for a participant, their own registrations (one query each)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from infitah.accounts.roles import collectivities_where
from infitah.core.contributions import Waiting
from infitah.core.translation import tr
from infitah.events.models import Event, Registration, RegistrationStatus
from infitah.events.rules import EDITORS

if TYPE_CHECKING:
    from infitah.accounts.models import User

LIMIT = 20
# Attendance is worth marking while people remember who came (and before certificates are asked for).
ATTENDANCE_WINDOW = datetime.timedelta(days=60)


def _organiser(event: Event) -> str:
    # An event the network organises has no collectivity; its pages then say "The network", and so does this.
    return str(tr(event.collectivity.name)) if event.collectivity is not None else _("The network")


def events_to_follow(user: User, now: datetime.datetime | None = None) -> list[Waiting]:
    collectivities = collectivities_where(user, EDITORS)
    if not collectivities:
        return []
    now = now or timezone.now()
    events = (
        Event.objects.filter(collectivity__in=collectivities, ends_at__gte=now - ATTENDANCE_WINDOW)
        .annotate(
            confirmed=Count("registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)),
            waiting=Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)),
            unmarked=Count(
                "registrations",
                filter=Q(registrations__status=RegistrationStatus.CONFIRMED, registrations__attended__isnull=True),
            ),
        )
        .filter(Q(ends_at__gte=now) | Q(unmarked__gt=0))
        .select_related("collectivity")
        .order_by("starts_at", "pk")[:LIMIT]
    )
    items = []
    for event in events:
        if event.ends_at < now:
            items.append(
                Waiting(
                    title=str(event),
                    url=reverse("events:attendance", args=[event.pk]),
                    note=ngettext(
                        "Mark who attended: %(count)d registration not marked yet",
                        "Mark who attended: %(count)d registrations not marked yet",
                        event.unmarked,
                    )
                    % {"count": event.unmarked},
                    place=_organiser(event),
                    on=event.starts_at,
                )
            )
        else:
            note = _("%(confirmed)d registered, %(waiting)d on the waiting list") % {
                "confirmed": event.confirmed,
                "waiting": event.waiting,
            }
            if not event.is_published:
                note = _("%(note)s — not published yet") % {"note": note}
            items.append(
                Waiting(
                    title=str(event),
                    url=event.get_absolute_url(),
                    note=note,
                    on=event.starts_at,
                    place=_organiser(event),
                )
            )
    return items


def own_registrations(user: User, now: datetime.datetime | None = None) -> list[Waiting]:
    now = now or timezone.now()
    registrations = (
        Registration.objects.filter(
            user=user,
            status__in=[RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING],
            event__ends_at__gte=now,
            event__is_published=True,
        )
        .select_related("event__collectivity")
        .order_by("event__starts_at", "pk")[:LIMIT]
    )
    return [
        Waiting(
            title=str(registration.event),
            url=registration.event.get_absolute_url(),
            note=registration.get_status_display(),
            place=_organiser(registration.event),
            on=registration.event.starts_at,
        )
        for registration in registrations
    ]
