"""A member's staff browse the network's commitments and copy one into their own draft; the copy says where it
comes from, even after the original changes or goes."""

import datetime

import pytest

from infitah.programs.models import Commitment
from infitah.programs.phases import Phase
from infitah.programs.reuse import CopyRefused, copy_commitment
from tests.factories import AssociationFactory, RegionFactory
from tests.programs.factories import AxisFactory, CommitmentFactory, MilestoneFactory, ProgramFactory
from tests.refusals import refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def source():
    """Marrakech-Safi's commitment to publish the council's decisions, with a milestone and a co-owner."""
    region = RegionFactory(name={"ar": "جهة مراكش آسفي", "fr": "Région Marrakech-Safi"})
    program = ProgramFactory(collectivity=region, phase=Phase.IMPLEMENTATION, title={"fr": "Programme régional"})
    commitment = CommitmentFactory(
        axis=AxisFactory(program=program),
        title={"ar": "نشر مقررات المجلس والمساءلة", "fr": "Publier les décisions du conseil"},
        principles=["transparency", "accountability"],
        lead_unit={"fr": "Direction des affaires du conseil"},
        budget_estimate=80000,
    )
    commitment.associations.add(AssociationFactory(is_verified=True))
    MilestoneFactory(commitment=commitment, title={"fr": "Page des publications"}, due_date=datetime.date(2024, 3, 31))
    return commitment


@pytest.fixture
def own_axis(people):
    return AxisFactory(program=ProgramFactory(collectivity=people.commune_a, phase=Phase.DRAFTING))


def test_the_copy_keeps_what_travels_and_credits_the_original(source, own_axis):
    copy = copy_commitment(source, own_axis)
    assert copy.program == own_axis.program and copy.adapted_from == source
    assert copy.title == source.title and copy.principles == ["transparency", "accountability"]
    assert [m.title for m in copy.milestones.all()] == [{"fr": "Page des publications"}]
    # What belongs to the source collectivity is left to the adopting one.
    assert copy.lead_unit == {} and copy.budget_estimate is None and not copy.associations.exists()
    assert copy.adapted_from_credit["collectivity"]["fr"] == "Région Marrakech-Safi"
    assert copy.adapted_from_credit["program"] == {"fr": "Programme régional"}
    assert copy.key != source.key


def test_the_credit_survives_the_original_being_deleted(source, own_axis):
    copy = copy_commitment(source, own_axis)
    source.delete()
    copy.refresh_from_db()
    assert copy.adapted_from is None
    assert copy.adapted_from_credit["commitment"]["fr"] == "Publier les décisions du conseil"


@pytest.mark.parametrize(
    ("source_phase", "target_phase", "message"),
    [
        (Phase.PREPARATION, Phase.DRAFTING, "Only commitments of public programs"),
        (Phase.IMPLEMENTATION, Phase.CLOSED, "The target program is closed"),
    ],
)
def test_what_cannot_be_copied(source, own_axis, source_phase, target_phase, message):
    type(source.program).objects.filter(pk=source.program_id).update(phase=source_phase)
    type(own_axis.program).objects.filter(pk=own_axis.program_id).update(phase=target_phase)
    source.refresh_from_db()
    own_axis.refresh_from_db()
    with pytest.raises(CopyRefused, match=message):
        copy_commitment(Commitment.objects.get(pk=source.pk), own_axis)


def test_a_commitment_is_not_copied_into_its_own_program(source):
    with pytest.raises(CopyRefused, match="already part of that program"):
        copy_commitment(source, AxisFactory(program=source.program))


def test_staff_copy_through_the_page_and_see_the_credit(client, people, source, own_axis):
    client.force_login(people.editor)
    page = client.get(f"/en/programs/commitments/{source.pk}/copy/").content.decode()
    assert f'value="{own_axis.pk}"' in page
    response = client.post(f"/en/programs/commitments/{source.pk}/copy/", {"axis": own_axis.pk, "confirm": "on"})
    copy = Commitment.objects.get(program=own_axis.program)
    assert response["Location"] == copy.get_absolute_url()
    html = client.get(copy.get_absolute_url()).content.decode()
    assert "Adapted from" in html and "Région Marrakech-Safi" in html and "Programme régional" in html
    assert f'href="/en/programs/commitments/{source.pk}/"' in html
    original = client.get(source.get_absolute_url()).content.decode()
    assert "Adapted by other members" in original


def test_nobody_copies_into_another_collectivitys_program(client, people, source, own_axis):
    theirs = AxisFactory(program=ProgramFactory(collectivity=people.commune_b, phase=Phase.DRAFTING))
    client.force_login(people.editor)
    assert f'value="{theirs.pk}"' not in client.get(f"/en/programs/commitments/{source.pk}/copy/").content.decode()
    response = client.post(f"/en/programs/commitments/{source.pk}/copy/", {"axis": theirs.pk, "confirm": "on"})
    assert "Choose an axis of a program whose draft you may edit." in response.content.decode()
    assert not Commitment.objects.filter(program=theirs.program).exists()
    for outsider in (people.council_member, people.citizen):
        client.force_login(outsider)
        refused(
            client.get(f"/en/programs/commitments/{source.pk}/copy/"),
            "Only the focal point and the editors of a collectivity copy commitments, into their own collectivity's "
            "open programs.",
        )


def test_the_library_finds_commitments_by_principle_and_by_words_whatever_the_arabic_spelling(client, source):
    other = CommitmentFactory(
        axis=AxisFactory(program=ProgramFactory(phase=Phase.DRAFTING)),
        title={"ar": "منصة رقمية للعرائض", "fr": "Plateforme des pétitions"},
        principles=["digitalisation"],
    )
    hidden = CommitmentFactory(
        axis=AxisFactory(program=ProgramFactory(phase=Phase.PREPARATION)), title={"fr": "Brouillon interne"}
    )

    def found(**query):
        return {c.pk for c in client.get("/en/programs/commitments/", query).context["page"].object_list}

    assert found() == {source.pk, other.pk}  # never the draft of a program in preparation
    assert hidden.pk not in found(q="Brouillon")
    assert found(principle="accountability") == {source.pk}
    assert found(principle="digitalisation") == {other.pk}
    assert found(q="المسائلة") == {source.pk}  # written المساءلة in the commitment
    assert found(q="PUBLIER conseil") == {source.pk}
