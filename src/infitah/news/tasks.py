"""Background tasks (django-tasks), run by `infitah db_worker`."""

import datetime

from django_tasks import task

from infitah.news.digests import send_weekly_digests
from infitah.news.services import notify_due


@task()
def notify_due_news():
    """Tell the followers of the publishers whose scheduled news has come out."""
    return notify_due()


@task()
def send_weekly_digest_emails(day=None):
    """The same as `infitah send_weekly_digests`, for schedulers that enqueue tasks rather than run commands."""
    return send_weekly_digests(datetime.date.fromisoformat(day) if day else None)
