"""Who signed is never public. With signatures in the database whose ID numbers the test knows, every page of the
"petitions" namespace that answers a GET (whichever part of the app declares it), the member page, every API
operation of petitions, the open-data dataset and the search documents are read by a visitor and by a signed-in
citizen: no ID number (as typed or normalised), no masked number, no signer's name or e-mail address appears."""

import pytest
from django.urls import reverse
from django.utils import translation

from infitah.core import datasets, search
from infitah.petitions import urls as petition_urls
from tests.factories import MembershipFactory
from tests.petitions.factories import signed
from tests.petitions.public import collecting, deposited

pytestmark = pytest.mark.django_db

TYPED, NORMALISED, MASKED = "jk 482913", "JK482913", "JK••••13"
OTHER_TYPED, OTHER_NORMALISED, OTHER_MASKED = "be-778104", "BE778104", "BE••••04"
NAMES = ("Yasmine Berrada", "Mehdi Fassi")


@pytest.fixture
def signed_world(people):
    MembershipFactory(collectivity=people.commune_a)
    MembershipFactory(collectivity=people.region)
    petition = collecting(people, title="Benches for the bus stops")
    first, second = people.signer(), people.signer()
    signed(petition, first, TYPED, people.commune_a, name=NAMES[0])
    region_petition = collecting(people, people.region, title="Regional buses")
    signed(region_petition, second, OTHER_TYPED, people.commune_2, name=NAMES[1], basis="activity")
    deposited(people)
    secrets = [TYPED, NORMALISED, MASKED, OTHER_TYPED, OTHER_NORMALISED, OTHER_MASKED, "482913", "778104", *NAMES]
    secrets += [first.email, second.email, first.full_name, second.full_name]
    return {"petitions": [petition, region_petition], "secrets": [s for s in secrets if s]}


def _assert_clean(text, secrets, where):
    for secret in secrets:
        assert secret not in text, f"{secret!r} appears in {where}"


def _namespace_urls(petition):
    """Every address of the namespace, its arguments filled with the petition's id, in English."""
    found = []
    with translation.override("en"):
        for pattern in petition_urls.urlpatterns:
            kwargs = dict.fromkeys(pattern.pattern.converters, petition.pk)
            found.append(reverse(f"petitions:{pattern.name}", kwargs=kwargs))
    return found


def test_no_public_page_shows_who_signed(signed_world, client, people):
    secrets = signed_world["secrets"]
    seen = 0
    for visitor in (None, people.citizen):
        if visitor is not None:
            client.force_login(visitor)
        for petition in signed_world["petitions"]:
            addresses = _namespace_urls(petition)
            addresses += [f"/en/petitions/?collectivity={petition.collectivity.code}", "/ar/petitions/"]
            addresses += [reverse("territories:member", args=[petition.collectivity.code])]
            for address in addresses:
                response = client.get(address)
                if response.status_code == 200:
                    seen += 1
                    body = b"".join(response.streaming_content) if response.streaming else response.content
                    _assert_clean(body.decode(), secrets, address)
    assert seen >= 10  # the list, the statistics, the member pages, the petitions' pages at least


def test_no_api_answer_shows_who_signed(signed_world, client):
    secrets = signed_world["secrets"]
    schema = client.get("/api/v1/openapi.json").json()
    paths = [path for path in schema["paths"] if path.startswith("/api/v1/petitions")]
    assert len(paths) >= 3
    for petition in signed_world["petitions"]:
        for path in paths:
            address = path.replace("{petition_id}", str(petition.pk))
            response = client.get(address)
            assert response.status_code == 200, address
            _assert_clean(response.content.decode(), secrets, address)
    _assert_clean(str(schema["paths"]), secrets, "the schema")


def test_the_dataset_and_the_search_documents_hold_no_signer(signed_world):
    secrets = signed_world["secrets"]
    rows = list(datasets.table("petitions"))
    assert "signatures" in rows[0] and len(rows) == 4  # the header and three public petitions
    _assert_clean(repr(rows), secrets, "the petitions dataset")
    assert not any(column in rows[0] for column in ("signer", "full_name", "id_masked", "id_hash", "agent"))
    documents = list(search.documents(["petitions.petition"]))
    assert len(documents) == 3
    _assert_clean(repr(documents), secrets, "the search documents")
