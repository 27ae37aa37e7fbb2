"""A client that sends the API something it cannot answer gets a problem details document (RFC 9457), never a
server error: huge ids and page numbers, NUL characters, unknown addresses and methods, on SQLite and PostgreSQL."""

import re

import pytest

from infitah.api.problems import MAX_ID, MAX_NUMBER
from tests.api.helpers import API
from tests.factories import CommuneFactory

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"
HUGE = 2**64  # past every database integer
ENGLISH = {"accept-language": "en"}


def _operations(client):
    schema = client.get(f"{API}/openapi.json").json()
    return [(path.removeprefix(API), ops["get"]) for path, ops in schema["paths"].items() if "get" in ops]


def _integer_parameters(operation):
    for parameter in operation.get("parameters", []):
        types = [parameter["schema"].get("type")] + [s.get("type") for s in parameter["schema"].get("anyOf", [])]
        if "integer" in types:
            yield parameter


def _fill(path, **values):
    """The path with its parameters filled: a code for {code}, a budget year for {year}, 1 for the others unless
    `values` names them."""
    defaults = {"code": "07", "year": 2025}
    return re.sub(r"\{(\w+)\}", lambda m: str(values.get(m[1], defaults.get(m[1], 1))), path)


def assert_problem(response, status, *, names=None):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == f"{PROBLEM}; charset=utf-8"
    problem = response.json()
    assert problem["type"] == "about:blank"
    assert problem["status"] == status
    assert problem["title"] and problem["detail"]
    if names is not None:
        assert [param["name"] for param in problem["invalid_params"]] == names
    return problem


def test_every_integer_parameter_refuses_a_number_past_the_databases_integers(client):
    """Each id, number and page of each operation, sent as 2**64: a 422 naming it, never a 500 (SQLite's INTEGER
    and PostgreSQL's bigint both end at 2**63 - 1)."""
    tried = []
    for path, operation in _operations(client):
        for parameter in _integer_parameters(operation):
            name = parameter["name"]
            if parameter["in"] == "path":
                url, params = _fill(path, **{name: HUGE}), {}
            else:
                url, params = _fill(path), {name: HUGE}
            if path.endswith("/compare"):
                params = {"old": 1, "new": 1, **params}
            params = {**_required(path), **params}
            problem = assert_problem(client.get(f"{API}{url}", params, headers=ENGLISH), 422, names=[name])
            assert problem["detail"] == f"These parameters are not valid: {name}."
            assert "less than or equal to" in problem["invalid_params"][0]["reason"]
            tried.append(f"{path} {name}")
    assert {"/programs/{program_id} program_id", "/events page", "/milestones commitment"} <= set(tried)
    assert len(tried) > 40


def test_the_last_page_and_the_largest_id_allowed_are_answered_without_overflow(client):
    CommuneFactory()
    for path, operation in _operations(client):
        names = {p["name"] for p in operation.get("parameters", [])}
        if "page" in names:
            response = client.get(f"{API}{_fill(path)}", {"page": MAX_NUMBER, **_compare(path), **_required(path)})
            assert response.status_code in (200, 404), f"{path}: {response.content}"
            if response.status_code == 200:
                assert response.json()["items"] == []
        if "{" in path and "{code}" not in path:
            largest = _fill(path, number=MAX_NUMBER, **{p: MAX_ID for p in names if p.endswith("_id")})
            assert_problem(client.get(f"{API}{largest}", _compare(path)), 404)


def _required(path):
    """The required text parameters of an operation, given a valid value (the search needs words)."""
    return {"q": "openness"} if path == "/search" else {}


def _compare(path):
    return {"old": MAX_NUMBER, "new": MAX_NUMBER} if path.endswith("/compare") else {}


def test_ids_and_numbers_start_at_one(client):
    assert_problem(client.get(f"{API}/programs/0"), 422, names=["program_id"])
    assert_problem(client.get(f"{API}/programs/1/compare", {"old": 0, "new": -3}), 422, names=["old", "new"])
    assert_problem(client.get(f"{API}/events", {"page": 0}), 422, names=["page"])
    assert_problem(client.get(f"{API}/events", {"page_size": 101}), 422, names=["page_size"])


def test_a_word_that_is_not_a_number_is_refused_with_the_reason(client):
    problem = assert_problem(client.get(f"{API}/events/twelve", headers=ENGLISH), 422, names=["event_id"])
    assert "integer" in problem["invalid_params"][0]["reason"]


def test_a_nul_character_is_refused_before_it_reaches_the_database(client):
    """PostgreSQL cannot hold a NUL in text: the filter that would have carried one is refused."""
    assert_problem(client.get(f"{API}/collectivities", {"region": "07\x00"}), 422, names=["region"])
    assert_problem(client.get(f"{API}/commitments", {"q": "شفافية\x00"}), 422, names=["q"])
    assert_problem(client.get(f"{API}/members/07%00"), 422, names=["code"])


def test_a_missing_object_is_a_problem_in_the_readers_language(client):
    problem = assert_problem(client.get(f"{API}/programs/404", headers={"accept-language": "fr"}), 404)
    assert problem["title"] == "Not Found"
    assert problem["detail"] == "Aucun programme d’ouverture public n’a l’identifiant 404."


def test_an_unknown_address_under_the_api_is_a_problem_not_the_sites_page(client):
    for url in (f"{API}/nothing-here", f"{API}/collectivities/07/extra", f"{API}/members/a%2Fb"):
        problem = assert_problem(client.get(url, headers=ENGLISH), 404)
        assert problem["detail"] == "There is nothing at this address of the API."


def test_a_method_other_than_get_is_a_problem_saying_what_is_allowed(client):
    response = client.post(f"{API}/collectivities", headers=ENGLISH)
    problem = assert_problem(response, 405)
    assert response["Allow"] == "GET"
    assert problem["detail"] == "This address only answers GET requests."


def test_a_failure_of_the_server_is_still_a_problem_and_is_logged(client, monkeypatch, caplog):
    def broken():
        raise RuntimeError("the database went away")

    monkeypatch.setattr("infitah.territories.api.selectors.network", broken)
    problem = assert_problem(client.get(f"{API}/network", headers=ENGLISH), 500)
    assert problem["title"] == "Internal Server Error"
    assert problem["detail"] == "The server failed to answer. The error was recorded; please try again later."
    assert "the database went away" not in str(problem)
    assert "the database went away" in caplog.text
