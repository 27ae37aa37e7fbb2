"""What people do in a consultation: contribute, and the collectivity's reasoned response.

Both raise ContributionRefused (not allowed, closed, wrong collectivity) with a message for the person, or a
ValidationError (empty, too long, markup only) naming the field; nothing is saved then.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from infitah.accounts.models import Association, User
from infitah.consultations.gate import dates_refusal
from infitah.consultations.models import (
    BODY_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    Consultation,
    Contribution,
    ContributionKind,
    ContributionRevision,
    Response,
    ResponseOutcome,
    RevisionAction,
)
from infitah.consultations.rules import lies_within, seated_associations
from infitah.consultations.selectors import version_index
from infitah.core.permissions import Refused, can
from infitah.core.translation import clean_translations
from infitah.participation.audit import audit, changes_between
from infitah.participation.follows import follow_quietly
from infitah.participation.notifications import notify
from infitah.participation.text import clean_text

if TYPE_CHECKING:
    from infitah.accounts.models import Association, User
    from infitah.accounts.types import Viewer
    from infitah.consultations.models import Consultation, Response

RESPONSE_REASON_MAX_LENGTH = 5000


class ContributionRefused(Refused):
    """A contribution, its change or its answer was refused (not allowed, closed, wrong collectivity)."""


def _text(field: str, value: str | None, max_length: int, required: bool = True) -> str:
    try:
        return clean_text(value, max_length=max_length, required=required)
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from None


def _texts(
    kind: str, title: str, body: str, problem: str, expected_results: str, principles: Iterable[str] | None
) -> dict[str, Any]:
    """The cleaned text fields of a comment or a proposal (ValidationError naming the field when refused)."""
    fields: dict[str, Any] = {"body": _text("body", body, BODY_MAX_LENGTH)}
    if kind == ContributionKind.PROPOSAL:
        fields["title"] = _text("title", title, TITLE_MAX_LENGTH)
        fields["problem"] = _text("problem", problem, BODY_MAX_LENGTH)
        fields["expected_results"] = _text("expected_results", expected_results, BODY_MAX_LENGTH, required=False)
        fields["principles"] = list(dict.fromkeys(principles or []))
        if not fields["principles"]:
            raise ValidationError({"principles": [_("Choose at least one openness principle.")]})
    else:
        fields["title"] = _text("title", title, TITLE_MAX_LENGTH, required=False)
    return fields


def check_may_contribute(
    author: Viewer,
    consultation: Consultation,
    association: Association | None = None,
    now: datetime.datetime | None = None,
) -> None:
    """Raise ContributionRefused unless `author` may contribute to `consultation` now (on behalf of `association`)."""
    if author is None or not author.is_authenticated or not author.is_active:
        raise ContributionRefused(_("Log in first to contribute."))
    refused = dates_refusal(consultation, now)
    if refused:
        raise ContributionRefused(refused)
    if association is not None:
        if association.pk not in {a.pk for a in seated_associations(author, None)}:
            raise ContributionRefused(_("You may only contribute on behalf of a verified association you represent."))
        if consultation.residents_only and association not in seated_associations(author, consultation.collectivity_id):
            raise ContributionRefused(
                _("This consultation is for residents only: the association must be seated in %(place)s.")
                % {"place": consultation.collectivity}
            )
    elif consultation.residents_only and not _resident(author, consultation):
        raise ContributionRefused(
            _(
                "This consultation is for residents of %(place)s only: set your collectivity of residence in your "
                "profile, or contribute on behalf of a verified association seated there."
            )
            % {"place": consultation.collectivity}
        )
    if not can(author, "consultations.contribute", consultation):
        raise ContributionRefused(_("You may not contribute to this consultation."))


def _resident(author: User, consultation: Consultation) -> bool:
    return author.residence is not None and lies_within(author.residence, consultation.collectivity_id)


def submit_contribution(
    author: User,
    consultation: Consultation,
    *,
    kind: str = ContributionKind.COMMENT,
    body: str = "",
    title: str = "",
    axis_key: str | None = None,
    commitment_key: str | None = None,
    problem: str = "",
    expected_results: str = "",
    principles: Iterable[str] = (),
    association: Association | None = None,
    now: datetime.datetime | None = None,
) -> Contribution:
    """Record `author`'s comment or proposal. The author then follows it, to hear of replies and the answer."""
    check_may_contribute(author, consultation, association, now)
    if kind not in ContributionKind.values:
        raise ValidationError({"kind": [_("Choose a kind of contribution.")]})
    index = version_index(consultation)
    axis_key = str(axis_key) if axis_key else None
    commitment_key = str(commitment_key) if commitment_key else None
    if commitment_key:
        if commitment_key not in index["commitments"]:
            raise ValidationError({"commitment_key": [_("This commitment is not in the consulted version.")]})
        axis_key = index["commitments"][commitment_key]["axis_key"]
    if axis_key and axis_key not in index["axes"]:
        raise ValidationError({"axis_key": [_("This axis is not in the consulted version.")]})
    if kind == ContributionKind.PROPOSAL:
        if not consultation.accepts_proposals:
            raise ContributionRefused(_("This consultation does not take proposals of new commitments."))
        commitment_key = None
    fields = _texts(kind, title, body, problem, expected_results, principles)
    contribution = Contribution(
        consultation=consultation,
        kind=kind,
        author=author,
        association=association,
        axis_key=axis_key,
        commitment_key=commitment_key,
        contributor_gender=author.gender or "",
        contributor_age_band=author.age_band or "",
        created_at=now or timezone.now(),
        **fields,
    )
    contribution.full_clean(exclude=["collectivity", "contributor_kind"])
    with transaction.atomic():
        contribution.save()
        follow_quietly(author, contribution)
    return contribution


