"""The write side of the library: save a practice with its documents, move it through its states, declare an
adoption. Each checks the rule and the state before writing anything, writes in one transaction, records the
transition (who, when, why) and the audit log entry, and notifies."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import User
from infitah.core.permissions import Refused, can, refusal_reason
from infitah.participation.attachments import attach, check_uploads
from infitah.participation.audit import audit
from infitah.participation.follows import follow_quietly
from infitah.participation.notifications import followers_of, notify
from infitah.practices import states
from infitah.practices.models import Adoption, Practice, PracticeEvent
from infitah.practices.states import Act, Status
from infitah.programs.models import Commitment
from infitah.territories.models import Collectivity


class PracticeRefused(Refused):
    """The person may not do this to this practice (or for this collectivity)."""


def _require(by: User, action: str, obj: Any) -> None:
    if not can(by, action, obj):
        raise PracticeRefused(refusal_reason(action) or _("You may not do this here."))


def save_practice(by: User, practice: Practice, *, files: Sequence[Any] = ()) -> Practice:
    """Save a new practice (a draft of a collectivity where `by` is staff) or a change to an editable one, with
    its new documents. Every file is checked before anything is written: a bad file saves nothing."""
    _require(by, "practices.submit", practice.collectivity)
    if practice.pk is not None:
        stored = Practice.objects.get(pk=practice.pk)
        if stored.collectivity_id != practice.collectivity_id:
            raise PracticeRefused(_("A practice stays with its collectivity."))
        _require(by, "practices.edit", stored)
    check_uploads(files)
    adding = practice.pk is None
    with transaction.atomic():
        if adding:
            practice.submitted_by = by
        practice.save()
        for uploaded in files:
            uploaded.seek(0)
            attach(by, practice, uploaded)
        audit(by, "practices.add" if adding else "practices.change", practice)
    return practice


def transition(by: User, practice: Practice, act: str, note: str = "") -> Practice:
    """Take `act` (states.Act) on `practice`, or raise PracticeRefused / states.TransitionRefused."""
    if act not in states.TRANSITIONS:
        raise states.TransitionRefused(_("This act is unknown."))
    if states.who_acts(act) == states.COORDINATOR:
        _require(by, "practices.review", practice)
    else:
        _require(by, "practices.edit", practice)
    note = note.strip()
    with transaction.atomic():
        locked = Practice.objects.select_for_update().get(pk=practice.pk)
        before = locked.status
        after = states.next_status(before, act, note)
        locked.status = after
        if after == Status.PUBLISHED:
            locked.published_at = timezone.now()
        if act in (Act.RETURN, Act.WITHDRAW):
            locked.review_note = note
        elif act in (Act.SUBMIT, Act.RESUBMIT):
            locked.review_note = ""
            if locked.submitted_by_id is None:
                locked.submitted_by = by
        locked.save(update_fields=["status", "published_at", "review_note", "submitted_by"])
        PracticeEvent.objects.create(practice=locked, act=act, status_from=before, status_to=after, by=by, note=note)
        audit(by, f"practices.{act}", locked, {"status": [before, after]})
        _notify(by, locked, act)
    return locked


def _notify(by: User, practice: Practice, act: str) -> None:
    submitter = practice.submitted_by
    if act in (Act.SUBMIT, Act.RESUBMIT) and submitter is not None:
        # The submitter follows what they shared: comments and adoptions reach them through the follow.
        follow_quietly(submitter, practice)
    recipients = [submitter] if submitter is not None else []
    if act == Act.PUBLISH:
        notify("practice_published", practice, actor=by, recipients=[*recipients, *followers_of(practice)])
    elif act == Act.RETURN:
        notify("practice_returned", practice, actor=by, recipients=recipients)
    elif act == Act.WITHDRAW:
        notify("practice_withdrawn", practice, actor=by, recipients=recipients)


def adoptable_commitments(collectivity_ids: Sequence[int]) -> QuerySet[Commitment]:
    """The commitments an adoption may link to: those of the declaring collectivities' own programs."""
    return (
        Commitment.objects.filter(program__collectivity_id__in=list(collectivity_ids))
        .select_related("program__collectivity")
        .order_by("program__collectivity_id", "program_id", "order", "pk")
    )


def declare_adoption(
    by: User, practice: Practice, collectivity: Collectivity, commitment: Commitment, note: str = ""
) -> Adoption:
    """ "We adopted this": `collectivity` (where `by` is staff) took `practice` up into `commitment`, one of its
    own. A commitment of another collectivity, the practice's own collectivity, or a practice not published are
    refused."""
    _require(by, "practices.adopt", practice)
    _require(by, "practices.adopt_for", collectivity)
    if collectivity.pk == practice.collectivity_id:
        raise PracticeRefused(_("A collectivity shares its own practice; another member adopts it."))
    if commitment.program.collectivity_id != collectivity.pk:
        raise ValidationError(
            {"commitment": _("Choose a commitment of your own collectivity's program.")}, code="other_collectivity"
        )
    try:
        with transaction.atomic():
            adoption = Adoption.objects.create(
                practice=practice, collectivity=collectivity, commitment=commitment, note=note.strip(), declared_by=by
            )
    except IntegrityError:
        raise ValidationError(
            {"collectivity": _("This collectivity has already declared that it adopted this practice.")},
            code="already",
        ) from None
    audit(by, "practices.adopt", practice, {"adopted_by": [None, collectivity.code]}, collectivity=collectivity)
    recipients = [practice.submitted_by] if practice.submitted_by is not None else []
    notify("practice_adopted", practice, actor=by, recipients=[*recipients, *followers_of(practice)])
    return adoption
