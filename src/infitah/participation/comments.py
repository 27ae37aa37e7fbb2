"""Writing comments: `post_comment` and `edit_comment`. Reading them is in selectors.py."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from infitah.core.permissions import can
from infitah.participation.follows import follow_quietly
from infitah.participation.models import Comment
from infitah.participation.notifications import followers_of, notify
from infitah.participation.targets import ParticipationRefused, ensure, target_fields
from infitah.participation.text import COMMENT_MAX_LENGTH, clean_text
from infitah.participation.threads import counted_new

if TYPE_CHECKING:
    from infitah.accounts.models import User


def post_comment(author: User, target: Any, body: str, parent: Comment | None = None) -> Comment:
    """Add `author`'s comment (a reply when `parent` is given) to `target` and tell its followers.

    Raises ParticipationRefused (not allowed, closed) or ValidationError (empty, too long), saving nothing.
    The author then follows `target`, so they hear of the answers.
    """
    ensure(author, "participation.comment", target, "comment")
    text = clean_text(body, max_length=COMMENT_MAX_LENGTH)
    fields = target_fields(target)
    if parent is not None:
        if (parent.content_type_id, parent.object_id) != (fields["content_type"].pk, target.pk):
            raise ParticipationRefused(_("That comment belongs to another page."))
        if parent.is_hidden:
            raise ParticipationRefused(_("That comment was hidden by the moderators; it cannot be answered."))
    with transaction.atomic():
        comment = Comment.objects.create(author=author, body=text, parent=parent, **fields)
        counted_new(comment)
        follow_quietly(author, target)
        replied_to = parent.author if parent is not None and parent.author_id != author.pk else None
        if replied_to is not None:
            notify("comment_replied", target, actor=author, recipients=[replied_to])
        notify("comment_posted", target, actor=author, recipients=followers_of(target), exclude=[replied_to])
    return comment


def edit_comment(user: User, comment: Comment, body: str) -> Comment:
    """Let the author correct their comment while the discussion is open; the page shows it was edited."""
    if user is None or not user.is_authenticated or not can(user, "participation.edit_comment", comment):
        raise ParticipationRefused(_("Only its author may edit this comment, while comments are open."))
    comment.body = clean_text(body, max_length=COMMENT_MAX_LENGTH)
    comment.edited_at = timezone.now()
    comment.save(update_fields=["body", "edited_at"])
    return comment
