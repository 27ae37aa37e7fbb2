"""The response clock: every contribution is answered within `response_days` calendar days after the local day
the consultation closed (Africa/Casablanca), and the public page says which are answered, pending or overdue."""

import datetime
import zoneinfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from infitah.consultations.clock import ResponseState, late_from, response_due_on, response_state, summarise

CASABLANCA = zoneinfo.ZoneInfo("Africa/Casablanca")


def local(text):
    return datetime.datetime.fromisoformat(text).replace(tzinfo=CASABLANCA)


CLOSES = local("2024-06-30T18:00")  # due on 2024-07-30 with 30 days


@pytest.mark.parametrize(
    ("case", "answered_at", "now", "expected"),
    [
        ("answered on the due day is on time", "2024-07-30T23:59", "2024-08-15T10:00", ResponseState.ANSWERED),
        ("answered a day later is late", "2024-07-31T00:01", "2024-08-15T10:00", ResponseState.ANSWERED_LATE),
        ("answered the day after the close", "2024-07-01T09:00", "2024-07-01T10:00", ResponseState.ANSWERED),
        ("pending before the due day", None, "2024-07-15T10:00", ResponseState.PENDING),
        ("pending on the due day itself", None, "2024-07-30T23:59", ResponseState.PENDING),
        ("overdue the day after", None, "2024-07-31T00:00", ResponseState.OVERDUE),
        ("not due while the consultation is open", None, "2024-06-30T17:59", ResponseState.NOT_DUE),
        ("pending from the close on", None, "2024-06-30T18:00", ResponseState.PENDING),
    ],
)
def test_response_state(case, answered_at, now, expected):
    answered = local(answered_at) if answered_at else None
    assert response_state(CLOSES, 30, answered, local(now)) == expected, case


@pytest.mark.parametrize(
    ("case", "closes_at", "days", "due_on"),
    [
        ("closes at 23:30 local time: counted from that local day", "2024-06-30T23:30", 30, "2024-07-30"),
        ("closes at 00:30 local time (the previous day in UTC)", "2024-07-01T00:30", 30, "2024-07-31"),
        ("a custom delay of 15 days", "2024-06-30T12:00", 15, "2024-07-15"),
        ("across the new year", "2024-12-20T12:00", 30, "2025-01-19"),
    ],
)
def test_due_date_is_counted_from_the_local_day(case, closes_at, days, due_on):
    assert response_due_on(local(closes_at), days) == datetime.date.fromisoformat(due_on), case


def test_a_close_at_half_past_midnight_is_the_previous_day_in_utc_but_counts_locally():
    closes = local("2024-07-01T00:30")
    assert closes.astimezone(datetime.UTC).date() == datetime.date(2024, 6, 30)
    assert response_due_on(closes.astimezone(datetime.UTC), 30) == datetime.date(2024, 7, 31)


def test_late_from_is_the_start_of_the_local_day_after_the_due_day():
    assert late_from(CLOSES, 30) == local("2024-07-31T00:00")


@pytest.mark.parametrize(
    ("case", "now", "expected"),
    [
        ("open", "2024-06-20T10:00", {"not_due": 3, "pending": 0, "overdue": 0}),
        ("within the delay", "2024-07-10T10:00", {"not_due": 0, "pending": 3, "overdue": 0}),
        ("past the delay", "2024-08-10T10:00", {"not_due": 0, "pending": 0, "overdue": 3}),
    ],
)
def test_summary_puts_the_unanswered_in_one_state(case, now, expected):
    summary = summarise(total=5, answered=2, answered_late=1, closes_at=CLOSES, response_days=30, now=local(now))
    assert {key: summary[key] for key in expected} == expected, case
    assert summary["answered_on_time"] == 1
    assert summary["due_on"] == datetime.date(2024, 7, 30)
    assert not summary["complete"]


moments = st.datetimes(
    min_value=datetime.datetime(2023, 1, 1), max_value=datetime.datetime(2027, 12, 31), timezones=st.just(CASABLANCA)
)


@given(
    closes=moments,
    days=st.integers(min_value=1, max_value=365),
    offset=st.timedeltas(max_value=datetime.timedelta(days=800), min_value=datetime.timedelta(0)),
)
def test_an_answer_is_late_exactly_when_given_after_the_due_day(closes, days, offset):
    answered = closes + offset
    state = response_state(closes, days, answered, answered)
    late = answered.astimezone(CASABLANCA).date() > response_due_on(closes, days)
    assert state == (ResponseState.ANSWERED_LATE if late else ResponseState.ANSWERED)
    assert (answered >= late_from(closes, days)) == late


@given(
    closes=moments,
    days=st.integers(min_value=1, max_value=365),
    later=st.timedeltas(min_value=datetime.timedelta(0), max_value=datetime.timedelta(days=800)),
)
def test_once_overdue_an_unanswered_contribution_stays_overdue(closes, days, later):
    due_on = response_due_on(closes, days)
    assert due_on > closes.astimezone(CASABLANCA).date()
    first_late = late_from(closes, days)
    assert response_state(closes, days, None, first_late + later) == ResponseState.OVERDUE
    assert response_state(closes, days, None, first_late - datetime.timedelta(seconds=1)) == ResponseState.PENDING


@given(
    total=st.integers(min_value=0, max_value=5000),
    data=st.data(),
    now=moments,
)
def test_the_summary_counts_every_contribution_once(total, data, now):
    answered = data.draw(st.integers(min_value=0, max_value=total))
    late = data.draw(st.integers(min_value=0, max_value=answered))
    summary = summarise(total=total, answered=answered, answered_late=late, closes_at=CLOSES, response_days=30, now=now)
    parts = summary["answered_on_time"] + summary["answered_late"] + summary["not_due"]
    assert parts + summary["pending"] + summary["overdue"] == total
