"""Co-evaluation's part of a person's data (see accounts/personal_data.py): the assessments they submitted, the
agreed scores they recorded and the commitments they assessed. These are acts of a collectivity's or an
association's public record: they stay when the account is deleted, under the emptied account (no name)."""

from typing import Any

from infitah.accounts.personal_data import PersonalData, rows
from infitah.evaluation.models import Assessment, CommitmentAssessment, Reconciliation


def export(user: Any) -> dict[str, Any]:
    return {
        "submitted_assessments": rows(
            Assessment.objects.filter(submitted_by=user), ["campaign", "party", "submitted_at"]
        ),
        "reconciliations": rows(
            Reconciliation.objects.filter(recorded_by=user),
            ["campaign", "indicator", "agreed_value", "justification", "created_at"],
        ),
        "commitment_assessments": rows(
            CommitmentAssessment.objects.filter(assessed_by=user),
            ["program", "commitment_key", "completion", "justification", "created_at"],
        ),
    }


PERSONAL_DATA = PersonalData("evaluation", export, order=60)
