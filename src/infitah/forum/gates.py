"""The participation gate of threads and replies: who may see, follow and report them (participation.targets).

A members-only category's threads are kept from everyone else, moderators' tools included: a report page or an
attachment of one must not show its text to a citizen who guessed its id.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from infitah.core.permissions import can


def gate(user: Any, obj: Any, feature: str) -> Any:
    if not can(user, "forum.view", obj):
        return _("This is not public.")
    return None
