"""`infitah demo` holds the issue's three petitions, all illustrative and made through the services: one to
Marrakech-Safi collecting signatures with its per-province counts and one province under its 5%; one to the commune
of Safi deposited and declared admissible, on the next ordinary session; one by an association declared
inadmissible with its reasoned notice. It needs only the territories' demo before it."""

import datetime

import pytest

from infitah.petitions import counting, demo, states
from infitah.petitions.models import Petition, Signature
from infitah.territories import demo as territories_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def petitions():
    territories_demo.load()
    demo.load()
    return {petition.stage: petition for petition in Petition.objects.select_related("collectivity")}


def test_the_region_petition_collects_with_one_province_under_its_five_percent(petitions):
    petition = petitions[states.COLLECTING]
    assert petition.collectivity.code == "07" and petition.is_illustrative
    reached = counting.progress(petition)
    assert reached.band is not None and reached.band.signatures == 500
    assert reached.shortfall is not None and not reached.shortfall.met
    provinces = counting.provinces_of(petition.collectivity)
    assert len(provinces) == 8
    short = {province.code for province in provinces if province.pk in reached.shortfall.missing_in_provinces}
    assert short == {"07008"}
    counts = counting.counts_by_province(petition)
    assert len([n for n in counts.values() if n >= reached.shortfall.per_province_minimum]) == 7


def test_the_commune_petition_is_admissible_and_on_the_next_ordinary_session(petitions):
    petition = petitions[states.ADMISSIBLE]
    assert petition.collectivity.code == "07007001" and petition.is_illustrative
    assert petition.receipt_number and petition.deposited_on == datetime.date(2026, 10, 12)
    assert petition.signatures_at_deposit == 200
    # Ruled on 9 November 2026: a commune's next ordinary session is February.
    assert petition.session_month == datetime.date(2027, 2, 1)
    assert petition.committee


def test_the_association_petition_is_inadmissible_with_its_reasoned_notice(petitions):
    petition = petitions[states.INADMISSIBLE]
    assert petition.kind == states.ASSOCIATION and petition.is_illustrative
    assert petition.admissibility_reasons and petition.admissibility_on == datetime.date(2026, 10, 26)
    assert not Signature.objects.filter(petition=petition).exists()


def test_a_second_load_adds_nothing(petitions):
    before = (Petition.objects.count(), Signature.objects.count())
    demo.load()
    assert (Petition.objects.count(), Signature.objects.count()) == before


def test_no_id_number_is_kept_only_hashes_and_masks(petitions):
    signature = Signature.objects.order_by("pk").first()
    assert signature is not None and "•" in signature.id_masked and len(signature.id_hash) == 64
