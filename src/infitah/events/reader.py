"""What an event's page shows its reader alone: their registration and its form, the online link once their seat is
confirmed, their certificate, the draft minutes they may review. The page's personal parts (core.sharedpages), so
that a citizen reads the rest of the page from the copy citizens share."""

from typing import Any

from django.http import HttpRequest

from infitah.core import quicksql
from infitah.core.permissions import can
from infitah.events.forms import MinutesReviewForm, RegistrationForm
from infitah.events.models import Event, MinutesReview, MinutesStatus, Registration, RegistrationStatus
from infitah.events.registrations import active_registration, waiting_position


def state_for(request: HttpRequest, event: Event) -> dict[str, Any]:
    """The reader's state on `event`, computed once per request (the page's three parts read it)."""
    kept = request.__dict__.setdefault("_event_reader_state", {})
    if event.pk not in kept:
        kept[event.pk] = _state(request.user, event)
    return kept[event.pk]


def _state(user: Any, event: Event) -> dict[str, Any]:
    signed_in = user.is_authenticated
    registration = active_registration(user, event) if signed_in else None
    manager = can(user, "events.manage_event", event)
    confirmed = registration is not None and registration.status == RegistrationStatus.CONFIRMED
    attended_registration = None
    if signed_in and event.is_training:
        attended = quicksql.rows(Registration, ["id"], event=event.pk, user=user.pk, attended=True)
        if attended:
            attended_registration = Registration.objects.filter(pk__in=[pk for (pk,) in attended]).first()
    review = None
    may_review = False
    if event.minutes_status == MinutesStatus.CIRCULATED and signed_in:
        may_review = confirmed or event.registrations.filter(user=user, attended=True).exists()
        review = MinutesReview.objects.filter(event=event, user=user).first() if may_review else None
    registration_open = event.registration_open()
    may_register = can(user, "events.register", event)
    return {
        "registration": registration,
        "position": waiting_position(registration) if registration else None,
        "registration_open": registration_open,
        "show_online_link": bool(event.online_url) and (confirmed or manager),
        # Built only for the reader it is shown to.
        "form": RegistrationForm(
            initial={"gender": getattr(user, "gender", ""), "age_band": getattr(user, "age_band", "")}
        )
        if may_register and registration is None and registration_open
        else None,
        "may_register": may_register,
        "certificate_registration": attended_registration,
        "show_minutes": event.minutes_status == MinutesStatus.PUBLISHED
        or (manager and any(event.minutes.values()))
        or (may_review and event.minutes_status == MinutesStatus.CIRCULATED),
        "may_review": may_review,
        "review": review,
        "review_form": MinutesReviewForm() if may_review else None,
    }
