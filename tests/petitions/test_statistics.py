"""Petitions in numbers: the acceptance rate (accepted among decided, "no data" when none was decided, never 0%),
the median time from deposit to decision, the bureau's rulings made in time or overdue (2 months for a region,
3 for a commune), per council or network-wide; the openness index's measures; the statistics page."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from infitah.petitions import statistics
from infitah.petitions.models import CouncilDecision
from tests.petitions.public import admitted, collecting, day, decided, deposited, inadmissible

ACCEPTED, REJECTED = CouncilDecision.ACCEPTED, CouncilDecision.REJECTED


@pytest.mark.parametrize(
    "accepted, decided_count, expected",
    [(0, 0, None), (0, 3, 0.0), (1, 4, 0.25), (3, 3, 1.0)],
)
def test_the_acceptance_rate_is_accepted_among_decided_and_none_without_a_decision(accepted, decided_count, expected):
    assert statistics.acceptance_rate(accepted, decided_count) == expected


@pytest.mark.parametrize(
    "spans, expected",
    [
        ([], None),
        ([("2026-01-12", "2026-03-13")], 60.0),
        ([("2026-01-01", "2026-01-11"), ("2026-01-01", "2026-01-31")], 20.0),
        ([("2026-01-01", "2026-01-02"), ("2026-01-01", "2026-01-04"), ("2026-01-01", "2026-12-31")], 3.0),
    ],
)
def test_the_median_days_from_deposit_to_decision(spans, expected):
    assert statistics.median_days((day(a), day(b)) for a, b in spans) == expected


@pytest.mark.parametrize(
    "due, ruled_on, today, expected",
    [
        ("2026-03-12", "2026-03-12", "2026-06-01", True),  # on the last day: in time
        ("2026-03-12", "2026-03-13", "2026-06-01", False),  # a day late
        ("2026-03-12", None, "2026-03-12", None),  # not ruled yet, still in time: not counted
        ("2026-03-12", None, "2026-03-13", False),  # not ruled and overdue
    ],
)
def test_a_ruling_is_in_time_late_or_not_counted_yet(due, ruled_on, today, expected):
    assert statistics.ruled_in_time(day(due), day(ruled_on) if ruled_on else None, day(today)) is expected


@given(st.lists(st.integers(min_value=0, max_value=50), min_size=1), st.integers(min_value=0, max_value=50))
def test_the_acceptance_rate_is_a_share_whenever_something_was_decided(rejected_runs, accepted):
    decided_count = accepted + sum(rejected_runs)
    rate = statistics.acceptance_rate(accepted, decided_count)
    if decided_count == 0:
        assert rate is None
    else:
        assert rate is not None and 0 <= rate <= 1


@given(st.lists(st.integers(min_value=0, max_value=3650), min_size=1, max_size=40))
def test_the_median_lies_between_the_shortest_and_the_longest_time(days):
    start = datetime.date(2020, 1, 1)
    median = statistics.median_days((start, start + datetime.timedelta(days=n)) for n in days)
    assert median is not None and min(days) <= median <= max(days)


@given(st.lists(st.one_of(st.none(), st.booleans()), max_size=30))
def test_the_share_in_time_ignores_what_is_not_due_yet(verdicts):
    counted = [v for v in verdicts if v is not None]
    value = statistics.share(verdicts)
    assert value == (sum(counted) / len(counted) if counted else None)


@pytest.mark.django_db
def test_the_network_in_numbers(people):
    collecting(people, title="Collecting")
    decided(people, ACCEPTED, on=day("2026-01-12"), decided_on=day("2026-03-13"))  # 60 days
    decided(people, REJECTED, on=day("2026-01-12"), decided_on=day("2026-01-22"))  # 10 days
    decided(people, ACCEPTED, people.region, on=day("2026-01-12"), decided_on=day("2026-02-11"))  # 30 days
    inadmissible(people, on=day("2026-01-12"), ruled=day("2026-05-12"))  # a commune's 3 months passed on 12 April
    deposited(people, people.region, on=day("2026-01-12"))  # a region's 2 months passed on 12 March: overdue
    deposited(people, on=day("2026-05-04"))  # still in time

    numbers = statistics.network_statistics(today=day("2026-06-01"))

    assert numbers.total == 7
    assert numbers.by_kind == {"citizens": 1, "association": 6}
    assert numbers.by_stage == {"collecting": 1, "decided": 3, "inadmissible": 1, "deposited": 2}
    assert numbers.by_outcome == {"accepted": 2, "rejected": 1, "inadmissible": 1}
    assert numbers.acceptance_rate == pytest.approx(2 / 3)
    assert numbers.median_days_to_decision == 30.0
    assert numbers.overdue_rulings == 1
    assert numbers.ruled_in_time_share == pytest.approx(3 / 5)  # 3 in time, 1 late, 1 overdue; 1 not due yet

    commune_only = statistics.network_statistics(people.commune_a.pk, today=day("2026-06-01"))
    assert commune_only.total == 5 and commune_only.acceptance_rate == 0.5 and commune_only.overdue_rulings == 0


@pytest.mark.django_db
def test_with_nothing_decided_the_rate_and_the_median_are_no_data(people, client):
    collecting(people)
    numbers = statistics.network_statistics()
    assert numbers.acceptance_rate is None and numbers.median_days_to_decision is None
    response = client.get("/en/petitions/statistics/")
    assert response.status_code == 200
    assert response.content.decode().count("no data") == 3  # the rate, the median, the rulings in time


@pytest.mark.django_db
def test_a_draft_is_not_counted(people):
    from tests.petitions.factories import drafted

    drafted(people.commune_a, people.agent)
    assert statistics.network_statistics().total == 0


@pytest.mark.django_db
def test_the_openness_index_measures_per_council(people):
    decided(people, ACCEPTED, on=day("2026-01-12"), ruled=day("2026-02-02"))
    decided(people, REJECTED, on=day("2026-01-12"), ruled=day("2026-05-12"))  # ruled late
    admitted(people, people.region, on=day("2026-01-12"))
    ids = [people.commune_a.pk, people.commune_b.pk, people.region.pk]
    assert statistics.petitions_received(ids) == {people.commune_a.pk: 2.0, people.region.pk: 1.0}
    assert statistics.ruled_on_in_time(ids, today=day("2026-06-01")) == {
        people.commune_a.pk: 0.5,
        people.region.pk: 1.0,
    }
    # Commune B received nothing: it has no value, not zero; the region decided nothing yet.
    assert statistics.accepted_share(ids) == {people.commune_a.pk: 0.5}


@pytest.mark.django_db
def test_the_page_shows_the_tables_and_a_council_s_numbers(people, client, django_assert_max_num_queries):
    decided(people, ACCEPTED, on=day("2026-01-12"), decided_on=day("2026-03-13"))
    inadmissible(people, people.region, on=day("2026-01-12"))
    with django_assert_max_num_queries(12):
        response = client.get("/en/petitions/statistics/", {"collectivity": people.commune_a.code})
    html = response.content.decode()
    assert response.status_code == 200
    assert "100%" in html and "60 days" in html
    assert "Accepted by the council" in html and "Declared inadmissible by the bureau" in html
    arabic = client.get("/ar/petitions/statistics/")
    assert arabic.status_code == 200 and 'dir="rtl"' in arabic.content.decode()
