"""What the forum declares to the rest of the platform: search documents, the sitemap, the coordinators' waiting
reports, the navigation — public threads only, never a members-only or hidden one."""

import pytest
from django.urls import reverse

from infitah.core.search import documents
from infitah.forum import waiting
from infitah.participation import moderation
from infitah.participation.models import ModerationReason
from tests.forum.factories import ThreadFactory

pytestmark = pytest.mark.django_db


def test_search_finds_public_threads_only(people):
    ThreadFactory(category=people.public, title="Hidden one", is_hidden=True)
    found = {document.title: document for document in documents(["forum.thread"])}
    assert set(found) == {people.thread.title}
    assert found[people.thread.title].url == people.thread.get_absolute_url()
    assert found[people.thread.title].collectivity_id == people.commune_a.pk


def test_the_sitemap_lists_public_threads_only(client, people):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"/forum/t/{people.thread.pk}/" in sitemap
    assert f"/forum/t/{people.private_thread.pk}/" not in sitemap and "/forum/c/private/" not in sitemap


def test_reported_messages_wait_for_the_coordinators(people):
    moderation.report(people.citizen, people.thread, ModerationReason.OTHER, "Spam")
    waiting_items = waiting.reported_messages(people.coordinator)
    assert [item.title for item in waiting_items] == [people.thread.title]
    assert waiting.reported_messages(people.focal_point) == []


def test_the_forum_is_in_the_main_menu(client, people):
    assert reverse("forum:index") in client.get("/en/").content.decode()


def test_a_members_page_shows_its_latest_public_threads(client, people):
    page = client.get(reverse("territories:member", args=[people.commune_a.code])).content.decode()
    assert "Latest in the members" in page and people.thread.title in page
    assert "Secret plans" not in page
    client.force_login(people.other_focal_point)
    assert "Secret plans" in client.get(reverse("territories:member", args=[people.commune_a.code])).content.decode()


def test_the_coordinators_manage_the_categories_in_the_back_office(client, people):
    from allauth.account.models import EmailAddress

    from infitah.forum.models import Category

    add = reverse("admin:forum_category_add")
    for person in (people.coordinator, people.focal_point):
        EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
    client.force_login(people.focal_point)
    assert client.get(add).status_code in (302, 403)
    client.force_login(people.coordinator)
    assert client.get(add).status_code == 200
    response = client.post(
        add,
        {"name_0": "بيانات", "name_1": "Données", "slug": "donnees", "order": 5, "members_only": "on"},
    )
    assert response.status_code == 302
    assert Category.objects.get(slug="donnees").members_only
