"""The demo's library: Marrakech-Safi's co-creation workshop (the seed article) published and adopted by Safi into a
commitment of Safi's own program, one practice waiting for review and one returned; resources with versions per
language; all illustrative; loading twice changes nothing."""

import pytest
from django.urls import reverse

from infitah.practices.models import Adoption, Practice
from infitah.practices.states import Status
from infitah.resources.models import Resource, ResourceFile
from tests.demo_data import load_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    load_demo()


def test_the_workshop_is_published_and_safi_adopted_it_into_its_own_commitment(demo, client):
    workshop = Practice.objects.get(collectivity__code="07", title__fr__startswith="L'atelier de co-création")
    assert workshop.status == Status.PUBLISHED and workshop.is_illustrative
    assert "11" in workshop.summary["ar"] and "الهيئات الاستشارية" in workshop.summary["ar"]
    adoption = Adoption.objects.get(practice=workshop)
    assert adoption.collectivity.code == "07007001"
    assert adoption.commitment.program.collectivity_id == adoption.collectivity_id
    html = client.get(reverse("programs:commitment", args=[adoption.commitment_id])).content.decode()
    assert "الخلق المشترك" in html or "co-création" in html


def test_one_practice_waits_for_review_and_one_was_returned_and_neither_is_public(demo, client):
    assert Practice.objects.filter(status=Status.SUBMITTED).count() == 1
    returned = Practice.objects.get(status=Status.RETURNED)
    assert returned.review_note and returned.events.last().note == returned.review_note
    html = client.get(reverse("practices:list")).content.decode()
    for practice in Practice.objects.exclude(status=Status.PUBLISHED):
        assert practice.title["fr"] not in html
    assert Practice.objects.exclude(is_illustrative=True).count() == 0


def test_resources_come_in_arabic_and_french_one_in_two_versions(demo):
    assert Resource.objects.count() == 3 and not Resource.objects.filter(is_illustrative=False).exists()
    guide = Resource.objects.get(kind="guide")
    assert guide.versions.count() == 2
    assert sorted(ResourceFile.objects.filter(version__resource=guide).values_list("language", flat=True)) == [
        "ar",
        "ar",
        "fr",
        "fr",
    ]


def test_loading_twice_changes_nothing(demo):
    counts = (Practice.objects.count(), Adoption.objects.count(), Resource.objects.count())
    load_demo()
    assert (Practice.objects.count(), Adoption.objects.count(), Resource.objects.count()) == counts
