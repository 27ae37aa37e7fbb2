"""The capability seam: an app plugs itself in by one line in INSTALLED_APPS, and is nowhere without it.

tests/noticeboard is a minimal capability installed only by tests/settings.py: it must appear in the pages, the
navigation, the API, the demo, the permission table and search — with no central file naming it — and vanish from
all of them under the platform's own settings.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from infitah.api.urls import api
from infitah.core.capabilities import Demo, DemoOrderError, capabilities, contribute, demo_loaders, order_demos
from infitah.core.permissions import can, declared_actions
from infitah.core.search import documents
from tests.factories import CommuneFactory, UserFactory
from tests.noticeboard.models import Notice

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def notices(db):
    commune = CommuneFactory()
    return (
        Notice.objects.create(collectivity=commune, title="Travaux rue Zerktouni", is_published=True),
        Notice.objects.create(collectivity=commune, title="Brouillon interne"),
    )


def test_its_pages_are_served_under_its_prefix(client, notices):
    published, draft = notices
    page = client.get(f"/fr/notices/{published.pk}/")
    assert page.status_code == 200
    assert "Travaux rue Zerktouni" in page.content.decode()
    assert client.get(f"/fr/notices/{draft.pk}/").status_code == 404


def test_the_navigation_of_every_page_names_it(client, db):
    home = client.get("/fr/").content.decode()
    assert 'href="/fr/notices/"' in home


def test_its_api_route_is_mounted_and_documented(client, notices):
    published, draft = notices
    answer = client.get(f"/api/v1/notices/{published.pk}")
    assert answer.status_code == 200
    assert answer.json() == {"id": published.pk, "title": published.title, "collectivity": published.collectivity.code}
    assert client.get(f"/api/v1/notices/{draft.pk}")["Content-Type"].startswith("application/problem+json")
    assert "/api/v1/notices/{notice_id}" in api.get_openapi_schema()["paths"]


def test_its_permission_is_declared_and_asked(notices):
    published, draft = notices
    assert "noticeboard.view_notice" in declared_actions()
    assert can(None, "noticeboard.view_notice", published)
    assert not can(UserFactory(), "noticeboard.view_notice", draft)


def test_its_demo_loads_after_the_apps_it_needs():
    order = [label for label, _loader in demo_loaders()]
    assert order.index("noticeboard") > order.index("territories")


def test_search_finds_its_published_documents_only(notices):
    found = {document.title for document in documents(kinds=["noticeboard.notice"])}
    assert found == {"Travaux rue Zerktouni"}


def test_without_its_line_in_installed_apps_it_is_nowhere():
    probe = """
import json, django
django.setup()
from django.urls import NoReverseMatch, reverse
from infitah.api.urls import api
from infitah.core import contributions
from infitah.core.capabilities import capabilities, demo_loaders
from infitah.core.permissions import declared_actions
from infitah.core.search import sources
try:
    reverse("noticeboard:list"); page = True
except NoReverseMatch:
    page = False
print(json.dumps({
    "labels": [d.label for d in capabilities()],
    "page": page,
    "api": [p for p in api.get_openapi_schema()["paths"] if "notice" in p],
    "navigation": sorted(contributions.navigation),
    "demo": [label for label, _ in demo_loaders()],
    "actions": [a for a in declared_actions() if a.startswith("noticeboard.")],
    "search": [s.kind for s in sources()],
}))
"""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "infitah.settings", "PYTHONPATH": str(ROOT)}
    output = subprocess.run(  # noqa: S603 - runs this file's own probe
        [sys.executable, "-c", probe], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    seen = json.loads(output.strip().splitlines()[-1])
    assert "noticeboard" not in seen["labels"] and "programs" in seen["labels"]
    assert seen["page"] is False
    assert seen["api"] == []
    assert "notices" not in seen["navigation"] and "programs" in seen["navigation"]
    assert "noticeboard" not in seen["demo"] and "territories" in seen["demo"]
    assert seen["actions"] == []
    assert "noticeboard.notice" not in seen["search"] and "programs.program" in seen["search"]


def test_every_installed_app_is_declared_once_in_installed_apps_order():
    labels = [declared.label for declared in capabilities()]
    assert labels[:5] == ["core", "territories", "accounts", "participation", "api"]
    assert len(labels) == len(set(labels))


# The demo order: each loader after those it names, whatever the declaration order.
@pytest.mark.parametrize(
    ("demos", "expected"),
    [
        ({"a": Demo("a"), "b": Demo("b", after=("a",))}, ["a", "b"]),
        ({"b": Demo("b", after=("a",)), "a": Demo("a")}, ["a", "b"]),
        ({"c": Demo("c", after=("a", "b")), "b": Demo("b"), "a": Demo("a")}, ["b", "a", "c"]),
        ({}, []),
    ],
)
def test_demo_loaders_follow_their_declared_dependencies(demos, expected):
    assert [label for label, _ in order_demos(demos)] == expected


@pytest.mark.parametrize(
    ("demos", "complaint"),
    [
        ({"a": Demo("a", after=("b",)), "b": Demo("b", after=("a",))}, "cycle"),
        ({"a": Demo("a", after=("missing",))}, "declared by no installed app"),
    ],
)
def test_impossible_demo_orders_are_refused_with_the_reason(demos, complaint):
    with pytest.raises(DemoOrderError, match=complaint):
        order_demos(demos)


@given(st.permutations(["territories", "programs", "bodies", "events", "consultations"]))
def test_the_demo_order_honours_dependencies_in_any_declaration_order(labels):
    needs = {"programs": ("territories",), "bodies": ("territories",), "events": ("programs", "bodies")}
    needs["consultations"] = ("territories", "programs")
    order = [label for label, _ in order_demos({label: Demo(label, needs.get(label, ())) for label in labels})]
    assert sorted(order) == sorted(labels)
    for label, after in needs.items():
        assert all(order.index(need) < order.index(label) for need in after)


def test_a_contribution_of_a_kind_no_app_runs_is_a_loud_error():
    class Unheard:
        pass

    with pytest.raises(LookupError, match="Unheard"):
        contribute(Unheard())
