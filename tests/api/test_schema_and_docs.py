"""A developer discovers the API from its OpenAPI schema and docs page, which work on a closed network."""

import contextlib
import os
import re
import typing
from collections import defaultdict
from enum import Enum
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client
from pydantic import BaseModel

from infitah.api.urls import api

PATHS = {
    "/api/v1/collectivities",
    "/api/v1/collectivities/{code}",
    "/api/v1/members",
    "/api/v1/members/{code}",
    "/api/v1/network",
    "/api/v1/charter/commitments",
    "/api/v1/partners",
    "/api/v1/information/publication/categories",
    "/api/v1/information/publication/completeness",
    "/api/v1/information/publication/catalogues/{code}",
    "/api/v1/programs",
    "/api/v1/programs/{program_id}",
    "/api/v1/programs/{program_id}/transitions",
    "/api/v1/programs/{program_id}/versions",
    "/api/v1/programs/{program_id}/versions/{number}",
    "/api/v1/programs/{program_id}/compare",
    "/api/v1/axes",
    "/api/v1/commitments",
    "/api/v1/commitments/{commitment_id}",
    "/api/v1/milestones",
    "/api/v1/consultations",
    "/api/v1/consultations/{consultation_id}",
    "/api/v1/consultations/{consultation_id}/contributions",
    "/api/v1/contributions/{contribution_id}",
    "/api/v1/events",
    "/api/v1/events/{event_id}",
    "/api/v1/bodies",
    "/api/v1/bodies/{body_id}",
    "/api/v1/opinions",
    "/api/v1/monitoring/updates",
    "/api/v1/monitoring/updates/{update_id}",
    "/api/v1/monitoring/programs/{program_id}/tracker",
    # Co-evaluation (the openness index part).
    "/api/v1/frameworks",
    "/api/v1/frameworks/{version}",
    "/api/v1/assessments",
    "/api/v1/assessments/{assessment_id}",
    "/api/v1/reconciliations",
    "/api/v1/index-values",
    "/api/v1/information/requests",
    "/api/v1/information/requests/{reference}",
    "/api/v1/information/statistics",
    "/api/v1/information/statistics/{code}",
    # --- petitions public: begin ---
    "/api/v1/petitions",
    "/api/v1/petitions/statistics",
    "/api/v1/petitions/{petition_id}",
    # --- petitions public: end ---
    "/api/v1/budgets",
    "/api/v1/budgets/{code}/{year}",
    "/api/v1/budgets/{code}/{year}/lines",
    "/api/v1/search",
    "/api/v1/practices",
    "/api/v1/practices/{practice_id}",
    "/api/v1/resources",
    "/api/v1/resources/{resource_id}",
    "/api/v1/training/courses",
    "/api/v1/training/courses/{course_id}",
    "/api/v1/news",
    "/api/v1/news/{news_id}",
    "/api/v1/forum/categories",
    "/api/v1/forum/threads",
    "/api/v1/forum/threads/{thread_id}",
    "/api/v1/forum/threads/{thread_id}/posts",
    "/api/v1/datasets",
    "/api/v1/council/sessions",
    "/api/v1/council/sessions/{session_id}",
    "/api/v1/council/decisions",
    "/api/v1/council/decisions/{decision_id}",
    "/api/v1/council/sessions/{session_id}/decisions",
    "/api/v1/events/{event_id}/publish",
    "/api/v1/monitoring/programs/{program_id}/updates",
    "/api/v1/information/publication/entries",
    # The test-only capability (tests/noticeboard) mounts its router by being installed.
    "/api/v1/notices/{notice_id}",
}
# The apps whose names start the operation ids (infitah_api_<app>_<function>).
OPERATION_APPS = (
    "territories|programs|consultations|events|bodies|monitoring|evaluation|information|petitions|search"
    "|practices|resources|training|forum|news|noticeboard"
)
OPERATION_APPS += "|opendata|council"
# The staff writes (a bearer token), by path; every other path is read-only (GET).
METHODS = {
    "/api/v1/events": {"get", "post"},
    "/api/v1/events/{event_id}": {"get", "patch"},
    "/api/v1/events/{event_id}/publish": {"post"},
    "/api/v1/monitoring/programs/{program_id}/updates": {"post"},
    "/api/v1/information/publication/entries": {"post"},
    "/api/v1/council/sessions/{session_id}/decisions": {"get", "post"},
}
CHROMIUM = "/usr/bin/chromium"


