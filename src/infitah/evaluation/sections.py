"""What co-evaluation adds to a commitment's page (through `programs.sections`): its latest independent-review
assessment, beside its progress."""

from __future__ import annotations

from typing import Any

from infitah.accounts.types import Viewer
from infitah.evaluation.models import CommitmentAssessment
from infitah.programs.models import Commitment


def commitment_section_context(commitment: Commitment, user: Viewer) -> dict[str, Any]:
    """The latest assessment of the adopted commitment with this key (one query); nothing before one is saved.
    Commitment assessments are public once saved; the commitment's page has already checked the program is
    visible to `user`."""
    assessment = (
        CommitmentAssessment.objects.filter(program_id=commitment.program_id, commitment_key=commitment.key)
        .select_related("campaign")
        .order_by("-created_at", "-pk")
        .first()
    )
    if assessment is None:
        return {}
    return {"assessment": assessment}
