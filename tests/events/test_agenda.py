"""Agenda validation: items inside the event's hours, in order, without overlaps unless marked parallel."""

from datetime import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from infitah.events.agenda import Item, check_agenda

START, END = time(10, 30), time(13, 30)

# The workshop of 11 April 2023 as the article lists it.
ARTICLE = [
    Item("reception", None, time(10, 30), time(11, 0)),
    Item("opening", None, time(11, 0), time(11, 30)),
    Item("speech", "opening", None, None),
    Item("groups", None, time(11, 30), None),
    Item("group 1", "groups", time(11, 30), time(12, 45), is_parallel=True),
    Item("group 2", "groups", time(11, 30), time(12, 45), is_parallel=True),
    Item("findings", None, time(12, 45), time(13, 30)),
    Item("close", None, time(13, 30), None),
]


def errors(items):
    return {key: " ".join(messages) for key, messages in check_agenda(items, START, END).items()}


@pytest.mark.parametrize(
    ("name", "items", "expected"),
    [
        ("the article's agenda is valid", ARTICLE, {}),
        ("an empty agenda", [], {}),
        ("items without times", [Item(1), Item(2)], {}),
        ("back to back", [Item(1, None, time(10, 30), time(11)), Item(2, None, time(11), time(12))], {}),
        ("starts before the event", [Item(1, None, time(9), time(10))], {1: "09:00 is outside the hours"}),
        ("ends after the event", [Item(1, None, time(13), time(14))], {1: "14:00 is outside the hours"}),
        ("ends before it starts", [Item(1, None, time(12), time(11))], {1: "must end after it starts"}),
        ("zero length", [Item(1, None, time(12), time(12))], {1: "must end after it starts"}),
        (
            "overlap",
            [Item(1, None, time(10, 30), time(11, 15)), Item(2, None, time(11), time(12))],
            {2: "overlaps the previous one (until 11:15)"},
        ),
        (
            "overlap marked parallel",
            [Item(1, None, time(10, 30), time(11, 15)), Item(2, None, time(11), time(12), is_parallel=True)],
            {},
        ),
        (
            "out of order",
            [Item(1, None, time(12), time(13)), Item(2, None, time(11), time(11, 30))],
            {2: "order of time: 11:00 is listed after 12:00"},
        ),
        (
            "sub-item outside its parent",
            [Item("p", None, time(11), time(12)), Item("c", "p", time(12), time(12, 30))],
            {"c": "12:30 is outside the hours of its parent item"},
        ),
        (
            "sub-items overlapping without being parallel",
            [
                Item("p", None, time(11), time(12)),
                Item("a", "p", time(11), time(11, 45)),
                Item("b", "p", time(11, 30), time(12)),
            ],
            {"b": "overlaps"},
        ),
    ],
)
def test_agenda_rules(name, items, expected):
    found = errors(items)
    assert set(found) == set(expected), name
    for key, fragment in expected.items():
        assert fragment in found[key], name


def test_several_days_skip_the_hours_but_keep_the_order():
    items = [Item(1, None, time(18), time(19)), Item(2, None, time(9), time(10))]
    assert set(check_agenda(items, None, None)) == {2}


quarter_hours = st.integers(min_value=0, max_value=95).map(lambda q: time(q // 4, (q % 4) * 15))


@given(st.lists(st.tuples(quarter_hours, st.integers(min_value=1, max_value=8)), max_size=8))
def test_a_sorted_chain_of_items_inside_the_day_is_always_valid(starts):
    """Items laid end to end, in order, within the event's hours, never draw a complaint."""
    items, cursor = [], 0
    for index, (_start, length) in enumerate(starts):
        if cursor + length > 95:
            break
        items.append(
            Item(
                index,
                None,
                time(cursor // 4, (cursor % 4) * 15),
                time((cursor + length) // 4, ((cursor + length) % 4) * 15),
            )
        )
        cursor += length
    assert check_agenda(items, time(0, 0), time(23, 45)) == {}


@given(st.lists(st.tuples(quarter_hours, quarter_hours, st.booleans()), max_size=8))
def test_every_problem_names_a_real_item_and_parallel_items_never_overlap_complaints(raw):
    items = [Item(i, None, min(a, b), max(a, b), parallel) for i, (a, b, parallel) in enumerate(raw)]
    problems = check_agenda(items, time(0, 0), time(23, 45))
    assert set(problems) <= {item.key for item in items}
    for key, messages in problems.items():
        if items[key].is_parallel:
            assert not any("overlaps" in message for message in messages)


def test_a_long_item_overlapping_a_later_one_is_caught_past_a_parallel_item():
    items = [
        Item(1, None, time(10, 30), time(13, 0)),
        Item(2, None, time(11, 0), time(11, 30), is_parallel=True),
        Item(3, None, time(12, 0), time(12, 30)),
    ]
    assert set(check_agenda(items, START, END)) == {3}
