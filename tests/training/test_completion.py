"""The completion rule: a participant completes a course by attending all its sessions, or N of them; cancelled
sessions are not asked of anyone; nobody completes without attending."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from infitah.training.completion import is_completed, sessions_required


@pytest.mark.parametrize(
    ("attended", "sessions", "required", "completed"),
    [
        # attended all
        (3, 3, None, True),
        (1, 1, None, True),
        (2, 3, None, False),
        # N of M
        (2, 3, 2, True),
        (3, 3, 2, True),
        (1, 3, 2, False),
        # none
        (0, 3, None, False),
        (0, 3, 1, False),
        # sessions cancelled: 3 planned, 1 cancelled, 2 left; "2 of 3" now asks for both left, "all" for the two
        (2, 2, None, True),
        (2, 2, 3, True),
        (1, 2, 3, False),
        # every session cancelled: nobody completes
        (0, 0, None, False),
        (0, 0, 2, False),
    ],
)
def test_completion_table(attended, sessions, required, completed):
    assert is_completed(attended, sessions, required) is completed


def test_sessions_required_is_capped_by_the_sessions_held():
    assert sessions_required(None, 4) == 4
    assert sessions_required(2, 4) == 2
    assert sessions_required(5, 3) == 3


counts = st.integers(min_value=0, max_value=50)
required = st.none() | st.integers(min_value=1, max_value=50)


@given(sessions=counts, rule=required)
def test_never_completed_without_attending(sessions, rule):
    assert not is_completed(0, sessions, rule)


@given(attended=counts, sessions=counts, rule=required)
def test_attending_one_more_session_never_undoes_a_completion(attended, sessions, rule):
    more = min(attended + 1, sessions)
    if is_completed(min(attended, sessions), sessions, rule):
        assert is_completed(more, sessions, rule)
