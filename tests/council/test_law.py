"""The law of sessions and votes as tables of the cases LAW.md names, and the outcome rule as a property."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from infitah.council import law


@pytest.mark.parametrize(
    ("kind", "months"),
    [
        ("region", (3, 7, 10)),  # LAW.md: regions meet in March, July, October
        ("commune", (2, 5, 10)),  # communes: February, May, October
        ("province", (2, 6, 10)),  # prefectures/provinces: "to verify"; read as petitions.sessions does
    ],
)
def test_ordinary_months_per_kind_of_collectivity(kind, months):
    assert law.ordinary_months(kind) == months


@pytest.mark.parametrize(
    ("collectivity_kind", "day", "kind", "allowed"),
    [
        ("region", datetime.date(2023, 10, 2), "ordinary", True),
        ("region", datetime.date(2023, 3, 6), "ordinary", True),
        ("region", datetime.date(2023, 2, 6), "ordinary", False),  # February is a commune's month, not a region's
        ("region", datetime.date(2023, 2, 6), "extraordinary", True),
        ("commune", datetime.date(2023, 5, 2), "ordinary", True),
        ("commune", datetime.date(2023, 7, 3), "ordinary", False),
        ("commune", datetime.date(2023, 7, 3), "extraordinary", True),
        ("province", datetime.date(2023, 6, 5), "ordinary", True),
        ("province", datetime.date(2023, 5, 5), "ordinary", False),
    ],
)
def test_an_ordinary_session_only_in_the_laws_months_an_extraordinary_one_any_day(
    collectivity_kind, day, kind, allowed
):
    check = law.session_kind_check(collectivity_kind, day, kind)
    assert check.ok == allowed
    assert check.suggest_extraordinary == (not allowed)
    if not allowed:
        assert "extraordinary" in check.error


@pytest.mark.parametrize(
    ("votes", "postponed", "outcome"),
    [
        ((58, 0, 3), False, "adopted"),
        ((1, 0, 0), False, "adopted"),
        ((10, 9, 40), False, "adopted"),  # abstentions do not count against
        ((30, 30, 5), False, "rejected"),  # a tie is not a majority
        ((10, 25, 0), False, "rejected"),
        ((0, 0, 40), False, "rejected"),
        ((0, 0, 0), True, "postponed"),
        ((40, 0, 0), True, "postponed"),
    ],
)
def test_outcome_from_the_votes(votes, postponed, outcome):
    assert law.outcome(*votes, postponed=postponed) == outcome


counts = st.integers(min_value=0, max_value=500)


@given(counts, counts, counts)
def test_adopted_iff_more_for_than_against_whatever_the_abstentions(votes_for, votes_against, abstentions):
    assert (law.outcome(votes_for, votes_against, abstentions) == "adopted") == (votes_for > votes_against)
    assert law.outcome(votes_for, votes_against, abstentions) == law.outcome(votes_for, votes_against, 0)


@pytest.mark.parametrize(
    ("votes", "seats", "refused"),
    [
        ((30, 10, 5), 45, False),  # every member voted
        ((30, 10, 6), 45, True),  # one vote too many
        ((0, 0, 0), 45, False),
        ((-1, 0, 0), 45, True),
        ((100, 0, 0), None, False),  # nothing to check against
    ],
)
def test_votes_never_exceed_the_members_in_office(votes, seats, refused):
    assert bool(law.votes_refusal(*votes, seats)) == refused


@given(counts, counts, counts, st.integers(min_value=1, max_value=1500))
def test_refused_exactly_when_the_total_exceeds_the_seats(votes_for, votes_against, abstentions, seats):
    total = votes_for + votes_against + abstentions
    assert bool(law.votes_refusal(votes_for, votes_against, abstentions, seats)) == (total > seats)