TEXT_FIELDS = ("title", "body", "problem", "expected_results", "principles")


def check_may_change(author: Viewer, contribution: Contribution, now: datetime.datetime | None = None) -> None:
    """Raise ContributionRefused unless `author` may still edit or withdraw `contribution` now."""
    # Its author only: not even a platform administrator rewrites what someone else said.
    is_author = author is not None and author.is_authenticated and contribution.author_id == author.pk
    if not is_author or not can(author, "consultations.change_contribution", contribution):
        raise ContributionRefused(_("Only its author may edit or withdraw a contribution."))
    if contribution.withdrawn_at is not None:
        raise ContributionRefused(_("This contribution was withdrawn: it can no longer change."))
    if contribution.is_hidden:
        raise ContributionRefused(_("This contribution was hidden by the moderators: it can no longer change."))
    refused = dates_refusal(contribution.consultation, now)
    if refused:
        raise ContributionRefused(refused)


def _locked(contribution: Contribution) -> Contribution:
    """The contribution's row, locked until the transaction ends, so two edits at once each keep a revision."""
    return Contribution.objects.select_for_update().select_related("consultation").get(pk=contribution.pk)


def _revision(contribution: Contribution, action: str, author: User, now: datetime.datetime) -> ContributionRevision:
    return ContributionRevision.objects.create(
        contribution=contribution,
        action=action,
        changed_by=author,
        changed_at=now,
        **{name: getattr(contribution, name) for name in TEXT_FIELDS},
    )


def edit_contribution(
    author: User,
    contribution: Contribution,
    *,
    title: str = "",
    body: str = "",
    problem: str = "",
    expected_results: str = "",
    principles: Iterable[str] = (),
    now: datetime.datetime | None = None,
) -> Contribution:
    """Let the author correct their contribution while the consultation is open.

    The previous text is kept as a ContributionRevision (for the moderators) and the change is audited; the page
    then shows that it was edited. Returns the contribution (unchanged, with no revision, if nothing changed)."""
    check_may_change(author, contribution, now)
    fields = _texts(contribution.kind, title, body, problem, expected_results, principles)
    now = now or timezone.now()
    with transaction.atomic():
        current = _locked(contribution)
        check_may_change(author, current, now)
        before = {name: getattr(current, name) for name in TEXT_FIELDS}
        after = {**before, **fields}
        changes = changes_between(before, after)
        if not changes:
            return current
        _revision(current, RevisionAction.EDITED, author, now)
        for name, value in fields.items():
            setattr(current, name, value)
        current.edited_at = now
        current.save(update_fields=[*fields, "edited_at"])
        audit(author, "consultations.edit_contribution", current, changes)
    return current


def withdraw_contribution(
    author: User, contribution: Contribution, now: datetime.datetime | None = None
) -> Contribution:
    """Let the author withdraw their contribution while the consultation is open.

    Its text leaves the contribution (kept in a revision the moderators read); the page says it was withdrawn."""
    check_may_change(author, contribution, now)
    now = now or timezone.now()
    with transaction.atomic():
        current = _locked(contribution)
        check_may_change(author, current, now)
        _revision(current, RevisionAction.WITHDRAWN, author, now)
        current.title = current.body = current.problem = current.expected_results = ""
        current.principles = []
        current.withdrawn_at = now
        current.save(update_fields=[*TEXT_FIELDS, "withdrawn_at"])
        audit(author, "consultations.withdraw_contribution", current, {"withdrawn_at": [None, now.isoformat()]})
    return current


