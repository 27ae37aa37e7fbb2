"""The budget's figures: totals are the sum of the lines, execution rates, year-to-year change, amounts as people
type them."""

from dataclasses import dataclass
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from infitah.budgets import figures
from infitah.budgets.checking import NotAnAmount, parse_amount


@dataclass
class L:
    section: str = "operating"
    direction: str = "expenditure"
    chapter_code: str = "1"
    planned: Decimal = Decimal(0)
    executed: Decimal | None = None


D = Decimal


@pytest.mark.parametrize(
    ("planned", "executed", "rate"),
    [
        (D(100), D(50), D("0.5")),
        (D(100), D(0), D(0)),
        (D(100), D(130), D("1.3")),  # more spent than planned: above 100%
        (D(0), D(10), None),  # nothing planned: no rate
        (D(0), D(0), None),
        (D(100), None, None),  # execution not known
    ],
)
def test_execution_rate(planned, executed, rate):
    assert figures.execution_rate(planned, executed) == rate


@pytest.mark.parametrize(
    ("before", "after", "change"),
    [
        (D(100), D(110), D("0.1")),
        (D(100), D(50), D("-0.5")),
        (D(0), D(10), None),
        (None, D(1), None),
        (D(1), None, None),
    ],
)
def test_year_to_year_change(before, after, change):
    assert figures.change(before, after) == change


def test_totals_count_the_executed_amount_only_where_it_is_known():
    lines = [L(planned=D(100), executed=D(80)), L(planned=D(50)), L(direction="revenue", planned=D(7))]
    assert figures.totals(lines) == {
        ("operating", "expenditure"): figures.Total(D(150), D(80)),
        ("operating", "revenue"): figures.Total(D(7), None),
    }


def test_chapters_are_matched_across_years_new_and_dropped_ones_included():
    before = [L(chapter_code="1", planned=D(100)), L(chapter_code="2", planned=D(10))]
    after = [L(chapter_code="1", planned=D(120)), L(chapter_code="3", planned=D(5))]
    rows = {row.chapter_code: row for row in figures.changes(before, after)}
    assert rows["1"].difference == D(20) and rows["1"].rate == D("0.2")
    assert rows["2"].after is None and rows["2"].rate is None
    assert rows["3"].before is None and rows["3"].difference is None


amounts = st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False, allow_infinity=False)
lines = st.lists(
    st.builds(
        L,
        section=st.sampled_from(["operating", "investment"]),
        direction=st.sampled_from(["revenue", "expenditure"]),
        planned=amounts,
        executed=st.none() | amounts,
    ),
    max_size=30,
)


@given(lines)
def test_the_totals_equal_the_sum_of_the_lines(chosen):
    grouped = figures.totals(chosen)
    assert sum((t.planned for t in grouped.values()), D(0)) == sum((line.planned for line in chosen), D(0))
    known = [line.executed for line in chosen if line.executed is not None]
    assert sum((t.executed or D(0) for t in grouped.values()), D(0)) == sum(known, D(0))
    for total in grouped.values():
        assert total.rate is None or total.rate >= 0
        assert (total.rate is None) == (total.planned == 0 or total.executed is None)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("1500000", D(1500000)),
        ("1 500 000,50", D("1500000.50")),
        ("1\u202f500\u202f000.5", D("1500000.5")),
        ("1.500.000,25", D("1500000.25")),
        ("1,500,000.25", D("1500000.25")),
        ("٢٥٠٠٠٠٠", D(2500000)),
        ("۱۲۳٫۴۵", D("123.45")),
        ("0", D(0)),
        ("1,5", D("1.5")),
        ("1 500", D(1500)),
        ("1,500,000", D(1500000)),
        ("1.500,00", D(1500)),
    ],
)
def test_amounts_are_read_as_people_type_them(text, amount):
    assert parse_amount(text) == amount


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("beaucoup", "is not a number"),
        ("-5", "is negative"),
        ("(5)", "is negative"),
        ("1.2345", "more than two decimals"),
        ("1,500", "could be read two ways"),
        ("1.500", "could be read two ways"),
        ("1e5", "is not a number"),
        ("=1+1", "is not a number"),
        ("99999999999999999", "too large"),
    ],
)
def test_what_is_not_an_amount_is_told(text, reason):
    with pytest.raises(NotAnAmount) as refused:
        parse_amount(text)
    assert reason in refused.value.reason


ARABIC_INDIC = str.maketrans("0123456789.", "٠١٢٣٤٥٦٧٨٩٫")


@given(amounts, st.sampled_from(["plain", "french", "arabic", "english"]))
def test_an_amount_written_in_any_accepted_way_reads_back_the_same(amount, style):
    text = f"{amount:.2f}"
    whole, decimals = text.split(".")
    grouped = f"{int(whole):,}"
    written = {
        "plain": text,
        "french": grouped.replace(",", "\u202f") + "," + decimals,
        "arabic": text.translate(ARABIC_INDIC),
        "english": grouped + "." + decimals,
    }[style]
    assert parse_amount(written) == amount
