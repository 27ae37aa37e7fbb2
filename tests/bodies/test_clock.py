"""The council's response clock: due on the submission's local date plus the days to answer; answering on the due
day is on time, the day after is late; unanswered after the due day is overdue, publicly."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from infitah.bodies import clock

CASABLANCA = ZoneInfo("Africa/Casablanca")


def at(text):
    return datetime.datetime.fromisoformat(text).replace(tzinfo=CASABLANCA)


@pytest.mark.parametrize(
    ("case", "submitted", "days", "answered", "today", "expected_due", "expected_state"),
    [
        (
            "answered well before the due day",
            at("2024-01-10 09:00"),
            60,
            at("2024-02-01 10:00"),
            None,
            "2024-03-10",
            clock.ANSWERED,
        ),
        (
            "answered late on the due day",
            at("2024-01-10 09:00"),
            60,
            at("2024-03-10 23:59"),
            None,
            "2024-03-10",
            clock.ANSWERED,
        ),
        (
            "answered the day after the due day",
            at("2024-01-10 09:00"),
            60,
            at("2024-03-11 00:01"),
            None,
            "2024-03-10",
            clock.ANSWERED_LATE,
        ),
        (
            "unanswered, due today",
            at("2024-01-10 09:00"),
            60,
            None,
            at("2024-03-10 18:00"),
            "2024-03-10",
            clock.PENDING,
        ),
        (
            "unanswered, the day after",
            at("2024-01-10 09:00"),
            60,
            None,
            at("2024-03-11 08:00"),
            "2024-03-10",
            clock.OVERDUE,
        ),
        (
            "unanswered, just submitted",
            at("2024-01-10 09:00"),
            60,
            None,
            at("2024-01-10 09:05"),
            "2024-03-10",
            clock.PENDING,
        ),
        (
            "a configured 30-day period",
            at("2024-01-10 09:00"),
            30,
            None,
            at("2024-02-10 09:00"),
            "2024-02-09",
            clock.OVERDUE,
        ),
        # 23:30 UTC on 9 January is already 10 January in Casablanca (UTC+1): the local date counts.
        (
            "submitted late at night, counted in local time",
            datetime.datetime(2024, 1, 9, 23, 30, tzinfo=datetime.UTC),
            60,
            None,
            at("2024-03-10 12:00"),
            "2024-03-10",
            clock.PENDING,
        ),
        (
            "a leap year's February",
            at("2024-02-01 10:00"),
            30,
            None,
            at("2024-03-02 10:00"),
            "2024-03-02",
            clock.PENDING,
        ),
    ],
)
def test_the_clock(case, submitted, days, answered, today, expected_due, expected_state):
    assert clock.due_date(submitted, days) == datetime.date.fromisoformat(expected_due), case
    assert clock.state(submitted, days, answered, today) == expected_state, case


def test_the_clock_says_how_many_days_are_left_or_overdue():
    pending = clock.response_clock(at("2024-01-10 09:00"), 60, now=at("2024-03-01 09:00"))
    assert (pending.state, pending.days_left, pending.days_overdue, pending.is_late) == (clock.PENDING, 9, 0, False)
    overdue = clock.response_clock(at("2024-01-10 09:00"), 60, now=at("2024-03-15 09:00"))
    assert (overdue.state, overdue.days_overdue, overdue.is_overdue, overdue.is_late) == (clock.OVERDUE, 5, True, True)
    assert str(overdue.label).startswith("overdue")


def test_the_state_of_an_unanswered_opinion_is_taken_today_when_no_day_is_given():
    # It raised a TypeError (None compared with a date) before: the default `today` was never filled in.
    with time_machine.travel(at("2024-03-15 09:00"), tick=False):
        assert clock.state(at("2024-01-10 09:00"), 60) == clock.OVERDUE
        assert clock.state(at("2024-03-01 09:00"), 60) == clock.PENDING


# Naive moments given the zone afterwards: cheap to generate (st.datetimes(timezones=...) searches for
# imaginary and ambiguous local times, which made this test trip Hypothesis' too_slow check on a loaded machine).
moments = st.datetimes(min_value=datetime.datetime(2020, 1, 1), max_value=datetime.datetime(2030, 1, 1)).map(
    lambda moment: moment.replace(tzinfo=CASABLANCA)
)


@given(submitted=moments, days=st.integers(min_value=1, max_value=365), hour=st.integers(0, 23))
def test_answering_on_the_due_day_is_on_time_and_the_day_after_is_late(submitted, days, hour):
    due = clock.due_date(submitted, days)
    on_due_day = datetime.datetime.combine(due, datetime.time(hour), tzinfo=CASABLANCA)
    day_after = on_due_day + datetime.timedelta(days=1)
    assert clock.state(submitted, days, answered=on_due_day) == clock.ANSWERED
    assert clock.state(submitted, days, answered=day_after) == clock.ANSWERED_LATE
    assert clock.state(submitted, days, today=on_due_day) == clock.PENDING
    assert clock.state(submitted, days, today=day_after) == clock.OVERDUE


@given(submitted=moments, days=st.integers(min_value=1, max_value=365), offset=st.integers(0, 400))
def test_an_unanswered_opinion_is_overdue_exactly_when_its_answer_would_be_late(submitted, days, offset):
    moment = submitted + datetime.timedelta(days=offset)
    overdue = clock.state(submitted, days, today=moment) == clock.OVERDUE
    late = clock.state(submitted, days, answered=moment) == clock.ANSWERED_LATE
    assert overdue == late
