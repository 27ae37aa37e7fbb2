"""The e-mails of registrations: confirmation (with the .ics), waiting list, promotion, the day-before reminder."""

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from infitah.core.site import site_link
from infitah.core.translation import tr
from infitah.events.ics import event_ics
from infitah.events.models import Registration, RegistrationStatus

REASONS = ("registered", "promoted", "reminder")


def _subject(reason, registration, title):
    if reason == "promoted":
        return _("A seat is free: your registration to “%(title)s” is confirmed") % {"title": title}
    if reason == "reminder":
        return _("Reminder: “%(title)s” is tomorrow") % {"title": title}
    if registration.status == RegistrationStatus.WAITING:
        return _("You are on the waiting list of “%(title)s”") % {"title": title}
    return _("Your registration to “%(title)s” is confirmed") % {"title": title}


def send_registration_email(registration, reason):
    """Mail one registration's news to its person, in their language; the .ics goes with a confirmed seat."""
    person = registration.user
    event = registration.event
    with translation.override(person.preferred_language or settings.LANGUAGE_CODE):
        title = str(tr(event.title))
        confirmed = registration.status == RegistrationStatus.CONFIRMED
        context = {
            "person": person,
            "event": event,
            "title": title,
            "place": str(tr(event.place)),
            "starts_at": timezone.localtime(event.starts_at),
            "ends_at": timezone.localtime(event.ends_at),
            "reason": reason,
            "confirmed": confirmed,
            "online_url": event.online_url if confirmed else "",
            "link": site_link(event.get_absolute_url()),
        }
        body = render_to_string("events/email/registration.txt", context)
        message = EmailMessage(
            f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{_subject(reason, registration, title)}",
            body,
            None,
            [person.email],
        )
        if confirmed:
            message.attach(f"event-{event.pk}.ics", event_ics(event, with_online_link=True), "text/calendar")
        message.send()


def send_reminders(now=None):
    """Remind confirmed people of the events starting tomorrow (local day); each person once per event."""
    now = timezone.localtime(now or timezone.now())
    tomorrow = now.date() + datetime.timedelta(days=1)
    start = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))
    end = start + datetime.timedelta(days=1)
    due = Registration.objects.filter(
        status=RegistrationStatus.CONFIRMED,
        reminder_sent_at__isnull=True,
        event__starts_at__gte=start,
        event__starts_at__lt=end,
        event__is_published=True,
    ).select_related("event", "user")
    sent = 0
    for registration in due:
        # Claim the reminder first, so two workers never both send it.
        claimed = Registration.objects.filter(pk=registration.pk, reminder_sent_at__isnull=True).update(
            reminder_sent_at=now
        )
        if not claimed:
            continue
        try:
            send_registration_email(registration, "reminder")
        except Exception:
            Registration.objects.filter(pk=registration.pk).update(reminder_sent_at=None)
            raise
        sent += 1
    return sent
