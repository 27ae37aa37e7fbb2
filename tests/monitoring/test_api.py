"""A developer reads co-monitoring as JSON: the progress updates of public adopted programs with their reviews
(verdict, comment, date; never who reviewed) and replies, and each program's tracker summary. A program in
preparation is named nowhere; answers cost a fixed number of queries whatever the rows."""

import datetime

import pytest

from infitah.monitoring.models import ContestReply, ReviewState, Verdict
from infitah.programs.phases import Phase
from tests.api.helpers import API, get_json, queries
from tests.factories import UserFactory
from tests.monitoring.tracker_factories import ReviewFactory, UpdateFactory, adopted_program, keys

pytestmark = pytest.mark.django_db


def contested_update(program):
    commitment, milestones = keys(program)[0]
    update = UpdateFactory(
        program=program,
        commitment_key=commitment,
        milestone_key=milestones[0],
        percent=45,
        review_state=ReviewState.RESOLVED,
    )
    reviewer = UserFactory(email=f"reviewer{update.pk}@example.org", full_name="Nadia Reviewer")
    ReviewFactory(update=update, reviewer=reviewer, verdict=Verdict.CONTESTED, comment="Pas de preuve publiée.")
    ContestReply.objects.create(update=update, text="La preuve est en ligne.")
    return update


def test_updates_come_with_their_reviews_and_replies_and_never_the_reviewers_address(client):
    program = adopted_program(axes=((1, 1),))
    update = contested_update(program)
    answer = get_json(client, f"{API}/monitoring/updates", program=program.pk)
    [item] = answer["items"]
    assert item["id"] == update.pk and item["percent"] == 45 and item["review_state"] == "resolved"
    assert item["reviews"] == [
        {"verdict": "contested", "comment": "Pas de preuve publiée.", "created_at": item["reviews"][0]["created_at"]}
    ]
    assert item["replies"][0]["text"] == "La preuve est en ligne."
    text = str(get_json(client, f"{API}/monitoring/updates/{update.pk}"))
    assert "@example.org" not in text and "Nadia" not in text


def test_the_updates_of_a_program_in_preparation_are_not_public(client):
    hidden = adopted_program(axes=((1, 1),), phase=Phase.PREPARATION)
    update = contested_update(hidden)
    assert get_json(client, f"{API}/monitoring/updates")["items"] == []
    get_json(client, f"{API}/monitoring/updates/{update.pk}", status=404)
    get_json(client, f"{API}/monitoring/programs/{hidden.pk}/tracker", status=404)
    get_json(client, f"{API}/monitoring/updates/99999999999999999999999", status=422)


def test_the_tracker_summary(client):
    program = adopted_program(axes=((2, 2),))
    (first, (m1, m2)), _second = keys(program)
    UpdateFactory(program=program, commitment_key=first, milestone_key=m1, percent=100)
    UpdateFactory(
        program=program,
        commitment_key=first,
        milestone_key=m2,
        percent=50,
        review_state=ReviewState.CONTESTED,
        as_of=datetime.date(2024, 7, 1),
    )
    answer = get_json(client, f"{API}/monitoring/programs/{program.pk}/tracker")
    assert answer["reference_version"] == 1
    assert answer["percent"] == pytest.approx(37.5)
    assert answer["commitments"][0]["percent"] == 75 and answer["commitments"][0]["flagged_updates"] == 1
    assert answer["updates_by_review_state"]["contested"] == 1


def test_answers_cost_the_same_queries_whatever_the_rows(client):
    small, large = adopted_program(axes=((1, 1),)), adopted_program(axes=((5, 3),))
    for program, count in ((small, 1), (large, 6)):
        for _ in range(count):
            contested_update(program)
    for url in ("monitoring/updates?program={}", "monitoring/programs/{}/tracker"):
        assert queries(client, f"{API}/{url.format(small.pk)}") == queries(client, f"{API}/{url.format(large.pk)}")
