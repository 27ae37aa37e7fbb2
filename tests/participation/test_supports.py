"""One support per person per object, withdrawable, counted exactly even when the clicks arrive together."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from infitah.bodies.models import AdvisoryBody
from infitah.participation.models import Support
from infitah.participation.selectors import with_participation
from infitah.participation.supports import has_supported, support, support_count, withdraw_support
from infitah.participation.targets import ParticipationRefused
from tests.concurrency import in_parallel
from tests.factories import AdvisoryBodyFactory, CommuneFactory, UserFactory
from tests.participation.world import CLOSED, LABEL


@pytest.mark.django_db
def test_supporting_twice_counts_once_and_says_so(discussion, citizen):
    assert support(citizen, discussion) is True
    assert support(citizen, discussion) is False

    assert support_count(discussion) == 1
    assert has_supported(citizen, discussion)


@pytest.mark.django_db
def test_a_support_can_be_withdrawn_and_given_again(discussion, citizen):
    support(citizen, discussion)

    assert withdraw_support(citizen, discussion) is True
    assert withdraw_support(citizen, discussion) is False
    assert support_count(discussion) == 0
    assert support(citizen, discussion) is True
    assert support_count(discussion) == 1


@pytest.mark.django_db
def test_supports_of_a_closed_discussion_are_refused_and_frozen(discussions, citizen):
    closed = AdvisoryBodyFactory(kind="other")

    with pytest.raises(ParticipationRefused, match=CLOSED):
        support(citizen, closed)
    with pytest.raises(ParticipationRefused, match=CLOSED):
        withdraw_support(citizen, closed)
    assert not Support.objects.exists()


@pytest.mark.django_db
def test_the_button_works_without_javascript(client, discussion, citizen):
    client.force_login(citizen)
    url = f"/en/participation/supports/{LABEL}/{discussion.pk}/"
    page = f"/en/participation/comments/{LABEL}/{discussion.pk}/"

    response = client.post(url, {"next": page}, follow=True)
    assert support_count(discussion) == 1
    assert "Your support is counted." in [str(m) for m in response.context["messages"]]

    response = client.post(url, {"next": page}, follow=True)
    assert "You already support this; a person counts once." in [str(m) for m in response.context["messages"]]
    assert support_count(discussion) == 1

    client.post(url, {"next": page, "action": "withdraw"})
    assert support_count(discussion) == 0


@pytest.mark.django_db
def test_the_support_button_shows_the_count_and_offers_to_withdraw(rf, discussion, citizen):
    from django.template import Context, Template

    support(citizen, discussion)
    support(UserFactory(), discussion)
    request = rf.get("/en/somewhere/")
    request.user = citizen

    html = Template("{% load participation %}{% support_button obj %}").render(
        Context({"request": request, "obj": discussion})
    )

    assert "2 supports" in html
    assert 'value="withdraw"' in html
    assert 'method="post"' in html


@pytest.mark.django_db
def test_a_list_gets_its_counts_in_one_query(discussions, citizen):
    commune = CommuneFactory()
    bodies = AdvisoryBodyFactory.create_batch(3, collectivity=commune)
    for body in bodies[:2]:
        support(citizen, body)
    support(UserFactory(), bodies[0])

    with CaptureQueriesContext(connection) as queries:
        rows = {b.pk: b for b in with_participation(AdvisoryBody.objects.filter(collectivity=commune), citizen)}
    assert len(queries) == 1
    assert [rows[b.pk].support_count for b in bodies] == [2, 1, 0]
    assert [rows[b.pk].supported_by_me for b in bodies] == [True, True, False]


@pytest.mark.django_db(transaction=True)
def test_20_parallel_supports_and_5_repeated_clicks_count_exactly_20(discussions):
    body = AdvisoryBodyFactory()
    people = UserFactory.create_batch(20)
    eager = people[0]
    results = []

    def supporter(person):
        return lambda: results.append(support(person, body))

    errors = in_parallel([supporter(person) for person in people] + [supporter(eager) for _ in range(5)])

    assert errors == []
    assert support_count(body) == 20
    assert Support.objects.filter(user=eager).count() == 1
    assert sorted(results) == [False] * 5 + [True] * 20
