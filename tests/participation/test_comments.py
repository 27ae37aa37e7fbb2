"""A citizen comments on a discussion, replies in a thread; bad input is refused or neutralised, never lost."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from infitah.participation.comments import edit_comment, post_comment
from infitah.participation.models import Comment
from infitah.participation.targets import ParticipationRefused
from infitah.participation.text import COMMENT_MAX_LENGTH
from infitah.participation.threads import Place, thread_page
from tests.factories import AdvisoryBodyFactory, UserFactory
from tests.participation.world import CLOSED, LABEL
from tests.refusals import refused

pytestmark = pytest.mark.django_db


def thread_url(discussion):
    return f"/en/participation/comments/{LABEL}/{discussion.pk}/"


def test_a_comment_keeps_the_text_and_drops_html_and_scripts(discussion, citizen):
    comment = post_comment(citizen, discussion, '<b>Plus</b> de bus <script>alert("x")</script>vers Tamansourt & a < b')

    assert comment.body == "Plus de bus vers Tamansourt & a < b"
    assert comment.collectivity_id == discussion.collectivity_id
    assert comment.author == citizen


def test_the_page_escapes_what_was_typed(client, discussion, citizen):
    post_comment(citizen, discussion, "&lt;script&gt;alert(1)&lt;/script&gt; 5 < 7")

    html = client.get(thread_url(discussion)).content.decode()

    assert "&lt;script&gt;alert(1)&lt;/script&gt; 5 &lt; 7" in html
    assert "<script>alert(1)" not in html


@pytest.mark.parametrize("body", ["", "   \n  ", None])
def test_an_empty_comment_is_refused(discussion, citizen, body):
    with pytest.raises(ValidationError, match="empty"):
        post_comment(citizen, discussion, body)
    assert not Comment.objects.exists()


def test_a_comment_of_only_markup_is_refused_with_its_own_message(discussion, citizen):
    with pytest.raises(ValidationError, match="Only markup"):
        post_comment(citizen, discussion, "<img src=x onerror=alert(1)><script>x</script>")


def test_an_oversized_comment_is_refused_and_the_message_states_the_limit(discussion, citizen):
    with pytest.raises(ValidationError) as refused:
        post_comment(citizen, discussion, "م" * (COMMENT_MAX_LENGTH + 1))

    message = refused.value.messages[0]
    assert f"the limit is {COMMENT_MAX_LENGTH}" in message
    assert f"{COMMENT_MAX_LENGTH + 1} characters" in message
    assert not Comment.objects.exists()


def test_a_comment_at_the_limit_is_accepted(discussion, citizen):
    assert len(post_comment(citizen, discussion, "م" * COMMENT_MAX_LENGTH).body) == COMMENT_MAX_LENGTH


def test_a_refused_comment_comes_back_with_its_text_and_the_reason(client, discussion, citizen):
    client.force_login(citizen)
    long_text = "نص طويل " * 400

    response = client.post(thread_url(discussion), {"body": long_text})

    assert response.status_code == 400
    html = response.content.decode()
    assert f"the limit is {COMMENT_MAX_LENGTH}" in html
    assert long_text.strip()[:200] in html, "the text typed is shown again"
    assert not Comment.objects.exists()


def test_replies_are_threaded_under_the_comment_they_answer(discussion, citizen, neighbour):
    first = post_comment(citizen, discussion, "First idea")
    second = post_comment(neighbour, discussion, "Second idea")
    reply = post_comment(neighbour, discussion, "I agree", parent=first)
    reply_to_reply = post_comment(citizen, discussion, "Thanks", parent=reply)

    thread = thread_page(discussion, Place())

    assert thread.comments == [first, second]
    assert thread.comments[0].shown_replies == [reply]
    # A reply's own replies are a link away ("Show 1 reply"): the page of `reply`'s replies holds them.
    assert thread.comments[0].shown_replies[0].more_replies == 1
    assert thread_page(discussion, Place(parent_id=reply.pk)).comments == [reply_to_reply]
    assert thread.visible_count == 4


def test_a_reply_must_answer_a_comment_on_the_same_object(discussion, citizen, commune_a):
    elsewhere = AdvisoryBodyFactory(collectivity=commune_a)
    other = post_comment(citizen, elsewhere, "Elsewhere")

    with pytest.raises(ParticipationRefused):
        post_comment(citizen, discussion, "Reply", parent=other)


def test_nobody_comments_on_a_closed_discussion_not_even_an_administrator(discussions, commune_a, citizen):
    closed = AdvisoryBodyFactory(collectivity=commune_a, kind="other")
    admin = UserFactory(is_superuser=True, is_staff=True)

    for person in (citizen, admin):
        with pytest.raises(ParticipationRefused, match=CLOSED):
            post_comment(person, closed, "Too late")
    assert not Comment.objects.exists()


def test_an_anonymous_visitor_is_asked_to_log_in(client, discussion):
    response = client.post(thread_url(discussion), {"body": "Hello"})

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not Comment.objects.exists()


def test_a_citizen_comments_and_replies_through_the_page(client, discussion, citizen, neighbour):
    first = post_comment(neighbour, discussion, "What about the buses?")
    client.force_login(citizen)

    response = client.post(thread_url(discussion), {"body": "More lines", "next": "/ar/discussions/1/"})
    assert response.status_code == 302
    mine = Comment.objects.get(body="More lines")
    assert response["Location"] == f"/ar/discussions/1/?comment={mine.pk}#comment-{mine.pk}", "the page holding it"
    client.post(thread_url(discussion), {"body": "Yes, line 12", "parent": first.pk})

    reply = Comment.objects.get(body="Yes, line 12")
    assert reply.parent == first
    html = client.get(thread_url(discussion)).content.decode()
    assert html.index("What about the buses?") < html.index("Yes, line 12")
    assert f'id="reply-{first.pk}"' in html, "each comment has its own labelled reply box"


def test_an_outside_link_is_not_followed_after_posting(client, discussion, citizen):
    client.force_login(citizen)

    response = client.post(thread_url(discussion), {"body": "Hello", "next": "https://evil.example/"})

    assert "evil.example" not in response["Location"]


def test_the_author_edits_a_comment_and_the_page_says_so(client, discussion, citizen, neighbour):
    comment = post_comment(citizen, discussion, "Typo hre")

    with pytest.raises(ParticipationRefused):
        edit_comment(neighbour, comment, "Vandalised")
    edit_comment(citizen, comment, "Typo <i>here</i>")

    comment.refresh_from_db()
    assert comment.body == "Typo here"
    assert comment.edited_at is not None
    client.force_login(neighbour)
    refused(
        client.get(f"/en/participation/comments/{comment.pk}/edit/"),
        "Only the author of a comment edits it, while it is visible.",
    )


def test_the_author_edits_a_comment_through_its_page(client, discussion, citizen):
    comment = post_comment(citizen, discussion, "The bus stop neds a shelter")
    client.force_login(citizen)
    url = f"/en/participation/comments/{comment.pk}/edit/"

    form = client.get(f"{url}?next={thread_url(discussion)}")
    assert form.status_code == 200
    html = form.content.decode()
    assert "Edit your comment" in html and "The bus stop neds a shelter" in html
    assert f'name="next" value="{thread_url(discussion)}"' in html

    response = client.post(url, {"body": "The bus stop needs a shelter", "next": thread_url(discussion)})
    assert response.status_code == 302
    assert response["Location"] == f"{thread_url(discussion)}?comment={comment.pk}#comment-{comment.pk}"
    page = client.get(thread_url(discussion)).content.decode()
    assert "The bus stop needs a shelter" in page and "edited" in page


def test_a_refused_edit_keeps_the_text_and_states_the_limit(client, discussion, citizen):
    comment = post_comment(citizen, discussion, "Short")
    client.force_login(citizen)
    too_long = "x" * (COMMENT_MAX_LENGTH + 1)

    response = client.post(f"/en/participation/comments/{comment.pk}/edit/", {"body": too_long})

    assert response.status_code == 400
    html = response.content.decode()
    assert f"the limit is {COMMENT_MAX_LENGTH}" in html and too_long in html
    comment.refresh_from_db()
    assert comment.body == "Short"


def test_an_unregistered_kind_of_object_cannot_be_commented(client, citizen, commune_a):
    client.force_login(citizen)

    response = client.post(f"/en/participation/comments/accounts.user/{citizen.pk}/", {"body": "Hi"})

    assert response.status_code == 404


def test_a_thread_costs_the_same_number_of_queries_for_10_or_200_comments(client, discussion, citizen):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(thread_url(discussion)).status_code == 200
        return len(queries)

    client.force_login(citizen)
    people = UserFactory.create_batch(5)
    roots = [post_comment(people[i % 5], discussion, f"comment {i}") for i in range(10)]
    ten = count()
    for i in range(190):
        post_comment(people[i % 5], discussion, f"reply {i}", parent=roots[i % 10])

    assert Comment.objects.count() == 200
    assert count() == ten
