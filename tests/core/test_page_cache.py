"""Anonymous visitors get the public pages from the cache, and never a stale one: for each kind of public page,
the second visit is served from the cache, and once an editor changes what the page shows, the next visitor sees
the change."""

import html
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.db import models
from django.utils import timezone

from tests.core.page_cache_helpers import HEADER, demo_database, page_cache, rename, shown_on  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_database", "page_cache")]


def rows(label: str, **filters) -> Callable[[], models.QuerySet]:
    return lambda: apps.get_model(label).objects.filter(**filters).order_by("pk")


def same(url: str) -> Callable[[models.Model], str]:
    return lambda row: url


def calendar_month(event) -> str:
    day = timezone.localtime(event.starts_at)
    return f"/en/events/calendar/{day.year}/{day.month}/"


def budget_year(line) -> str:
    return f"/en/budgets/{line.budget.collectivity.code}/{line.budget.year}/"


@dataclass(frozen=True)
class PageKind:
    name: str
    url: Callable[[models.Model], str]  # the page, from the row it shows
    rows: Callable[[], models.QuerySet]  # rows the page may show
    field: str  # what the page shows of the row

    def __str__(self) -> str:
        return self.name


PAGE_KINDS = [
    PageKind("home", same("/en/"), rows("consultations.consultation"), "title"),
    PageKind("network", same("/en/network/"), rows("territories.collectivity", membership__isnull=False), "name"),
    PageKind(
        "member",
        lambda c: f"/en/network/members/{c.code}/",
        rows("territories.collectivity", membership__isnull=False),
        "name",
    ),
    PageKind("charter", same("/en/network/charter/"), rows("territories.chartercommitment"), "title"),
    PageKind("programs", same("/en/programs/"), rows("programs.program"), "title"),
    PageKind("program", lambda p: f"/en/programs/{p.pk}/", rows("programs.program"), "title"),
    PageKind("commitment", lambda c: f"/en/programs/commitments/{c.pk}/", rows("programs.commitment"), "title"),
    PageKind("consultations", same("/en/consultations/"), rows("consultations.consultation"), "title"),
    PageKind("consultation", lambda c: f"/en/consultations/{c.pk}/", rows("consultations.consultation"), "title"),
    PageKind("events", same("/en/events/"), rows("events.event", is_published=True), "title"),
    PageKind("event", lambda e: f"/en/events/{e.pk}/", rows("events.event", is_published=True), "title"),
    PageKind("calendar", calendar_month, rows("events.event", is_published=True), "title"),
    PageKind("bodies", same("/en/bodies/"), rows("bodies.advisorybody"), "name"),
    PageKind("body", lambda b: f"/en/bodies/{b.pk}/", rows("bodies.advisorybody"), "name"),
    PageKind("petitions", same("/en/petitions/"), rows("petitions.petition"), "title"),
    PageKind("petition", lambda p: f"/en/petitions/{p.pk}/", rows("petitions.petition"), "title"),
    PageKind("information register", same("/en/information/"), rows("information.informationrequest"), "subject"),
    PageKind(
        "publications",
        lambda e: f"/en/information/publication/{e.collectivity.code}/",
        rows("information.publicationentry"),
        "title",
    ),
    PageKind("practices", same("/en/practices/"), rows("practices.practice"), "title"),
    PageKind("practice", lambda p: f"/en/practices/{p.pk}/", rows("practices.practice"), "title"),
    PageKind("resources", same("/en/resources/"), rows("resources.resource"), "title"),
    PageKind("resource", lambda r: f"/en/resources/{r.pk}/", rows("resources.resource"), "title"),
    PageKind("training courses", same("/en/training/"), rows("training.course"), "title"),
    PageKind("training course", lambda c: f"/en/training/{c.pk}/", rows("training.course"), "title"),
    PageKind("forum", same("/en/forum/"), rows("forum.thread"), "title"),
    PageKind("forum thread", lambda t: f"/en/forum/t/{t.pk}/", rows("forum.thread"), "title"),
    PageKind("news", same("/en/news/"), rows("news.newsitem"), "title"),
    PageKind("news item", lambda n: f"/en/news/{n.pk}/", rows("news.newsitem"), "title"),
    PageKind("council sessions", same("/en/council/"), rows("council.session"), "title"),
    PageKind("council session", lambda s: f"/en/council/sessions/{s.pk}/", rows("council.session"), "title"),
    PageKind("council decision", lambda d: f"/en/council/decisions/{d.pk}/", rows("council.decision"), "title"),
    PageKind("budgets", same("/en/budgets/"), rows("territories.collectivity", membership__isnull=False), "name"),
    PageKind("budget", budget_year, rows("budgets.budgetline", budget__status="published"), "label_fr"),
    PageKind("open data", same("/en/open-data/members/"), rows("territories.collectivity"), "name"),
]


def a_row_shown(client, kind: PageKind) -> tuple[models.Model, str]:
    """A row the page shows, and the page's address (the first public row whose text is on its page)."""
    for row in kind.rows()[:30]:
        url = kind.url(row)
        response = client.get(url)
        if response.status_code == 200 and shown_on(
            response.content.decode(), type(row).objects.filter(pk=row.pk), kind.field
        ):
            return row, url
    raise AssertionError(f"no {kind.rows().model.__name__} shown on the {kind} page")


@pytest.mark.parametrize("kind", PAGE_KINDS, ids=str)
def test_each_public_page_comes_from_the_cache_until_what_it_shows_changes(client, kind):
    row, url = a_row_shown(client, kind)
    assert client.get(url)[HEADER] == "hit"

    changed = f"Renamed for the {kind} page"
    rename(row, kind.field, changed)

    after = client.get(url)
    assert after[HEADER] == "miss"
    assert html.escape(changed) in after.content.decode()
    again = client.get(url)
    assert again[HEADER] == "hit" and html.escape(changed) in again.content.decode()
