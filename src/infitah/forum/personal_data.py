"""The forum's part of a person's data (see accounts/personal_data.py). Their threads and replies stay, under
"former participant" once the account is deleted; the mentions of them in anyone's messages lose their name."""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import pgettext

from infitah.accounts.personal_data import PersonalData, rows
from infitah.forum.models import Post, Thread


def export(user: Any) -> dict[str, Any]:
    return {
        "threads": rows(Thread.objects.filter(author=user), ["id", "category", "title", "body", "created_at"]),
        "replies": rows(Post.objects.filter(author=user), ["id", "thread", "body", "created_at"]),
    }


def erase(user: Any) -> None:
    """Mentions of `user` keep their place but no longer carry the name that was typed."""
    token = re.compile(r"@\[[^\[\]\n]{1,150}\]\(user:" + str(user.pk) + r"\)")
    neutral = "@[" + pgettext("a deleted account's author", "Former participant") + f"](user:{user.pk})"
    for model in (Thread, Post):
        for message in model.objects.filter(body__contains=f"(user:{user.pk})"):
            message.body = token.sub(neutral, message.body)
            message.save(update_fields=["body"])


PERSONAL_DATA = PersonalData("forum", export, erase, order=60)
