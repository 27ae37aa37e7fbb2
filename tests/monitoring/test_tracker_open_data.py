"""Co-monitoring in the open data and the openness index: the "progress updates" dataset names each update's
commitment and milestone as adopted; two accountability indicators (updates confirmed by co-monitors, adopted
commitments with no overdue milestone), computed for many collectivities in a fixed number of queries."""

import datetime

import pytest

from infitah.core.datasets import table
from infitah.core.indicators import indicators
from infitah.monitoring.models import ReviewState
from infitah.monitoring.open_data import commitments_on_track, updates_confirmed
from infitah.programs.phases import Phase
from tests.monitoring.tracker_factories import UpdateFactory, adopted_program, keys

pytestmark = pytest.mark.django_db


def test_the_dataset_names_the_adopted_commitment_and_milestone_and_leaves_out_hidden_programs(
    django_assert_max_num_queries,
):
    program = adopted_program(axes=((1, 1),))
    hidden = adopted_program(axes=((1, 1),), phase=Phase.PREPARATION)
    for row in (program, hidden):
        commitment, (milestone,) = keys(row)[0]
        UpdateFactory(program=row, commitment_key=commitment, milestone_key=milestone, percent=45)
    snapshot = program.reference_version.snapshot["axes"][0]["commitments"][0]
    with django_assert_max_num_queries(2):
        header, *rows = list(table("progress-updates"))
    assert header[:4] == ["id", "program", "collectivity", "commitment_key"]
    assert len(rows) == 1
    line = dict(zip(header, rows[0], strict=True))
    assert line["program"] == program.pk and line["collectivity"] == program.collectivity.code
    assert line["commitment"] == snapshot["title"]["fr"] or line["commitment"] == snapshot["title"]["ar"]
    assert line["milestone"] and line["percent"] == 45 and line["review_state"] == "awaiting"


def test_the_indicators_are_declared_under_accountability():
    found = {indicator.key: indicator for indicator in indicators()}
    assert found["monitoring.updates_confirmed"].principle == "accountability"
    assert found["monitoring.commitments_on_track"].unit == "share"


def test_the_share_of_reviewed_updates_confirmed(django_assert_num_queries):
    program = adopted_program(axes=((1, 0),))
    other = adopted_program(axes=((1, 0),))
    nothing_reviewed = adopted_program(axes=((1, 0),))
    commitment, _ = keys(program)[0]
    for state in (ReviewState.CONFIRMED, ReviewState.CONFIRMED, ReviewState.CONTESTED, ReviewState.AWAITING):
        UpdateFactory(program=program, commitment_key=commitment, review_state=state)
    UpdateFactory(program=other, commitment_key=keys(other)[0][0], review_state=ReviewState.RESOLVED)
    UpdateFactory(program=nothing_reviewed, commitment_key=keys(nothing_reviewed)[0][0])
    ids = [p.collectivity_id for p in (program, other, nothing_reviewed)]
    with django_assert_num_queries(1):
        values = updates_confirmed(ids)
    assert values == {program.collectivity_id: pytest.approx(2 / 3), other.collectivity_id: 0.0}


def test_the_share_of_commitments_on_track(django_assert_num_queries):
    program = adopted_program(axes=((2, 2),))  # milestones due 28 March and 28 June 2024
    (late, (march, _june)), (on_time, (m1, m2)) = keys(program)
    UpdateFactory(program=program, commitment_key=late, milestone_key=march, percent=50)
    for milestone in (m1, m2):
        UpdateFactory(program=program, commitment_key=on_time, milestone_key=milestone, percent=100)
    many = [adopted_program(axes=((1, 1),)) for _ in range(3)]
    ids = [program.collectivity_id, *(p.collectivity_id for p in many)]
    with django_assert_num_queries(2):
        values = commitments_on_track(ids, today=datetime.date(2024, 4, 15))
    assert values[program.collectivity_id] == 0.5
    assert all(values[p.collectivity_id] == 0.0 for p in many)  # their March milestone has no update
