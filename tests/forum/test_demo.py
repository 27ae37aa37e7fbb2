"""`infitah demo` gives the forum five categories (one for members only) and illustrative threads between
Marrakech-Safi's staff, Safi's staff and the Marrakech association, in Arabic and French: one links a commitment of
the region's program, one mentions the region's focal point, who is told."""

import pytest

from infitah.forum import demo
from infitah.forum.models import Category, Thread
from infitah.participation.models import Notification
from infitah.programs import demo as programs_demo
from infitah.territories import demo as territories_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    territories_demo.load()
    programs_demo.load()
    demo.load()


def test_five_categories_one_for_members_only(loaded):
    assert Category.objects.count() == 5
    assert list(Category.objects.filter(members_only=True).values_list("slug", flat=True)) == ["digital-tools"]


def test_illustrative_threads_one_linking_a_commitment_with_a_mention_that_was_notified(loaded):
    threads = Thread.objects.all()
    assert threads.count() >= 4 and not threads.filter(is_illustrative=False).exists()
    linked = threads.get(commitment__isnull=False)
    assert linked.commitment.program.collectivity.code == "07"
    assert linked.reply_count == 2
    assert Notification.objects.filter(verb="forum_mention", recipient__email="focal.marrakech-safi@infitah.example")
    authors = set(threads.values_list("author__email", flat=True))
    assert {
        "focal.marrakech-safi@infitah.example",
        "focal.safi@infitah.example",
        "association@infitah.example",
    } <= authors


def test_loading_twice_adds_nothing(loaded):
    before = Thread.objects.count()
    demo.load()
    assert Thread.objects.count() == before
