"""The practice's state machine, as a table: every act from every status, who acts, and the notes required."""

import pytest

from infitah.practices import states
from infitah.practices.states import Act, Status, TransitionRefused

D, S, R, P, W = Status.DRAFT, Status.SUBMITTED, Status.RETURNED, Status.PUBLISHED, Status.WITHDRAWN

# act, from, note -> to (None: refused)
TABLE = [
    (Act.SUBMIT, D, "", S),
    (Act.SUBMIT, R, "", None),
    (Act.SUBMIT, S, "", None),
    (Act.SUBMIT, P, "", None),
    (Act.RESUBMIT, R, "", S),
    (Act.RESUBMIT, D, "", None),
    (Act.PUBLISH, S, "", P),
    (Act.PUBLISH, D, "", None),
    (Act.PUBLISH, R, "", None),
    (Act.PUBLISH, P, "", None),
    (Act.PUBLISH, W, "", None),
    (Act.RETURN, S, "Add the workshop's agenda.", R),
    (Act.RETURN, S, "", None),
    (Act.RETURN, S, "   ", None),
    (Act.RETURN, P, "a note", None),
    (Act.WITHDRAW, P, "The partner asked us to.", W),
    (Act.WITHDRAW, P, "", None),
    (Act.WITHDRAW, S, "a reason", None),
    (Act.WITHDRAW, W, "a reason", None),
    ("delete", P, "", None),
]


@pytest.mark.parametrize(("act", "source", "note", "target"), TABLE)
def test_each_act_from_each_status(act, source, note, target):
    if target is None:
        with pytest.raises(TransitionRefused):
            states.next_status(source, act, note)
    else:
        assert states.next_status(source, act, note) == target


def test_the_collectivitys_staff_submit_and_the_coordinators_review():
    assert states.acts_from(D, states.STAFF) == [Act.SUBMIT]
    assert states.acts_from(R, states.STAFF) == [Act.RESUBMIT]
    assert states.acts_from(S, states.STAFF) == []
    assert states.acts_from(S, states.COORDINATOR) == [Act.PUBLISH, Act.RETURN]
    assert states.acts_from(P, states.COORDINATOR) == [Act.WITHDRAW]
    assert states.acts_from(W, states.COORDINATOR) == states.acts_from(W, states.STAFF) == []


def test_only_a_published_practice_is_public_and_only_drafts_and_returned_ones_change():
    assert {P} == states.PUBLIC
    assert {D, R} == states.EDITABLE
