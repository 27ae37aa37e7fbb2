"""Background tasks (django-tasks): the registration e-mails and the day-before reminders."""

from django_tasks import task

from infitah.events import emails
from infitah.events.models import Registration


@task()
def send_registration_email(registration_id, reason):
    registration = Registration.objects.select_related("event", "user").filter(pk=registration_id).first()
    if registration is None:
        return False
    emails.send_registration_email(registration, reason)
    return True


@task()
def send_event_reminders():
    """The same as `infitah send_event_reminders`, for schedulers that enqueue tasks rather than run commands."""
    return emails.send_reminders()
