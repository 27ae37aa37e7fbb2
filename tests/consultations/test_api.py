"""A developer reads public consultations as JSON: consultations with their response clock, contributions with
their responses. Hidden contributions show only that they are hidden and why; no e-mail address is published."""

import datetime

import pytest
from django.utils import timezone

from infitah.consultations.models import Contribution, ContributionKind
from infitah.consultations.services import withdraw_contribution
from infitah.participation.supports import support
from infitah.programs.models import Program
from infitah.programs.phases import Phase
from tests.api.helpers import API, get_json, queries
from tests.consultations.factories import (
    ConsultationFactory,
    ContributionFactory,
    ResponseFactory,
    published_program,
    snapshot_keys,
)
from tests.factories import AssociationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed_consultation():
    consultation = ConsultationFactory(
        opens_at=timezone.now() - datetime.timedelta(days=40), closes_at=timezone.now() - datetime.timedelta(days=35)
    )
    return consultation


def test_consultations_are_listed_with_filters(client, closed_consultation):
    open_one = ConsultationFactory()
    hidden_program = published_program()
    ConsultationFactory(program=hidden_program)
    Program.objects.filter(pk=hidden_program.pk).update(phase=Phase.PREPARATION)  # not public: never listed
    listed = get_json(client, f"{API}/consultations")
    assert {item["id"] for item in listed["items"]} == {closed_consultation.pk, open_one.pk}
    assert [i["id"] for i in get_json(client, f"{API}/consultations", state="open")["items"]] == [open_one.pk]
    assert [i["id"] for i in get_json(client, f"{API}/consultations", state="closed")["items"]] == [
        closed_consultation.pk
    ]
    code = open_one.collectivity.code
    assert [i["id"] for i in get_json(client, f"{API}/consultations", collectivity=code)["items"]] == [open_one.pk]
    by_program = get_json(client, f"{API}/consultations", program=closed_consultation.program_id)["items"]
    assert [i["id"] for i in by_program] == [closed_consultation.pk]
    assert listed["items"][0]["version_number"] == 1


def test_one_consultation_has_its_clock(client, closed_consultation):
    answered = ContributionFactory(consultation=closed_consultation)
    ResponseFactory(contribution=answered, answered_at=closed_consultation.closes_at + datetime.timedelta(days=2))
    ContributionFactory(consultation=closed_consultation)
    data = get_json(client, f"{API}/consultations/{closed_consultation.pk}")
    assert data["state"] == "closed"
    assert data["clock"]["answered"] == 1 and data["clock"]["overdue"] == 1
    assert data["contribution_count"] == 2
    assert get_json(client, f"{API}/consultations/999999", status=404)["detail"]


def test_contributions_show_no_personal_data_and_hidden_ones_only_why(client, closed_consultation):
    author = UserFactory(email="secret.person@example.ma", full_name="سعاد")
    association = AssociationFactory(is_verified=True)
    _axis, keys = snapshot_keys(closed_consultation)
    visible = ContributionFactory(
        consultation=closed_consultation, author=author, association=association, commitment_key=keys[0], body="رأي"
    )
    ResponseFactory(contribution=visible, outcome="not_retained", answered_at=closed_consultation.closes_at)
    ContributionFactory(
        consultation=closed_consultation,
        author=author,
        body="نص مسيء",
        is_hidden=True,
        hidden_category="abuse",
        hidden_reason="Propos injurieux.",
    )
    response = client.get(f"{API}/consultations/{closed_consultation.pk}/contributions")
    assert "secret.person" not in response.content.decode() and "نص مسيء" not in response.content.decode()
    items = response.json()["items"]
    assert items[0]["author_name"] == "سعاد" and items[0]["association"]["id"] == association.pk
    assert items[0]["commitment_key"] == keys[0]
    assert items[0]["response"]["outcome"] == "not_retained" and items[0]["response_state"] == "answered"
    assert items[1]["is_hidden"] and items[1]["hidden_reason"] == "Propos injurieux."
    assert items[1]["body"] == "" and items[1]["author_name"] is None
    one = get_json(client, f"{API}/contributions/{visible.pk}")
    assert one["response"]["reason"]["ar"]
    unanswered = get_json(client, f"{API}/consultations/{closed_consultation.pk}/contributions", answered="false")
    assert [i["is_hidden"] for i in unanswered["items"]] == [True]


def test_a_withdrawn_contribution_names_nobody_and_awaits_no_answer(client):
    consultation = ConsultationFactory(
        opens_at=timezone.now() - datetime.timedelta(days=2), closes_at=timezone.now() + datetime.timedelta(days=20)
    )
    author = UserFactory(full_name="Nadia Berrada")
    contribution = ContributionFactory(consultation=consultation, author=author, body="Mon avis")
    withdraw_contribution(author, contribution)

    item = get_json(client, f"{API}/contributions/{contribution.pk}")
    assert item["is_withdrawn"] and item["response_state"] == "withdrawn"
    assert item["author_name"] is None and item["association"] is None and item["body"] == ""
    assert "Nadia" not in client.get(f"{API}/consultations/{consultation.pk}/contributions").content.decode()


def test_the_contribution_list_costs_the_same_for_10_or_500(client):
    small, large = ConsultationFactory(), ConsultationFactory()
    people = [UserFactory(), UserFactory()]
    supporter = UserFactory()  # nobody supports their own contribution
    for consultation, count in ((small, 10), (large, 500)):
        Contribution.objects.bulk_create(
            Contribution(
                consultation=consultation,
                collectivity=consultation.collectivity,
                kind=ContributionKind.COMMENT,
                author=people[n % 2],
                body=f"رأي {n}",
                contributor_kind="citizen",
            )
            for n in range(count)
        )
        for contribution in Contribution.objects.filter(consultation=consultation)[:5]:
            ResponseFactory(contribution=contribution)
            support(supporter, contribution)
    small_url = f"{API}/consultations/{small.pk}/contributions"
    large_url = f"{API}/consultations/{large.pk}/contributions"
    assert queries(client, small_url) == queries(client, large_url)
    assert queries(client, f"{API}/consultations/{small.pk}") == queries(client, f"{API}/consultations/{large.pk}")
