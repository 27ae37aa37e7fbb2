"""The objects of a shared page's parts, kept per copy in a process (core/partobjects.py): each reader is given their
own copies with their own state, and what one reader's parts set never reaches the kept objects or another reader."""

import pytest

from infitah.core import partobjects
from infitah.core.partobjects import Loader, objects_for
from infitah.territories.models import Collectivity
from tests.factories import CommuneFactory, MembershipFactory, NetworkFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def collectivity():
    NetworkFactory()
    return MembershipFactory(collectivity=CommuneFactory()).collectivity


def counting_loader(loads: list, reader=None) -> Loader:
    def everyone(model, pks):
        loads.append(set(pks))
        return model.objects.select_related("parent").in_bulk(pks)

    return Loader(everyone=everyone, reader=reader)


def test_a_copys_objects_are_loaded_once_and_each_reader_sets_their_state_on_their_own(collectivity):
    loads: list = []

    def reader_state(objects, user):
        for obj in objects.values():
            obj.read_by = user.pk

    loader = counting_loader(loads, reader_state)
    first, second = UserFactory(), UserFactory()

    mine = objects_for(loader, Collectivity, [collectivity.pk], first, "copy-1")[collectivity.pk]
    theirs = objects_for(loader, Collectivity, [collectivity.pk], second, "copy-1")[collectivity.pk]

    assert loads == [{collectivity.pk}]
    assert (mine.read_by, theirs.read_by) == (first.pk, second.pk)
    assert mine is not theirs and mine.name == theirs.name == collectivity.name


def test_a_readers_copy_keeps_what_they_cache_on_it_to_themselves(collectivity):
    loader = counting_loader([])
    mine = objects_for(loader, Collectivity, [collectivity.pk], UserFactory(), "copy-1")[collectivity.pk]
    mine._state.fields_cache["parent"] = None
    mine.name = "changed by one reader's part"

    theirs = objects_for(loader, Collectivity, [collectivity.pk], UserFactory(), "copy-1")[collectivity.pk]

    assert theirs.name == collectivity.name
    # Read from the kept select_related cache, not from another reader's.
    assert theirs.parent == collectivity.parent is not None


def test_another_copy_or_no_copy_loads_afresh(collectivity):
    loads: list = []
    loader = counting_loader(loads)
    user = UserFactory()

    objects_for(loader, Collectivity, [collectivity.pk], user, "copy-1")
    objects_for(loader, Collectivity, [collectivity.pk], user, "copy-2")  # the stamps moved: another copy
    objects_for(loader, Collectivity, [collectivity.pk], user, None)
    objects_for(loader, Collectivity, [collectivity.pk], user, None)

    assert len(loads) == 4


def test_the_loads_kept_are_bounded(collectivity, monkeypatch):
    monkeypatch.setattr(partobjects._kept, "limit", 3)
    loads: list = []
    loader = counting_loader(loads)
    user = UserFactory()
    for copy in ("a", "b", "c", "d"):
        objects_for(loader, Collectivity, [collectivity.pk], user, copy)

    objects_for(loader, Collectivity, [collectivity.pk], user, "d")  # kept
    objects_for(loader, Collectivity, [collectivity.pk], user, "a")  # the oldest, pushed out

    assert len(loads) == 5
