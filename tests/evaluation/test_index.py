"""The openness index arithmetic (evaluation/index.py): the rules the method page publishes, by table and by
property."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from infitah.evaluation.index import (
    COUNT,
    SHARE,
    YES_NO,
    IndicatorValue,
    compute,
    computed_on_100,
    entered_on_100,
    round_2,
)


def ind(code, principle, weight, value):
    return IndicatorValue(code=code, principle=principle, weight=weight, value=value)


@pytest.mark.parametrize(
    ("counted", "scale", "expected"),
    [
        (0, (0, 4), 0.0),
        (4, (0, 4), 100.0),
        (3, (0, 4), 75.0),
        (2.5, (0, 4), 62.5),  # two parties' mean within the threshold
        (3, (1, 5), 50.0),  # a scale that does not start at 0
        (None, (0, 4), None),  # not settled: no value
    ],
)
def test_an_entered_score_is_brought_to_100_on_its_scale(counted, scale, expected):
    assert entered_on_100(counted, *scale) == expected


@pytest.mark.parametrize(
    ("measured", "unit", "scale", "expected"),
    [
        (0.8, SHARE, (0, 4), 80.0),
        (1.0, SHARE, (0, 4), 100.0),
        (1.3, SHARE, (0, 4), 100.0),  # clipped
        (1, YES_NO, (0, 4), 100.0),
        (0, YES_NO, (0, 4), 0.0),
        (3, COUNT, (0, 12), 25.0),  # three events held on a scale of 0 to 12
        (40, COUNT, (0, 12), 100.0),  # above the scale's highest: clipped to it
        (None, SHARE, (0, 4), None),  # nothing to measure: no value, not zero
    ],
)
def test_a_computed_measure_is_brought_to_100_by_its_unit(measured, unit, scale, expected):
    assert computed_on_100(measured, unit, *scale) == expected


def test_an_unknown_unit_is_refused_rather_than_guessed():
    with pytest.raises(ValueError, match="unknown unit"):
        computed_on_100(1, "percent", 0, 4)


def test_a_principle_is_the_weighted_mean_of_its_indicators():
    result = compute([ind("a", "transparency", 2, 100.0), ind("b", "transparency", 1, 40.0)])
    assert result.principles["transparency"].rounded == Decimal("80.00")
    assert result.rounded == Decimal("80.00")


def test_a_missing_indicator_is_left_out_and_its_weight_shared_and_counted_as_missing():
    result = compute(
        [ind("a", "transparency", 1, 60.0), ind("b", "transparency", 3, None), ind("c", "transparency", 1, 80.0)]
    )
    transparency = result.principles["transparency"]
    assert transparency.rounded == Decimal("70.00")
    assert (transparency.counted, transparency.missing) == (2, 1)


def test_a_zero_weight_indicator_is_ignored_even_when_it_has_a_value():
    result = compute([ind("a", "transparency", 1, 50.0), ind("b", "transparency", 0, 100.0)])
    assert result.principles["transparency"].rounded == Decimal("50.00")
    assert result.principles["transparency"].missing == 0


def test_a_principle_without_any_value_has_no_sub_score_and_does_not_count_in_the_index():
    result = compute([ind("a", "transparency", 1, 90.0), ind("b", "accountability", 5, None)])
    assert result.principles["accountability"].value is None
    assert result.rounded == Decimal("90.00")


def test_everything_missing_gives_no_index():
    result = compute([ind("a", "transparency", 1, None), ind("b", "accountability", 1, None)])
    assert result.value is None
    assert result.rounded is None


def test_principles_weigh_by_the_frameworks_weight_of_all_their_indicators():
    # Transparency: weights 1 + 1 (one missing) = 2; accountability: weight 1.
    result = compute(
        [
            ind("a", "transparency", 1, 90.0),
            ind("b", "transparency", 1, None),
            ind("c", "accountability", 1, 30.0),
        ]
    )
    assert result.principles["transparency"].weight == 2
    assert result.rounded == Decimal("70.00")  # (2 × 90 + 1 × 30) / 3


def test_rounding_happens_at_the_end_only():
    # Sub-scores 33.333… and 66.666…: the index of the unrounded ones is exactly 50.
    result = compute(
        [
            ind("a", "transparency", 1, 100.0),
            ind("b", "transparency", 2, 0.0),
            ind("c", "accountability", 1, 100.0),
            ind("d", "accountability", 2, 50.0),
        ]
    )
    assert result.principles["transparency"].rounded == Decimal("33.33")
    assert result.principles["accountability"].rounded == Decimal("66.67")
    assert result.rounded == Decimal("50.00")


def test_rounding_is_half_up():
    assert round_2(12.345) == Decimal("12.35")
    assert round_2(0.005) == Decimal("0.01")


PRINCIPLES = ["transparency", "accountability", "access_to_information", "citizen_participation", "digitalisation"]
values = st.one_of(st.none(), st.floats(min_value=0, max_value=100, allow_nan=False))
weights = st.sampled_from([0, 0.5, 1, 1.5, 2, 3, 10])
frameworks = st.lists(st.tuples(st.sampled_from(PRINCIPLES), weights, values), min_size=1, max_size=15).map(
    lambda rows: [ind(f"i{n}", p, w, v) for n, (p, w, v) in enumerate(rows)]
)


@given(frameworks)
def test_every_figure_lies_within_0_and_100(indicators):
    result = compute(indicators)
    figures = [result.value, *(score.value for score in result.principles.values())]
    for figure in figures:
        assert figure is None or 0 <= figure <= 100
    assert result.rounded is None or Decimal(0) <= result.rounded <= Decimal(100)


@given(frameworks, st.data())
def test_raising_one_indicator_never_lowers_its_principle_nor_the_index(indicators, data):
    position = data.draw(st.integers(min_value=0, max_value=len(indicators) - 1))
    chosen = indicators[position]
    if chosen.value is None:
        return
    higher = data.draw(st.floats(min_value=chosen.value, max_value=100, allow_nan=False))
    raised = list(indicators)
    raised[position] = ind(chosen.code, chosen.principle, chosen.weight, higher)
    before, after = compute(indicators), compute(raised)
    before_p, after_p = before.principles[chosen.principle], after.principles[chosen.principle]
    if before_p.value is not None:
        assert after_p.value >= before_p.value
        assert after_p.rounded >= before_p.rounded
    if before.value is not None:
        assert after.value >= before.value
        assert after.rounded >= before.rounded
