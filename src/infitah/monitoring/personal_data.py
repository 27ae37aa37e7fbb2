"""Co-monitoring's part of a person's data (see accounts/personal_data.py).

Reviews, replies and updates are the public record of a program's monitoring: after the account is deleted they
stay, shown under "former participant". A committee seat stays with the name it was recorded under, no longer
linked to the account (as an advisory body's seat)."""

from typing import Any

from infitah.accounts.personal_data import PersonalData, rows
from infitah.core.pagestamps import pages_changed
from infitah.monitoring.models import CommitteeMember, ContestReply, ProgressUpdate, Review


def export(user: Any) -> dict[str, Any]:
    return {
        "progress_updates": rows(
            ProgressUpdate.objects.filter(author=user),
            ["id", "program", "commitment_key", "milestone_key", "as_of", "percent", "narrative", "created_at"],
        ),
        "reviews": rows(Review.objects.filter(reviewer=user), ["id", "update", "verdict", "comment", "created_at"]),
        "replies_to_contests": rows(ContestReply.objects.filter(author=user), ["id", "update", "text", "created_at"]),
        "committee_seats": rows(
            CommitteeMember.objects.filter(user=user), ["id", "committee__program", "seat", "name", "association"]
        ),
    }


def erase(user: Any) -> None:
    CommitteeMember.objects.filter(user=user).update(user=None)
    pages_changed()  # the update above sends no signal


PERSONAL_DATA = PersonalData("monitoring", export, erase, order=45)
