"""Visitors read a body's page (legal basis, mandate, rules, composition, meetings, opinions with their due dates
and the council's answers) and each opinion; members submit opinions; staff acknowledge and answer. Refusals say
why and keep what was typed; pages cost the same number of queries for few or many rows."""

import datetime

import pytest
from django.utils import timezone

from infitah.accounts.models import Gender
from infitah.bodies.models import BodyKind, BureauRole, Opinion, OpinionStatus, SeatType
from infitah.core.contributions import member_sections, navigation
from infitah.events.models import EventKind
from tests.bodies.factories import BodyMemberFactory, OpinionFactory
from tests.clients import page, queries
from tests.events.factories import EventFactory
from tests.factories import AdvisoryBodyFactory, AssociationFactory, UserFactory
from tests.refusals import refused

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def test_the_app_adds_a_menu_entry_and_links_bodies_from_member_pages(people):
    assert navigation["bodies"].url_name == "bodies:list"
    assert member_sections["advisory_bodies"].template == "bodies/member_section.html"
    from django.template.loader import render_to_string

    html = render_to_string("bodies/member_section.html", {"section": {"advisory_bodies": [people.body]}})
    assert f'href="{people.body.get_absolute_url()}"' in html


def test_the_list_filters_by_collectivity_and_kind(client, people):
    AdvisoryBodyFactory(collectivity=people.commune_a, kind=BodyKind.YOUTH, name={"fr": "Instance jeunesse"})
    html = page(client, "/fr/bodies/")
    assert "Instance de l&#x27;égalité" in html and "Instance jeunesse" in html
    html = page(client, f"/fr/bodies/?collectivity={people.commune_a.code}&kind=youth")
    assert "Instance jeunesse" in html and "Instance de l&#x27;égalité" not in html
    html = page(client, f"/fr/bodies/?collectivity={people.commune_b.code}")
    assert "Instance jeunesse" not in html


def test_the_body_page_shows_its_basis_mandate_rules_and_composition_without_emails(client, people):
    body = people.body
    body.legal_basis = {"fr": "loi organique 113-14, art. 120"}
    body.mandate_start, body.mandate_end = datetime.date(2022, 1, 1), datetime.date(2027, 12, 31)
    body.rules_of_procedure = {"fr": "Article premier : l'instance se réunit tous les trois mois."}
    body.save()
    association = AssociationFactory(seat=people.commune_a, name={"fr": "Association Tanmia"}, is_verified=True)
    BodyMemberFactory(
        body=body,
        full_name="Zineb Haddad",
        bureau_role=BureauRole.PRESIDENT,
        association=association,
        gender=Gender.FEMALE,
    )
    people.member.gender = Gender.FEMALE
    people.member.save()
    html = page(client, body.get_absolute_url().replace("/ar/", "/fr/"))
    for text in (
        "loi organique 113-14, art. 120",
        "2027",
        "se réunit tous les trois mois",
        "Zineb Haddad",
        "Association Tanmia",
        "Khadija Ait Taleb",
        "Mohamed Amine",
    ):
        assert text in html, text
    assert "khadija@example.ma" not in html and "@example.ma" not in html
    # The bureau comes first: the president before the rapporteur, before plain members.
    assert html.index("Zineb Haddad") < html.index("Khadija Ait Taleb") < html.index("Mohamed Amine")
    html_en = page(client, body.get_absolute_url().replace("/ar/", "/en/"))
    assert "Woman: 2" in html_en and "not given: 1" in html_en


def test_the_body_page_lists_its_meetings_with_the_quorum(client, people):
    EventFactory(
        collectivity=people.commune_a,
        kind=EventKind.BODY_MEETING,
        advisory_body=people.body,
        title={"fr": "Réunion ordinaire de l'instance"},
        quorum_required=5,
        members_present=7,
    )
    html = page(client, people.body.get_absolute_url().replace("/ar/", "/en/"))
    assert "Réunion ordinaire de l&#x27;instance" in html and "reached: 7 present, 5 required" in html


