"""`infitah demo` creates Marrakech-Safi's three advisory bodies, seats their members, gives the equality body a
member who can log in, and tells three opinions: one answered with the council's reasons, one awaiting its answer,
one overdue. It needs only the territories' demo before it."""

import pytest
from django.contrib.auth import authenticate

from infitah.bodies import demo
from infitah.bodies.models import AdvisoryBody, BodyKind, BodyMember, BureauRole, Opinion, OpinionStatus
from infitah.core.management.commands.demo import DEMO_PASSWORD
from infitah.territories import demo as territories_demo
from infitah.territories.demo.content import DEMO_ASSOCIATION

pytestmark = pytest.mark.django_db


@pytest.fixture
def logins():
    territories_demo.load()
    return demo.load()


def test_after_the_territories_alone_the_region_has_its_three_bodies_with_the_articles_names(logins):
    bodies = AdvisoryBody.objects.filter(collectivity__code="07")
    assert {b.kind for b in bodies} == {BodyKind.YOUTH, BodyKind.EQUALITY, BodyKind.ECONOMIC}
    assert {b.legal_basis["ar"] for b in bodies} == {"القانون التنظيمي 111.14، المادة 117"}
    assert "الهيئة الاستشارية للمساواة ومقاربة النوع" in {b.name["ar"] for b in bodies}
    # What the bodies' story takes from the territories' demo: the region's focal point records the opinions
    # presented by rapporteurs without an account, and the demo association of Marrakech has a seat.
    assert Opinion.objects.filter(recorded_by__email="focal.marrakech-safi@infitah.example").count() == 2
    assert BodyMember.objects.filter(association__name__ar=DEMO_ASSOCIATION["name"]["ar"]).exists()


def test_each_body_has_a_bureau_and_members_of_both_genders(logins):
    bodies = AdvisoryBody.objects.filter(collectivity__code="07")
    assert {body.kind for body in bodies} == {"equality", "youth", "economic"}
    for body in bodies:
        members = list(body.members.active())
        roles = [member.bureau_role for member in members]
        assert {BureauRole.PRESIDENT, BureauRole.VICE_PRESIDENT, BureauRole.RAPPORTEUR} <= set(roles), body
        assert len(members) >= 8
        assert {"female", "male"} <= {member.gender for member in members}
        assert any(member.association_id for member in members)
        assert body.mandate_start and body.rules_of_procedure


def test_the_demo_member_logs_in_and_sits_on_the_equality_body(logins):
    assert ("Member (rapporteur) of Marrakech-Safi's equality advisory body", "body.member@infitah.example") in logins
    user = authenticate(email="body.member@infitah.example", password=DEMO_PASSWORD)
    assert user is not None
    seat = BodyMember.objects.get(user=user)
    assert seat.body.kind == "equality" and seat.is_active


def test_the_three_opinions(logins):
    budgeting = Opinion.objects.get(body__kind="equality", body__collectivity__code="07")
    assert budgeting.status == OpinionStatus.ANSWERED and budgeting.clock.state == "answered"
    assert "ar" in budgeting.response and "fr" in budgeting.response
    youth = Opinion.objects.get(body__kind="youth", body__collectivity__code="07")
    assert youth.status == OpinionStatus.ACKNOWLEDGED and youth.clock.state == "pending"
    economic = Opinion.objects.get(body__kind="economic", body__collectivity__code="07")
    assert economic.clock.state == "overdue"


def test_a_second_load_writes_nothing(logins):
    counts = (AdvisoryBody.objects.count(), BodyMember.objects.count(), Opinion.objects.count())
    territories_demo.load()
    demo.load()
    assert (AdvisoryBody.objects.count(), BodyMember.objects.count(), Opinion.objects.count()) == counts


def test_the_demo_body_page_renders_in_arabic(logins, client):
    body = AdvisoryBody.objects.get(collectivity__code="07", kind="equality")
    html = client.get(body.get_absolute_url()).content.decode()
    assert "مريم الفاسي" in html and "لطيفة بناني" in html and "body.member@" not in html


def test_the_member_page_of_marrakech_safi_lists_its_advisory_bodies(client, logins):
    response = client.get("/ar/network/members/07/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "الهيئة الاستشارية الخاصة بالسياسات العمومية الجهوية المندمجة للشباب" in page
    assert "الهيئة الاستشارية للتنمية الاقتصادية الجهوية" in page


def test_after_the_programs_demo_two_opinions_are_about_commitments_of_the_regions_program(client):
    from infitah.programs import demo as programs_demo

    territories_demo.load()
    programs_demo.load()
    demo.load()
    budgeting = Opinion.objects.get(title__en="Opinion on gender-responsive budgeting")
    youth = Opinion.objects.get(title__en="Recommendation to set up a regional youth council")
    [open_data] = budgeting.commitments.all()
    [bodies_programme] = youth.commitments.all()
    assert open_data.title["fr"].startswith("Publier les données ouvertes de la région")
    assert bodies_programme.program.collectivity.code == "07" and open_data.program.is_public
    html = client.get(f"/fr/programs/commitments/{open_data.pk}/").content.decode()
    assert "Avis sur la budgétisation sensible au genre" in html or "رأي حول الميزانية" in html
    demo.load()  # a second call adds nothing
    assert budgeting.commitments.count() == 1 and Opinion.objects.count() == 3


def test_opinions_told_before_they_could_name_commitments_get_them_on_the_next_call(logins):
    from infitah.programs import demo as programs_demo

    programs_demo.load()
    assert not Opinion.objects.filter(commitments__isnull=False).exists()
    demo.load()
    assert Opinion.objects.filter(commitments__isnull=False).distinct().count() == 2
