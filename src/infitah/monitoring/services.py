"""What people do in co-monitoring: staff write progress updates, co-monitors review them, staff answer contests.

Each act raises MonitoringRefused (not allowed, program not adopted, unknown commitment) with a reason for the
person, or a ValidationError naming the field (progress out of range, a decrease without a reason...); nothing is
saved then, files included. Every act is audited and told to those concerned.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from infitah.core.pagestamps import pages_changed
from infitah.core.permissions import Refused, can
from infitah.core.translation import clean_translations
from infitah.monitoring import progress, selectors, states
from infitah.monitoring.models import Completion, ContestReply, ProgressUpdate, Review, ReviewState, Verdict
from infitah.participation.attachments import attach, check_upload
from infitah.participation.audit import audit
from infitah.participation.notifications import followers_of, notify
from infitah.participation.text import clean_text

if TYPE_CHECKING:
    from infitah.accounts.models import User
    from infitah.programs.models import Program

NARRATIVE_MAX_LENGTH = 5000
REASON_MAX_LENGTH = 2000
COMMENT_MAX_LENGTH = 3000
REPLY_MAX_LENGTH = 5000
MAX_LINKS = 20


class MonitoringRefused(Refused):
    """A progress update, a review or a reply was refused (not allowed, program not adopted, unknown item)."""


def _field_error(field: str, message: str) -> ValidationError:
    return ValidationError({field: [message]})


def check_completion(completion: str, percent: int) -> None:
    """The completion scale and the percentage must say the same thing."""
    if completion not in Completion.values:
        raise _field_error("completion", _("Choose a completion level."))
    if completion == Completion.COMPLETE and percent != 100:
        raise _field_error("completion", _("“Complete” means 100%: set the progress to 100, or choose another level."))
    if percent == 100 and completion != Completion.COMPLETE:
        raise _field_error("completion", _("A progress of 100% means the work is complete: choose “Complete”."))
    if completion == Completion.NOT_STARTED and percent != 0:
        raise _field_error("completion", _("“Not started” means 0%: set the progress to 0, or choose another level."))
    if percent == 0 and completion != Completion.NOT_STARTED:
        raise _field_error("completion", _("A progress of 0% means the work has not started: choose “Not started”."))


def clean_links(links: Sequence[str]) -> list[str]:
    """The evidence links, one per line: each an http(s) address."""
    cleaned = [link.strip() for link in links if link and link.strip()]
    if len(cleaned) > MAX_LINKS:
        raise _field_error("evidence_links", _("Give at most %(count)d links.") % {"count": MAX_LINKS})
    for link in cleaned:
        parsed = urlparse(link)
        if parsed.scheme not in {"http", "https"} or not parsed.netloc or len(link) > 1000:
            raise _field_error(
                "evidence_links",
                _("“%(link)s” is not a web address: each link must start with http:// or https://.") % {"link": link},
            )
    return cleaned


def _translated(field: str, value: dict[str, str] | str, max_length: int, required: bool) -> dict[str, str]:
    if not isinstance(value, dict):
        # A plain text is written in the language the person is using.
        value = {(get_language() or settings.LANGUAGE_CODE).split("-")[0]: value} if value else {}
    texts = clean_translations(value)
    cleaned = {}
    for code, text in texts.items():
        try:
            cleaned[code] = clean_text(text, max_length=max_length, required=False)
        except ValidationError as error:
            raise ValidationError({field: error.messages}) from None
    cleaned = {code: text for code, text in cleaned.items() if text}
    if required and not cleaned:
        if texts:
            raise _field_error(
                field, _("Only markup was left once HTML tags were removed: write your text in plain words.")
            )
        raise _field_error(field, _("Say what was done: the text is empty."))
    return cleaned


def record_update(
    program: Program,
    commitment_key: Any,
    milestone_key: Any,
    by: User,
    as_of: datetime.date,
    completion: str,
    percent: int,
    narrative: dict[str, str] | str,
    decrease_reason: dict[str, str] | str = "",
    evidence_links: Sequence[str] = (),
    files: Sequence[Any] = (),
    today: datetime.date | None = None,
) -> ProgressUpdate:
    """Record where a commitment (or one of its milestones) of the adopted version stands, with its evidence."""
    if not can(by, "monitoring.write_update", program):
        raise MonitoringRefused(
            _("Only the focal point and the editors of the program's collectivity write its progress updates.")
        )
    if program.reference_version_id is None:
        raise MonitoringRefused(
            _("This program has not been adopted by the council yet: only an adopted program is monitored.")
        )
    commitment = selectors.reference_index(program).get(str(commitment_key))
    if commitment is None:
        raise MonitoringRefused(_("This commitment is not in the version the council adopted."))
    milestone_key = str(milestone_key) if milestone_key else None
    if milestone_key is not None and milestone_key not in commitment["milestones"]:
        raise MonitoringRefused(_("This milestone is not in the version the council adopted."))
    if percent is None or not 0 <= percent <= 100:
        raise _field_error("percent", _("A progress percentage is between 0 and 100: give a percentage from 0 to 100."))
    check_completion(completion, percent)
    today = today or timezone.localdate()
    if as_of is None or as_of > today:
        raise _field_error("as_of", _("The date cannot be in the future: progress is reported as it stands."))
    text = _translated("narrative", narrative, NARRATIVE_MAX_LENGTH, required=True)
    reason = _translated("decrease_reason", decrease_reason, REASON_MAX_LENGTH, required=False)
    previous = selectors.previous_percent(program, commitment_key, milestone_key)
    if progress.decrease_needs_reason(previous, percent) and not reason:
        raise _field_error(
            "decrease_reason",
            _("Progress went down from %(previous)d%% to %(percent)d%%: say why.")
            % {"previous": previous, "percent": percent},
        )
    links = clean_links(evidence_links)
    for uploaded in files:
        try:
            check_upload(uploaded)
        except ValidationError as error:
            raise ValidationError({"files": [f"{uploaded.name}: {message}" for message in error.messages]}) from None
    with transaction.atomic():
        update = ProgressUpdate.objects.create(
            program=program,
            commitment_key=commitment["key"],
            milestone_key=milestone_key,
            as_of=as_of,
            completion=completion,
            percent=percent,
            narrative=text,
            decrease_reason=reason,
            evidence_links=links,
            author=by,
        )
        for uploaded in files:
            uploaded.seek(0)
            attach(by, update, uploaded)
        audit(by, "monitoring.write_update", update, {"percent": [previous, percent], "completion": [None, completion]})
        co_monitors = selectors.co_monitor_accounts(program, update.commitment_key)
        notify("progress_update_to_review", update, actor=by, recipients=co_monitors)
        notify(
            "progress_update_published",
            update,
            actor=by,
            recipients=followers_of(program.collectivity),
            exclude=co_monitors,
        )
    return update


def _refresh_state(update: ProgressUpdate) -> str:
    reviews = [(verdict, at) for verdict, at in update.reviews.values_list("verdict", "created_at")]
    replies = list(update.replies.values_list("created_at", flat=True))
    state = states.review_state(reviews, replies)
    if state != update.review_state:
        ProgressUpdate.objects.filter(pk=update.pk).update(review_state=state)
        pages_changed()  # the update above sends no signal
        update.review_state = state
    return state


def _locked(update: ProgressUpdate) -> ProgressUpdate:
    return (
        ProgressUpdate.objects.select_for_update(of=("self",))
        .select_related("program__reference_version")
        .get(pk=update.pk)
    )


def review_update(update: ProgressUpdate, by: User, verdict: str, comment: str = "") -> Review:
    """A co-monitor confirms the update, or contests it with a comment; they may change their verdict until the
    update is resolved. A contest flags the update publicly until staff answer it."""
    if by.pk is not None and update.author_id == by.pk:
        raise MonitoringRefused(_("You wrote this update: its review belongs to the other co-monitors."))
    if not can(by, "monitoring.review_update", update):
        raise MonitoringRefused(
            _(
                "Only the co-monitors of the commitment review its updates: the follow-up committee's members and "
                "the representatives of the associations that co-own it."
            )
        )
    if verdict not in Verdict.values:
        raise _field_error("verdict", _("Choose whether you confirm or contest the update."))
    try:
        text = clean_text(comment, max_length=COMMENT_MAX_LENGTH, required=verdict == Verdict.CONTESTED)
    except ValidationError as error:
        if verdict == Verdict.CONTESTED and error.code == "required":
            raise _field_error("comment", _("Say what you contest: a contest needs a comment.")) from None
        raise ValidationError({"comment": error.messages}) from None
    now = timezone.now()
    with transaction.atomic():
        locked = _locked(update)
        review = Review.objects.filter(update=locked, reviewer=by).first()
        if review is not None and locked.review_state == ReviewState.RESOLVED:
            raise MonitoringRefused(_("The contest was answered: reviews of this update can no longer change."))
        before = None if review is None else review.verdict
        if review is None:
            review = Review.objects.create(update=locked, reviewer=by, verdict=verdict, comment=text, created_at=now)
        else:
            review.verdict, review.comment, review.created_at = verdict, text, now
            review.save(update_fields=["verdict", "comment", "created_at"])
        was_contested = locked.review_state == ReviewState.CONTESTED
        state = _refresh_state(locked)
        update.review_state = state
        audit(by, "monitoring.review_update", locked, {"verdict": [before, verdict]})
        if verdict == Verdict.CONTESTED and not (was_contested and before == Verdict.CONTESTED):
            notify("progress_update_contested", locked, actor=by, recipients=_staff_and_author(locked))
    return review


def _staff_and_author(update: ProgressUpdate) -> list[User]:
    from infitah.accounts.models import User
    from infitah.monitoring.rules import EDITORS

    staff = User.objects.filter(
        role_assignments__role__in=EDITORS,
        role_assignments__collectivity_id=update.program.collectivity_id,
        is_active=True,
    ).distinct()
    author = [update.author] if update.author is not None else []
    return [*author, *staff]


def reply_to_contest(update: ProgressUpdate, by: User, text: str) -> ContestReply:
    """Staff answer a contested update: the reply is public and clears the flag (until a later contest)."""
    if not can(by, "monitoring.reply_to_contest", update):
        raise MonitoringRefused(
            _("Only the focal point and the editors of the program's collectivity answer contested updates.")
        )
    try:
        cleaned = clean_text(text, max_length=REPLY_MAX_LENGTH)
    except ValidationError as error:
        raise ValidationError({"text": error.messages}) from None
    with transaction.atomic():
        locked = _locked(update)
        if locked.review_state != ReviewState.CONTESTED:
            raise MonitoringRefused(_("This update is not contested: there is no contest to answer."))
        reply = ContestReply.objects.create(update=locked, author=by, text=cleaned)
        update.review_state = _refresh_state(locked)
        audit(by, "monitoring.reply_to_contest", locked, {"review_state": [ReviewState.CONTESTED, update.review_state]})
        contesters = [
            review.reviewer
            for review in locked.reviews.filter(verdict=Verdict.CONTESTED).select_related("reviewer")
            if review.reviewer is not None
        ]
        notify("progress_contest_answered", locked, actor=by, recipients=contesters)
    return reply
