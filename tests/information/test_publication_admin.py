"""The back office of access to information: the catalogue's entries read-only and scoped to the staff's own
collectivity; requests read-only for the collectivity's information officers, never showing or searching the
national ID number; the law's categories for platform administrators."""

import pytest

from tests.factories import UserFactory
from tests.information.factories import filed_request
from tests.information.publication_factories import entry

pytestmark = pytest.mark.django_db

ENTRIES = "/en/admin/information/publicationentry/"
REQUESTS = "/en/admin/information/informationrequest/"


def test_staff_read_their_collectivitys_entries_only_and_change_them_on_the_site(client, people):
    own, other = entry(people.commune_a, owner="Service A"), entry(people.commune_b, owner="Service B")
    client.force_login(people.editor)
    listing = client.get(ENTRIES).content.decode()
    assert f"{ENTRIES}{own.pk}/change/" in listing and f"{ENTRIES}{other.pk}/change/" not in listing
    assert client.get(f"{ENTRIES}{other.pk}/change/").status_code in (302, 403, 404)
    client.post(f"{ENTRIES}{own.pk}/change/", {"owner": "Piraté"})
    own.refresh_from_db()
    assert own.owner == "Service A"


def test_the_national_id_number_is_nowhere_in_the_back_office(client, people):
    request = filed_request(people.commune_a, national_id="ZX987654")
    client.force_login(people.information_officer)
    listing = client.get(REQUESTS)
    assert listing.status_code == 200 and request.reference in listing.content.decode()
    page = client.get(f"{REQUESTS}{request.pk}/change/").content.decode()
    assert request.subject in page
    for html in (listing.content.decode(), page):
        assert "ZX987654" not in html and "Fatima Zahra Bennani" not in html
    assert "0 results" in client.get(REQUESTS, {"q": "ZX987654"}).content.decode()  # not searchable either


def test_only_the_collectivitys_information_officers_read_its_requests(client, people):
    request = filed_request(people.commune_a)
    for person in (people.editor, people.other_focal_point, people.coordinator):
        client.force_login(person)
        assert client.get(f"{REQUESTS}{request.pk}/change/").status_code in (302, 403, 404)


def test_the_laws_categories_are_the_platform_administrators(client, people):
    client.force_login(people.focal_point)
    assert client.get("/en/admin/information/publicationcategory/").status_code in (302, 403)
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert "budget" in client.get("/en/admin/information/publicationcategory/").content.decode()
