"""Participation in any page: `{% load participation %}` then

    {% comment_thread obj %}      the comments on obj, with the reply and comment forms
    {% support_button obj %}      the count and a Support / Withdraw button (a POST form, no JavaScript needed)
    {% follow_button obj %}       Follow / Stop following
    {% report_link obj %}         a link to report obj (a contribution, or a comment)
    {% moderation_link obj %}     for the staff who may moderate obj
    {% attachment_list obj %}     obj's files, as download links
    {% attachment_form obj %}     an upload form, when obj accepts files now

On a list, annotate the queryset with `selectors.with_participation(queryset, user)`: the tags then read the
annotations and cost no query per row. A thread shows a page at a time (participation.threads), whatever its length.
"""

from functools import partial
from typing import Any

from django import template
from django.utils.text import slugify

from infitah.core.partobjects import Loader
from infitah.core.permissions import can
from infitah.core.sharedpages import part_context, personal_inclusion_tag
from infitah.participation import attachments, supports, threads
from infitah.participation.follows import is_following
from infitah.participation.forms import AttachmentForm, CommentForm
from infitah.participation.notifications import unread_count
from infitah.participation.rules import may_read_text
from infitah.participation.selectors import held_by_reader, with_support_counts
from infitah.participation.targets import label_of, refusal, target_for

register = template.Library()


def _objects(model: Any, pks: Any) -> dict[Any, Any]:
    """The objects a Support or Follow button is about, with their support counts: the same for every reader."""
    target = target_for(model)
    rows = model._base_manager.filter(pk__in=pks).select_related(*(target.reads if target else ()))
    return with_support_counts(rows).in_bulk()


def _reader_state(objects: dict[Any, Any], user: Any) -> None:
    if not objects:
        return
    supported, followed = held_by_reader(type(next(iter(objects.values()))), objects, user)
    for pk, obj in objects.items():
        obj.supported_by_me = pk in supported
        obj.followed_by_me = pk in followed


# Both buttons of an object load it once for a reader (core.partobjects).
BUTTONS = Loader(everyone=_objects, reader=_reader_state)


def _base(context, obj):
    return part_context(context, target=obj, label=label_of(obj), next=context["request"].get_full_path())


def _signed_in(user):
    return user is not None and user.is_authenticated


@register.filter
def participation_label(obj):
    """The label of obj's model as participation URLs spell it, e.g. "consultations.contribution"."""
    return label_of(obj)


@register.filter
def text_readable_by(obj, user):
    """`{% if comment|text_readable_by:user %}`: may `user` read obj's text? (visible, or hidden and they are
    its author or one of its moderators: participation.rules.may_read_text decides)."""
    return may_read_text(user, obj)


@register.filter
def replies_link(here, comment_pk):
    """`{{ next|replies_link:comment.pk }}`: the page of a comment's replies, on the page `here` shows."""
    return f"{threads.link_to(here, replies_to=comment_pk)}#comment-{comment_pk}"


def _thread_alike(request: Any, obj: Any, _key: str, with_powers: bool = False) -> str | None:
    """What a thread's page depends on for its reader (core.sharedpages), beyond the copy's address: whether they may
    comment, or why not, and, for a reader with a power, whether they moderate it (Hide and Restore links, hidden
    texts). A reader who wrote on the thread has it rendered for them (their Edit links, the text of their hidden
    comments, no Report link on their own)."""
    user = request.user
    if threads.has_written_on(user, obj):
        return None
    closed = refusal(user, obj, "comment")
    may_comment = not closed and can(user, "participation.comment", obj)
    state = f"may comment: {may_comment}, closed: {closed}"
    if with_powers:
        state += f", moderator: {can(user, 'participation.moderate', obj)}"
    return state


