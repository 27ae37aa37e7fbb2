"""Issue check: with requests in the database (national ID numbers set, names not published, internal notes
written, one request kept out of the register), no public page of access to information, no API answer, no dataset,
no search document and no log line shows a national ID number (in any spelling), an unpublished name, a contact
address or an internal note."""

import logging
import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, reverse

from infitah.core.datasets import datasets, table
from infitah.core.search import documents
from infitah.information import services, states
from infitah.information import urls as information_urls
from infitah.information.models import Ground
from tests.api.helpers import API
from tests.factories import MembershipFactory, UserFactory
from tests.information.factories import filed_request
from tests.information.register_factories import days

pytestmark = pytest.mark.django_db

# The digits of each number are enough to catch any spelling of it ("qz 987654", "QZ-987654", "QZ987654").
NATIONAL_IDS = ("qz 987654", "XY-246813")
SECRET_DIGITS = ("987654", "246813")
UNPUBLISHED_NAMES = ("Yasmine Secretname", "Omar Hiddenperson")
SECRETS = (
    *UNPUBLISHED_NAMES,
    "Note about the requester's phone call",
    "Derb Sultan 12, Casablanca",
    "secret-requester@example.org",
    "About my neighbour's illness",  # the subject of a request kept out of the register
    "Names a private person",  # the reason it was kept out
)


@pytest.fixture
def requests_with_secrets(people):
    officer = people.information_officer
    MembershipFactory(collectivity=people.commune_a)
    first = filed_request(
        people.commune_a,
        people.citizen,
        requester_name=UNPUBLISHED_NAMES[0],
        national_id=NATIONAL_IDS[0],
        postal_address="Derb Sultan 12, Casablanca",
        contact_email="secret-requester@example.org",
        subject="Budget execution of 2024",
    )
    services.add_note(officer, first, "Note about the requester's phone call")
    services.perform(officer, first, states.START, today=days(1))
    first = services.perform(
        officer, first, states.ANSWER_PARTIALLY, response="Here it is", withheld="Salaries",
        ground=Ground.PRIVATE_LIFE, today=days(4),
    )  # fmt: skip
    services.file_complaint(people.citizen, first, "I want the salaries", today=days(6))
    second = filed_request(people.commune_a, requester_name=UNPUBLISHED_NAMES[1], national_id=NATIONAL_IDS[1])
    services.add_note(officer, second, "Note about the requester's phone call")
    kept_out = filed_request(people.commune_a, subject="About my neighbour's illness")
    services.set_visibility(officer, kept_out, is_public=False, reason="Names a private person")
    shown = filed_request(people.commune_b, requester_name="Karim Alaoui", national_id="KA 135790")
    services.set_publish_name(shown.requester, shown, True)
    return {"first": first, "second": second, "kept_out": kept_out, "shown": shown}


def assert_nothing_private(text, where):
    lowered = text.lower()
    for digits in (*SECRET_DIGITS, "135790"):
        assert digits not in lowered, f"a national ID number in {where}"
    for secret in SECRETS:
        assert secret.lower() not in lowered, f"{secret!r} in {where}"
    # The requesters' ID numbers as the form took them and as they are stored, whatever the case or spacing.
    assert not re.search(r"qz\W?987654|xy\W?246813", lowered), where


def _public_paths(patterns, requests, collectivity):
    """Every GET address of the information namespace, with the arguments a visitor would use."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):  # pragma: no cover - the app's lists are flat
            yield from _public_paths(pattern.url_patterns, requests, collectivity)
            continue
        assert isinstance(pattern, URLPattern)
        converters = pattern.pattern.converters
        names = set(converters)
        if not names:
            yield reverse(f"information:{pattern.name}")
        elif names == {"reference"}:
            for request in requests.values():
                yield reverse(f"information:{pattern.name}", kwargs={"reference": request.reference})
        elif names == {"code"}:
            yield reverse(f"information:{pattern.name}", kwargs={"code": collectivity.code})
        elif names == {"pk"}:
            yield reverse(f"information:{pattern.name}", kwargs={"pk": 1})
        else:  # pragma: no cover - a new kind of address must be added here
            pytest.fail(f"the privacy check does not know how to fill {pattern.pattern}")


def _body(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig", "replace")
    return response.content.decode("utf-8", "replace")


def test_no_public_page_shows_identity_ids_or_notes(people, requests_with_secrets, caplog):
    caplog.set_level(logging.DEBUG)
    paths = list(_public_paths(information_urls.urlpatterns, requests_with_secrets, people.commune_a))
    paths += [
        f"{reverse('information:register')}?q=budget",
        f"{reverse('information:statistics_csv')}?collectivity={people.commune_a.code}",
        reverse("territories:member", args=[people.commune_a.code]),  # its access-to-information block
    ]
    visitors = {"anonymous": Client(), "another citizen": Client()}
    visitors["another citizen"].force_login(UserFactory())
    rendered = 0
    for who, client in visitors.items():
        for path in paths:
            response = client.get(path)
            assert response.status_code < 500, path
            assert_nothing_private(_body(response), f"{path} as {who}")
            rendered += response.status_code == 200
    assert rendered >= 2 * 5  # the register, the figures, a collectivity's figures, the CSV, the member page
    register = Client().get(reverse("information:register")).content.decode()
    assert "Karim Alaoui" in register  # the name its requester chose to show
    assert requests_with_secrets["first"].reference in register
    # Nobody finds a request by its requester's ID number or name (the search reads the request's text only).
    for query in ("987654", UNPUBLISHED_NAMES[0]):
        found = Client().get(reverse("information:register"), {"q": query}).content.decode()
        assert requests_with_secrets["first"].reference not in found
    assert_nothing_private("\n".join(record.getMessage() for record in caplog.records), "the log")


def test_no_api_answer_shows_identity_ids_or_notes(client, people, requests_with_secrets):
    schema = client.get(f"{API}/openapi.json").json()
    paths = [
        path
        for path, operations in schema["paths"].items()
        # The staff writes take a token and answer what they wrote: only the reads here.
        if path.startswith(f"{API}/information/") and "get" in operations
    ]
    assert paths
    references = [request.reference for request in requests_with_secrets.values()]
    answered = 0
    for path in paths:
        filled = [path]
        if "{reference}" in path:
            filled = [path.replace("{reference}", reference) for reference in references]
        filled = [one.replace("{code}", people.commune_a.code) for one in filled]
        for url in filled:
            response = client.get(url)
            assert response.status_code in (200, 404), url
            assert_nothing_private(response.content.decode(), url)
            answered += response.status_code == 200
    kept_out = requests_with_secrets["kept_out"].reference
    assert client.get(f"{API}/information/requests/{kept_out}").status_code == 404
    assert answered >= 5


def test_no_dataset_nor_search_document_shows_identity_ids_or_notes(people, requests_with_secrets):
    keys = [dataset.key for dataset in datasets()]
    assert {"information-requests", "information-statistics"} <= set(keys)
    for key in keys:
        rows = list(table(key))
        assert_nothing_private("\n".join(",".join(str(cell) for cell in row) for row in rows), f"dataset {key}")
    requests_rows = list(table("information-requests"))
    assert len(requests_rows) == 1 + 3  # the header and the three requests in the register
    found = list(documents(["information.informationrequest"]))
    assert len(found) == 3
    assert_nothing_private("\n".join(f"{d.title} {d.text} {d.url}" for d in found), "the search documents")
