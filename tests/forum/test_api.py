"""The forum's public API: public categories and threads only, hidden replies without their text, fixed costs."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from infitah.forum import services
from infitah.participation import moderation
from infitah.participation.models import ModerationReason
from tests.forum.factories import PostFactory, ThreadFactory

pytestmark = pytest.mark.django_db


def test_only_public_categories_and_their_visible_threads_are_served(client, people):
    ThreadFactory(category=people.public, title="Caché", is_hidden=True)
    categories = client.get("/api/v1/forum/categories").json()
    assert [row["slug"] for row in categories["items"]] == ["public"]
    threads = client.get("/api/v1/forum/threads").json()
    assert [row["title"] for row in threads["items"]] == [people.thread.title]
    assert client.get(f"/api/v1/forum/threads/{people.private_thread.pk}").status_code == 404
    assert client.get(f"/api/v1/forum/threads/{people.private_thread.pk}/posts").status_code == 404
    assert client.get("/api/v1/forum/threads?category=private").json()["items"] == []


def test_a_hidden_reply_keeps_its_place_without_its_text_or_author(client, people):
    shown = services.reply(people.editor, people.thread, "Visible")
    hidden = services.reply(people.other_focal_point, people.thread, "Texte à cacher")
    moderation.hide(people.coordinator, hidden, ModerationReason.OTHER, "Hors sujet")
    response = client.get(f"/api/v1/forum/threads/{people.thread.pk}/posts")
    assert "Texte à cacher" not in response.content.decode()
    rows = {row["id"]: row for row in response.json()["items"]}
    assert rows[shown.pk]["body"] == "Visible"
    assert rows[hidden.pk] | {"url": ""} == rows[hidden.pk] | {
        "is_hidden": True,
        "body": "",
        "author": "",
        "url": "",
    }


def test_the_replies_cost_the_same_for_few_or_many(client, people):
    for _n in range(3):
        PostFactory(thread=people.thread)
    url = f"/api/v1/forum/threads/{people.thread.pk}/posts"
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _n in range(40):
        PostFactory(thread=people.thread)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)
