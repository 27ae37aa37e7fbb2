"""Reports and moderation: anyone signed in reports, staff hide with a reason, the public log keeps the why.

A hidden item's text leaves the public pages; the fact that it was hidden, when and why stays, on the page
where it was and in the collectivity's public moderation log. Every hide and restore is audited.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import STAFF_ROLES, Role
from infitah.participation.audit import audit
from infitah.participation.models import (
    Attachment,
    Comment,
    Hideable,
    ModerationAction,
    ModerationLogEntry,
    ModerationReason,
    Report,
)
from infitah.participation.notifications import notify
from infitah.participation.targets import ParticipationRefused, collectivity_id_of, ensure, target_fields, target_for
from infitah.participation.text import REASON_MAX_LENGTH, clean_text
from infitah.participation.threads import counted_visibility

if TYPE_CHECKING:
    from django.db.models import Model, QuerySet

    from infitah.accounts.models import User

# Participation rows that can be reported and hidden wherever they are, besides the registered targets.
BUILT_IN = (Comment, Attachment)


def reportable(obj: Any) -> bool:
    if isinstance(obj, BUILT_IN):
        return True
    target = target_for(obj)
    return target is not None and "report" in target.features


def place_of(obj: Any) -> Any:
    """The object whose page shows `obj` (a comment's or attachment's target; a contribution itself)."""
    return obj.target if isinstance(obj, BUILT_IN) else obj


def moderators_of(obj: Any) -> QuerySet[User]:
    """Who is told of a report: the staff of the object's collectivity, or the coordinators for the network's."""
    collectivity_id = collectivity_id_of(obj)
    where: dict[str, Any]
    if collectivity_id is None:
        where = {"role_assignments__role": Role.NETWORK_COORDINATOR}
    else:
        where = {"role_assignments__role__in": STAFF_ROLES, "role_assignments__collectivity_id": collectivity_id}
    return get_user_model().objects.filter(is_active=True, **where).distinct()


def report(reporter: User, obj: Any, reason: str, details: str = "") -> Report:
    """File `reporter`'s report on `obj`. A second report by the same person is refused with a message."""
    ensure(reporter, "participation.report", obj)
    if reason not in ModerationReason.values:
        raise ValidationError(_("Choose a reason from the list."), code="invalid_choice")
    details = clean_text(details, max_length=REASON_MAX_LENGTH, required=reason == ModerationReason.OTHER)
    try:
        with transaction.atomic():
            filed = Report.objects.create(reporter=reporter, reason=reason, details=details, **target_fields(obj))
            notify("report_filed", place_of(obj), recipients=moderators_of(obj), exclude=[reporter])
    except IntegrityError:
        raise ParticipationRefused(_("You have already reported this; the moderators will look at it.")) from None
    return filed


def hide(moderator: User, obj: Any, category: str, explanation: str) -> ModerationLogEntry:
    """Hide `obj` (a Comment, an Attachment or any Hideable target) with a public reason."""
    ensure(moderator, "participation.moderate", obj)
    if not isinstance(obj, Hideable):
        raise ParticipationRefused(_("This cannot be hidden."))
    if obj.is_hidden:
        raise ParticipationRefused(_("This is already hidden."))
    if category not in ModerationReason.values:
        raise ValidationError(_("Choose a reason from the list."), code="invalid_choice")
    explanation = clean_text(explanation, max_length=REASON_MAX_LENGTH)
    with transaction.atomic():
        obj.is_hidden = True
        obj.hidden_category = category
        obj.hidden_reason = explanation
        obj.hidden_by = moderator
        obj.hidden_at = timezone.now()
        obj.save(update_fields=["is_hidden", "hidden_category", "hidden_reason", "hidden_by", "hidden_at"])
        entry = _log(moderator, obj, ModerationAction.HIDDEN, category, explanation)
        if isinstance(obj, Comment):
            counted_visibility(obj, visible=False)
        audit(
            moderator,
            "participation.hide",
            obj,
            {"is_hidden": [False, True], "hidden_category": [None, category], "hidden_reason": [None, explanation]},
        )
        if isinstance(obj, Comment) and obj.author_id and obj.author_id != moderator.pk:
            notify("comment_hidden", obj.target, actor=None, recipients=[obj.author])
    return entry


def restore(moderator: User, obj: Any, explanation: str) -> ModerationLogEntry:
    """Show a hidden item again (a moderation mistake); the log keeps both steps."""
    ensure(moderator, "participation.moderate", obj)
    if not getattr(obj, "is_hidden", False):
        raise ParticipationRefused(_("This is not hidden."))
    explanation = clean_text(explanation, max_length=REASON_MAX_LENGTH)
    before = obj.hidden_category
    with transaction.atomic():
        obj.is_hidden = False
        obj.hidden_category = ""
        obj.hidden_reason = ""
        obj.hidden_by = None
        obj.hidden_at = None
        obj.save(update_fields=["is_hidden", "hidden_category", "hidden_reason", "hidden_by", "hidden_at"])
        entry = _log(moderator, obj, ModerationAction.RESTORED, "", explanation)
        if isinstance(obj, Comment):
            counted_visibility(obj, visible=True)
        audit(moderator, "participation.restore", obj, {"is_hidden": [True, False], "hidden_category": [before, None]})
        if isinstance(obj, Comment) and obj.author_id and obj.author_id != moderator.pk:
            notify("comment_restored", obj.target, actor=None, recipients=[obj.author])
    return entry


def dismiss_reports(moderator: User, obj: Any) -> int:
    """Close the open reports on `obj` without hiding it. Returns how many were closed."""
    ensure(moderator, "participation.moderate", obj)
    with transaction.atomic():
        closed = _resolve_reports(moderator, obj)
        audit(moderator, "participation.dismiss_reports", obj, {"reports_closed": closed})
    return closed


def open_reports(obj: Model) -> QuerySet[Report]:
    fields = target_fields(obj)
    return Report.objects.filter(content_type=fields["content_type"], object_id=obj.pk, resolved_at__isnull=True)


def _resolve_reports(moderator: User, obj: Model) -> int:
    return open_reports(obj).update(resolved_at=timezone.now(), resolved_by=moderator)


def _log(moderator: User, obj: Any, action: str, category: str, explanation: str) -> ModerationLogEntry:
    _resolve_reports(moderator, obj)
    return ModerationLogEntry.objects.create(
        action=action, category=category, explanation=explanation, moderator=moderator, **target_fields(obj)
    )
