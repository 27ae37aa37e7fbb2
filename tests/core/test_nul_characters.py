"""A NUL character (`%00`) in an address or a query names nothing: the visitor gets the 404 or 400 page in their
language, never a server error. PostgreSQL refuses the character in any text a query compares, so on PostgreSQL each
page that looks up a code or a text from its address would fail without the check (core.security). The API checks
its own input and answers problems."""

import re

import pytest
from django.urls import URLResolver, get_resolver

from infitah.accounts.models import Role
from tests.factories import RoleAssignmentFactory

pytestmark = pytest.mark.django_db

# Where an address segment is text, a NUL; where it is a number, one that names nothing.
SEGMENT = {"int": "0", "slug": "%00", "str": "%00", "path": "%00", "uuid": "00000000-0000-0000-0000-000000000000"}
QUERY = "?" + "&".join(f"{name}=%00" for name in ("q", "page", "collectivity", "kind", "status", "year", "region"))


def _patterns(resolver, prefix=""):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _patterns(pattern, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern)


def addresses():
    """Every page of the site (the back office's too) with a NUL in each text segment, and every page without
    segments with a NUL query; in the language of the test run's prefix."""
    found = set()
    for pattern in _patterns(get_resolver()):
        if pattern.startswith("api/") or "^" in pattern:  # the API's own problems are tested with it; static files
            continue
        segments = re.findall(r"<(?:(\w+):)?\w+>", pattern)
        address = re.sub(r"<(?:(\w+):)?\w+>", lambda match: SEGMENT[match.group(1) or "str"], pattern)
        if not segments:
            address += QUERY
        elif "%00" not in address:
            continue
        found.add("/" + address)
    return sorted(found)


def test_the_sweep_covers_the_site():
    assert len(addresses()) > 150


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "focal point"])
def test_no_address_or_query_holding_a_nul_is_a_server_error(client, signed_in):
    if signed_in:
        client.force_login(RoleAssignmentFactory(role=Role.FOCAL_POINT).user)
    errors = [(url, status) for url in addresses() if (status := client.get(url).status_code) >= 500]
    assert not errors


def test_the_visitor_reads_why_in_their_language(client):
    page = client.get("/fr/network/members/%00/")
    assert page.status_code == 404 and '<html lang="fr"' in page.content.decode()
    page = client.get("/ar/consultations/?q=%00")
    assert page.status_code == 400 and '<html lang="ar"' in page.content.decode()


def test_the_api_answers_its_own_problem(client):
    answer = client.get("/api/v1/members/%00")
    assert answer.status_code in {404, 422}
    assert answer["Content-Type"].startswith("application/problem+json")
