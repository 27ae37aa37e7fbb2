"""On the demo's pages, a page read again from a person's cache is the page the view renders for them now: for a
focal point (staff tools, drafts, what waits for them) and for a citizen, on every kind of public page and on their
own pages."""

import pytest
from django.test import Client

from infitah.accounts.models import User
from infitah.core.signedincache import HEADER
from tests.core.page_cache_helpers import demo_database, page_cache, without_tokens  # noqa: F401
from tests.core.test_page_cache import PAGE_KINDS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_database", "page_cache")]

PEOPLE = ("focal.marrakech-safi@infitah.example", "citizen@infitah.example")
PERSONAL_PAGES = ("/en/accounts/home/", "/en/participation/notifications/")


def addresses() -> list[str]:
    found = []
    for kind in PAGE_KINDS:
        row = kind.rows().first()
        if row is not None:
            found.append(kind.url(row))
    return [*found, *PERSONAL_PAGES]


@pytest.mark.parametrize("email", PEOPLE)
def test_a_page_read_again_is_the_page_rendered_now(email, settings):
    client = Client()
    client.force_login(User.objects.get(email=email))
    pages = addresses()
    assert len(pages) >= 30
    kept = {}
    for address in pages:
        client.get(address)
        again = client.get(address)
        assert again.status_code == 200, address
        assert again[HEADER] == "hit", address
        kept[address] = again.content

    settings.INFITAH_PAGE_CACHE_SECONDS = 0
    for address in pages:
        rendered = client.get(address)
        assert HEADER not in rendered
        assert without_tokens(kept[address]) == without_tokens(rendered.content), address
