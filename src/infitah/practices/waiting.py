"""What waits on the landing page after login (one query each, whatever their number): the practices submitted
for the coordinators to review, and the practices returned to their submitter's collectivity."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from infitah.core.contributions import Waiting
from infitah.core.translation import tr
from infitah.practices import selectors

LIMIT = 20


def to_review(user: Any, now: Any = None) -> list[Waiting]:
    return [
        Waiting(
            title=str(practice),
            url=practice.get_absolute_url(),
            place=str(tr(practice.collectivity.name)),
            note=_("Publish it, or return it with a note."),
        )
        for practice in selectors.to_review(user)[:LIMIT]
    ]


def returned(user: Any, now: Any = None) -> list[Waiting]:
    return [
        Waiting(
            title=str(practice),
            url=practice.get_absolute_url(),
            place=str(tr(practice.collectivity.name)),
            note=_("Returned by the network coordinators: read their note, change it and submit it again."),
        )
        for practice in selectors.returned_to(user)[:LIMIT]
    ]
