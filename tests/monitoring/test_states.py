"""The review state of an update and when an update is due: table tests and properties (pure functions)."""

import datetime

from hypothesis import given
from hypothesis import strategies as st

from infitah.monitoring.states import (
    AWAITING,
    CONFIRMED,
    CONTESTED,
    RESOLVED,
    STALE_AFTER,
    review_state,
    update_due,
)

T0 = datetime.datetime(2024, 5, 1, 9, tzinfo=datetime.UTC)


def at(minutes):
    return T0 + datetime.timedelta(minutes=minutes)


def test_the_states_in_order():
    assert review_state([], []) == AWAITING
    assert review_state([("confirmed", at(1))], []) == CONFIRMED
    assert review_state([("confirmed", at(1)), ("contested", at(2))], []) == CONTESTED
    assert review_state([("contested", at(2))], [at(3)]) == RESOLVED
    # A contest given after the reply flags the update again; a reply after it clears it again.
    assert review_state([("contested", at(2)), ("contested", at(4))], [at(3)]) == CONTESTED
    assert review_state([("contested", at(2)), ("contested", at(4))], [at(3), at(5)]) == RESOLVED


reviews = st.lists(st.tuples(st.sampled_from(["confirmed", "contested"]), st.integers(0, 1000).map(at)), max_size=6)
replies = st.lists(st.integers(0, 1000).map(at), max_size=4)


@given(reviews, replies)
def test_flagged_exactly_while_a_contest_is_newer_than_every_reply(given_reviews, given_replies):
    state = review_state(given_reviews, given_replies)
    contests = [when for verdict, when in given_reviews if verdict == "contested"]
    unanswered = bool(contests) and (not given_replies or max(contests) > max(given_replies))
    assert (state == CONTESTED) == unanswered


@given(reviews, replies, st.integers(0, 1000).map(at))
def test_a_reply_after_every_contest_always_clears_the_flag(given_reviews, given_replies, extra):
    last = max([when for _verdict, when in given_reviews] + [extra]) + datetime.timedelta(minutes=1)
    assert review_state(given_reviews, [*given_replies, last]) != CONTESTED


TODAY = datetime.date(2024, 6, 1)


def test_when_an_update_is_due():
    adopted = datetime.date(2024, 1, 15)
    # Past its due date and not complete.
    assert update_due(
        due_date=datetime.date(2024, 5, 31), latest_as_of=None, latest_percent=None, adopted_on=adopted, today=TODAY
    )
    # Complete: never due.
    assert not update_due(
        due_date=datetime.date(2024, 3, 1),
        latest_as_of=datetime.date(2023, 1, 1),
        latest_percent=100,
        adopted_on=adopted,
        today=TODAY,
    )
    # Not yet due, updated recently.
    assert not update_due(
        due_date=datetime.date(2024, 9, 1),
        latest_as_of=datetime.date(2024, 5, 1),
        latest_percent=20,
        adopted_on=adopted,
        today=TODAY,
    )
    # Nothing reported for six months, counted from the last update or else from the adoption.
    stale = TODAY - STALE_AFTER - datetime.timedelta(days=1)
    assert update_due(due_date=None, latest_as_of=stale, latest_percent=20, adopted_on=adopted, today=TODAY)
    assert update_due(due_date=None, latest_as_of=None, latest_percent=None, adopted_on=stale, today=TODAY)
    assert not update_due(due_date=None, latest_as_of=None, latest_percent=None, adopted_on=None, today=TODAY)