@personal_inclusion_tag(
    register,
    "participation",
    "participation/_thread.html",
    alike=_thread_alike,
    alike_with_powers=partial(_thread_alike, with_powers=True),
)
def comment_thread(context, obj, form=None):
    """The page of obj's thread the query string asks for (the first one by default).
    `form`: a bound CommentForm to show again with its errors (the text typed is never lost)."""
    data = _base(context, obj)
    user = data["user"]
    request = data["request"]
    thread = threads.thread_page(obj, threads.place_in(obj, request.GET))
    closed = refusal(user, obj, "comment")
    here = request.get_full_path()
    parent_id = thread.parent.pk if thread.parent is not None else None
    anchor = f"#comments-{slugify(data['label'])}-{obj.pk}"
    data.update(
        thread=thread,
        all_comments_link=f"{threads.link_to(here)}{anchor}",
        previous_link=f"{threads.link_to(here, replies_to=parent_id, comments_page=thread.page - 1)}{anchor}",
        next_link=f"{threads.link_to(here, replies_to=parent_id, comments_page=thread.page + 1)}{anchor}",
        form=form or CommentForm(),
        closed_reason=closed,
        may_comment=_signed_in(user) and not closed and can(user, "participation.comment", obj),
        moderator=_signed_in(user) and can(user, "participation.moderate", obj),
    )
    return data


@personal_inclusion_tag(register, "participation", "participation/_support_button.html", load=BUTTONS)
def support_button(context, obj):
    data = _base(context, obj)
    user = data["user"]
    count = getattr(obj, "support_count", None)
    supported = getattr(obj, "supported_by_me", None)
    supported = supports.has_supported(user, obj) if supported is None else supported
    # One's own contribution cannot be supported (a support given before this rule can still be withdrawn).
    closed = refusal(user, obj, "support") or (None if supported else supports.own_work_refusal(user, obj))
    data.update(
        count=supports.support_count(obj) if count is None else count,
        supported=supported,
        closed_reason=closed,
        may_support=_signed_in(user) and not closed and can(user, "participation.support", obj),
    )
    return data


@personal_inclusion_tag(register, "participation", "participation/_follow_button.html", load=BUTTONS)
def follow_button(context, obj):
    data = _base(context, obj)
    user = data["user"]
    following = getattr(obj, "followed_by_me", None)
    data.update(
        following=is_following(user, obj) if following is None else following,
        may_follow=_signed_in(user) and can(user, "participation.follow", obj),
    )
    return data


@register.inclusion_tag("participation/_report_link.html", takes_context=True)
def report_link(context, obj):
    data = _base(context, obj)
    data["shown"] = not getattr(obj, "is_hidden", False)
    return data


def _moderates(user: Any, obj: Any) -> bool:
    return hasattr(obj, "is_hidden") and _signed_in(user) and can(user, "participation.moderate", obj)


def _moderation_alike(request: Any, obj: Any, _key: str) -> str:
    """The link is the same for every moderator of obj on one copy (its address is the copy's)."""
    return str(_moderates(request.user, obj))


@personal_inclusion_tag(
    register,
    "participation",
    "participation/_moderation_link.html",
    powers_only=True,
    alike_with_powers=_moderation_alike,
)
def moderation_link(context, obj):
    data = _base(context, obj)
    data["shown"] = _moderates(data["user"], obj)
    return data


@register.inclusion_tag("participation/_attachment_list.html", takes_context=True)
def attachment_list(context, obj):
    data = _base(context, obj)
    user = data["user"]
    moderator = _signed_in(user) and can(user, "participation.moderate", obj)
    data.update(attachments=list(attachments.attachments_of(obj, include_hidden=moderator)), moderator=moderator)
    return data


@personal_inclusion_tag(register, "participation", "participation/_attachment_form.html")
def attachment_form(context, obj):
    data = _base(context, obj)
    user = data["user"]
    data.update(
        form=AttachmentForm(),
        shown=_signed_in(user) and not refusal(user, obj, "attach") and can(user, "participation.attach", obj),
    )
    return data


@register.simple_tag(takes_context=True)
def unread_notification_count(context):
    """One COUNT query; used by the header link."""
    user = context["request"].user
    return unread_count(user) if _signed_in(user) else 0
