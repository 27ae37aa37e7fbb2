"""The next ordinary session (LAW.md's months) and the bureau's legal time to rule on admissibility."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from infitah.petitions.sessions import ORDINARY_MONTHS, add_months, admissibility_due, next_ordinary_session

D = datetime.date


@pytest.mark.parametrize(
    ("kind", "decided", "session"),
    [
        pytest.param("region", D(2026, 1, 15), D(2026, 3, 1), id="region in January: the March session"),
        pytest.param("region", D(2026, 3, 1), D(2026, 7, 1), id="region on the March session's first day: July"),
        pytest.param("region", D(2026, 2, 28), D(2026, 3, 1), id="region on the eve of March: March"),
        pytest.param("region", D(2026, 10, 2), D(2027, 3, 1), id="region after October: next year's March"),
        pytest.param("commune", D(2026, 1, 31), D(2026, 2, 1), id="commune in January: February"),
        pytest.param("commune", D(2026, 3, 10), D(2026, 5, 1), id="commune in March: May"),
        pytest.param("commune", D(2026, 6, 1), D(2026, 10, 1), id="commune in June: October"),
        pytest.param("commune", D(2026, 12, 31), D(2027, 2, 1), id="commune at year end: next February"),
        pytest.param("province", D(2026, 3, 1), D(2026, 6, 1), id="province in March: June"),
    ],
)
def test_the_next_ordinary_session(kind, decided, session):
    assert next_ordinary_session(kind, decided) == session


@pytest.mark.parametrize(
    ("kind", "deposited", "due"),
    [
        pytest.param("region", D(2026, 1, 10), D(2026, 3, 10), id="region: two months"),
        pytest.param("province", D(2026, 1, 10), D(2026, 3, 10), id="prefecture/province: two months"),
        pytest.param("commune", D(2026, 1, 10), D(2026, 4, 10), id="commune: three months"),
        pytest.param("region", D(2025, 12, 31), D(2026, 2, 28), id="two months from 31 December: end of February"),
        pytest.param("commune", D(2027, 11, 30), D(2028, 2, 29), id="three months into a leap February"),
    ],
)
def test_the_bureau_rules_within_the_laws_months(kind, deposited, due):
    assert admissibility_due(kind, deposited) == due


@given(st.sampled_from(sorted(ORDINARY_MONTHS)), st.dates(min_value=D(2016, 1, 1), max_value=D(2099, 1, 1)))
def test_the_next_session_is_after_the_decision_within_a_year_and_in_a_session_month(kind, decided):
    session = next_ordinary_session(kind, decided)
    assert decided < session <= add_months(decided, 12)
    assert session.day == 1 and session.month in ORDINARY_MONTHS[kind]


@given(st.dates(min_value=D(2016, 1, 1), max_value=D(2099, 1, 1)), st.integers(min_value=0, max_value=36))
def test_adding_months_never_goes_backwards_nor_skips_a_month(day, months):
    later = add_months(day, months)
    assert later >= day
    assert (later.year - day.year) * 12 + later.month - day.month == months
