"""A thread of 5,000 replies costs what one of 50 costs, and a reply's permalink lands on the page that shows it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from infitah.forum.models import Post, Thread
from infitah.forum.selectors import POSTS_PER_PAGE
from infitah.forum.text import mention
from tests.forum.factories import ThreadFactory

pytestmark = pytest.mark.django_db


def _thread_of(people, replies):
    thread = ThreadFactory(category=people.public, author=people.focal_point, body=mention("E", people.editor.pk))
    Post.objects.bulk_create(
        Post(thread=thread, author=people.editor, body=f"Réponse {n} {mention('F', people.focal_point.pk)}")
        for n in range(replies)
    )
    Thread.objects.filter(pk=thread.pk).update(reply_count=replies)
    return thread


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("signed_in", [False, True])
def test_a_thread_page_costs_the_same_for_50_or_5000_replies(client, people, signed_in):
    if signed_in:
        client.force_login(people.other_focal_point)
    short, long = _thread_of(people, 50), _thread_of(people, 5000)
    client.get(short.get_absolute_url())  # the first request of a session also loads what the process caches
    for page in ("1", "last"):
        assert _queries(client, f"{long.get_absolute_url()}?page={page}") == _queries(
            client, f"{short.get_absolute_url()}?page={page}"
        )


def test_the_list_pages_cost_the_same_for_few_or_many_threads(client, people):
    few = _queries(client, reverse("forum:category", args=["public"]))
    index_few = _queries(client, reverse("forum:index"))
    for _n in range(60):
        ThreadFactory(category=people.public, author=people.editor)
    assert _queries(client, reverse("forum:category", args=["public"])) == few
    assert _queries(client, reverse("forum:index")) == index_few


def test_the_permalink_of_a_reply_deep_in_5000_lands_on_its_page(client, people):
    thread = _thread_of(people, 5000)
    posts = list(thread.posts.order_by("pk").values_list("pk", flat=True))
    for position in (0, POSTS_PER_PAGE - 1, POSTS_PER_PAGE, 3456, 4999):
        response = client.get(reverse("forum:post", args=[posts[position]]))
        expected_page = position // POSTS_PER_PAGE + 1
        assert response.url.endswith(f"?page={expected_page}#post-{posts[position]}")
        landing = client.get(response.url).content.decode()
        assert f'id="post-{posts[position]}"' in landing


def test_the_newest_page_is_reachable(client, people):
    thread = _thread_of(people, 5000)
    last = thread.posts.order_by("-pk").first()
    page = client.get(f"{thread.get_absolute_url()}?page=last").content.decode()
    assert f'id="post-{last.pk}"' in page and "Page 167 of 167" in page
    assert "?page=last" in client.get(thread.get_absolute_url()).content.decode()


def test_a_members_thread_page_stays_within_a_dozen_queries(client, people, django_assert_max_num_queries):
    thread = _thread_of(people, 5000)
    client.force_login(people.coordinator)
    client.get(reverse("forum:index"))
    with django_assert_max_num_queries(14):
        assert client.get(f"{thread.get_absolute_url()}?page=last").status_code == 200
