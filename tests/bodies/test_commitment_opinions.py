"""An advisory body's opinion may name the commitments it is about — only commitments of its own collectivity's
public programs — and a commitment's page then lists the opinions about it, beside its progress ("what people
said feeds what is tracked"). A forged choice is refused and nothing typed is lost; titles are escaped; the
commitment page costs the same queries whatever the number of opinions."""

import datetime

import pytest
from django.utils import timezone

from infitah.bodies.models import Opinion, OpinionStatus
from infitah.bodies.opinions import OpinionRefused, submit_opinion
from infitah.programs.phases import Phase
from tests.bodies.factories import OpinionFactory
from tests.clients import page, page_as, queries
from tests.factories import AdvisoryBodyFactory
from tests.programs.factories import AxisFactory, CommitmentFactory, ProgramFactory

pytestmark = pytest.mark.django_db


def public_commitment(collectivity, title="Données ouvertes du budget", phase=Phase.IMPLEMENTATION):
    program = ProgramFactory(collectivity=collectivity, phase=phase, title={"fr": "Programme 2024–2026"})
    return CommitmentFactory(axis=AxisFactory(program=program), title={"fr": title})


def test_a_member_names_the_commitments_of_the_bodys_collectivity_the_opinion_is_about(client, people):
    ours = public_commitment(people.commune_a)
    client.force_login(people.member_user)
    url = f"/en/bodies/{people.body.pk}/opinions/new/"
    html = page(client, url)
    assert "Commitments this opinion is about" in html and "Données ouvertes du budget" in html
    assert "Programme 2024–2026" in html  # the check boxes are grouped under their program
    response = client.post(
        url, {"kind": "opinion", "title_0": "رأي في الميزانية", "text_0": "نص", "commitments": [ours.pk]}
    )
    opinion = Opinion.objects.get()
    assert response.status_code == 302 and list(opinion.commitments.all()) == [ours]
    html = page(client, opinion.get_absolute_url())
    assert "About the commitments" in html
    link = f'<a href="/en/programs/commitments/{ours.pk}/"><bdi><span lang="fr" dir="ltr">Données ouvertes du budget'
    assert link in html


def test_only_the_public_programs_of_the_bodys_own_collectivity_are_offered(client, people):
    public_commitment(people.commune_a, title="Engagement public")
    public_commitment(people.commune_a, title="Engagement en préparation", phase=Phase.PREPARATION)
    public_commitment(people.commune_b, title="Engagement de la commune B")
    client.force_login(people.member_user)
    html = page(client, f"/en/bodies/{people.body.pk}/opinions/new/")
    assert "Engagement public" in html
    assert "Engagement en préparation" not in html and "Engagement de la commune B" not in html


def test_without_any_public_commitment_the_choice_is_left_out(client, people):
    client.force_login(people.member_user)
    assert "Commitments this opinion is about" not in page(client, f"/en/bodies/{people.body.pk}/opinions/new/")


@pytest.mark.parametrize("whose", ["another collectivity", "a program in preparation", "no commitment at all"])
def test_a_forged_commitment_is_refused_with_a_message_and_what_was_typed_is_kept(client, people, whose):
    public_commitment(people.commune_a)  # so the field is offered
    forged = {
        "another collectivity": lambda: public_commitment(people.commune_b).pk,
        "a program in preparation": lambda: public_commitment(people.commune_a, phase=Phase.PREPARATION).pk,
        "no commitment at all": lambda: 987654321987,
    }[whose]()
    client.force_login(people.member_user)
    response = client.post(
        f"/en/bodies/{people.body.pk}/opinions/new/",
        {"kind": "opinion", "title_0": "عنوان رأيي المهم", "text_0": "نص كتبته بعناية", "commitments": [forged]},
    )
    html = response.content.decode()
    assert response.status_code == 200, whose
    assert "only be about commitments of its own collectivity&#x27;s public programs" in html, whose
    assert "عنوان رأيي المهم" in html and "نص كتبته بعناية" in html
    assert not Opinion.objects.exists()


def test_a_nonsense_commitment_id_is_explained_not_a_crash(client, people):
    public_commitment(people.commune_a)
    client.force_login(people.member_user)
    response = client.post(
        f"/en/bodies/{people.body.pk}/opinions/new/",
        {"kind": "opinion", "title_0": "عنوان", "text_0": "نص", "commitments": ["abc"]},
    )
    assert response.status_code == 200 and "Choose commitments among those listed." in response.content.decode()
    assert not Opinion.objects.exists()


def test_the_service_refuses_another_collectivitys_commitment(people):
    theirs = public_commitment(people.commune_b)
    with pytest.raises(OpinionRefused) as refused:
        submit_opinion(
            people.body,
            by=people.member_user,
            kind="opinion",
            title={"ar": "ع"},
            text={"ar": "ن"},
            commitments=[theirs],
        )
    assert "its own collectivity's public programs" in str(refused.value.message)
    assert not Opinion.objects.exists()


def test_staff_recording_on_the_bodys_behalf_may_name_commitments(people):
    ours = public_commitment(people.commune_a)
    opinion = submit_opinion(
        people.body,
        by=people.editor,
        member=people.named_member,
        kind="recommendation",
        title={"fr": "Recommandation"},
        text={"fr": "Texte"},
        commitments=[ours],
    )
    assert list(ours.body_opinions.all()) == [opinion]


