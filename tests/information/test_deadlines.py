"""The due dates of law 31-13 (arts. 16-17): 20 working days, one extension of 20; urgent 3, extended by 3;
the clarification pause pushes the clock. Dates worked out by hand on the 2025-2026 calendar."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infitah.core.models import HolidayCorrection
from infitah.core.selectors import holidays_for
from infitah.core.workdays import is_working_day, moroccan_holidays, working_days_between
from infitah.information.deadlines import SCHEDULE, deadlines_for, due_date, working_days_left

HOLIDAYS = moroccan_holidays(range(2019, 2032))


@pytest.mark.parametrize(
    ("received", "kind", "extended", "paused", "due"),
    [
        pytest.param(date(2025, 11, 3), "ordinary", False, 0, date(2025, 12, 3), id="ordinary-over-6-and-18-nov"),
        pytest.param(date(2025, 11, 3), "ordinary", True, 0, date(2025, 12, 31), id="ordinary-extended-once"),
        pytest.param(date(2025, 11, 3), "ordinary", False, 5, date(2025, 12, 10), id="clarification-pause-5-days"),
        pytest.param(date(2025, 11, 3), "ordinary", True, 5, date(2026, 1, 8), id="paused-then-extended-over-1-jan"),
        pytest.param(date(2025, 12, 24), "ordinary", False, 0, date(2026, 1, 23), id="received-24-december"),
        pytest.param(date(2025, 9, 12), "ordinary", False, 0, date(2025, 10, 10), id="received-on-a-friday"),
        pytest.param(date(2025, 9, 13), "ordinary", False, 0, date(2025, 10, 10), id="received-on-a-saturday"),
        pytest.param(date(2025, 9, 11), "ordinary", False, 0, date(2025, 10, 9), id="received-on-a-thursday"),
        pytest.param(date(2025, 7, 28), "urgent", False, 0, date(2025, 8, 1), id="urgent-over-30-july"),
        pytest.param(date(2025, 7, 28), "urgent", True, 0, date(2025, 8, 6), id="urgent-extended"),
        pytest.param(date(2025, 7, 30), "urgent", False, 0, date(2025, 8, 4), id="urgent-received-on-throne-day"),
        pytest.param(date(2025, 8, 13), "urgent", False, 0, date(2025, 8, 19), id="urgent-over-14-august"),
        pytest.param(date(2025, 8, 13), "urgent", True, 0, date(2025, 8, 26), id="urgent-extended-over-20-21-aug"),
        pytest.param(date(2025, 6, 4), "urgent", False, 0, date(2025, 6, 10), id="urgent-over-estimated-eid-al-adha"),
        pytest.param(date(2026, 1, 9), "urgent", False, 0, date(2026, 1, 15), id="urgent-over-yennayer-14-january"),
        pytest.param(date(2025, 11, 14), "urgent", False, 1, date(2025, 11, 21), id="urgent-paused-over-18-nov"),
    ],
)
def test_due_dates_of_law_31_13(received, kind, extended, paused, due):
    assert due_date(received, kind, HOLIDAYS, extended=extended, paused_working_days=paused) == due


@pytest.mark.django_db
def test_a_corrected_hijri_holiday_moves_the_due_date():
    """Urgent request received Tuesday 17 March 2026. The package estimates Eid al-Fitr on Friday 20 and
    Saturday 21: the three working days are 18, 19, 23. If the administrator records that Friday 20 was worked
    and Monday 23 was the holiday instead (illustrative), they are 18, 19, 20."""
    received = date(2026, 3, 17)
    assert due_date(received, "urgent", holidays_for([2026])) == date(2026, 3, 23)
    HolidayCorrection.objects.create(date=date(2026, 3, 20), kind="removed", name="Eid al-Fitr", source="Habous")
    HolidayCorrection.objects.create(date=date(2026, 3, 23), kind="added", name="Eid al-Fitr", source="Habous")
    assert due_date(received, "urgent", holidays_for([2026])) == date(2026, 3, 20)
    # Received Thursday 19: 20, 24, 25 (corrected), the same last day as 23, 24, 25 (estimated).
    assert due_date(date(2026, 3, 19), "urgent", holidays_for([2026])) == date(2026, 3, 25)


def test_every_number_is_data_with_its_source_and_date():
    for kind in ("ordinary", "urgent"):
        rules = deadlines_for(kind, date(2025, 1, 1))
        for deadline in (rules.reply, rules.extension):
            assert deadline.working
            assert deadline.source.startswith("Law 31-13, art. 1")
            assert deadline.effective_from == date(2019, 3, 12)
    assert deadlines_for("ordinary", date(2025, 1, 1)).reply.days == 20
    assert deadlines_for("urgent", date(2025, 1, 1)).extension.days == 3


def test_no_deadline_before_the_law_was_in_force_and_no_negative_pause():
    with pytest.raises(ValueError):
        due_date(date(2019, 3, 11), "ordinary", HOLIDAYS)
    with pytest.raises(ValueError):
        due_date(date(2025, 1, 2), "ordinary", HOLIDAYS, paused_working_days=-1)


def test_working_days_left_counts_down_to_zero_then_overdue():
    due = due_date(date(2025, 7, 28), "urgent", HOLIDAYS)  # Friday 1 August
    assert working_days_left(date(2025, 7, 28), due, HOLIDAYS) == 3
    assert working_days_left(date(2025, 7, 30), due, HOLIDAYS) == 2  # on Throne Day: 31 July and 1 August left
    assert working_days_left(due, due, HOLIDAYS) == 0
    assert working_days_left(date(2025, 8, 4), due, HOLIDAYS) == -1


# --- Properties over the whole calendar the law has applied to ---------------------------------------------------

receipts = st.dates(min_value=date(2019, 3, 12), max_value=date(2029, 12, 31))
kinds = st.sampled_from(sorted(SCHEDULE))
pauses = st.integers(min_value=0, max_value=30)


@settings(max_examples=300, deadline=None)
@given(received=receipts, kind=kinds, extended=st.booleans(), paused=pauses)
def test_a_due_date_is_never_a_weekend_or_a_holiday(received, kind, extended, paused):
    due = due_date(received, kind, HOLIDAYS, extended=extended, paused_working_days=paused)
    assert is_working_day(due, HOLIDAYS)
    assert due > received


@settings(max_examples=300, deadline=None)
@given(received=receipts, later_by=st.integers(min_value=0, max_value=40), kind=kinds, extended=st.booleans())
def test_a_later_receipt_never_gives_an_earlier_due_date(received, later_by, kind, extended):
    later = received + timedelta(days=later_by)
    assert due_date(later, kind, HOLIDAYS, extended=extended) >= due_date(received, kind, HOLIDAYS, extended=extended)


@settings(max_examples=300, deadline=None)
@given(received=receipts, kind=kinds, extended=st.booleans(), paused=pauses)
def test_the_working_days_from_receipt_to_due_date_are_the_deadline(received, kind, extended, paused):
    rules = deadlines_for(kind, received)
    expected = rules.reply.days + paused + (rules.extension.days if extended else 0)
    due = due_date(received, kind, HOLIDAYS, extended=extended, paused_working_days=paused)
    assert working_days_between(received, due, HOLIDAYS) == expected
    assert working_days_left(due, due, HOLIDAYS) == 0
