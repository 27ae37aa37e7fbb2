"""The landing page after login: staff see the updates due and the contested updates to answer; co-monitors the
updates waiting for their review — at a cost in queries that does not grow with their number."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from infitah.monitoring import waiting
from infitah.monitoring.models import Verdict
from infitah.monitoring.services import review_update
from tests.monitoring.factories import adopted_program, seat, update_of

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2024, 6, 1, 9, tzinfo=datetime.UTC)


def test_staff_see_the_updates_due_with_the_program(people):
    items = waiting.updates_due(people.editor, NOW)
    assert [item.url for item in items] == [f"/en/monitoring/desk/{people.program.pk}/"]
    assert items[0].note == "2 progress updates due" and items[0].overdue
    assert [item.url for item in waiting.updates_due(people.other_focal_point, NOW)] == [
        f"/en/monitoring/desk/{people.program_b.pk}/"
    ]
    assert waiting.updates_due(people.citizen, NOW) == []


def test_a_complete_milestone_is_no_longer_due(people):
    for milestone in (0, 1):
        update_of(people.program, milestone=milestone, author=people.editor, percent=100, completion="complete")
    assert waiting.updates_due(people.editor, NOW) == []


def test_contested_updates_wait_for_the_staffs_answer(people):
    update = update_of(people.program, author=people.editor)
    assert waiting.contests_to_answer(people.focal_point, NOW) == []
    review_update(update, people.committee_member, Verdict.CONTESTED, "Non.")
    [item] = waiting.contests_to_answer(people.focal_point, NOW)
    assert item.url == update.get_absolute_url()
    assert waiting.contests_to_answer(people.other_focal_point, NOW) == []


def test_co_monitors_see_what_they_have_not_reviewed(people):
    first = update_of(people.program, author=people.editor)
    second = update_of(people.program, milestone=1, author=people.editor)
    review_update(first, people.co_owner, Verdict.CONFIRMED)
    assert [i.url for i in waiting.updates_to_review(people.co_owner, NOW)] == [second.get_absolute_url()]
    assert len(waiting.updates_to_review(people.committee_member, NOW)) == 2
    assert waiting.updates_to_review(people.citizen, NOW) == []
    assert waiting.updates_to_review(people.editor, NOW) == []


def test_staff_seated_on_their_own_committee_are_not_asked_to_review(people):
    seat(people.program, people.editor)
    update_of(people.program, author=people.focal_point)
    assert waiting.updates_to_review(people.editor, NOW) == []


def count(function, user):
    function(user, NOW)  # the person's roles are read once per request: not what is counted
    with CaptureQueriesContext(connection) as captured:
        function(user, NOW)
    return len(captured)


@pytest.mark.parametrize("function", [waiting.updates_due, waiting.contests_to_answer, waiting.updates_to_review])
def test_the_queries_do_not_grow_with_the_rows(people, function):
    who = people.committee_member if function is waiting.updates_to_review else people.editor
    update_of(people.program, author=people.editor)
    review_update(update_of(people.program, author=people.editor), people.co_owner, Verdict.CONTESTED, "Non.")
    few = count(function, who)
    for _number in range(4):
        program = adopted_program(people.commune_a)
        seat(program, people.committee_member)
        for milestone in (0, 1):
            contested = update_of(program, milestone=milestone, author=people.editor)
            review_update(contested, people.committee_member, Verdict.CONTESTED, "Non.")
            update_of(program, milestone=milestone, author=people.editor, as_of=datetime.date(2024, 5, 2))
    assert count(function, who) == few


def test_the_landing_page_lists_the_groups(client, people):
    update = update_of(people.program, author=people.editor)
    client.force_login(people.committee_member)
    html = client.get("/en/accounts/home/").content.decode()
    assert "Progress updates to review" in html and update.get_absolute_url() in html
    client.force_login(people.editor)
    html = client.get("/en/accounts/home/").content.decode()
    assert "Progress updates due" in html
