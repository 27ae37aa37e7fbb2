"""In Chromium: a reader of a long thread follows the link to the next page and reads the comments after the
first 50, then opens the replies hidden behind "show more", all without JavaScript of ours."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone, translation
from playwright.sync_api import expect

from infitah.participation.models import Comment
from infitah.participation.threads import recount
from tests.factories import AdvisoryBodyFactory, CommuneFactory, UserFactory
from tests.participation.world import LABEL, register_discussions


@pytest.fixture
def discussion(request, transactional_db):
    register_discussions(request)
    return AdvisoryBodyFactory(collectivity=CommuneFactory())


def test_a_reader_pages_through_a_long_thread_and_opens_the_replies(page, discussion):
    author = UserFactory(full_name="Salma Idrissi")
    start = timezone.now() - timezone.timedelta(days=1)
    on_it = {
        "content_type": ContentType.objects.get_for_model(discussion),
        "object_id": discussion.pk,
        "collectivity_id": discussion.collectivity_id,
    }
    Comment.objects.bulk_create(
        Comment(author=author, body=f"Comment {n}.", created_at=start + timezone.timedelta(seconds=n), **on_it)
        for n in range(1, 121)
    )
    first = Comment.objects.get(body="Comment 1.")
    Comment.objects.bulk_create(
        Comment(
            author=author,
            body=f"Reply {n}.",
            parent=first,
            created_at=start + timezone.timedelta(hours=1, seconds=n),
            **on_it,
        )
        for n in range(1, 11)
    )
    recount(discussion)
    with translation.override("en"):
        next_page, more = translation.gettext("Next page"), "Show 7 more replies"

    page.goto(f"/en/participation/comments/{LABEL}/{discussion.pk}/")
    expect(page.locator(".comments h2")).to_contain_text("130 comments")
    expect(page.locator("main")).not_to_contain_text("Comment 51.")
    page.get_by_role("link", name=next_page).click()

    expect(page.locator("main")).to_contain_text("Comment 51.")
    expect(page.locator("main")).to_contain_text("Comment 100.")
    expect(page.locator("main")).not_to_contain_text("Comment 50.")
    assert "comments_page=2" in page.url

    page.goto(f"/en/participation/comments/{LABEL}/{discussion.pk}/")
    expect(page.locator("main")).not_to_contain_text("Reply 4.")
    page.get_by_role("link", name=more).click()
    expect(page.locator("main")).to_contain_text("Reply 10.")
    expect(page.locator(f"#comment-{first.pk}")).to_contain_text("Comment 1.")
