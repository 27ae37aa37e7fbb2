"""Every object a permission rule, the audit log or a participation row asks about answers which collectivity it
belongs to through the one `collectivity_id_of` — so staff of one collectivity are never judged by another's."""

import pytest

from infitah.core.scopes import collectivity_id_of
from infitah.events.models import MinutesReview
from tests.bodies.factories import BodyMemberFactory, OpinionFactory
from tests.consultations.factories import ResponseFactory, published_program
from tests.events.factories import AgendaItemFactory, EventFactory, RegistrationFactory
from tests.factories import AdvisoryBodyFactory, AssociationFactory, CommuneFactory, UserFactory
from tests.programs.factories import MilestoneFactory

pytestmark = pytest.mark.django_db


def test_every_object_the_rules_ask_about_answers_its_collectivity():
    commune = CommuneFactory()
    milestone = MilestoneFactory(commitment__axis__program__collectivity=commune)
    commitment = milestone.commitment
    response = ResponseFactory(contribution__consultation__program=published_program(commune))
    contribution = response.contribution
    event = EventFactory(collectivity=commune)
    body = AdvisoryBodyFactory(collectivity=commune)
    objects = [
        commune,
        commitment.program,
        commitment.axis,
        commitment,
        milestone,
        contribution.consultation.version,
        contribution.consultation,
        contribution,
        response,
        event,
        AgendaItemFactory(event=event),
        RegistrationFactory(event=event),
        MinutesReview.objects.create(event=event, user=UserFactory(), approved=True),
        body,
        BodyMemberFactory(body=body),
        OpinionFactory(body=body),
        AssociationFactory(seat=commune),
    ]

    assert {type(obj).__name__: collectivity_id_of(obj) for obj in objects} == {
        type(obj).__name__: commune.pk for obj in objects
    }


def test_a_network_event_and_nothing_belong_to_no_collectivity():
    assert collectivity_id_of(EventFactory(collectivity=None)) is None
    assert collectivity_id_of(None) is None
