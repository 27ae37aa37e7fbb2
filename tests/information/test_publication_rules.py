"""The catalogue's rules, pure: when an entry goes stale (at the edges of its category's delay), how complete a
collectivity's catalogue is, and how the network table sorts."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from infitah.core.indicators import measure
from infitah.information import publication
from infitah.information.models import PublicationCategory
from tests.factories import CommuneFactory, MembershipFactory
from tests.information.publication_factories import entry

JAN_1 = datetime.date(2026, 1, 1)


@pytest.mark.parametrize(
    ("today", "days", "stale"),
    [
        (JAN_1, 30, False),  # updated today
        (datetime.date(2026, 1, 30), 30, False),  # 29 days later
        (datetime.date(2026, 1, 31), 30, False),  # exactly the delay: still fresh
        (datetime.date(2026, 2, 1), 30, True),  # one day more: stale
        (datetime.date(2026, 12, 31), 365, False),  # 364 days
        (datetime.date(2027, 1, 1), 365, False),  # exactly 365 days
        (datetime.date(2027, 1, 2), 365, True),  # 366 days
        (datetime.date(2026, 1, 2), 0, True),  # a delay of 0: stale the next day
        (datetime.date(2025, 12, 31), 30, False),  # a date after today (a clock out of step) is not stale
    ],
)
def test_an_entry_is_stale_once_more_days_than_its_delay_have_passed(today, days, stale):
    assert publication.is_stale(JAN_1, days, today) is stale


def test_stale_since_is_the_first_day_after_the_delay():
    assert publication.stale_from(JAN_1, 30) == datetime.date(2026, 2, 1)
    assert publication.stale_from(datetime.date(2024, 2, 28), 1) == datetime.date(2024, 3, 1)  # leap year


@given(
    updated=st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2090, 1, 1)),
    days=st.integers(min_value=0, max_value=3000),
    offset=st.integers(min_value=-10, max_value=4000),
)
def test_staleness_is_updated_on_plus_the_delay_before_today(updated, days, offset):
    today = updated + datetime.timedelta(days=offset)
    assert publication.is_stale(updated, days, today) == (updated + datetime.timedelta(days=days) < today)
    assert publication.is_stale(updated, days, publication.stale_from(updated, days))


TODAY = datetime.date(2026, 6, 15)
DELAYS = {1: 30, 2: 90, 3: 365, 4: 365}


def ago(days):
    return TODAY - datetime.timedelta(days=days)


@pytest.mark.parametrize(
    ("entries", "covered", "stale", "percent"),
    [
        ([], 0, 0, 0),
        ([(1, ago(0))], 1, 0, 25),
        ([(1, ago(0)), (2, ago(10)), (3, ago(100)), (4, ago(365))], 4, 0, 100),
        # a category counts once, however many entries it holds
        ([(1, ago(0)), (1, ago(1)), (1, ago(2))], 1, 0, 25),
        # a category whose only entry is stale is missing; the stale entry is counted
        ([(1, ago(31)), (2, ago(10))], 1, 1, 25),
        # one fresh entry is enough, even beside a stale one
        ([(1, ago(31)), (1, ago(5)), (3, ago(366))], 1, 2, 25),
        ([(1, ago(0)), (2, ago(0)), (3, ago(0))], 3, 0, 75),
        # an entry of an unknown category is ignored
        ([(99, ago(0))], 0, 0, 0),
    ],
)
def test_completeness_counts_the_categories_with_an_entry_that_is_not_stale(entries, covered, stale, percent):
    figures = publication.completeness(entries, DELAYS, TODAY)
    assert (figures.covered, figures.total, figures.stale_entries) == (covered, 4, stale)
    assert figures.percent == percent
    assert figures.share == covered / 4
    assert figures.missing == 4 - covered


def test_percent_is_rounded_half_up_and_nothing_to_publish_is_zero():
    assert publication.Completeness(covered=1, total=8).percent == 13  # 12.5
    assert publication.Completeness(covered=2, total=3).percent == 67
    assert publication.Completeness(covered=1, total=3).percent == 33
    assert publication.Completeness(covered=0, total=0).share == 0.0
    assert publication.Completeness(covered=0, total=0).percent == 0


@given(st.lists(st.tuples(st.sampled_from([1, 2, 3, 4]), st.integers(min_value=0, max_value=800)), max_size=30))
def test_completeness_stays_between_0_and_1_and_more_entries_never_lower_it(rows):
    entries = [(category, ago(days)) for category, days in rows]
    figures = publication.completeness(entries, DELAYS, TODAY)
    assert 0 <= figures.share <= 1
    assert figures.stale_entries + figures.covered <= len(entries) + 4
    more = publication.completeness([*entries, (1, TODAY)], DELAYS, TODAY)
    assert more.covered >= figures.covered


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        ("name", ("name", False)),
        ("-name", ("name", True)),
        ("completeness", ("completeness", False)),
        ("-stale", ("stale", True)),
        ("password", ("name", False)),
        ("", ("name", False)),
        ("--completeness", ("completeness", True)),
    ],
)
def test_the_table_sorts_only_by_its_own_columns(order, expected):
    assert publication.sort_key(order) == expected


@pytest.mark.django_db
def test_the_index_measures_each_members_completeness_and_leaves_out_non_members():
    publishing, silent = MembershipFactory().collectivity, MembershipFactory().collectivity
    outside = CommuneFactory()
    for collectivity in (publishing, outside):
        entry(collectivity, "budget", datetime.date.today())
    values = measure([publishing.pk, silent.pk, outside.pk])["information.publication_completeness"]
    assert values == {publishing.pk: 1 / PublicationCategory.objects.count(), silent.pk: 0.0}