def test_opinions_show_their_due_date_and_overdue_ones_are_marked_publicly(client, people):
    OpinionFactory(body=people.body, title={"fr": "Avis en retard"}, submitted_at=days_ago(70))
    OpinionFactory(body=people.body, title={"fr": "Avis récent"}, submitted_at=days_ago(3))
    html = page(client, people.body.get_absolute_url().replace("/ar/", "/en/"))
    assert "Avis en retard" in html and "overdue by 10 days" in html
    assert "awaiting the council" in html
    late = Opinion.objects.get(title__fr="Avis en retard")
    html = page(client, late.get_absolute_url().replace("/ar/", "/en/"))
    assert "The council has not answered this opinion" in html and "overdue by 10 days" in html


def test_the_opinion_page_shows_the_councils_reasoned_answer(client, people):
    opinion = OpinionFactory(
        body=people.body,
        status=OpinionStatus.ANSWERED,
        submitted_at=days_ago(30),
        acknowledged_at=days_ago(25),
        answered_at=days_ago(5),
        response={"fr": "Le conseil retient la recommandation parce que ..."},
        council_session="Session ordinaire d'octobre",
    )
    html = page(client, opinion.get_absolute_url().replace("/ar/", "/en/"))
    assert "Le conseil retient la recommandation parce que" in html and "answered on time" in html
    assert "Session ordinaire d&#x27;octobre" in html


def test_a_member_submits_an_opinion_and_sees_it_published(client, people):
    client.force_login(people.member_user)
    url = f"/en/bodies/{people.body.pk}/opinions/new/"
    assert "Submitted in your name, <bdi>Khadija Ait Taleb</bdi>" in page(client, url)
    response = client.post(
        url,
        {"kind": "opinion", "title_0": "الميزانية المستجيبة للنوع", "text_0": "نص <b>الرأي</b><script>x()</script>"},
    )
    opinion = Opinion.objects.get()
    assert response.status_code == 302 and response["Location"] == opinion.get_absolute_url()
    assert opinion.text == {"ar": "نص الرأي"} and opinion.member == people.member


def test_a_non_member_is_refused_with_a_message_and_keeps_the_typed_text(client, people):
    client.force_login(people.citizen)
    url = f"/en/bodies/{people.body.pk}/opinions/new/"
    assert "you do not sit on it" in page(client, url, status=403)
    response = client.post(url, {"kind": "opinion", "title_0": "عنوان مهم", "text_0": "نص طويل كتبته بعناية"})
    html = response.content.decode()
    assert response.status_code == 403
    assert "you do not sit on it" in html and "your text is still below" in html
    assert "نص طويل كتبته بعناية" in html and "عنوان مهم" in html
    assert not Opinion.objects.exists()


def test_an_anonymous_visitor_is_asked_to_log_in(client, people):
    response = client.get(f"/en/bodies/{people.body.pk}/opinions/new/")
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.parametrize(
    ("case", "data", "message"),
    [
        ("no title", {"kind": "opinion", "title_0": "", "text_0": "نص"}, "Give the opinion a title"),
        ("no text", {"kind": "opinion", "title_0": "عنوان", "text_0": ""}, "Write the text of the opinion"),
        ("only markup", {"kind": "opinion", "title_0": "عنوان", "text_0": "<b></b><script>x</script>"}, "plain words"),
        ("too long", {"kind": "opinion", "title_0": "عنوان", "text_0": "ن" * 10_001}, "10000 characters"),
        ("unknown kind", {"kind": "decree", "title_0": "عنوان", "text_0": "نص"}, "Select a valid choice"),
    ],
)
def test_bad_input_is_explained_and_what_was_typed_is_kept(client, people, case, data, message):
    client.force_login(people.member_user)
    response = client.post(f"/en/bodies/{people.body.pk}/opinions/new/", data)
    html = response.content.decode()
    assert response.status_code == 200, case
    assert message in html.replace(",", ""), case
    assert "Nothing was submitted" in html
    kept = data["title_0"] or data["text_0"][:50]
    assert kept[:20] in html, case
    assert not Opinion.objects.exists()


def test_staff_record_an_opinion_naming_the_member(client, people):
    client.force_login(people.editor)
    url = f"/en/bodies/{people.body.pk}/opinions/new/"
    html = page(client, url)
    assert "on the body's behalf" in html and "Mohamed Amine" in html
    response = client.post(url, {"kind": "recommendation", "title_0": "توصية", "text_0": "نص"})
    assert response.status_code == 200 and "Choose the member who presents this opinion." in response.content.decode()
    response = client.post(
        url, {"member": people.named_member.pk, "kind": "recommendation", "title_0": "توصية", "text_0": "نص"}
    )
    assert response.status_code == 302
    assert Opinion.objects.get().member_name == "Mohamed Amine"


