"""Requests for information, filed and moved through the services (so every test object is one the platform could
have made)."""

import datetime

from infitah.information import services
from infitah.information.models import AccessForm, RequestKind
from tests.factories import UserFactory

# A Monday with no holiday around it (Morocco): deadlines are easy to read from it.
MONDAY = datetime.date(2025, 3, 3)


def filed_request(collectivity, requester=None, *, kind=RequestKind.ORDINARY, on=MONDAY, **fields):
    requester = requester or UserFactory()
    values = {
        "requester_name": "Fatima Zahra Bennani",
        "national_id": "AB123456",
        "subject": "Budget execution of 2024",
        "description": "The execution report of the 2024 budget, by chapter.",
        "access_form": AccessForm.EMAIL,
        "kind": kind,
        "urgency_reason": "A family must be rehoused before the rains." if kind == RequestKind.URGENT else "",
        **fields,
    }
    return services.file_request(requester, collectivity, today=on, **values)
