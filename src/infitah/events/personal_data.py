"""Events' part of a person's data (see accounts/personal_data.py). Registrations stay for the events'
attendance statistics, without a name once the account is deleted."""

from infitah.accounts.personal_data import PersonalData, rows
from infitah.events.models import MinutesReview, Registration


def export(user):
    return {
        "registrations": rows(
            Registration.objects.filter(user=user),
            ["event", "status", "category", "gender", "age_band", "created_at", "attended"],
        ),
        "minutes_reviews": rows(MinutesReview.objects.filter(user=user), ["event", "approved", "comment", "at"]),
    }


PERSONAL_DATA = PersonalData("events", export, order=30)
