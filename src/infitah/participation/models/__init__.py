"""The participation models, one small module each; import them from here."""

from infitah.participation.models.attachment import Attachment
from infitah.participation.models.audit import AuditLogEntry
from infitah.participation.models.base import Hideable, ModerationReason, TargetedModel
from infitah.participation.models.discussion import Comment, CommentTally
from infitah.participation.models.engagement import Follow, Support
from infitah.participation.models.moderation import ModerationAction, ModerationLogEntry, Report
from infitah.participation.models.notification import DigestLog, EmailFrequency, Notification, NotificationSettings

__all__ = [
    "Attachment",
    "AuditLogEntry",
    "Comment",
    "CommentTally",
    "DigestLog",
    "EmailFrequency",
    "Follow",
    "Hideable",
    "ModerationAction",
    "ModerationLogEntry",
    "ModerationReason",
    "Notification",
    "NotificationSettings",
    "Report",
    "Support",
    "TargetedModel",
]
