"""What other parts read of the library: the API, search, open data, the sitemap and the capacity counts. Never a
practice that is not published."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from infitah.core.datasets import table
from infitah.core.search import documents, sources
from infitah.participation.attachments import attach
from infitah.practices import selectors, services
from infitah.practices.states import Act, Status
from tests.api.helpers import API, get_json, queries
from tests.factories import CommuneFactory
from tests.files import pdf_bytes
from tests.practices.factories import adoption_of, commitment_of, practice_in

pytestmark = pytest.mark.django_db

HIDDEN = [Status.DRAFT, Status.SUBMITTED, Status.RETURNED, Status.WITHDRAWN]


@pytest.fixture
def library(people):
    published = practice_in(people.commune_a, Status.PUBLISHED, title={"fr": "Publiée"}, principles=["transparency"])
    hidden = [practice_in(people.commune_a, status, title={"fr": f"Cachée {status}"}) for status in HIDDEN]
    adoption_of(published, people.commune_b, commitment_of(people.commune_b))
    return published, hidden


def test_the_api_lists_and_shows_published_practices_only(client, library, people):
    published, hidden = library
    answer = get_json(client, f"{API}/practices")
    assert [item["id"] for item in answer["items"]] == [published.pk]
    assert answer["items"][0]["adoptions"] == 1 and answer["items"][0]["collectivity_code"] == people.commune_a.code
    assert get_json(client, f"{API}/practices", principle="accountability")["items"] == []
    assert get_json(client, f"{API}/practices", collectivity="nowhere")["items"] == []
    one = get_json(client, f"{API}/practices/{published.pk}")
    assert one["adopted_by"][0]["collectivity_code"] == people.commune_b.code
    for practice in hidden:
        get_json(client, f"{API}/practices/{practice.pk}", status=404)
    get_json(client, f"{API}/practices/99999999", status=404)


def test_the_api_answers_in_the_same_queries_for_one_or_many(client, people, django_assert_max_num_queries):
    practice = practice_in(people.commune_a, Status.PUBLISHED)
    few_list, few_one = queries(client, f"{API}/practices"), queries(client, f"{API}/practices/{practice.pk}")
    for _n in range(6):
        adoption_of(practice, CommuneFactory())
        practice_in(CommuneFactory(), Status.PUBLISHED)
    with django_assert_max_num_queries(few_list):
        client.get(f"{API}/practices")
    with django_assert_max_num_queries(few_one):
        client.get(f"{API}/practices/{practice.pk}")


def test_search_and_open_data_hold_published_practices_only_with_principles_and_date(library):
    published, _hidden = library
    [document] = documents(kinds=["practices.practice"])
    assert document.title == "Publiée" and document.url == published.get_absolute_url()
    source = next(source for source in sources() if source.kind == "practices.practice")
    assert source.principles(published) == ["transparency"] and source.date(published) == published.published_at
    header, *rows = list(table("practices"))
    assert len(rows) == 1
    row = dict(zip(header, rows[0], strict=True))
    assert row["title"] == "Publiée" and row["adoptions"] == 1


def test_a_draft_practices_documents_are_not_downloaded_by_the_public(client, people):
    practice = practice_in(people.commune_a)
    attachment = attach(people.editor, practice, SimpleUploadedFile("agenda.pdf", pdf_bytes()))
    url = reverse("participation:download", args=[attachment.pk])
    assert client.get(url).status_code in (403, 404)
    services.transition(people.editor, practice, Act.SUBMIT)
    services.transition(people.coordinator, practice, Act.PUBLISH)
    client.logout()
    response = client.get(url)
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]


def test_capacity_counts_costs_two_queries_whatever_the_number_of_members(people):
    members = [CommuneFactory() for _n in range(5)]
    practice_in(members[0], Status.PUBLISHED)
    practice_in(members[0], Status.PUBLISHED)
    practice_in(members[0], Status.SUBMITTED)  # not shared yet
    adoption_of(practice_in(members[1], Status.PUBLISHED), members[2])
    adoption_of(practice_in(members[1], Status.WITHDRAWN), members[3])  # withdrawn: no longer counted
    with CaptureQueriesContext(connection) as captured:
        counts = selectors.capacity_counts([member.pk for member in members])
    assert len(captured) == 2
    assert counts[members[0].pk] == {"shared": 2, "adopted": 0}
    assert counts[members[1].pk] == {"shared": 1, "adopted": 0}
    assert counts[members[2].pk] == {"shared": 0, "adopted": 1}
    assert counts[members[3].pk] == counts[members[4].pk] == {"shared": 0, "adopted": 0}
    assert selectors.capacity_counts([]) == {}


def test_the_sitemap_lists_published_practices_only(client, library):
    published, hidden = library
    xml = client.get("/sitemap.xml").content.decode()
    assert f"/practices/{published.pk}/" in xml
    assert all(f"/practices/{practice.pk}/" not in xml for practice in hidden)


def test_the_api_refuses_nonsense_filters_with_a_problem(client, library):
    get_json(client, f"{API}/practices", status=422, principle="<script>")
    get_json(client, f"{API}/practices", status=422, page=0)
