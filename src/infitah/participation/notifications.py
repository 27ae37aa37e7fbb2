"""Notifications: `notify(verb, target, …)` tells people in the site and, by their preference, by e-mail.

Each verb is registered once with its sentence, so a notification is written in the reader's language
when it is read, not in the actor's when it was created:

    register_verb("contribution_answered", _("%(actor)s answered your contribution to %(target)s"))
    notify("contribution_answered", contribution, actor=staff_member, recipients=[contribution.author])
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrPromise

from infitah.core import quicksql
from infitah.core.capabilities import accepts
from infitah.core.site import site_link
from infitah.participation.models import EmailFrequency, Follow, Notification, NotificationSettings
from infitah.participation.targets import content_type_of, target_fields, url_of

logger = logging.getLogger(__name__)

VERBS: dict[str, StrPromise] = {}


@dataclass(frozen=True)
class NotificationVerb:
    """A capability's contribution: a verb and its sentence, a lazy translation that may use %(actor)s and
    %(target)s."""

    code: str
    sentence: object


def register_verb(code, sentence):
    """`sentence` is a lazy translation that may use %(actor)s and %(target)s."""
    VERBS[code] = sentence


accepts(NotificationVerb, lambda verb: register_verb(verb.code, verb.sentence))


register_verb("comment_posted", _("%(actor)s commented on %(target)s"))
register_verb("comment_replied", _("%(actor)s replied to your comment on %(target)s"))
register_verb("comment_hidden", _("The moderators hid your comment on %(target)s"))
register_verb("comment_restored", _("The moderators restored your comment on %(target)s"))
register_verb("report_filed", _("Someone reported a contribution on %(target)s for moderation"))


def followers_of(obj):
    """The active people following `obj`."""
    follower_ids = Follow.objects.filter(content_type=content_type_of(obj), object_id=obj.pk).values("user_id")
    return get_user_model().objects.filter(pk__in=follower_ids, is_active=True)


def notify(verb, target, *, actor=None, recipients=None, exclude=()):
    """Notify `recipients` (default: the followers of `target`) that `verb` happened to `target`.

    The actor and anyone in `exclude` are left out, and nobody is notified twice of one event. E-mails go
    out from the background worker once the surrounding transaction has committed.
    """
    if verb not in VERBS:
        raise LookupError(f"unregistered notification verb {verb!r}")
    if recipients is None:
        recipients = followers_of(target)
    left_out = {person.pk for person in exclude if person is not None}
    if actor is not None:
        left_out.add(actor.pk)
    fields = target_fields(target)
    seen = set()
    notifications = []
    for person in recipients:
        if person.pk in left_out or person.pk in seen or not person.is_active:
            continue
        seen.add(person.pk)
        notifications.append(Notification(recipient=person, verb=verb, actor=actor, **fields))
    if not notifications:
        return []
    created = Notification.objects.bulk_create(notifications)
    ids = [notification.pk for notification in created]
    transaction.on_commit(lambda: _enqueue_emails(ids))
    return created


def _enqueue_emails(ids):
    from infitah.participation.tasks import send_notification_emails

    send_notification_emails.enqueue(ids)


def describe(notification, html=False):
    """The notification's sentence in the active language (target and actor should be loaded already).

    With `html`, for a page: the names people gave (the actor's, the target's title) are escaped and isolated in
    <bdi>, so that an Arabic name in a French sentence, or a French title in an Arabic one, does not reorder the
    words around it. E-mails take the plain sentence."""
    target = notification.target
    sentence = VERBS.get(notification.verb, _("Something happened on %(target)s"))
    names = {
        "actor": notification.actor.display_name if notification.actor else _("Someone"),
        "target": str(target) if target is not None else _("an item that no longer exists"),
    }
    if html:
        isolated = {key: format_html("<bdi>{}</bdi>", value) for key, value in names.items()}
        return mark_safe(conditional_escape(sentence) % isolated)  # noqa: S308 - the sentence and names are escaped
    return sentence % names


def link_of(notification):
    target = notification.target
    return url_of(target) if target is not None else ""


def opening_link(notification):
    """The link to give the reader: through the page that marks the notification read, then goes to its target."""
    return reverse("participation:open_notification", args=[notification.pk]) if link_of(notification) else ""


def unread_count(user):
    """What the header's bell shows on every page of a signed-in person (written out as SQL: core.quicksql)."""
    return quicksql.count(Notification, recipient=user.pk, is_read=False)


def mark_read(user, ids=None):
    """Mark `user`'s notifications read: the given ids, or all of them. Returns how many changed."""
    unread = Notification.objects.filter(recipient=user, is_read=False)
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    return unread.update(is_read=True)


def email_frequency(user):
    preference = NotificationSettings.objects.filter(user=user).values_list("email_frequency", flat=True).first()
    return preference or EmailFrequency.IMMEDIATELY


def set_email_frequency(user, frequency):
    NotificationSettings.objects.update_or_create(user=user, defaults={"email_frequency": frequency})


def send_notification_email(notification):
    """Mail one notification to its recipient, in their language, unless it was mailed already."""
    claimed = Notification.objects.filter(pk=notification.pk, emailed_at__isnull=True).update(emailed_at=timezone.now())
    if not claimed:
        return False
    recipient = notification.recipient
    with translation.override(recipient.preferred_language or settings.LANGUAGE_CODE):
        sentence = describe(notification)
        context = {
            "recipient": recipient,
            "sentence": sentence,
            "link": site_link(opening_link(notification)),
            "settings_link": site_link(reverse("participation:notifications")),
        }
        body = render_to_string("participation/email/notification.txt", context)
        try:
            send_mail(f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{sentence}", body, None, [recipient.email])
        except Exception:
            # Give the notification back to a later attempt (or the next digest) rather than lose it.
            Notification.objects.filter(pk=notification.pk).update(emailed_at=None)
            raise
    return True
