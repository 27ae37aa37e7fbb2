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
        # Weekends and the day of receipt: counting starts on the first working day after receipt.
        pytest.param(date(2025, 9, 14), "ordinary", False, 0, date(2025, 10, 10), id="received-on-a-sunday"),
        pytest.param(date(2026, 11, 18), "ordinary", False, 0, date(2026, 12, 16), id="received-on-18-november"),
        pytest.param(date(2026, 3, 6), "urgent", True, 0, date(2026, 3, 16), id="urgent-friday-extended-over-weekend"),
        # Fixed holidays.
        pytest.param(date(2025, 7, 28), "ordinary", False, 0, date(2025, 8, 29), id="over-30-jul-14-20-21-aug"),
        pytest.param(date(2025, 4, 30), "urgent", False, 0, date(2025, 5, 6), id="urgent-over-1-may"),
        pytest.param(date(2025, 11, 5), "urgent", False, 0, date(2025, 11, 11), id="urgent-over-green-march-6-nov"),
        pytest.param(date(2026, 11, 16), "urgent", False, 0, date(2026, 11, 20), id="urgent-over-18-november-2026"),
        # Hijri holidays (the package's estimates).
        pytest.param(date(2025, 3, 27), "urgent", False, 0, date(2025, 4, 2), id="urgent-over-estimated-eid-al-fitr"),
        pytest.param(date(2025, 9, 3), "urgent", False, 0, date(2025, 9, 10), id="urgent-over-estimated-mawlid"),
        pytest.param(date(2025, 6, 25), "urgent", False, 0, date(2025, 7, 1), id="urgent-over-estimated-1-muharram"),
        pytest.param(
            date(2026, 6, 8), "ordinary", True, 0, date(2026, 8, 5), id="extended-over-1-muharram-and-throne-day"
        ),
        pytest.param(
            date(2026, 8, 10), "ordinary", False, 2, date(2026, 9, 16), id="paused-over-august-and-estimated-mawlid"
        ),
        # Year boundaries (and a leap day).
        pytest.param(date(2025, 12, 31), "urgent", False, 0, date(2026, 1, 6), id="urgent-received-31-december"),
        pytest.param(date(2025, 12, 29), "ordinary", False, 0, date(2026, 1, 28), id="ordinary-over-1-11-14-january"),
        pytest.param(date(2026, 12, 28), "urgent", False, 2, date(2027, 1, 5), id="urgent-paused-over-new-year"),
        pytest.param(date(2028, 2, 25), "urgent", False, 0, date(2028, 3, 1), id="urgent-over-29-february"),
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


@pytest.mark.django_db
def test_unity_day_2025_once_recorded_moves_the_due_date():
    """31 October is a holiday since 2025 (LAW.md); holidays 0.109 lists it from 2026 only, so the administrator
    records it for 2025. Ordinary request received Monday 20 October 2025, paused 3 working days: without it, Friday
    31 October counts and the due date is Monday 24 November; with it, Tuesday 25 November."""
    received = date(2025, 10, 20)
    assert date(2025, 10, 31) not in moroccan_holidays([2025])
    assert due_date(received, "ordinary", holidays_for([2025]), paused_working_days=3) == date(2025, 11, 24)
    HolidayCorrection.objects.create(date=date(2025, 10, 31), kind="added", name="Unity Day", source="LAW.md")
    assert due_date(received, "ordinary", holidays_for([2025]), paused_working_days=3) == date(2025, 11, 25)
    assert date(2026, 10, 31) in holidays_for([2026])  # the package has it from 2026


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


@settings(max_examples=300, deadline=None)
@given(received=receipts, extended=st.booleans(), paused=pauses)
def test_an_urgent_request_is_never_due_after_the_same_ordinary_one(received, extended, paused):
    urgent = due_date(received, "urgent", HOLIDAYS, extended=extended, paused_working_days=paused)
    assert urgent <= due_date(received, "ordinary", HOLIDAYS, extended=extended, paused_working_days=paused)


@settings(max_examples=300, deadline=None)
@given(received=receipts, kind=kinds, paused=pauses, more=st.integers(min_value=0, max_value=10))
def test_a_longer_pause_or_the_extension_never_brings_the_due_date_forward(received, kind, paused, more):
    due = due_date(received, kind, HOLIDAYS, paused_working_days=paused)
    assert due_date(received, kind, HOLIDAYS, paused_working_days=paused + more) >= due
    assert due_date(received, kind, HOLIDAYS, extended=True, paused_working_days=paused) > due
