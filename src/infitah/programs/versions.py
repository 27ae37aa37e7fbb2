"""Publishing: freeze the live draft into a numbered ProgramVersion holding a JSON snapshot.

The snapshot keeps each axis's and commitment's stable `key`, so two versions can be compared item by item
(`diff.diff_versions`), and the commitment's id at the time, so a version can link to the live commitment while
it exists.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import User
from infitah.core.permissions import Refused
from infitah.programs import selectors
from infitah.programs.models import Program, ProgramVersion
from infitah.programs.phases import PUBLISHING_PHASES, Phase

if TYPE_CHECKING:
    from infitah.accounts.models import User
    from infitah.programs.models import Axis, Commitment

SNAPSHOT_SCHEMA = 1


class PublishRefused(Refused):
    """The draft cannot be published as a new version."""


def _date(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def commitment_snapshot(commitment: Commitment) -> dict[str, Any]:
    return {
        "key": str(commitment.key),
        "id": commitment.pk,
        "title": commitment.title,
        "problem": commitment.problem,
        "description": commitment.description,
        "activities": commitment.activities,
        "start_date": _date(commitment.start_date),
        "end_date": _date(commitment.end_date),
        "lead_unit": commitment.lead_unit,
        "associations": [{"id": a.pk, "name": a.name} for a in commitment.associations.all()],
        "other_actors": commitment.other_actors,
        "principles": list(commitment.principles),
        "expected_results": commitment.expected_results,
        "indicators": commitment.indicators,
        "budget_estimate": None if commitment.budget_estimate is None else f"{commitment.budget_estimate:.2f}",
        "adapted_from": commitment.adapted_from_credit or {},
        "milestones": [
            {
                "key": str(m.key),
                "title": m.title,
                "due_date": _date(m.due_date),
                "deliverable": m.deliverable,
            }
            for m in commitment.milestones.all()
        ],
    }


def build_snapshot(program: Program, axes: list[Axis] | None = None) -> dict[str, Any]:
    """The draft as plain JSON data; `axes` may be passed already loaded (selectors.draft_axes)."""
    axes = selectors.draft_axes(program) if axes is None else axes
    return {
        "schema": SNAPSHOT_SCHEMA,
        "program": {"title": program.title, "summary": program.summary},
        "axes": [
            {
                "key": str(axis.key),
                "title": axis.title,
                "description": axis.description,
                "commitments": [commitment_snapshot(c) for c in axis.commitments.all()],
            }
            for axis in axes
        ],
    }


def publish_version(
    program: Program, by: User, note: str | None = None, at: datetime.datetime | None = None
) -> ProgramVersion:
    """Freeze the current draft as the program's next version; raise PublishRefused with the reason if it may not."""
    with transaction.atomic():
        # The lock serialises publications of one program, so two cannot take the same number.
        locked = Program.objects.select_for_update().get(pk=program.pk)
        if locked.phase not in PUBLISHING_PHASES:
            if locked.phase == Phase.CLOSED:
                raise PublishRefused(_("The program is closed: no new version can be published."))
            raise PublishRefused(
                _("A version can be published once the program is public, from the co-creation phase on.")
            )
        snapshot = build_snapshot(locked)
        if not snapshot["axes"]:
            raise PublishRefused(_("The draft has no axis yet: add at least one axis before publishing."))
        latest = selectors.latest_snapshot(locked)
        if latest is not None and latest == snapshot:
            raise PublishRefused(_("Nothing has changed since the last published version."))
        number = (locked.versions.aggregate(top=Max("number"))["top"] or 0) + 1
        return ProgramVersion.objects.create(
            program=locked,
            number=number,
            note=note or {},
            phase=locked.phase,
            snapshot=snapshot,
            published_at=at or timezone.now(),
            published_by=by,
        )


def parse_snapshot_dates(snapshot: dict[str, Any]) -> dict[str, Any]:
    """A copy of the snapshot with its ISO dates as date objects, for templates."""

    def as_date(value: str | None) -> datetime.date | None:
        return datetime.date.fromisoformat(value) if value else None

    axes = []
    for axis in snapshot.get("axes") or []:
        commitments = []
        for c in axis.get("commitments") or []:
            milestones = [{**m, "due_date": as_date(m.get("due_date"))} for m in c.get("milestones") or []]
            commitments.append(
                {
                    **c,
                    "start_date": as_date(c.get("start_date")),
                    "end_date": as_date(c.get("end_date")),
                    "milestones": milestones,
                }
            )
        axes.append({**axis, "commitments": commitments})
    return {**snapshot, "axes": axes}
