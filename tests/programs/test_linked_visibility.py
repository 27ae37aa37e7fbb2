"""An association still waiting for verification is not public: a commitment it co-owns, a version that names it
and an advisory body it sits on name it to nobody but those who may see it — pages and API alike. A verified one
is named everywhere."""

import pytest

from infitah.core.visibility import all_visible, sees, visible
from infitah.programs.phases import Phase
from infitah.programs.versions import publish_version
from tests.bodies.factories import BodyMemberFactory
from tests.factories import AdvisoryBodyFactory, AssociationFactory, RepresentativeFactory
from tests.programs.factories import AxisFactory, CommitmentFactory, ProgramFactory

pytestmark = pytest.mark.django_db

PENDING = "Association en attente de vérification"
VERIFIED = "Association vérifiée"


@pytest.fixture
def associations(people):
    return (
        AssociationFactory(name={"fr": PENDING}, is_verified=False),
        AssociationFactory(name={"fr": VERIFIED}, is_verified=True),
    )


@pytest.fixture
def commitment(people, associations):
    program = ProgramFactory(collectivity=people.commune_a, phase=Phase.CO_CREATION)
    commitment = CommitmentFactory(axis=AxisFactory(program=program))
    commitment.associations.add(*associations)
    publish_version(program, None)
    return commitment


def test_one_predicate_per_model(people, associations, commitment):
    pending, verified = associations
    assert sees(None, verified) and not sees(None, pending) and not sees(people.citizen, pending)
    assert visible(None, pending) is None and visible(None, None) is None
    assert all_visible(None, [pending, verified]) == [verified]
    # A model that declares no visibility is public (a collectivity).
    assert sees(None, people.commune_a)
    # The association's own representative sees it.
    representative = RepresentativeFactory(association=pending).user
    assert sees(representative, pending)
    commitment.program.phase = Phase.PREPARATION
    commitment.program.save()
    assert not sees(None, commitment) and sees(people.council_member, commitment)


def test_the_program_commitment_and_version_pages_name_only_the_verified_association(client, commitment):
    program = commitment.program
    for url in (
        f"/fr/programs/{program.pk}/",
        f"/fr/programs/commitments/{commitment.pk}/",
        f"/fr/programs/{program.pk}/versions/1/",
    ):
        html = client.get(url).content.decode()
        assert VERIFIED in html, url
        assert PENDING not in html, url


def test_the_api_names_only_the_verified_association(client, commitment):
    program = client.get(f"/api/v1/programs/{commitment.program_id}").json()
    version = client.get(f"/api/v1/programs/{commitment.program_id}/versions/1").json()
    for data in (program, version):
        assert VERIFIED in str(data) and PENDING not in str(data)


def test_a_body_names_only_the_verified_association_of_its_members(client, associations):
    pending, verified = associations
    body = AdvisoryBodyFactory()
    BodyMemberFactory(body=body, full_name="Membre A", association=pending)
    BodyMemberFactory(body=body, full_name="Membre B", association=verified)
    html = client.get(f"/fr/bodies/{body.pk}/").content.decode()
    data = client.get(f"/api/v1/bodies/{body.pk}").json()
    for content in (html, str(data)):
        assert "Membre A" in content and VERIFIED in content and PENDING not in content
