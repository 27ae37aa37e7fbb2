"""Participation's part of a person's data (see accounts/personal_data.py): comments and supports stay (they
belong to a public discussion, shown under "former participant"); follows and notifications go."""

from infitah.accounts.personal_data import PersonalData, rows
from infitah.participation.models import Comment, DigestLog, Follow, Notification, NotificationSettings, Report, Support

TARGET = ["content_type__app_label", "content_type__model", "object_id"]


def export(user):
    return {
        "comments": rows(Comment.objects.filter(author=user), ["id", *TARGET, "body", "created_at", "is_hidden"]),
        "supports": rows(Support.objects.filter(user=user), [*TARGET, "created_at"]),
        "follows": rows(Follow.objects.filter(user=user), [*TARGET, "created_at"]),
        "reports": rows(Report.objects.filter(reporter=user), [*TARGET, "reason", "details", "created_at"]),
        "notifications": rows(Notification.objects.filter(recipient=user), [*TARGET, "verb", "is_read", "created_at"]),
        "notification_settings": rows(NotificationSettings.objects.filter(user=user), ["email_frequency"]),
    }


def erase(user):
    Follow.objects.filter(user=user).delete()
    Notification.objects.filter(recipient=user).delete()
    NotificationSettings.objects.filter(user=user).delete()
    DigestLog.objects.filter(user=user).delete()


PERSONAL_DATA = PersonalData("participation", export, erase, order=10)
