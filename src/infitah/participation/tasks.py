"""Background tasks (django-tasks). In the demo and in production they run in `infitah db_worker`."""

import datetime

from django_tasks import task

from infitah.participation.digests import send_digests
from infitah.participation.models import EmailFrequency, Notification, NotificationSettings
from infitah.participation.notifications import send_notification_email


@task()
def send_notification_emails(notification_ids):
    """Mail the given notifications to the recipients who asked for one e-mail per notification."""
    sent = 0
    notifications = (
        Notification.objects.filter(pk__in=notification_ids, emailed_at__isnull=True)
        .select_related("recipient", "actor", "content_type")
        .prefetch_related("target")
    )
    notifications = list(notifications)
    chosen = dict(
        NotificationSettings.objects.filter(user__in={n.recipient_id for n in notifications}).values_list(
            "user_id", "email_frequency"
        )
    )
    for notification in notifications:
        if chosen.get(notification.recipient_id, EmailFrequency.IMMEDIATELY) == EmailFrequency.IMMEDIATELY:
            sent += send_notification_email(notification)
    return sent


@task()
def send_daily_digests(day=None):
    """The same as `infitah send_digests`, for schedulers that enqueue tasks rather than run commands."""
    return send_digests(datetime.date.fromisoformat(day) if day else None)
