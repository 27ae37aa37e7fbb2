"""The life of a good practice, in one table: which act moves it from which status to which, and who acts.

draft → submitted (the collectivity's staff) → published or returned with a note (a network coordinator);
returned → submitted again (resubmit); published → withdrawn with a reason (a coordinator). Pure: the services ask
`next_status` and record each transition with who, when and why.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Status(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("practice", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("practice", "Submitted for review")
    RETURNED = "returned", pgettext_lazy("practice", "Returned for changes")
    PUBLISHED = "published", pgettext_lazy("practice", "Published")
    WITHDRAWN = "withdrawn", pgettext_lazy("practice", "Withdrawn")


class Act(models.TextChoices):
    SUBMIT = "submit", pgettext_lazy("practice act", "Submit for review")
    RESUBMIT = "resubmit", pgettext_lazy("practice act", "Submit again")
    PUBLISH = "publish", pgettext_lazy("practice act", "Publish")
    RETURN = "return", pgettext_lazy("practice act", "Return with a note")
    WITHDRAW = "withdraw", pgettext_lazy("practice act", "Withdraw from the library")


STAFF, COORDINATOR = "staff", "coordinator"

# act: (from, to, who acts, a note is required)
TRANSITIONS: dict[str, tuple[str, str, str, bool]] = {
    Act.SUBMIT: (Status.DRAFT, Status.SUBMITTED, STAFF, False),
    Act.RESUBMIT: (Status.RETURNED, Status.SUBMITTED, STAFF, False),
    Act.PUBLISH: (Status.SUBMITTED, Status.PUBLISHED, COORDINATOR, False),
    Act.RETURN: (Status.SUBMITTED, Status.RETURNED, COORDINATOR, True),
    Act.WITHDRAW: (Status.PUBLISHED, Status.WITHDRAWN, COORDINATOR, True),
}

# Its collectivity's staff change the text while nobody is reviewing it and it is not public.
EDITABLE = frozenset({Status.DRAFT, Status.RETURNED})
PUBLIC = frozenset({Status.PUBLISHED})


class TransitionRefused(ValueError):
    """The act does not apply to a practice in this status (or lacks its note); `reason` says why."""

    def __init__(self, reason):
        super().__init__(str(reason))
        self.reason = reason


def next_status(status: str, act: str, note: str = "") -> str:
    """The status after `act`, or TransitionRefused."""
    if act not in TRANSITIONS:
        raise TransitionRefused(_("This act is unknown."))
    source, target, _who, needs_note = TRANSITIONS[act]
    if status != source:
        raise TransitionRefused(_("This act does not apply to a practice in its present status."))
    if needs_note and not note.strip():
        raise TransitionRefused(_("Write a note saying why: the submitter reads it."))
    return target


def who_acts(act: str) -> str:
    return TRANSITIONS[act][2]


def acts_from(status: str, who: str) -> list[str]:
    """The acts `who` (STAFF or COORDINATOR) may take on a practice in `status`, in the table's order."""
    return [act for act, (source, _t, actor, _n) in TRANSITIONS.items() if source == status and actor == who]


def needs_note(act: str) -> bool:
    return TRANSITIONS[act][3]
