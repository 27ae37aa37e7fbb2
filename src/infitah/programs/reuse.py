"""Network reuse: a member copies another member's commitment into its own draft, keeping the credit.

The copy takes what travels (the problem, what it does, activities, principles, expected results, indicators,
dates and milestones) and leaves what belongs to the source collectivity (its lead unit, its associations, its
other actors, its budget) for the adopting collectivity to fill in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from infitah.core.permissions import Refused
from infitah.programs.models import Axis, Commitment, Milestone
from infitah.programs.phases import Phase

if TYPE_CHECKING:
    from infitah.programs.models import Axis


class CopyRefused(Refused):
    """A commitment cannot be copied into that program."""


def credit_for(source: Commitment) -> dict[str, Any]:
    program = source.program
    return {
        "commitment_id": source.pk,
        "commitment": source.title,
        "program_id": program.pk,
        "program": program.title,
        "collectivity_code": program.collectivity.code,
        "collectivity": program.collectivity.name,
    }


def copy_commitment(source: Commitment, target_axis: Axis) -> Commitment:
    """Copy `source` (with its milestones) at the end of `target_axis`; return the new commitment."""
    if not source.program.is_public:
        raise CopyRefused(_("Only commitments of public programs can be copied."))
    if target_axis.program.phase == Phase.CLOSED:
        raise CopyRefused(_("The target program is closed: its draft can no longer change."))
    if target_axis.program_id == source.program_id:
        raise CopyRefused(_("This commitment is already part of that program."))
    with transaction.atomic():
        last = Commitment.objects.filter(axis=target_axis).aggregate(top=Max("order"))["top"]
        copy = Commitment(
            axis=target_axis,
            order=0 if last is None else last + 1,
            title=source.title,
            problem=source.problem,
            description=source.description,
            activities=source.activities,
            start_date=source.start_date,
            end_date=source.end_date,
            principles=list(source.principles),
            expected_results=source.expected_results,
            indicators=source.indicators,
            adapted_from=source,
            adapted_from_credit=credit_for(source),
        )
        copy.save()
        Milestone.objects.bulk_create(
            Milestone(
                commitment=copy,
                order=milestone.order,
                title=milestone.title,
                due_date=milestone.due_date,
                deliverable=milestone.deliverable,
            )
            for milestone in source.milestones.all()
        )
    return copy
