"""What other apps ask of events: an advisory body's meetings with their quorum, in one query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from infitah.events.models import EventKind
from infitah.events.selectors import meetings_of_body
from tests.events.factories import EventFactory, in_days
from tests.factories import AdvisoryBodyFactory

pytestmark = pytest.mark.django_db


def meeting(body, days, **fields):
    return EventFactory(
        collectivity=body.collectivity,
        kind=EventKind.BODY_MEETING,
        advisory_body=body,
        starts_at=in_days(days, 15),
        ends_at=in_days(days, 17),
        **fields,
    )


@pytest.mark.parametrize(
    ("required", "present", "reached"),
    [(7, 9, True), (7, 7, True), (7, 6, False), (None, 5, None), (7, None, None)],
)
def test_quorum_reached(required, present, reached):
    body = AdvisoryBodyFactory()
    assert meeting(body, -3, quorum_required=required, members_present=present).quorum_reached is reached


def test_meetings_of_a_body_newest_first_in_one_query():
    body = AdvisoryBodyFactory()
    old, new = meeting(body, -60), meeting(body, -3)
    EventFactory(collectivity=body.collectivity)  # a workshop of the same collectivity
    meeting(AdvisoryBodyFactory(collectivity=body.collectivity), -5)  # another body
    with CaptureQueriesContext(connection) as queries:
        meetings = meetings_of_body(body)
        [(m.date, m.title, m.place, m.quorum_required, m.members_present, m.quorum_reached) for m in meetings]
    assert meetings == [new, old]
    assert len(queries) == 1
