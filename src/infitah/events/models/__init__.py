"""Workshops, meetings and trainings: the events, their agendas, registrations, findings and materials."""

from infitah.accounts.models import AgeBand, Gender
from infitah.events.models.event import AgendaItem, Event, EventFormat, EventKind, MinutesStatus
from infitah.events.models.outcomes import Finding, MinutesReview, TrainingMaterial
from infitah.events.models.registration import ACTIVE_STATUSES, Category, Registration, RegistrationStatus

__all__ = [
    "ACTIVE_STATUSES",
    "AgeBand",
    "AgendaItem",
    "Category",
    "Event",
    "EventFormat",
    "EventKind",
    "Finding",
    "Gender",
    "MinutesReview",
    "MinutesStatus",
    "Registration",
    "RegistrationStatus",
    "TrainingMaterial",
]
