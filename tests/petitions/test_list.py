"""The public list of petitions: every petition out of its draft across the network (never a draft), filtered by
council, kind, stage and year and searched in its title and subject; each row with its council, kind, stage,
signature count and deposit date; the same handful of queries for 5 petitions as for 50."""

import pytest

from infitah.petitions import states
from tests.factories import CommuneFactory
from tests.petitions.factories import drafted
from tests.petitions.public import admitted, collecting, day, deposited, inadmissible

pytestmark = pytest.mark.django_db
URL = "/en/petitions/"


def _rows(response):
    return response.context["page"].object_list


def test_public_petitions_are_listed_with_their_counts_and_drafts_are_not(people, client):
    open_one = collecting(people, title="Benches for the bus stops", signatures=3)
    admissible = admitted(people, people.region, title="A regional library", on=day("2026-02-03"))
    drafted(people.commune_a, people.agent, title="A secret draft")

    response = client.get(URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert {p.pk for p in _rows(response)} == {open_one.pk, admissible.pk}
    assert "A secret draft" not in html
    assert "<bdi>Benches for the bus stops</bdi>" in html
    row = {p.pk: p for p in _rows(response)}[open_one.pk]
    assert row.signature_count == 3
    assert "Admissible: on the council" in html and "Collecting signatures" in html
    assert 'datetime="2026-02-03"' in html  # the deposit date
    assert "none collected" in html  # the association's petition collects no signature


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"kind": states.CITIZENS}, {"collecting"}),
        ({"kind": states.ASSOCIATION}, {"deposited", "inadmissible", "admissible"}),
        ({"stage": states.INADMISSIBLE}, {"inadmissible"}),
        ({"q": "TRAMWAY"}, {"collecting"}),  # in the title, whatever the case
        ({"q": "reading room"}, {"admissible"}),  # in the subject
        ({"year": 2025}, set()),
        ({"year": 2026}, {"collecting", "deposited", "inadmissible", "admissible"}),
    ],
)
def test_the_filters(people, client, query, expected):
    collecting(people, title="A tramway to the coast")
    deposited(people, title="Deposited")
    inadmissible(people, people.region, title="Inadmissible")
    admitted(people, title="Admissible", subject="Open a reading room on Sundays.")
    response = client.get(URL, query)
    assert response.status_code == 200
    assert {p.stage for p in _rows(response)} == expected


def test_the_council_filter_names_only_councils_with_public_petitions(people, client):
    collecting(people)
    deposited(people, people.region)
    elsewhere = CommuneFactory()
    drafted(elsewhere, people.agent)
    response = client.get(URL, {"collectivity": people.region.code})
    assert [p.collectivity for p in _rows(response)] == [people.region]
    choices = {code for code, _label in response.context["form"].fields["collectivity"].choices if code}
    assert {str(code) for code in choices} == {people.commune_a.code, people.region.code}


def test_a_bad_filter_is_explained_and_the_list_still_shows(people, client):
    collecting(people)
    response = client.get(URL, {"year": "last year", "stage": states.DRAFT})
    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"year", "stage"}
    assert len(_rows(response)) == 1


def test_the_query_count_does_not_grow_with_the_petitions(people, client, django_assert_max_num_queries):
    for index in range(5):
        collecting(people, title=f"Petition {index}", signatures=1 if index == 0 else 0)
    with django_assert_max_num_queries(8) as few:
        assert client.get(URL).status_code == 200
    for index in range(45):
        deposited(people, title=f"More {index}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(URL, {"kind": "", "page": 2})
    assert response.status_code == 200 and len(_rows(response)) == 25


def test_the_page_reads_in_arabic_right_to_left(people, client):
    collecting(people, title="ساحة مظللة قرب السوق")
    response = client.get("/ar/petitions/")
    html = response.content.decode()
    assert 'dir="rtl"' in html and "<bdi>ساحة مظللة قرب السوق</bdi>" in html


def test_a_member_page_shows_the_petitions_to_its_council(people, client):
    from tests.factories import MembershipFactory

    membership = MembershipFactory(collectivity=people.commune_a)
    collecting(people, title="Benches for the bus stops", signatures=1)
    inadmissible(people, title="A port on the river")
    drafted(people.commune_a, people.agent, title="A secret draft")
    response = client.get(membership.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Petitions to the council" in html and "2 petitions out of their draft." in html
    assert "<bdi>Benches for the bus stops</bdi>" in html and "<bdi>A port on the river</bdi>" in html
    assert "A secret draft" not in html
    assert f"/en/petitions/?collectivity={people.commune_a.code}" in html


def test_the_platform_finds_public_petitions_in_its_menu_and_index(people, client):
    from infitah.core import indicators

    keys = {indicator.key for indicator in indicators.indicators()}
    assert {"petitions.received", "petitions.ruled_in_time", "petitions.accepted"} <= keys
    html = client.get("/en/").content.decode()
    assert 'href="/en/petitions/"' in html
