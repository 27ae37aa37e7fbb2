"""A program's public tracker: progress computed from the updates of the adopted version's commitments and
milestones (weighted), the axes and the whole program as plain means, milestones due and overdue, contested
updates flagged; in a fixed number of queries, whatever the number of commitments and updates."""

import datetime

import pytest

from infitah.monitoring.models import Completion, MilestoneWeight, ReviewState
from infitah.monitoring.tracker import build_tracker
from infitah.programs.phases import Phase
from tests.monitoring.tracker_factories import UpdateFactory, adopted_program, keys
from tests.people import english_messages  # noqa: F401 - automatic for every test here
from tests.programs.factories import ProgramFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2024, 7, 15)


def test_a_commitment_progresses_as_the_weighted_mean_of_its_milestones_latest_updates():
    program = adopted_program(axes=((1, 2),))
    [(commitment, (first, second))] = keys(program)
    UpdateFactory(program=program, commitment_key=commitment, milestone_key=first, percent=20)
    UpdateFactory(program=program, commitment_key=commitment, milestone_key=first, percent=80, as_of=TODAY)
    UpdateFactory(program=program, commitment_key=commitment, milestone_key=second, percent=50)
    MilestoneWeight.objects.create(program=program, milestone_key=first, weight=3)
    tracker = build_tracker(program, today=TODAY)
    status = tracker.commitment(commitment)
    assert [m.percent for m in status.milestones] == [80, 50]
    assert status.percent == pytest.approx((80 * 3 + 50) / 4)
    assert tracker.percent == pytest.approx(status.percent)


def test_the_later_written_of_two_updates_of_the_same_day_states_the_progress():
    program = adopted_program(axes=((1, 0),))
    [(commitment, _)] = keys(program)
    UpdateFactory(program=program, commitment_key=commitment, percent=40, as_of=TODAY)
    UpdateFactory(program=program, commitment_key=commitment, percent=35, as_of=TODAY, completion=Completion.LIMITED)
    status = build_tracker(program, today=TODAY).commitment(commitment)
    assert status.percent == 35 and status.completion == Completion.LIMITED


def test_axes_and_program_are_plain_means_of_their_commitments():
    program = adopted_program(axes=((2, 0), (1, 3)))
    (a, _), (b, _), (c, _) = keys(program)
    UpdateFactory(program=program, commitment_key=a, percent=100, completion=Completion.COMPLETE)
    UpdateFactory(program=program, commitment_key=b, percent=50)
    tracker = build_tracker(program, today=TODAY)
    assert [axis.percent for axis in tracker.axes] == [75, 0]
    assert tracker.percent == pytest.approx(50)


def test_milestones_overdue_and_due_soon():
    program = adopted_program(axes=((1, 4),))  # due 28 March, June, September, December 2024
    [(commitment, (march, june, september, december))] = keys(program)
    UpdateFactory(program=program, commitment_key=commitment, milestone_key=march, percent=100)
    UpdateFactory(program=program, commitment_key=commitment, milestone_key=june, percent=90)
    tracker = build_tracker(program, today=datetime.date(2024, 8, 1))
    assert [m.key for m in tracker.overdue] == [june]  # March is complete
    assert [m.key for m in tracker.due] == [september]  # December is further than DUE_WITHIN_DAYS
    assert tracker.commitment(commitment).overdue


def test_a_contested_update_is_flagged_until_answered():
    program = adopted_program(axes=((1, 0),))
    [(commitment, _)] = keys(program)
    contested = UpdateFactory(program=program, commitment_key=commitment, review_state=ReviewState.CONTESTED)
    UpdateFactory(program=program, commitment_key=commitment, review_state=ReviewState.RESOLVED)
    tracker = build_tracker(program, today=TODAY)
    assert tracker.flagged == [contested]
    assert tracker.commitment(commitment).flagged == [contested]
    assert tracker.counts()["contested"] == 1 and tracker.counts()["resolved"] == 1


def test_updates_of_a_commitment_the_adopted_version_does_not_hold_are_left_out():
    program = adopted_program(axes=((1, 0),))
    UpdateFactory(program=program, commitment_key="6a1f0e44-5a4e-4ed8-9d6e-8d3f1b0f0a11", percent=100)
    tracker = build_tracker(program, today=TODAY)
    assert tracker.updates == [] and tracker.percent == 0


def test_a_program_without_an_adopted_version_has_an_empty_tracker(django_assert_num_queries):
    program = ProgramFactory(phase=Phase.DRAFTING)
    with django_assert_num_queries(0):
        tracker = build_tracker(program, today=TODAY)
    assert not tracker.is_adopted and tracker.percent is None and tracker.axes == []


@pytest.mark.parametrize("size", [1, 12])
def test_the_tracker_costs_three_queries_whatever_the_rows(size, django_assert_num_queries):
    program = adopted_program(axes=((size, size // 3 + 1),) * 2)
    for commitment, milestones in keys(program):
        for milestone in [None, *milestones]:
            UpdateFactory(program=program, commitment_key=commitment, milestone_key=milestone)
            UpdateFactory(program=program, commitment_key=commitment, milestone_key=milestone, as_of=TODAY)
    with django_assert_num_queries(3):
        tracker = build_tracker(program, today=TODAY)
        assert len(tracker.commitments) == 2 * size
        assert len(tracker.timeline()) == len(tracker.updates)
