"""Training's part of a person's data (see accounts/personal_data.py): their enrolments, completions and
certificate codes. They stay for the members' capacity counts, without a name once the account is deleted."""

from infitah.accounts.personal_data import PersonalData, rows
from infitah.training.models import Enrolment


def export(user):
    return {
        "enrolments": rows(
            Enrolment.objects.filter(user=user),
            ["course", "created_at", "withdrawn_at", "completed_at", "completion_reason", "certificate_code"],
        )
    }


PERSONAL_DATA = PersonalData("training", export, order=35)
