"""Working days as Moroccan law counts them: Monday to Friday, minus public holidays, the day of receipt not
counted — and the administrator's corrections of the estimated Hijri holidays."""

from datetime import date

import pytest

from infitah.core.models import HolidayCorrection
from infitah.core.selectors import holidays_for
from infitah.core.workdays import (
    add_working_days,
    is_working_day,
    moroccan_holidays,
    working_days_between,
    years_around,
)

HOLIDAYS = moroccan_holidays(range(2024, 2027))


@pytest.mark.parametrize(
    ("received", "days", "due"),
    [
        pytest.param(date(2025, 10, 3), 1, date(2025, 10, 6), id="received-friday-next-is-monday"),
        pytest.param(date(2025, 10, 4), 1, date(2025, 10, 6), id="received-saturday-counts-from-monday"),
        pytest.param(date(2025, 10, 5), 5, date(2025, 10, 10), id="received-sunday-five-days-is-friday"),
        pytest.param(date(2025, 7, 29), 1, date(2025, 7, 31), id="throne-day-30-july-skipped"),
        pytest.param(date(2025, 11, 17), 1, date(2025, 11, 19), id="independence-day-18-november-skipped"),
        pytest.param(date(2025, 11, 5), 1, date(2025, 11, 7), id="green-march-6-november-skipped"),
        pytest.param(date(2024, 1, 10), 1, date(2024, 1, 12), id="independence-manifesto-11-january-skipped"),
        pytest.param(date(2025, 4, 30), 1, date(2025, 5, 2), id="labour-day-1-may-skipped"),
        pytest.param(date(2025, 8, 19), 1, date(2025, 8, 22), id="20-and-21-august-skipped"),
        pytest.param(date(2025, 12, 31), 1, date(2026, 1, 2), id="new-year-1-january-skipped"),
        pytest.param(date(2025, 12, 24), 20, date(2026, 1, 23), id="year-boundary-1-and-14-january-skipped"),
        pytest.param(date(2025, 3, 28), 1, date(2025, 4, 1), id="estimated-eid-al-fitr-2025-skipped"),
        pytest.param(date(2025, 7, 30), 3, date(2025, 8, 4), id="received-on-a-holiday-counts-from-next-day"),
    ],
)
def test_the_due_date_is_the_last_of_the_working_days_after_receipt(received, days, due):
    assert add_working_days(received, days, HOLIDAYS) == due
    assert working_days_between(received, due, HOLIDAYS) == days


def test_weekends_and_holidays_are_not_working_days():
    assert is_working_day(date(2025, 7, 29), HOLIDAYS)  # a Tuesday
    assert not is_working_day(date(2025, 10, 4), HOLIDAYS)  # a Saturday
    assert not is_working_day(date(2025, 10, 5), HOLIDAYS)  # a Sunday
    assert not is_working_day(date(2025, 7, 30), HOLIDAYS)  # Throne Day


def test_the_package_knows_the_fixed_and_the_estimated_holidays():
    holidays = moroccan_holidays([2025, 2026])
    fixed = [(1, 1), (1, 11), (1, 14), (5, 1), (7, 30), (8, 14), (8, 20), (8, 21), (11, 6), (11, 18)]
    assert {date(2025, month, day) for month, day in fixed} <= holidays
    assert {date(2025, 6, 6), date(2025, 6, 7)} <= holidays  # Eid al-Adha, estimated
    assert date(2026, 10, 31) in holidays  # Unity Day


def test_a_deadline_counts_at_least_one_day():
    with pytest.raises(ValueError):
        add_working_days(date(2025, 1, 2), 0, HOLIDAYS)


def test_days_left_is_zero_on_the_due_date_and_negative_once_overdue():
    due = date(2025, 12, 3)  # a Wednesday
    assert working_days_between(date(2025, 12, 1), due, HOLIDAYS) == 2
    assert working_days_between(due, due, HOLIDAYS) == 0
    assert working_days_between(date(2025, 12, 5), due, HOLIDAYS) == -2
    # The Sunday after: still two working days overdue (Thursday 4 and Friday 5); Monday 8 makes three.
    assert working_days_between(date(2025, 12, 7), due, HOLIDAYS) == -2
    assert working_days_between(date(2025, 12, 8), due, HOLIDAYS) == -3


