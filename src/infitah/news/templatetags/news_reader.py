"""What a reader's powers add to the news pages, as powers-only parts of the copy everyone signed in shares
(core.sharedpages): `{% load news_reader %}` then `{% news_desk_link %}` on the list (the desk of those who write
news) and `{% news_edit_link item %}` on an item's page (for those who may manage it)."""

from typing import Any

from django import template

from infitah.core.permissions import can
from infitah.core.sharedpages import powers_only_flags

register = template.Library()


@powers_only_flags(register, "news", "news/_desk_link.html", "item")
def news_desk_link(user: Any, _nothing: Any) -> dict[str, bool]:
    """The news desk: for whoever writes news somewhere."""
    return {"may_write": user.is_authenticated and can(user, "news.manage")}


@powers_only_flags(register, "news", "news/_edit_link.html", "item")
def news_edit_link(user: Any, item: Any) -> dict[str, bool]:
    """Edit the item: for those who may manage it."""
    return {"may_manage": user.is_authenticated and can(user, "news.manage", item)}