def test_the_schema_is_openapi_json_listing_every_path(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == PATHS
    for path, operations in schema["paths"].items():
        assert set(operations) == METHODS.get(path, {"get"}), f"{path} answers {sorted(operations)}"


def test_every_route_of_the_api_is_in_the_schema():
    """A resource added later without a schema entry (e.g. include_in_schema=False) would fail here."""
    routed = {re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", f"/api/v1/{route.pattern}") for route in api.urls[0]}
    routed -= {"/api/v1/", "/api/v1/openapi.json", "/api/v1/docs"}
    assert routed == PATHS


def test_the_schema_documents_the_filters(client):
    schema = client.get("/api/v1/openapi.json").json()

    def query_parameters(path):
        return {p["name"] for p in schema["paths"][path]["get"]["parameters"] if p["in"] == "query"}

    every_list = {"page", "page_size", "cursor", "lang"}
    assert query_parameters("/api/v1/collectivities") == {"kind", "parent", "region", "ordering"} | every_list
    assert query_parameters("/api/v1/members") == {"kind", "region", "collectivity", "ordering"} | every_list
    assert {"ordering", "lang", "collectivity", "from", "to"} <= query_parameters("/api/v1/events")


def test_the_docs_page_loads_nothing_from_another_site(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert assets, "the page should load Swagger UI"
    for asset in assets:
        assert asset.startswith(settings.STATIC_URL), f"{asset} is not served by the platform itself"
        assert finders.find(asset.removeprefix(settings.STATIC_URL)), f"{asset} is not among the static files"
    assert '"validatorUrl": null' in html, "the online validator badge would call validator.swagger.io"


@pytest.mark.e2e
def test_the_docs_page_renders_every_operation_in_a_browser_with_no_outside_request(monkeypatch):
    """Chromium opens the docs page; every request is answered by Django (or the static files), none leaves."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"Chromium is missing at {CHROMIUM} (apt-get install -y chromium).", pytrace=False)
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django would otherwise refuse to serve.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    django_client = Client()
    outside = []

    def answer(route):
        url = urlsplit(route.request.url)
        if url.netloc != "testserver":
            outside.append(route.request.url)
            route.abort()
        elif url.path.startswith(settings.STATIC_URL):
            found = finders.find(url.path.removeprefix(settings.STATIC_URL))
            if found:
                route.fulfill(path=Path(found))
            else:
                route.fulfill(status=404)
        else:
            response = django_client.get(url.path, QUERY_STRING=url.query)
            route.fulfill(status=response.status_code, headers=dict(response.items()), body=response.content)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        )
        try:
            page = browser.new_page()
            page.route("**/*", answer)
            page.goto("http://testserver/api/v1/docs")
            # A page that does not render is reported below, after the more telling list of outside requests.
            with contextlib.suppress(PlaywrightTimeout):
                page.locator(".opblock").first.wait_for(timeout=15_000)
            shown = set(page.locator(".opblock-summary-path").evaluate_all("nodes => nodes.map(n => n.dataset.path)"))
        finally:
            browser.close()
    assert outside == []
    assert shown == PATHS


def _models_in(annotation):
    """The pydantic models and enums an annotation names: list[X], X | None, dict[str, X], Annotated[X, ...], X."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel | Enum):
        yield annotation
    for argument in typing.get_args(annotation):
        yield from _models_in(argument)


def _schemas_of_the_api():
    api.get_openapi_schema(path_prefix="")  # binds the routers and pagination wrappers
    found, todo = set(), []
    for _prefix, router in api._routers:
        for view in router.path_operations.values():
            for operation in view.operations:
                for model in [*operation.response_models.values(), *operation.models]:
                    todo.extend(_models_in(model))
    while todo:
        model = todo.pop()
        if model not in found:
            found.add(model)
            for field in getattr(model, "model_fields", {}).values():
                todo.extend(_models_in(field.annotation))
    return found


def test_no_two_schemas_share_a_name(client):
    """ninja files every schema (and enum) under its class name: two classes of one name, say two apps' `Item`,
    silently become one, and an endpoint is then documented with the other's fields (it happened to MemberOut and
    CommitmentOut)."""
    published = set(client.get("/api/v1/openapi.json").json()["components"]["schemas"])
    by_name = defaultdict(set)
    for model in _schemas_of_the_api():
        if model.__name__ in published:
            by_name[model.__name__].add(f"{model.__module__}.{model.__qualname__}")
    assert {name: sorted(classes) for name, classes in by_name.items() if len(classes) > 1} == {}
    assert {"NetworkMemberOut", "BodyMemberOut", "CommitmentOut", "CharterCommitmentOut", "Phase"} <= set(by_name)


def test_operation_ids_stay_as_first_published(client):
    """Clients generate code from the operation ids: moving an app's operations to another module keeps them."""
    schema = client.get("/api/v1/openapi.json").json()
    ids = {
        (path, method): operation["operationId"]
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
    }
    assert len(set(ids.values())) == sum(len(METHODS.get(path, {"get"})) for path in PATHS)
    budgets = {key: ids.pop(key) for key in list(ids) if key[0].startswith("/api/v1/budgets")}
    assert budgets and all(re.fullmatch(r"infitah_api_budgets_\w+", value) for value in budgets.values())
    for key, operation_id in ids.items():
        assert re.fullmatch(rf"infitah_api_({OPERATION_APPS})_\w+", operation_id), key
    assert ids["/api/v1/members/{code}", "get"] == "infitah_api_territories_get_member"
    assert ids["/api/v1/programs/{program_id}/compare", "get"] == "infitah_api_programs_compare_versions"
    assert ids["/api/v1/opinions", "get"] == "infitah_api_bodies_list_opinions"
    assert ids["/api/v1/events/{event_id}/publish", "post"] == "infitah_api_events_publish_event"


def test_each_list_is_documented_with_its_own_items(client):
    schema = client.get("/api/v1/openapi.json").json()
    components = schema["components"]["schemas"]

    def items_of(path):
        paged = schema["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
        return components[paged.rsplit("/", 1)[1]]["properties"]["items"]["items"]["$ref"].rsplit("/", 1)[1]

    def one_of(path):
        ref = schema["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        return ref.get("items", ref)["$ref"].rsplit("/", 1)[1]

    assert items_of("/api/v1/members") == "NetworkMemberOut"
    assert "collectivity" in components["NetworkMemberOut"]["properties"]
    assert one_of("/api/v1/charter/commitments") == "CharterCommitmentOut"
    assert set(components["CharterCommitmentOut"]["properties"]) == {"number", "title", "text"}
    assert one_of("/api/v1/bodies/{body_id}") == "BodyDetailOut"
    assert components["BodyDetailOut"]["properties"]["members"]["items"]["$ref"].endswith("/BodyMemberOut")


def test_every_operation_documents_each_status_it_answers_with_a_problem_for_refusals(client):
    schema = client.get("/api/v1/openapi.json").json()
    for path, method, operation in (
        (path, method, operation)
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
    ):
        responses = operation["responses"]
        takes_parameters = bool(operation.get("parameters") or operation.get("requestBody"))
        expected = {"429"} | ({"404"} if "{" in path else set()) | ({"422"} if takes_parameters else set())
        expected |= {"200"} if method == "get" else {"401", "403"}
        # A body that is not JSON (not even UTF-8) is refused with a 400 problem before validation.
        expected |= {"400"} if "requestBody" in operation else set()
        if method != "get":
            assert operation["security"] == [{"StaffToken": []}], path
        assert expected <= set(responses), f"{method} {path} documents {sorted(responses)}"
        for status, response in responses.items():
            if int(status) >= 400:
                assert set(response["content"]) == {"application/problem+json"}, f"{path} {status}"
                problem = "ValidationProblem" if status == "422" else "Problem"
                assert response["content"]["application/problem+json"]["schema"]["$ref"].endswith(f"/{problem}")
