"""The daily digest: one e-mail per person per day gathering the notifications not yet mailed to them."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from infitah.core.site import site_link
from infitah.participation.models import DigestLog, EmailFrequency, Notification
from infitah.participation.notifications import describe, opening_link

logger = logging.getLogger(__name__)


def send_digests(day=None):
    """Send today's digest to everyone who chose the daily digest and has unmailed notifications.

    Safe to run as often as one likes: a person gets at most one digest per day (a unique row per person and
    day is claimed first), and a notification is mailed once. Returns the number of digests sent.
    """
    day = day or timezone.localdate()
    pending = Notification.objects.filter(emailed_at__isnull=True).select_related("actor", "content_type")
    people = (
        get_user_model()
        .objects.filter(
            Exists(pending.filter(recipient=OuterRef("pk"))),
            is_active=True,
            notification_settings__email_frequency=EmailFrequency.DAILY,
        )
        .exclude(pk__in=DigestLog.objects.filter(day=day).values("user_id"))
        .prefetch_related(Prefetch("notifications", queryset=pending.prefetch_related("target"), to_attr="pending"))
    )
    sent = 0
    for person in people:
        try:
            sent += _send_one(person, day)
        except Exception:
            logger.exception("the digest of user %s for %s could not be sent", person.pk, day)
    return sent


def _send_one(person, day):
    if not person.pending:
        return 0
    with transaction.atomic():
        try:
            with transaction.atomic():
                log = DigestLog.objects.create(user=person, day=day, notification_count=len(person.pending))
        except IntegrityError:
            return 0  # another run got there first
        Notification.objects.filter(pk__in=[n.pk for n in person.pending]).update(emailed_at=timezone.now())
        with translation.override(person.preferred_language or settings.LANGUAGE_CODE):
            items = [{"sentence": describe(n), "link": site_link(opening_link(n))} for n in person.pending]
            body = render_to_string(
                "participation/email/digest.txt",
                {
                    "recipient": person,
                    "items": items,
                    "day": day,
                    "settings_link": site_link(reverse("participation:notifications")),
                },
            )
            subject = _("Your Infitah digest: %(count)d notifications") % {"count": log.notification_count}
            # Sent inside the transaction: if the mail server refuses, nothing is marked and the next run retries.
            send_mail(f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}", body, None, [person.email])
    return 1