def test_staff_acknowledge_and_answer_on_the_opinion_page(client, people):
    opinion = OpinionFactory(body=people.body, member=people.member)
    client.force_login(people.focal_point)
    assert "Acknowledge receipt" in page(client, opinion.get_absolute_url())
    response = client.post(f"/en/bodies/opinions/{opinion.pk}/acknowledge/", {})
    opinion.refresh_from_db()
    assert response.status_code == 302 and opinion.status == OpinionStatus.SUBMITTED  # not confirmed
    client.post(f"/en/bodies/opinions/{opinion.pk}/acknowledge/", {"confirm": "on"})
    opinion.refresh_from_db()
    assert opinion.status == OpinionStatus.ACKNOWLEDGED
    url = f"/en/bodies/opinions/{opinion.pk}/answer/"
    response = client.post(url, {"response_0": "", "council_session": "Octobre", "confirm": "on"})
    html = response.content.decode()
    assert response.status_code == 200 and "an answer without reasons is not an answer" in html
    assert 'value="Octobre"' in html
    response = client.post(url, {"response_1": "Le conseil a décidé ... parce que ...", "confirm": "on"})
    assert response.status_code == 302
    opinion.refresh_from_db()
    assert opinion.status == OpinionStatus.ANSWERED and opinion.response == {
        "fr": "Le conseil a décidé ... parce que ..."
    }


def test_staff_of_another_commune_cannot_acknowledge_or_answer(client, people):
    opinion = OpinionFactory(body=people.body, status=OpinionStatus.ACKNOWLEDGED, acknowledged_at=days_ago(1))
    client.force_login(people.other_focal_point)
    assert "Record the council" not in page(client, opinion.get_absolute_url())
    response = client.post(f"/en/bodies/opinions/{opinion.pk}/answer/", {"response_0": "رد", "confirm": "on"})
    assert response.status_code == 403 and "Only the staff of this body" in response.content.decode()
    fresh = OpinionFactory(body=people.body)
    response = client.post(f"/en/bodies/opinions/{fresh.pk}/acknowledge/", {"confirm": "on"})
    refused(response, "Only the staff of this body's collectivity may acknowledge its opinions.")
    opinion.refresh_from_db()
    fresh.refresh_from_db()
    assert opinion.status == OpinionStatus.ACKNOWLEDGED and fresh.status == OpinionStatus.SUBMITTED


def test_unknown_addresses_are_404(client, db):
    page(client, "/en/bodies/999999/", status=404)
    page(client, "/en/bodies/opinions/999999/", status=404)


def fill(body, members, opinions):
    association = AssociationFactory(seat=body.collectivity)
    for n in range(members):
        user = UserFactory() if n % 2 else None
        BodyMemberFactory(
            body=body,
            user=user,
            full_name="" if user else f"Membre {n}",
            association=association if n % 3 else None,
            seat_type=SeatType.EXPERT,
            gender=Gender.MALE if n % 2 else "",
        )
    for n in range(opinions):
        OpinionFactory(body=body, member=None, submitted_at=days_ago(n * 10))
    for _n in range(min(opinions, 3)):
        EventFactory(collectivity=body.collectivity, kind=EventKind.BODY_MEETING, advisory_body=body)


def test_the_pages_cost_the_same_number_of_queries_for_few_or_many_rows(client, people):
    small = AdvisoryBodyFactory(collectivity=people.commune_a)
    large = AdvisoryBodyFactory(collectivity=people.commune_a)
    fill(small, members=1, opinions=1)
    fill(large, members=25, opinions=20)
    client.force_login(people.focal_point)
    assert queries(client, small.get_absolute_url()) == queries(client, large.get_absolute_url())
    for _n in range(15):
        AdvisoryBodyFactory(collectivity=people.commune_b)
    few = queries(client, "/en/bodies/?kind=equality")
    many = queries(client, "/en/bodies/")
    assert few == many
    small_opinion, large_opinion = small.opinions.first(), large.opinions.first()
    assert queries(client, small_opinion.get_absolute_url()) == queries(client, large_opinion.get_absolute_url())
