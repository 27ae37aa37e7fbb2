"""A long thread is read a page at a time: page 2 starts at comment 51, replies beyond three are a link away, a
permalink opens the page holding its comment, and the counts on the page stay right through every write."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from infitah.participation.comments import post_comment
from infitah.participation.models import Comment, CommentTally
from infitah.participation.models.base import ModerationReason
from infitah.participation.moderation import hide, restore
from infitah.participation.threads import PAGE_SIZE, REPLIES_SHOWN, recount
from tests.factories import UserFactory
from tests.participation.world import LABEL

pytestmark = pytest.mark.django_db


def thread_url(discussion, query=""):
    return f"/en/participation/comments/{LABEL}/{discussion.pk}/{query}"


def bulk_comments(discussion, author, count, parent=None, prefix="Comment"):
    """`count` comments written one second apart (so their order is plain), made in bulk, then counted once."""
    start = timezone.now() - timezone.timedelta(days=1)
    on_it = {
        "content_type": ContentType.objects.get_for_model(discussion),
        "object_id": discussion.pk,
        "collectivity_id": discussion.collectivity_id,
    }
    Comment.objects.bulk_create(
        Comment(
            author=author,
            body=f"{prefix} {n}.",
            parent=parent,
            created_at=start + timezone.timedelta(seconds=n),
            **on_it,
        )
        for n in range(1, count + 1)
    )
    recount(discussion)
    return list(Comment.objects.filter(parent=parent, **on_it).order_by("created_at", "pk"))


def test_the_second_page_starts_at_comment_51_and_each_page_links_to_the_next(client, discussion, citizen):
    bulk_comments(discussion, citizen, 120)

    first = client.get(thread_url(discussion)).content.decode()
    assert "Comment 1." in first and "Comment 50." in first and "Comment 51." not in first
    assert "120 comments" in first, "the heading counts the whole thread"
    assert "?comments_page=2#comments-" in first and 'rel="prev"' not in first

    second = client.get(thread_url(discussion, "?comments_page=2")).content.decode()
    assert "Comment 50." not in second and "Comment 51." in second and "Comment 100." in second
    assert "?comments_page=1#comments-" in second and "?comments_page=3#comments-" in second

    last = client.get(thread_url(discussion, "?comments_page=3")).content.decode()
    assert "Comment 101." in last and "Comment 120." in last and 'rel="next"' not in last


@pytest.mark.parametrize("query", ["?comments_page=abc", "?comments_page=-4", "?replies_to=zz", "?comment=nope"])
def test_a_mistyped_place_shows_the_first_page(client, discussion, citizen, query):
    bulk_comments(discussion, citizen, 3)

    response = client.get(thread_url(discussion, query))

    assert response.status_code == 200 and "Comment 1." in response.content.decode()


def test_replies_beyond_three_are_behind_a_link_to_a_page_of_them(client, discussion, citizen, neighbour):
    question = post_comment(citizen, discussion, "Which bus lines?")
    bulk_comments(discussion, neighbour, 60, parent=question, prefix="Reply")

    page = client.get(thread_url(discussion)).content.decode()
    assert all(f"Reply {n}." in page for n in range(1, REPLIES_SHOWN + 1))
    assert f"Reply {REPLIES_SHOWN + 1}." not in page
    assert f"Show {60 - REPLIES_SHOWN} more replies" in page
    link = f"?replies_to={question.pk}#comment-{question.pk}"
    assert link in page

    replies = client.get(thread_url(discussion, link.split("#")[0])).content.decode()
    assert "Which bus lines?" in replies and "Back to all comments" in replies
    assert "Reply 1." in replies and "Reply 50." in replies and "Reply 51." not in replies
    more = client.get(thread_url(discussion, f"?replies_to={question.pk}&comments_page=2")).content.decode()
    assert "Reply 51." in more and "Reply 60." in more and "Reply 50." not in more


def test_a_reply_to_a_reply_is_one_link_away(client, discussion, citizen, neighbour):
    question = post_comment(citizen, discussion, "Which bus lines?")
    answer = post_comment(neighbour, discussion, "Line 12", parent=question)
    post_comment(citizen, discussion, "Thanks, and on Sundays?", parent=answer)

    page = client.get(thread_url(discussion)).content.decode()

    assert "Line 12" in page and "Thanks, and on Sundays?" not in page and "Show 1 reply" in page
    assert "Thanks, and on Sundays?" in client.get(thread_url(discussion, f"?replies_to={answer.pk}")).content.decode()


def test_a_permalink_opens_the_page_that_holds_its_comment(client, discussion, citizen, neighbour):
    comments = bulk_comments(discussion, citizen, 5000)
    for position in (0, PAGE_SIZE - 1, PAGE_SIZE, 3456, 4999):
        wanted = comments[position]
        html = client.get(thread_url(discussion, f"?comment={wanted.pk}")).content.decode()
        assert f'id="comment-{wanted.pk}"' in html, position
        assert f"Page {position // PAGE_SIZE + 1}" in html or position < PAGE_SIZE

    replies = bulk_comments(discussion, neighbour, 80, parent=comments[3456], prefix="Reply")
    first_reply, deep_reply = replies[0], replies[70]
    near = client.get(thread_url(discussion, f"?comment={first_reply.pk}")).content.decode()
    assert f'id="comment-{first_reply.pk}"' in near, "one of the first replies shows under its parent's page"
    deep = client.get(thread_url(discussion, f"?comment={deep_reply.pk}")).content.decode()
    assert f'id="comment-{deep_reply.pk}"' in deep and "Reply 71." in deep, "on the second page of the replies"


def test_writing_a_comment_on_a_long_thread_lands_on_the_page_that_shows_it(client, discussion, citizen):
    bulk_comments(discussion, citizen, 130)
    client.force_login(citizen)

    response = client.post(thread_url(discussion), {"body": "My late idea", "next": thread_url(discussion)})

    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    assert "My late idea" in html and "Page 3" in html and "131 comments" in html


def tally_of(discussion):
    row = CommentTally.objects.filter(
        content_type=ContentType.objects.get_for_model(discussion), object_id=discussion.pk
    ).first()
    return row.visible if row else 0


def test_the_counts_stay_right_after_writing_hiding_restoring_and_deleting(client, discussion, citizen, neighbour):
    moderator = UserFactory(is_superuser=True, is_staff=True)
    first = post_comment(citizen, discussion, "First")
    reply = post_comment(neighbour, discussion, "Reply", parent=first)
    post_comment(citizen, discussion, "Reply to the reply", parent=reply)
    post_comment(neighbour, discussion, "Second")
    assert tally_of(discussion) == 4
    first.refresh_from_db()
    assert first.reply_count == 1

    hide(moderator, reply, ModerationReason.SPAM, "Advertising")
    assert tally_of(discussion) == 3
    assert "3 comments" in client.get(thread_url(discussion)).content.decode()
    restore(moderator, reply, "A mistake")
    assert tally_of(discussion) == 4

    hide(moderator, reply, ModerationReason.SPAM, "Advertising")
    reply.delete()  # its reply goes with it (the admin's delete)
    first.refresh_from_db()
    assert tally_of(discussion) == 2 and first.reply_count == 0
    assert "2 comments" in client.get(thread_url(discussion)).content.decode()

    counted = (tally_of(discussion), first.reply_count)
    recount(discussion)
    first.refresh_from_db()
    assert (tally_of(discussion), first.reply_count) == counted, "the kept counts equal a full count"


def test_a_hidden_comment_keeps_its_place_and_reason_on_its_page(client, discussion, citizen, neighbour):
    comments = bulk_comments(discussion, citizen, 60)
    moderator = UserFactory(is_superuser=True, is_staff=True)
    hide(moderator, comments[55], ModerationReason.ABUSE, "Insults")

    html = client.get(thread_url(discussion, "?comments_page=2")).content.decode()

    assert "Comment 56." not in html and "This comment was hidden by the moderators." in html
    assert "59 comments" in html


def test_a_person_has_written_on_a_thread_by_a_comment_or_a_reply_even_hidden_and_only_on_that_thread(
    discussion, citizen, neighbour, editor_a, commune_a
):
    """What decides whether a shared page's thread is rendered for its reader (their Edit links, their hidden text)
    or given as the one other readers without power share."""
    from infitah.participation.threads import has_written_on
    from tests.factories import AdvisoryBodyFactory

    elsewhere = AdvisoryBodyFactory(collectivity=commune_a)
    assert not has_written_on(citizen, discussion)

    post_comment(neighbour, elsewhere, "On another discussion.")
    assert not has_written_on(neighbour, discussion), "a comment elsewhere is not on this thread"
    assert has_written_on(neighbour, elsewhere)

    question = post_comment(neighbour, discussion, "A question.")
    post_comment(citizen, discussion, "My answer.", parent=question)
    assert has_written_on(citizen, discussion), "a reply is on the thread"

    hide(editor_a, question, ModerationReason.SPAM, "Repeated.")
    assert has_written_on(neighbour, discussion), "a hidden comment is still its author's"
    assert not has_written_on(editor_a, discussion), "moderating is not writing"
