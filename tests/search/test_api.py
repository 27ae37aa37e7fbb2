"""The search in the API: the page's matching, order and filters, in pages; hidden content never; bad input a 422."""

import pytest

pytestmark = pytest.mark.django_db


def get(client, **params):
    return client.get("/api/v1/search", params, HTTP_ACCEPT_LANGUAGE="ar")


def test_the_api_finds_what_the_page_finds_in_the_same_order(client, corpus):
    body = get(client, q="المسائلة").json()
    assert body["count"] == 5
    first = body["items"][0]
    assert (first["kind"], first["object_id"]) == ("programs.commitment", corpus.accountability.pk)
    assert first["collectivity_code"] == corpus.tetouan.code
    assert first["title"] == "تعزيز المُساءلة في تدبير الميزانية"


def test_filters_and_hidden_content(client, corpus):
    body = get(client, q="redevabilité", collectivity=corpus.safi.code, kind="events.event").json()
    assert [item["object_id"] for item in body["items"]] == [corpus.workshop.pk]
    assert get(client, q="zanzibar").json()["count"] == 0
    assert get(client, q="redevabilité", collectivity="NOPE").json()["count"] == 0


@pytest.mark.parametrize("typed", ['" OR 1=1 --', "NEAR(", "*", "&|!"])
def test_operators_are_plain_words(client, corpus, typed):
    assert get(client, q=typed).status_code == 200


def test_a_missing_or_too_long_query_is_refused(client, corpus):
    assert get(client).status_code == 422
    assert get(client, q="x" * 201).status_code == 422


def test_the_number_of_queries_does_not_grow(client, corpus, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        get(client, q="المساءلة")
