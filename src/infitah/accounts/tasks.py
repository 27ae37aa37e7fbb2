"""Background tasks (django-tasks): the account e-mails (confirmation, password reset, "an account already
exists"), written during the request in the owner's language and sent by the worker, so that a sign-up or a
reset request does not wait for the mail server."""

from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task()
def send_account_mail(subject, body, from_email, to, alternatives=()):
    message = EmailMultiAlternatives(subject, body, from_email, to)
    for content, mimetype in alternatives:
        message.attach_alternative(content, mimetype)
    return message.send()
