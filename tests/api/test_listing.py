"""Every list sorts by the fields it declares (`?ordering=`, the primary key breaking ties) and answers its
translated texts in one language (`?lang=`); an unknown value is a 400 problem naming the allowed ones."""

import datetime

import pytest
from ninja.errors import HttpError

from infitah.api import listing
from tests.api.helpers import API, get_json, queries
from tests.events.factories import EventFactory, in_days

FIELDS = {"starts_at": "starts_at", "created": "created_at"}


@pytest.mark.parametrize(
    ("requested", "expected"),
    [
        ("starts_at", ("starts_at", "pk")),
        ("-starts_at", ("-starts_at", "-pk")),
        ("created", ("created_at", "pk")),
        ("-created", ("-created_at", "-pk")),
    ],
)
def test_a_declared_ordering_maps_to_the_model_field_with_the_key_as_tie_breaker(requested, expected):
    assert listing.order_by(requested, FIELDS) == expected


@pytest.mark.parametrize(
    "requested", ["title", "created_at", "--created", "-", "pk", "starts_at,pk", "collectivity__code"]
)
def test_anything_else_is_refused_with_the_allowed_values(requested):
    with pytest.raises(HttpError) as refused:
        listing.order_by(requested, FIELDS)
    assert refused.value.status_code == 400
    assert "starts_at, -starts_at, created, -created" in refused.value.message


@pytest.mark.parametrize("lang", ["ar", "fr", "en", "zgh"])
def test_the_platform_s_languages_are_accepted(lang):
    assert listing.language(lang) == lang


@pytest.mark.parametrize("lang", ["", "AR", "de", "fr-FR", "arabic"])
def test_other_languages_are_refused(lang):
    with pytest.raises(HttpError) as refused:
        listing.language(lang)
    assert refused.value.status_code == 400


def test_a_sequence_declares_fields_of_the_same_name():
    assert listing.sortable(("year", "code")) == {"year": "year", "code": "code"}


@pytest.mark.django_db
def test_events_sort_by_date_both_ways_with_ties_in_key_order(client):
    same_time = in_days(5)
    first, second = EventFactory(starts_at=same_time), EventFactory(starts_at=same_time)
    later = EventFactory(starts_at=in_days(9))
    ascending = [item["id"] for item in get_json(client, f"{API}/events", ordering="starts_at")["items"]]
    descending = [item["id"] for item in get_json(client, f"{API}/events", ordering="-starts_at")["items"]]
    assert ascending == [first.pk, second.pk, later.pk]
    assert descending == [later.pk, second.pk, first.pk]


@pytest.mark.django_db
def test_an_unknown_ordering_or_language_is_a_400_problem(client):
    problem = get_json(client, f"{API}/events", status=400, ordering="title")
    assert "starts_at" in problem["detail"]
    get_json(client, f"{API}/events", status=400, lang="de")


@pytest.mark.django_db
def test_lang_answers_each_text_in_that_language_or_its_fallback(client):
    EventFactory(title={"ar": "ورشة", "fr": "Atelier"}, place={"ar": "المقر"})
    item = get_json(client, f"{API}/events", lang="fr")["items"][0]
    assert item["title"] == {"text": "Atelier", "lang": "fr"}
    assert item["place"]["text"] == "المقر" and item["place"]["lang"] == "ar"
    # Without lang, every language as before.
    assert get_json(client, f"{API}/events")["items"][0]["title"] == {"ar": "ورشة", "fr": "Atelier"}


@pytest.mark.django_db
def test_sorting_and_language_cost_no_query_per_row(client):
    EventFactory.create_batch(3)
    few = queries(client, f"{API}/events?ordering=-created&lang=ar")
    EventFactory.create_batch(30)
    assert queries(client, f"{API}/events?ordering=-created&lang=ar") == few


def _sortable_lists():
    """(path, declared orderings) of every paged list operation of the schema (one with `?page=`)."""
    from infitah.api.urls import api

    schema = api.get_openapi_schema(path_prefix=f"{API}/")
    lists = []
    for path, operations in schema["paths"].items():
        parameters = {parameter["name"]: parameter for parameter in operations.get("get", {}).get("parameters", [])}
        if "page" in parameters:
            description = parameters.get("ordering", {}).get("description", "")
            lists.append((path, description.removeprefix("Sort by one of: ").split(" (")[0].split(", ")))
    return lists


# Lists answered in an order of their own, not a queryset a client re-sorts: relevance, and computed figures.
UNSORTED = {f"{API}/search", f"{API}/datasets", f"{API}/information/publication/completeness"}
SORTABLE = [(path, allowed) for path, allowed in _sortable_lists() if path not in UNSORTED]


def _filled(path):
    """The path with a public parent for its parameters: a consultation, a forum thread, a budget, a session."""
    from tests.budgets.factories import budget
    from tests.consultations.factories import ConsultationFactory
    from tests.council.factories import session
    from tests.factories import CommuneFactory
    from tests.forum.factories import ThreadFactory

    if "{consultation_id}" in path:
        return path.replace("{consultation_id}", str(ConsultationFactory().pk))
    if "{thread_id}" in path:
        return path.replace("{thread_id}", str(ThreadFactory().pk))
    if "{code}" in path:
        made = budget(CommuneFactory())
        return path.replace("{code}", made.collectivity.code).replace("{year}", str(made.year))
    if "{session_id}" in path:
        return path.replace("{session_id}", str(session(CommuneFactory()).pk))
    return path


def test_every_paged_list_but_the_ranked_ones_declares_an_ordering():
    assert len(SORTABLE) >= 30
    assert all(allowed != [""] for _, allowed in SORTABLE), [path for path, allowed in SORTABLE if allowed == [""]]


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "allowed"), SORTABLE, ids=[path.removeprefix(API) for path, _ in SORTABLE])
def test_every_paged_list_sorts_by_each_declared_ordering_and_refuses_others(client, path, allowed):
    url = _filled(path)
    assert "{" not in url
    for value in allowed:
        get_json(client, url, ordering=value, lang="fr")
    problem = get_json(client, url, status=400, ordering="no_such_field")
    assert problem["status"] == 400
    assert all(value in problem["detail"] for value in allowed)


@pytest.mark.django_db
def test_the_collectivity_filter_narrows_the_members_and_the_training_courses(client):
    from infitah.territories.models import Membership
    from tests.factories import CommuneFactory
    from tests.training.factories import CourseFactory

    one, other = CommuneFactory(), CommuneFactory()
    for commune in (one, other):
        Membership.objects.get_or_create(collectivity=commune, defaults={"joined_on": datetime.date(2024, 1, 1)})
        CourseFactory(collectivity=commune)
    for path in (f"{API}/members", f"{API}/training/courses"):
        everything = get_json(client, path)["items"]
        narrowed = get_json(client, path, collectivity=one.code)["items"]
        assert len(everything) >= 2 and len(narrowed) == 1, (path, narrowed)


@pytest.mark.django_db
def test_a_sorted_list_in_one_language_costs_the_same_queries_with_10_or_1000_rows(client):
    from infitah.events.models import Event
    from tests.factories import CommuneFactory

    commune = CommuneFactory()

    def add(count):
        start = in_days(3)
        Event.objects.bulk_create(
            Event(
                collectivity=commune,
                title={"fr": f"Atelier {n}"},
                place={"fr": "Siège"},
                starts_at=start,
                ends_at=in_days(4),
                is_published=True,
            )
            for n in range(count)
        )

    add(10)
    url = f"{API}/events?ordering=-starts_at&lang=fr&page=2&page_size=5"
    few = queries(client, url)
    add(990)
    assert queries(client, url) == few
