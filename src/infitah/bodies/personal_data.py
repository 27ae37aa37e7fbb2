"""Advisory bodies' part of a person's data (see accounts/personal_data.py). A body's composition is public
record: the seat stays with the name it was appointed under, no longer linked to the account."""

from infitah.accounts.personal_data import PersonalData, rows
from infitah.bodies.models import BodyMember
from infitah.core.pagestamps import pages_changed


def export(user):
    return {
        "memberships": rows(
            BodyMember.objects.filter(user=user),
            ["body", "full_name", "seat_type", "bureau_role", "joined_on", "left_on"],
        )
    }


def erase(user):
    BodyMember.objects.filter(user=user).update(user=None)
    pages_changed()  # the update above sends no signal


PERSONAL_DATA = PersonalData("advisory_bodies", export, erase, order=40)