def check_may_answer(staff: Viewer, contribution: Contribution, now: datetime.datetime | None = None) -> None:
    if staff is None or not staff.is_authenticated or not can(staff, "consultations.answer", contribution):
        raise ContributionRefused(
            _("Only the focal point and editors of %(place)s answer its consultation's contributions.")
            % {"place": contribution.consultation.collectivity}
        )
    if contribution.withdrawn_at is not None:
        raise ContributionRefused(_("This contribution was withdrawn by its author: it awaits no answer."))
    consultation = contribution.consultation
    if (now or timezone.now()) < consultation.closes_at:
        raise ContributionRefused(_("The consultation is still open: contributions are answered after it closes."))


def answer_contribution(
    staff: User,
    contribution: Contribution,
    *,
    outcome: str,
    reason: Any,
    commitment_key: str | None = None,
    merged_into: Contribution | None = None,
    now: datetime.datetime | None = None,
) -> Response:
    """Give (or correct) the collectivity's reasoned response to `contribution` and tell its author.

    Retained: names a commitment of the program's live draft (its key). Merged: a commitment, or another
    contribution of the same consultation. Not retained: the reason alone. The reason is always required.
    """
    from infitah.programs.models import Commitment

    check_may_answer(staff, contribution, now)
    if outcome not in ResponseOutcome.values:
        raise ValidationError({"outcome": [_("Choose the outcome: retained, merged or not retained.")]})
    reason = clean_translations(reason if isinstance(reason, dict) else {"ar": reason})
    reason = {lang: _text("reason", text, RESPONSE_REASON_MAX_LENGTH) for lang, text in reason.items() if text}
    if not reason:
        raise ValidationError({"reason": [_("Give the reason for this outcome: every answer is reasoned.")]})
    consultation = contribution.consultation
    if commitment_key:
        exists = Commitment.objects.filter(program_id=consultation.program_id, key=commitment_key).exists()
        if not exists:
            raise ValidationError({"commitment_key": [_("Choose a commitment of this program's draft.")]})
    if merged_into is not None and (
        merged_into.consultation_id != contribution.consultation_id or merged_into.pk == contribution.pk
    ):
        raise ValidationError({"merged_into": [_("Choose another contribution of the same consultation.")]})
    if outcome == ResponseOutcome.RETAINED:
        merged_into = None
        if not commitment_key:
            raise ValidationError(
                {"commitment_key": [_("Name the commitment of the draft that takes this contribution up.")]}
            )
    elif outcome == ResponseOutcome.MERGED:
        if not commitment_key and merged_into is None:
            raise ValidationError(
                {"merged_into": [_("Name the commitment or the other contribution it was merged with.")]}
            )
    else:
        commitment_key, merged_into = None, None
    values = {
        "outcome": outcome,
        "reason": reason,
        "commitment_key": str(commitment_key) if commitment_key else None,
        "merged_into": merged_into.pk if merged_into else None,
    }
    with transaction.atomic():
        existing = Response.objects.select_for_update().filter(contribution=contribution).first()
        if existing is None:
            response = Response.objects.create(
                contribution=contribution,
                outcome=outcome,
                reason=reason,
                commitment_key=commitment_key or None,
                merged_into=merged_into,
                answered_by=staff,
                answered_at=now or timezone.now(),
            )
            audit(staff, "consultations.answer", contribution, {key: [None, value] for key, value in values.items()})
            verb = "contribution_answered"
        else:
            before = {
                "outcome": existing.outcome,
                "reason": existing.reason,
                "commitment_key": str(existing.commitment_key) if existing.commitment_key else None,
                "merged_into": existing.merged_into_id,
            }
            existing.outcome, existing.reason = outcome, reason
            existing.commitment_key, existing.merged_into = commitment_key or None, merged_into
            existing.save(update_fields=["outcome", "reason", "commitment_key", "merged_into"])
            response = existing
            audit(staff, "consultations.change_answer", contribution, changes_between(before, values))
            verb = "contribution_answer_changed"
        notify(verb, contribution, actor=staff, recipients=[contribution.author])
    contribution.response = response
    return response
