"""Who may take part, and who moderates, in which collectivity.

Taking part (comment, support, follow, attach) is open to anyone signed in, wherever they live, as long as
the object is open for it (its gate, see targets.py). Moderating and reading the audit log are for the staff
of the object's collectivity and for network coordinators.
"""

from django.db.models import Model
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import STAFF_ROLES, User
from infitah.accounts.predicates import network_coordinator
from infitah.accounts.roles import holds, is_collectivity_staff
from infitah.accounts.types import Viewer
from infitah.core.permissions import can, public, rule
from infitah.core.predicates import Person, Predicate, signed_in
from infitah.core.scopes import collectivity_id_of
from infitah.participation.models import Attachment, Comment
from infitah.participation.targets import VIEW, kept_from, refusal


def _open_for(feature: str) -> Predicate[User]:
    def predicate(user: User, obj: Model | None) -> bool:
        return obj is None or refusal(user, obj, feature) is None

    return predicate


may_comment = rule("participation.comment")(_open_for("comment"))
may_support = rule("participation.support")(_open_for("support"))
may_follow = rule("participation.follow")(_open_for("follow"))
may_attach = rule("participation.attach")(_open_for("attach"))


@rule(
    "participation.moderate",
    reason=_("Only the staff of the collectivity concerned and the network coordinators moderate."),
)
def may_moderate(user: User, obj: Model | None) -> bool:
    """obj: a comment, an attachment or a contribution; None asks "may this person moderate anywhere?"."""
    if network_coordinator(user):
        return True
    if obj is None:
        return is_collectivity_staff(user)
    # Unlike staff_of(), an object of no collectivity is nobody's to moderate but the coordinators'.
    collectivity_id = collectivity_id_of(obj)
    return collectivity_id is not None and holds(user, STAFF_ROLES, collectivity_id)


def author_id_of(obj: Model) -> int | None:
    """Who wrote `obj` (a comment, a contribution) or uploaded it (an attachment); None when nobody known."""
    for name in ("author_id", "uploaded_by_id"):
        value = getattr(obj, name, None)
        if value is not None:
            return value
    return None


@rule("participation.read_hidden")
def may_read_hidden(user: User, obj: Model | None) -> bool:
    """The text of a hidden comment or contribution: its author and the moderators of its collectivity."""
    if obj is None:
        return False
    author_id = author_id_of(obj)
    return (author_id is not None and author_id == user.pk) or may_moderate(user, obj)


def may_read_text(user: Person | None, obj: Model | None) -> bool:
    """May `user` read the text of `obj` (title, body, proposal fields, excerpts)?

    The one place that decides it, asked by every page, form, tag and export that shows such text: a visible
    item's text is public; a hidden one's only reaches its author and the moderators of its collectivity
    (everyone else reads only that it was hidden, and why).
    """
    if obj is None or not getattr(obj, "is_hidden", False):
        return True
    return signed_in(user) and can(user, "participation.read_hidden", obj)


@rule("participation.view_audit")
def may_view_audit(user: User, obj: Model | None) -> bool:
    """obj: an audit log entry or a collectivity; entries of the whole network are the coordinators'."""
    return may_moderate(user, obj)


@rule("participation.report")
def may_report(user: User, obj: Model | None) -> bool:
    from infitah.participation.moderation import reportable

    if obj is None:
        return True
    return reportable(obj) and not getattr(obj, "is_hidden", False)


@rule(
    "participation.edit_comment",
    reason=_("Only the author of a comment edits it, while it is visible."),
)
def may_edit_comment(user: User, obj: Comment | None) -> bool:
    """Its author, while the comment is visible and comments on its object are still open."""
    if obj is None:
        return True
    assert isinstance(obj, Comment)
    return obj.author_id == user.pk and not obj.is_hidden and refusal(user, obj.target, "comment") is None


@rule("participation.download_attachment")
@public
def may_download_attachment(user: Viewer, obj: Attachment | None) -> bool:
    """A visible attachment of a public object is public; otherwise its uploader and the moderators — except
    that an object whose gate decides who sees it (a party's draft) keeps its files from moderators it hides from."""
    if obj is None:
        return True
    target = obj.target
    if not obj.is_hidden and target is not None and refusal(user, target, VIEW) is None:
        return True
    if not signed_in(user):
        return False
    if obj.uploaded_by_id == user.pk:
        return True
    return may_moderate(user, obj) and not (target is not None and kept_from(user, target))
