"""What the page-cache tests share: the demo data loaded once per module, and reading what a page shows."""

import html
import re
from collections.abc import Iterator

import pytest
from django.db import models, transaction
from django.test import Client

from infitah.core.pagestamps import pages_changed_in_bulk
from tests.demo_data import load_demo

HEADER = "X-Infitah-Cache"


@pytest.fixture(scope="module")
def demo_database(django_db_setup, django_db_blocker) -> Iterator[None]:
    """The whole demo, loaded once for the module inside a transaction rolled back at its end (each test runs in
    a savepoint inside it), so that the other modules never see it."""
    with django_db_blocker.unblock(), transaction.atomic():
        with pages_changed_in_bulk():
            load_demo()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def page_cache(settings):
    """The page cache on, as in production (the test settings turn it off for the rest of the suite)."""
    settings.INFITAH_PAGE_CACHE_SECONDS = 60


def texts_of(value: object) -> list[str]:
    """The texts a field holds: each language of a translated field, or the one string."""
    if isinstance(value, dict):
        return [text for text in value.values() if isinstance(text, str) and len(text) > 3]
    return [value] if isinstance(value, str) and len(value) > 3 else []


def shown_on(page: str, rows: models.QuerySet, field: str) -> models.Model | None:
    """The first row whose `field` the page shows (in any of its languages)."""
    for row in rows[:200]:
        if any(html.escape(text) in page for text in texts_of(getattr(row, field))):
            return row
    return None


def rename(row: models.Model, field: str, text: str) -> None:
    """Change what the row shows, the way an editor's form would (a model save)."""
    value = getattr(row, field)
    value = dict.fromkeys({*value, "ar", "fr", "en"}, text) if isinstance(value, dict) else text
    setattr(row, field, value)
    row.save()


def signed_in_client(user: models.Model) -> Client:
    """A browser with `user`'s session, as a person who signed in has."""
    client = Client()
    client.force_login(user)
    return client


_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def without_tokens(page: bytes) -> str:
    """A page's text with its form tokens blanked (each answer carries its own)."""
    return _TOKEN.sub('name="csrfmiddlewaretoken" value="…"', page.decode())


def rendered_for(settings, user: models.Model, url: str) -> str:
    """The page the view renders for `user` with no cache of any kind, its form tokens blanked."""
    from infitah.core.sharedpages import HEADER as SHARED

    kept = settings.INFITAH_PAGE_CACHE_SECONDS
    settings.INFITAH_PAGE_CACHE_SECONDS = 0
    try:
        response = signed_in_client(user).get(url)
    finally:
        settings.INFITAH_PAGE_CACHE_SECONDS = kept
    assert SHARED not in response
    return without_tokens(response.content)


def read_from_one_copy(settings, readers: dict[str, models.Model], urls: list[str]) -> dict[str, list[str]]:
    """{reader's name: the pages at `urls` as they read them}, each page read from the one copy everyone signed in
    shares (core.sharedpages: the first reader's read makes it, every later one is completed from it) and checked
    equal to the page the view renders for that reader; form tokens blanked."""
    from infitah.core.sharedpages import HEADER as SHARED

    settings.INFITAH_PAGE_CACHE_SECONDS = 60
    read = {}
    for number, (name, reader) in enumerate(readers.items()):
        client = signed_in_client(reader)
        responses = [client.get(url) for url in urls]
        assert [response[SHARED] for response in responses] == ["miss" if number == 0 else "hit"] * len(urls), name
        read[name] = [without_tokens(response.content) for response in responses]
    for name, reader in readers.items():
        for url, page in zip(urls, read[name], strict=True):
            assert page == rendered_for(settings, reader, url), f"{name}: {url} from the copy is the page rendered"
    return read


def assert_rendered_showing(readers: list[models.Model], url: str, text: str) -> None:
    """Each reader is given the page at `url` rendered for them (no shared copy), showing `text` (a row only their
    powers let them see)."""
    from infitah.core.sharedpages import HEADER as SHARED

    for reader in readers:
        response = signed_in_client(reader).get(url)
        assert SHARED not in response and text in response.content.decode(), (reader, url)
