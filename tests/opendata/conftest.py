import pytest

from infitah.programs.phases import Phase
from tests.events.factories import EventFactory
from tests.factories import CommuneFactory, MembershipFactory, NetworkFactory
from tests.programs.factories import CommitmentFactory, ProgramFactory


@pytest.fixture
def published(db):
    """A little of every kind of public row: two members, a public program with commitments, events (one titled
    like a formula), and what stays out of every dataset (a draft program, an unpublished event)."""
    NetworkFactory()
    commune = CommuneFactory()
    MembershipFactory(collectivity=commune)
    MembershipFactory(collectivity=CommuneFactory())
    program = ProgramFactory(collectivity=commune, phase=Phase.IMPLEMENTATION)
    CommitmentFactory.create_batch(3, axis__program=program)
    CommitmentFactory(axis__program=ProgramFactory(collectivity=commune, phase=Phase.PREPARATION))
    EventFactory(collectivity=commune, title={"ar": '=HYPERLINK("http://evil.example")', "fr": "=1+1"})
    EventFactory.create_batch(2, collectivity=commune)
    EventFactory(collectivity=commune, is_published=False)
    return commune
