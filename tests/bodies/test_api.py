"""A developer reads advisory bodies, their members (public fields only) and their opinions with the council's
answers and the response clock, as JSON."""

import datetime

import pytest
from django.utils import timezone

from infitah.bodies.models import BodyKind, BureauRole, OpinionStatus
from tests.api.helpers import API, get_json, queries
from tests.bodies.factories import BodyMemberFactory, OpinionFactory
from tests.factories import AdvisoryBodyFactory, AssociationFactory, CommuneFactory, UserFactory

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def test_bodies_are_listed_and_filtered_by_collectivity_and_kind(client):
    commune = CommuneFactory()
    equality = AdvisoryBodyFactory(collectivity=commune, kind=BodyKind.EQUALITY)
    AdvisoryBodyFactory(collectivity=commune, kind=BodyKind.YOUTH)
    AdvisoryBodyFactory(kind=BodyKind.EQUALITY)
    assert get_json(client, f"{API}/bodies")["count"] == 3
    data = get_json(client, f"{API}/bodies", collectivity=commune.code, kind="equality")
    assert [item["id"] for item in data["items"]] == [equality.pk]
    assert data["items"][0]["collectivity_code"] == commune.code


def test_a_body_shows_its_members_public_fields_only_bureau_first(client):
    body = AdvisoryBodyFactory()
    user = UserFactory(full_name="Samira Alaoui", email="samira.private@example.ma")
    BodyMemberFactory(body=body, user=user, full_name="", seat_type="expert")
    BodyMemberFactory(
        body=body,
        full_name="Hassan Idrissi",
        bureau_role=BureauRole.PRESIDENT,
        association=AssociationFactory(name={"fr": "Association Amal"}, is_verified=True),
    )
    BodyMemberFactory(body=body, full_name="Former", left_on=datetime.date.today())
    data = get_json(client, f"{API}/bodies/{body.pk}")
    members = data["members"]
    assert [m["name"] for m in members] == ["Hassan Idrissi", "Samira Alaoui"]
    assert members[0]["bureau_role"] == "president" and members[0]["association"] == {"fr": "Association Amal"}
    assert set(members[0]) == {"name", "seat_type", "bureau_role", "association", "joined_on"}
    assert "samira.private" not in str(data) and "@" not in str(data)
    get_json(client, f"{API}/bodies/999999", status=404)


def test_opinions_carry_their_answer_due_date_and_clock_and_filter_by_overdue(client):
    body = AdvisoryBodyFactory()
    late = OpinionFactory(body=body, submitted_at=days_ago(70))
    pending = OpinionFactory(body=body, submitted_at=days_ago(5))
    answered = OpinionFactory(
        body=body,
        submitted_at=days_ago(40),
        status=OpinionStatus.ANSWERED,
        acknowledged_at=days_ago(35),
        answered_at=days_ago(2),
        response={"fr": "Réponse motivée"},
    )
    OpinionFactory(submitted_at=days_ago(80))  # another body's
    data = get_json(client, f"{API}/opinions", body=body.pk)
    by_id = {item["id"]: item for item in data["items"]}
    assert set(by_id) == {late.pk, pending.pk, answered.pk}
    assert by_id[late.pk]["clock"] == "overdue" and by_id[pending.pk]["clock"] == "pending"
    assert by_id[answered.pk]["clock"] == "answered" and by_id[answered.pk]["response"] == {"fr": "Réponse motivée"}
    assert by_id[late.pk]["due_on"] == late.due_on.isoformat()
    overdue = get_json(client, f"{API}/opinions", body=body.pk, overdue="true")
    assert [item["id"] for item in overdue["items"]] == [late.pk]
    not_overdue = get_json(client, f"{API}/opinions", body=body.pk, overdue="false")
    assert {item["id"] for item in not_overdue["items"]} == {pending.pk, answered.pk}
    answered_only = client.get(f"{API}/opinions", {"status": "answered"}).json()
    assert [item["id"] for item in answered_only["items"]] == [answered.pk]


def test_answers_cost_the_same_number_of_queries_for_few_or_many_rows(client):
    small, large = AdvisoryBodyFactory(), AdvisoryBodyFactory()
    association = AssociationFactory()
    BodyMemberFactory(body=small, association=association)
    OpinionFactory(body=small)
    for n in range(20):
        BodyMemberFactory(body=large, association=association, user=UserFactory() if n % 2 else None)
        OpinionFactory(body=large)
    assert queries(client, f"{API}/bodies/{small.pk}") == queries(client, f"{API}/bodies/{large.pk}")
    assert queries(client, f"{API}/opinions?body={small.pk}") == queries(client, f"{API}/opinions?body={large.pk}")
    few = queries(client, f"{API}/bodies?collectivity={small.collectivity.code}")
    assert few == queries(client, f"{API}/bodies")


def test_opinions_carry_the_ids_of_the_public_commitments_they_are_about_and_filter_by_one(client):
    from infitah.programs.phases import Phase
    from tests.programs.factories import AxisFactory, CommitmentFactory, ProgramFactory

    body = AdvisoryBodyFactory()
    program = ProgramFactory(collectivity=body.collectivity, phase=Phase.IMPLEMENTATION)
    first, second = (CommitmentFactory(axis=AxisFactory(program=program)) for _ in range(2))
    hidden = CommitmentFactory(axis=AxisFactory(program=ProgramFactory(collectivity=body.collectivity)))
    hidden.program.phase = Phase.PREPARATION
    hidden.program.save()
    about_both = OpinionFactory(body=body)
    about_both.commitments.add(first, second, hidden)
    OpinionFactory(body=body)
    data = get_json(client, f"{API}/opinions", body=body.pk)
    by_id = {item["id"]: item["commitment_ids"] for item in data["items"]}
    assert by_id[about_both.pk] == sorted([first.pk, second.pk])  # the program in preparation is not named
    assert [ids for pk, ids in by_id.items() if pk != about_both.pk] == [[]]
    only = get_json(client, f"{API}/opinions", commitment=second.pk)
    assert [item["id"] for item in only["items"]] == [about_both.pk]
    get_json(client, f"{API}/opinions", commitment=99999999999999999999, status=422)
