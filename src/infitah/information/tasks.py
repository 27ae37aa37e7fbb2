"""Background tasks (django-tasks) of the request side: the acknowledgment e-mail and the daily reminder."""

from django_tasks import task

from infitah.information import emails
from infitah.information.models import InformationRequest


@task()
def send_acknowledgment(request_id: int) -> bool:
    request = InformationRequest.objects.select_related("collectivity", "requester").filter(pk=request_id).first()
    if request is None:
        return False
    return emails.send_acknowledgment(request)


@task()
def send_information_reminders() -> int:
    """The same as `infitah send_information_reminders`, for schedulers that enqueue tasks rather than run commands."""
    return emails.send_reminders()
