"""A contribution with 5,000 replies costs what one with 50 costs, for a reader and for a signed-in citizen, and the
consultation's list says how many replies each has without counting them."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from infitah.participation.models import Comment
from infitah.participation.threads import recount
from tests.consultations.factories import ContributionFactory

pytestmark = pytest.mark.django_db


def with_replies(consultation, author, count):
    contribution = ContributionFactory(consultation=consultation)
    on_it = {"content_type": ContentType.objects.get_for_model(contribution), "object_id": contribution.pk}
    Comment.objects.bulk_create(
        Comment(author=author, body=f"Reply {n}.", collectivity_id=contribution.collectivity_id, **on_it)
        for n in range(1, count + 1)
    )
    recount(contribution)
    return contribution


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


@pytest.mark.parametrize("signed_in", [False, True])
def test_a_contribution_page_costs_the_same_for_50_or_5000_replies(client, people, consultation, signed_in):
    if signed_in:
        client.force_login(people.make_citizen())
    short = with_replies(consultation, people.editor, 50)
    long = with_replies(consultation, people.editor, 5000)
    client.get(short.get_absolute_url())  # the first request also loads what the process caches

    for short_page, long_page in (("", ""), ("?comments_page=1", "?comments_page=100")):  # the first, the last
        few, _html = queries(client, f"{short.get_absolute_url()}{short_page}")
        many, html = queries(client, f"{long.get_absolute_url()}{long_page}")
        assert many == few, long_page
    assert "5000 comments" in html or "5,000 comments" in html
    assert "Reply 4951." in html and "Reply 5000." in html and "Reply 4950." not in html


def test_the_consultation_lists_each_contributions_reply_count(client, people, consultation):
    with_replies(consultation, people.editor, 120)

    _count, html = queries(client, consultation.get_absolute_url())

    assert "120 replies" in html