def test_the_years_a_deadline_may_touch_cover_the_year_boundary():
    assert list(years_around(date(2025, 12, 24), 40)) == [2025, 2026]
    assert list(years_around(date(2025, 3, 3), 3)) == [2025]


# --- Administrator corrections (the database) ------------------------------------------------------------------


def _correct(day, kind, name="Eid al-Fitr"):
    return HolidayCorrection.objects.create(date=day, kind=kind, name=name, source="Ministry of Habous")


@pytest.mark.django_db
def test_a_moved_eid_removes_the_estimate_and_adds_the_actual_day():
    """2026: the package estimates Eid al-Fitr on Friday 20 and Saturday 21 March; say the moon was sighted a day
    later. The administrator removes Friday 20 and adds Monday 23 (illustrative dates)."""
    assert date(2026, 3, 20) in holidays_for([2026])
    _correct(date(2026, 3, 20), HolidayCorrection.Kind.REMOVED)
    _correct(date(2026, 3, 23), HolidayCorrection.Kind.ADDED)
    holidays = holidays_for([2026])
    assert date(2026, 3, 20) not in holidays
    assert date(2026, 3, 23) in holidays
    assert date(2026, 3, 21) in holidays  # the other estimated day stays
    # Received Thursday 19 March: the next working day is now Friday 20, no longer Tuesday 24.
    assert add_working_days(date(2026, 3, 19), 1, holidays) == date(2026, 3, 20)
    assert add_working_days(date(2026, 3, 19), 2, holidays) == date(2026, 3, 24)


@pytest.mark.django_db
def test_a_correction_applies_only_to_the_years_asked_for():
    _correct(date(2027, 1, 4), HolidayCorrection.Kind.ADDED, name="Exceptional holiday")
    assert date(2027, 1, 4) not in holidays_for([2026])
    assert date(2027, 1, 4) in holidays_for([2026, 2027])


@pytest.mark.django_db
def test_the_corrections_are_read_once_and_forgotten_when_one_changes(django_assert_num_queries):
    with django_assert_num_queries(1):
        holidays_for([2025])
    with django_assert_num_queries(0):
        assert holidays_for([2025, 2026]) == moroccan_holidays([2025, 2026])

    correction = _correct(date(2025, 10, 31), HolidayCorrection.Kind.ADDED, name="Unity Day")
    with django_assert_num_queries(1):
        assert date(2025, 10, 31) in holidays_for([2025])

    correction.kind = HolidayCorrection.Kind.REMOVED
    correction.save()
    assert date(2025, 10, 31) not in holidays_for([2025])

    correction.delete()
    _correct(date(2025, 6, 6), HolidayCorrection.Kind.REMOVED, name="Eid al-Adha")
    holidays = holidays_for([2025])
    assert date(2025, 6, 6) not in holidays
    assert date(2025, 10, 31) not in holidays


@pytest.mark.django_db
def test_a_day_is_corrected_once_per_kind():
    from django.db import IntegrityError, transaction

    _correct(date(2026, 3, 23), HolidayCorrection.Kind.ADDED)
    with pytest.raises(IntegrityError), transaction.atomic():
        _correct(date(2026, 3, 23), HolidayCorrection.Kind.ADDED)


@pytest.mark.django_db
def test_only_a_platform_administrator_corrects_holidays_in_the_back_office(client):
    from infitah.accounts.models import Role
    from tests.factories import RoleAssignmentFactory, UserFactory

    url = "/en/admin/core/holidaycorrection/"
    coordinator = RoleAssignmentFactory(role=Role.NETWORK_COORDINATOR, collectivity=None).user
    client.force_login(coordinator)
    assert client.get(url).status_code == 403
    assert client.get(url + "add/").status_code == 403

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert date(2026, 3, 23) not in holidays_for([2026])  # read, and kept in the cache
    response = client.post(
        url + "add/",
        {"date": "2026-03-23", "kind": "added", "name": "Eid al-Fitr", "source": "Ministry of Habous", "note": ""},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert date(2026, 3, 23) in holidays_for([2026])
    assert "Eid al-Fitr" in client.get(url).content.decode()
