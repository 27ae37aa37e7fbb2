"""Consultations' part of a person's data (see accounts/personal_data.py). Contributions stay in the public
record of the consultation after the account is deleted, shown under "former participant"."""

from infitah.accounts.personal_data import PersonalData, rows
from infitah.consultations.models import Contribution


def export(user):
    fields = ["id", "consultation", "kind", "association", "title", "body", "problem", "expected_results"]
    return {"contributions": rows(Contribution.objects.filter(author=user), [*fields, "created_at", "is_hidden"])}


PERSONAL_DATA = PersonalData("consultations", export, order=20)