def test_the_commitment_page_lists_the_opinions_about_it_with_body_status_and_answer(client, people):
    commitment = public_commitment(people.commune_a)
    answered = OpinionFactory(
        body=people.body,
        title={"en": "Publish the budget monthly"},
        status=OpinionStatus.ANSWERED,
        submitted_at=timezone.now() - datetime.timedelta(days=30),
        acknowledged_at=timezone.now() - datetime.timedelta(days=25),
        answered_at=timezone.now() - datetime.timedelta(days=10),
        response={"en": "Retained."},
    )
    waiting = OpinionFactory(body=people.body, title={"en": "Open the procurement data"})
    OpinionFactory(body=people.body, title={"en": "About something else"})
    answered.commitments.add(commitment)
    waiting.commitments.add(commitment)
    html = page(client, f"/en/programs/commitments/{commitment.pk}/")
    assert "Advisory-body opinions about this commitment" in html
    assert f'href="/en/bodies/opinions/{answered.pk}/"' in html and f'href="/en/bodies/opinions/{waiting.pk}/"' in html
    assert "Publish the budget monthly" in html and "Open the procurement data" in html
    assert "About something else" not in html
    assert "answered on time" in html and "awaiting the council's answer" in html
    assert '<td><bdi><span lang="fr" dir="ltr">Instance de l&#x27;égalité</span></bdi></td>' in html


def test_a_commitment_without_opinions_shows_no_block(client, people):
    commitment = public_commitment(people.commune_a)
    html = page(client, f"/en/programs/commitments/{commitment.pk}/")
    assert "Advisory-body opinions about this commitment" not in html


def test_a_commitment_no_one_may_see_is_not_named_on_the_opinion_page(client, people):
    """A commitment linked before its program went back out of sight (or by hand) is named to no visitor."""
    hidden = public_commitment(people.commune_a, title="Engagement caché", phase=Phase.PREPARATION)
    opinion = OpinionFactory(body=people.body)
    opinion.commitments.add(hidden)
    html = page_as(client, None, opinion.get_absolute_url())
    assert "Engagement caché" not in html and "About the commitments" not in html
    assert "Engagement caché" in page_as(client, people.editor, opinion.get_absolute_url())


def test_the_opinion_title_is_escaped_on_the_commitment_page(client, people):
    commitment = public_commitment(people.commune_a)
    OpinionFactory(body=people.body, title={"en": "<script>alert(1)</script>"}).commitments.add(commitment)
    html = page(client, f"/en/programs/commitments/{commitment.pk}/")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_commitment_page_costs_the_same_queries_for_one_or_many_opinions(client, people):
    few, many = public_commitment(people.commune_a), public_commitment(people.commune_a)
    OpinionFactory(body=people.body).commitments.add(few)
    other_body = AdvisoryBodyFactory(collectivity=people.commune_a)
    for n in range(6):
        OpinionFactory(body=people.body if n % 2 else other_body).commitments.add(many)
    assert queries(client, f"/en/programs/commitments/{few.pk}/") == queries(
        client, f"/en/programs/commitments/{many.pk}/"
    )


def test_the_opinion_page_costs_the_same_queries_for_one_or_many_commitments(client, people):
    one, several = OpinionFactory(body=people.body), OpinionFactory(body=people.body)
    one.commitments.add(public_commitment(people.commune_a))
    several.commitments.add(*(public_commitment(people.commune_a) for _ in range(5)))
    assert queries(client, one.get_absolute_url()) == queries(client, several.get_absolute_url())


def test_staff_change_the_commitments_of_a_submitted_opinion_and_the_act_is_audited(client, people):
    from infitah.participation.models import AuditLogEntry

    first, second = public_commitment(people.commune_a, title="Premier"), public_commitment(people.commune_a)
    opinion = OpinionFactory(body=people.body)
    opinion.commitments.add(first)
    client.force_login(people.editor)
    assert "Choose the commitments this opinion is about" in page(client, opinion.get_absolute_url())
    url = f"/en/bodies/opinions/{opinion.pk}/commitments/"
    html = page(client, url)
    assert f'value="{first.pk}" id="id_commitments_0_0" checked' in html  # the current choice is ticked
    response = client.post(url, {"commitments": [second.pk]})
    assert response.status_code == 302 and list(opinion.commitments.all()) == [second]
    entry = AuditLogEntry.objects.get(action="bodies.link_commitments")
    assert entry.changes == {"commitments": [[first.pk], [second.pk]]} and entry.collectivity_id == people.commune_a.pk


def test_a_forged_commitment_is_refused_when_staff_change_them_and_nothing_changes(client, people):
    ours, theirs = public_commitment(people.commune_a), public_commitment(people.commune_b)
    opinion = OpinionFactory(body=people.body)
    opinion.commitments.add(ours)
    client.force_login(people.editor)
    response = client.post(f"/en/bodies/opinions/{opinion.pk}/commitments/", {"commitments": [theirs.pk]})
    assert response.status_code == 200 and "its own collectivity&#x27;s public programs" in response.content.decode()
    assert list(opinion.commitments.all()) == [ours]


@pytest.mark.parametrize("who", ["member_user", "citizen", "other_focal_point"])
def test_only_staff_of_the_bodys_collectivity_change_them(client, people, who):
    ours = public_commitment(people.commune_a)
    opinion = OpinionFactory(body=people.body)
    client.force_login(getattr(people, who))
    assert "Choose the commitments" not in page(client, opinion.get_absolute_url())
    response = client.post(f"/en/bodies/opinions/{opinion.pk}/commitments/", {"commitments": [ours.pk]})
    assert response.status_code == 403, who
    assert "Only the staff of this body" in response.content.decode()
    assert not opinion.commitments.exists()


def test_an_unknown_opinion_is_404(client, people):
    client.force_login(people.editor)
    for absurd in ("99999999", "99999999999999999999999"):
        assert client.get(f"/en/bodies/opinions/{absurd}/commitments/").status_code == 404
