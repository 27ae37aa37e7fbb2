"""A petition's stages: every act the law allows moves it; every other one is refused."""

import itertools

import pytest

from infitah.petitions import states
from infitah.petitions.states import IllegalTransition, acts_from, next_stage

LEGAL = {
    (states.CITIZENS, states.DRAFT, states.OPEN_SIGNING): states.COLLECTING,
    (states.CITIZENS, states.COLLECTING, states.DEPOSIT): states.DEPOSITED,
    (states.ASSOCIATION, states.DRAFT, states.DEPOSIT): states.DEPOSITED,
    (states.CITIZENS, states.DRAFT, states.WITHDRAW): states.WITHDRAWN,
    (states.CITIZENS, states.COLLECTING, states.WITHDRAW): states.WITHDRAWN,
    (states.ASSOCIATION, states.DRAFT, states.WITHDRAW): states.WITHDRAWN,
    **{(kind, states.DEPOSITED, states.ADMIT): states.ADMISSIBLE for kind in (states.CITIZENS, states.ASSOCIATION)},
    **{(kind, states.DEPOSITED, states.REJECT): states.INADMISSIBLE for kind in (states.CITIZENS, states.ASSOCIATION)},
    **{(kind, states.ADMISSIBLE, states.DECIDE): states.DECIDED for kind in (states.CITIZENS, states.ASSOCIATION)},
}


@pytest.mark.parametrize(("move", "after"), LEGAL.items(), ids=lambda value: str(value))
def test_every_move_the_law_allows(move, after):
    assert next_stage(*move) == after


ALL = list(itertools.product((states.CITIZENS, states.ASSOCIATION), states.STAGES, states.ACTS))


@pytest.mark.parametrize("move", [move for move in ALL if move not in LEGAL], ids=str)
def test_every_other_move_is_refused(move):
    with pytest.raises(IllegalTransition):
        next_stage(*move)


@pytest.mark.parametrize(
    "move",
    [
        pytest.param((states.CITIZENS, states.DRAFT, states.DEPOSIT), id="a citizens' draft deposited unsigned"),
        pytest.param((states.ASSOCIATION, states.DRAFT, states.OPEN_SIGNING), id="an association collects"),
        pytest.param((states.CITIZENS, states.DEPOSITED, states.WITHDRAW), id="withdrawn after deposit"),
        pytest.param((states.CITIZENS, states.DEPOSITED, states.DECIDE), id="decided before admissibility"),
        pytest.param((states.CITIZENS, states.INADMISSIBLE, states.DECIDE), id="an inadmissible one decided"),
        pytest.param((states.CITIZENS, states.DECIDED, states.DECIDE), id="decided twice"),
        pytest.param((states.CITIZENS, states.ADMISSIBLE, states.REJECT), id="ruled on twice"),
    ],
)
def test_the_moves_the_law_names_as_out_of_order(move):
    with pytest.raises(IllegalTransition):
        next_stage(*move)


def test_the_acts_offered_are_exactly_the_legal_ones():
    for kind, stage in itertools.product((states.CITIZENS, states.ASSOCIATION), states.STAGES):
        offered = set(acts_from(kind, stage))
        assert offered == {act for (k, s, act) in LEGAL if (k, s) == (kind, stage)}
