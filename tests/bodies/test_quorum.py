"""A body deliberates validly only when more than half of its members are present (its rules of procedure)."""

import pytest

from infitah.bodies.quorum import quorum_for


@pytest.mark.parametrize(("members", "quorum"), [(0, 1), (1, 1), (2, 2), (7, 4), (8, 5), (9, 5), (15, 8)])
def test_the_quorum_is_more_than_half_of_the_members(members, quorum):
    assert quorum_for(members) == quorum


def test_a_negative_number_of_members_is_refused():
    with pytest.raises(ValueError):
        quorum_for(-1)
