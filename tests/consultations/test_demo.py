"""The demo: Marrakech-Safi's closed consultation on version 2 (summer 2023), every contribution answered with its
reasons, and an open consultation on the commune of Safi's program. Loading twice changes nothing. It needs only
the territories' and the programs' demos before it."""

import datetime

import pytest
from django.utils import timezone

from infitah.consultations import demo
from infitah.consultations.models import Consultation, Contribution, Response
from infitah.consultations.selectors import clock_summary, contributions_of
from infitah.participation.models import Support
from infitah.programs import demo as programs_demo
from infitah.programs.phases import Phase
from infitah.territories import demo as territories_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    territories_demo.load()
    programs_demo.load()
    demo.load()
    return Consultation.objects.get(collectivity__code="07")


def test_after_the_territories_and_programs_alone_both_consultations_are_there(world):
    # What the consultations' story takes from the earlier demos: the two programs, the region's focal point who
    # answers, and the demo citizen and association representative who contribute.
    safi = Consultation.objects.get(collectivity__code="07007001")
    assert world.program.collectivity.code == "07" and safi.program.collectivity.code == "07007001"
    assert {r.answered_by.email for r in Response.objects.filter(contribution__consultation=world)} == {
        "focal.marrakech-safi@infitah.example"
    }
    authors = set(Contribution.objects.values_list("author__email", flat=True))
    assert {"citizen@infitah.example", "association@infitah.example"} <= authors


def test_marrakech_safi_consulted_on_version_2_in_summer_2023(world):
    assert world.version.number == 2
    assert timezone.localtime(world.opens_at).date() == datetime.date(2023, 7, 3)
    assert timezone.localtime(world.closes_at).date() == datetime.date(2023, 9, 15)


def test_a_dozen_contributions_mostly_in_arabic_all_answered_on_time(world):
    contributions = list(contributions_of(world))
    assert 10 <= len(contributions) <= 14
    arabic = [c for c in contributions if any("\u0600" <= ch <= "\u06ff" for ch in c.body)]
    assert len(arabic) >= len(contributions) - 3
    assert {c.kind for c in contributions} == {"comment", "proposal"}
    assert sum(c.kind == "proposal" for c in contributions) == 2
    assert any(c.commitment_key for c in contributions) and any(
        c.axis_key and not c.commitment_key for c in contributions
    )
    assert any(c.association_id for c in contributions)
    summary = clock_summary(world)
    assert summary["complete"] and summary["answered_late"] == 0
    assert {r.outcome for r in Response.objects.filter(contribution__consultation=world)} == {
        "retained",
        "merged",
        "not_retained",
    }
    assert all(r.reason.get("ar") and r.reason.get("fr") for r in Response.objects.all())


def test_retained_answers_name_commitments_of_the_program(world):
    keys = set(world.program.commitments.values_list("key", flat=True))
    retained = Response.objects.filter(contribution__consultation=world, outcome="retained")
    assert retained and all(r.commitment_key in keys for r in retained)
    assert Response.objects.filter(outcome="merged", merged_into__isnull=False).exists()


def test_proposals_have_supports(world):
    proposals = Contribution.objects.filter(consultation=world, kind="proposal")
    assert all(Support.objects.filter(object_id=p.pk, collectivity=world.collectivity).exists() for p in proposals)


def test_safi_has_an_open_consultation(world):
    safi = Consultation.objects.get(collectivity__code="07007001")
    now = timezone.now()
    assert safi.opens_at <= now < safi.closes_at
    assert safi.contributions.count() == 2


def test_a_program_consulted_now_is_in_its_public_consultation_phase(world):
    now = timezone.now()
    open_now = Consultation.objects.filter(opens_at__lte=now, closes_at__gt=now).select_related("program")
    assert open_now
    for consultation in open_now:
        assert consultation.program.phase == Phase.PUBLIC_CONSULTATION, consultation.program
        entered = consultation.program.transitions.get(to_phase=Phase.PUBLIC_CONSULTATION)
        assert entered.at <= consultation.opens_at


def test_loading_twice_changes_nothing(world):
    counts = (
        Consultation.objects.count(),
        Contribution.objects.count(),
        Response.objects.count(),
        Support.objects.count(),
    )
    demo.load()
    assert counts == (
        Consultation.objects.count(),
        Contribution.objects.count(),
        Response.objects.count(),
        Support.objects.count(),
    )


def test_the_pages_show_the_demo(client, world):
    page = client.get(world.get_absolute_url()).content.decode()
    assert "ميزانية تشاركية للشباب" in page
    contribution = Contribution.objects.filter(consultation=world).first()
    assert "Retained" in client.get(contribution.get_absolute_url()).content.decode()
