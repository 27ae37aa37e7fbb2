"""Work held during bulk writes runs once, at the end of the outermost block, and only if something changed."""

import pytest

from infitah.core.held import Held


def test_the_outermost_block_releases_once_after_a_change():
    released = []
    hold = Held(on_release=lambda: released.append(True))
    with hold():
        assert hold.active
        with hold():
            hold.note()
        assert released == [], "an inner block's end releases nothing"
        hold.note()
    assert released == [True] and not hold.active


def test_nothing_changed_nothing_released():
    released = []
    hold = Held(on_release=lambda: released.append(True))
    with hold():
        pass
    assert released == []


def test_a_failing_block_ends_the_hold_without_releasing():
    released = []
    hold = Held(on_release=lambda: released.append(True))
    with pytest.raises(RuntimeError), hold():
        hold.note()
        raise RuntimeError("an import stopped halfway")
    # Its transaction is rolled back by whoever catches the error; a release now could fail in that broken
    # transaction and hide the error.
    assert not hold.active and released == []
    with hold():
        pass
    assert released == [], "a change is not carried into the next block"
