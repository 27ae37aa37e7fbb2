"""A petition's life through the services: drafting, signing once per person, deposit at the threshold, the bureau's
rulings and the council's decision, each refused when out of order or out of place."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from infitah.core.permissions import Refused
from infitah.participation.attachments import attach
from infitah.petitions import counting, services, states
from infitah.petitions.models import CouncilDecision, Petition, PetitionEvent, Signature
from infitah.petitions.services import PetitionRefused
from tests.factories import AssociationFactory, CommuneFactory, RepresentativeFactory
from tests.petitions.factories import MONDAY, drafted, signed

pytestmark = pytest.mark.django_db


def _collecting(people, collectivity=None):
    petition = drafted(collectivity or people.commune_a, people.agent)
    return services.open_signing(people.agent, petition, today=MONDAY)


def _sign_many(petition, people, n, commune, start=0):
    for i in range(start, start + n):
        signed(petition, people.signer(), f"AB{100000 + i}", commune)


def test_a_draft_needs_its_text_and_the_declaration_on_the_constitution(people):
    with pytest.raises(ValidationError) as refused:
        drafted(people.commune_a, people.agent, title="", respects_constitution=False)
    assert set(refused.value.message_dict) == {"title", "respects_constitution"}
    assert not Petition.objects.exists()


def test_the_id_number_is_counted_once_whatever_its_spelling_and_never_stored(people):
    petition = _collecting(people)
    signature = signed(petition, people.signer(), "ab 123456", people.commune_a)
    for spelling in ("AB123456", "ab-123456", "AB١٢٣٤٥٦"):
        with pytest.raises(PetitionRefused, match="one signature per person"):
            signed(petition, people.signer(), spelling, people.commune_a)
    assert Signature.objects.filter(petition=petition).count() == 1
    assert signature.id_masked == "AB••••56"
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM petitions_signature")
        row = " ".join(str(value) for value in cursor.fetchone())
    assert "123456" not in row


def test_the_same_number_signs_two_petitions_with_hashes_that_cannot_be_joined(people):
    first, second = _collecting(people), _collecting(people)
    signed(first, people.signer(), "AB123456", people.commune_a)
    signed(second, people.signer(), "AB123456", people.commune_a)
    hashes = set(Signature.objects.values_list("id_hash", flat=True))
    assert len(hashes) == 2


def test_one_account_signs_once(people):
    petition = _collecting(people)
    signer = people.signer()
    signed(petition, signer, "AB1", people.commune_a)
    with pytest.raises(PetitionRefused):
        signed(petition, signer, "AB2", people.commune_a)


def test_a_malformed_number_and_a_commune_outside_the_collectivity_are_refused_by_field(people):
    petition = _collecting(people)
    with pytest.raises(ValidationError) as refused:
        signed(petition, people.signer(), "123456", people.commune_b)
    assert set(refused.value.message_dict) == {"national_id", "commune"}
    assert not Signature.objects.exists()


def test_signing_needs_a_verified_email_and_an_open_petition(people):
    petition = drafted(people.commune_a, people.agent)
    with pytest.raises(PetitionRefused, match="not open for signatures"):
        signed(petition, people.signer(), "AB1", people.commune_a)
    petition = services.open_signing(people.agent, petition, today=MONDAY)
    with pytest.raises(Refused, match="verified e-mail"):
        signed(petition, people.citizen, "AB2", people.commune_a)


def test_a_signer_withdraws_before_the_deposit_and_nothing_of_the_signature_stays(people):
    petition = _collecting(people)
    signer = people.signer()
    signed(petition, signer, "AB1", people.commune_a)
    services.withdraw_signature(signer, petition)
    assert not Signature.objects.exists()
    with pytest.raises(PetitionRefused, match="not signed"):
        services.withdraw_signature(signer, petition)


def test_deposit_below_the_threshold_is_refused_and_at_it_gives_a_receipt(people):
    petition = _collecting(people)  # commune of 30,000: 100 signatures
    _sign_many(petition, people, 99, people.commune_a)
    with pytest.raises(PetitionRefused, match="not reached"):
        services.deposit(people.agent, petition, today=MONDAY)
    assert Petition.objects.get(pk=petition.pk).stage == states.COLLECTING
    _sign_many(petition, people, 1, people.commune_a, start=99)
    petition = services.deposit(people.agent, petition, today=MONDAY)
    assert petition.stage == states.DEPOSITED
    assert petition.receipt_number == f"P-{people.commune_a.code}-2026-0001"
    assert petition.deposited_on == MONDAY
    assert petition.signatures_at_deposit == 100
    assert services.notice_due(petition) == datetime.date(2026, 4, 12)  # a commune: three months
    with pytest.raises(PetitionRefused):
        signed(petition, people.signer(), "ZZ1", people.commune_a)
    signer = Signature.objects.filter(petition=petition).first().signer
    with pytest.raises(PetitionRefused, match="only be withdrawn"):
        services.withdraw_signature(signer, petition)


def test_a_region_petition_shows_what_each_province_lacks_and_cannot_be_deposited_short(people):
    petition = _collecting(people, people.region)  # 300, 15 per province
    _sign_many(petition, people, 290, people.commune_1)
    _sign_many(petition, people, 10, people.commune_2, start=290)
    reached = counting.progress(petition, MONDAY)
    assert (reached.counted, reached.shortfall.missing) == (300, 0)
    assert reached.shortfall.missing_in_provinces == {people.province_2.pk: 5}
    with pytest.raises(PetitionRefused, match="not reached"):
        services.deposit(people.agent, petition, today=MONDAY)
    _sign_many(petition, people, 5, people.commune_2, start=300)
    assert services.deposit(people.agent, petition, today=MONDAY).stage == states.DEPOSITED


def test_only_the_agent_opens_deposits_and_withdraws(people):
    petition = drafted(people.commune_a, people.agent)
    for act in (services.open_signing, services.withdraw):
        with pytest.raises(Refused):
            act(people.citizen, petition)
    assert services.withdraw(people.agent, petition, today=MONDAY).stage == states.WITHDRAWN


def test_the_bureau_of_the_petitioned_council_alone_rules_then_the_council_decides(people):
    petition = _collecting(people)
    _sign_many(petition, people, 100, people.commune_a)
    petition = services.deposit(people.agent, petition, today=MONDAY)
    for outsider in (people.other_focal_point, people.agent, people.editor, people.coordinator):
        with pytest.raises(Refused):
            services.rule_admissible(outsider, petition, committee="Urban planning", today=MONDAY)
    with pytest.raises(PetitionRefused):
        services.record_decision(
            people.focal_point, petition, decision=CouncilDecision.ACCEPTED, text="Yes", today=MONDAY
        )
    petition = services.rule_admissible(
        people.council_member, petition, committee="Urban planning", today=datetime.date(2026, 3, 2)
    )
    assert petition.stage == states.ADMISSIBLE
    assert petition.session_month == datetime.date(2026, 5, 1)  # a commune's next ordinary session: May
    with pytest.raises(PetitionRefused):
        services.rule_inadmissible(people.focal_point, petition, reasons="Too late", today=MONDAY)
    petition = services.record_decision(
        people.focal_point,
        petition,
        decision=CouncilDecision.ACCEPTED,
        text="The council adopts the shading of the square.",
        today=datetime.date(2026, 5, 5),
    )
    assert petition.stage == states.DECIDED
    history = list(PetitionEvent.objects.filter(petition=petition).values_list("stage_from", "stage_to"))
    assert history == [
        ("", states.DRAFT),
        (states.DRAFT, states.COLLECTING),
        (states.COLLECTING, states.DEPOSITED),
        (states.DEPOSITED, states.ADMISSIBLE),
        (states.ADMISSIBLE, states.DECIDED),
    ]


def test_an_inadmissible_ruling_needs_its_reasons(people):
    petition = _collecting(people)
    _sign_many(petition, people, 100, people.commune_a)
    petition = services.deposit(people.agent, petition, today=MONDAY)
    with pytest.raises(ValidationError) as refused:
        services.rule_inadmissible(people.focal_point, petition, reasons="  ", today=MONDAY)
    assert "reasons" in refused.value.message_dict
    petition = services.rule_inadmissible(
        people.focal_point, petition, reasons="Outside the council's powers.", today=MONDAY
    )
    assert petition.stage == states.INADMISSIBLE


def test_an_association_deposits_without_signatures_once_eligible(people):
    association = AssociationFactory(seat=people.commune_a, registration_date=datetime.date(2023, 1, 13))
    RepresentativeFactory(association=association, user=people.agent)
    with pytest.raises(ValidationError) as refused:
        drafted(people.commune_a, people.signer(), association=association)
    assert "association" in refused.value.message_dict
    petition = drafted(people.commune_a, people.agent, association=association)
    assert petition.kind == states.ASSOCIATION
    with pytest.raises(PetitionRefused, match="constitution date"):
        services.deposit(people.agent, petition, today=MONDAY)
    services.record_eligibility(
        people.agent,
        petition,
        constituted_on=datetime.date(2023, 1, 13),
        seat_or_branch="Seat in commune A",
        related_activity="Public spaces and the environment",
        in_good_standing=True,
    )
    # Constituted on 13 January 2023: three years exactly on 13 January 2026 is not "more than three years".
    with pytest.raises(PetitionRefused, match="more than 3 years"):
        services.deposit(people.agent, petition, today=datetime.date(2026, 1, 13))
    # Eligible, but recorded "with the documents that show it": none yet.
    with pytest.raises(PetitionRefused, match="at least one document"):
        services.deposit(people.agent, petition, today=datetime.date(2026, 1, 14))
    attach(people.agent, petition.eligibility, SimpleUploadedFile("statuts.txt", b"Statuts", "text/plain"))
    petition = services.deposit(people.agent, petition, today=datetime.date(2026, 1, 14))
    assert petition.stage == states.DEPOSITED
    assert petition.signatures_at_deposit is None


def test_a_province_petition_counts_every_signer_under_that_province(people):
    petition = _collecting(people, people.province_1)
    signed(petition, people.signer(), "AB1", people.commune_1)
    with pytest.raises(ValidationError):
        signed(petition, people.signer(), "AB2", people.commune_2)
    assert counting.counts_by_province(petition) == {people.province_1.pk: 1}


def test_a_commune_of_another_province_with_the_same_region_signs_a_region_petition(people):
    petition = _collecting(people, people.region)
    outside = CommuneFactory()
    with pytest.raises(ValidationError):
        signed(petition, people.signer(), "AB3", outside)
    signed(petition, people.signer(), "AB4", people.commune_2)
    assert counting.counts_by_province(petition) == {people.province_2.pk: 1}
