"""Scoring, submitting and reconciling, through the services: who may, what is refused (with a reason that says
what to fix) and when a campaign is settled."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from infitah.evaluation import selectors, services
from infitah.evaluation.models import (
    Campaign,
    FrameworkStatus,
    IndicatorSource,
    Party,
    Reconciliation,
    Score,
)
from infitah.evaluation.services import EvaluationRefused
from infitah.evaluation.signals import campaign_settled
from infitah.participation.models import Notification
from tests.evaluation.factories import IndicatorFactory

pytestmark = pytest.mark.django_db


def fill(people, who, assessment, values):
    for indicator, value in zip(people.indicators, values, strict=True):
        services.record_score(who, assessment, indicator, value=Decimal(value), evidence="See the minutes.")


def test_staff_score_the_self_assessment_and_the_association_the_independent_one(people):
    services.record_score(people.editor, people.own, people.indicators[0], value=Decimal(3), evidence="Minutes online")
    services.record_score(people.representative, people.independent, people.indicators[0], value=Decimal(1))
    assert Score.objects.get(assessment=people.own).value == 3
    assert Score.objects.get(assessment=people.independent).value == 1


@pytest.mark.parametrize("who", ["representative", "other_representative", "council_member", "other_focal_point"])
def test_only_the_collectivitys_focal_point_and_editors_fill_the_self_assessment(people, who):
    with pytest.raises(EvaluationRefused, match="Only the focal point and the editors"):
        services.record_score(getattr(people, who), people.own, people.indicators[0], value=Decimal(2))
    assert not Score.objects.exists()


@pytest.mark.parametrize("who", ["focal_point", "editor", "coordinator", "other_representative", "citizen"])
def test_only_the_designated_associations_fill_the_independent_assessment(people, who):
    with pytest.raises(EvaluationRefused, match="designated associations"):
        services.record_score(getattr(people, who), people.independent, people.indicators[0], value=Decimal(2))
    assert not Score.objects.exists()


@pytest.mark.parametrize("value", ["-1", "4.5", "100"])
def test_a_score_outside_the_scale_is_refused_naming_the_scale(people, value):
    with pytest.raises(ValidationError) as refused:
        services.record_score(people.editor, people.own, people.indicators[0], value=Decimal(value))
    assert "between 0 and 4" in str(refused.value.message_dict["value"])
    assert not Score.objects.exists()


def test_a_closed_framework_version_can_no_longer_be_assessed(people):
    people.framework.status = FrameworkStatus.CLOSED
    people.framework.save()
    with pytest.raises(EvaluationRefused, match="closed: it can no longer be assessed"):
        services.record_score(people.editor, people.own, people.indicators[0], value=Decimal(2))


def test_a_computed_indicator_is_not_scored_by_hand(people):
    computed = IndicatorFactory(framework=people.framework, source=IndicatorSource.COMPUTED, computed_key="events.held")
    with pytest.raises(EvaluationRefused, match="computed"):
        services.record_score(people.editor, people.own, computed, value=Decimal(2))


def test_submitting_an_incomplete_assessment_is_refused_listing_what_is_missing(people):
    services.record_score(people.editor, people.own, people.indicators[0], value=Decimal(2))
    with pytest.raises(EvaluationRefused) as refused:
        services.submit(people.focal_point, people.own)
    message = str(refused.value.reason)
    assert "Indicator" in message
    for indicator in people.indicators[1:]:
        assert indicator.title["en"] in message
    assert people.indicators[0].title["en"] not in message
    people.own.refresh_from_db()
    assert not people.own.is_submitted
    # A computed indicator is not asked for: it is not scored by hand.
    IndicatorFactory(framework=people.framework, source=IndicatorSource.COMPUTED, computed_key="events.held")
    fill(people, people.editor, people.own, [2, 2, 2])
    services.submit(people.focal_point, people.own)
    assert people.own.is_submitted


def test_a_submitted_assessment_is_final_and_the_other_party_is_told(people):
    fill(people, people.editor, people.own, [2, 2, 2])
    services.submit(people.focal_point, people.own)
    with pytest.raises(EvaluationRefused, match="final"):
        services.record_score(people.editor, people.own, people.indicators[0], value=Decimal(4))
    with pytest.raises(EvaluationRefused, match="final"):
        services.submit(people.focal_point, people.own)
    assert Score.objects.get(assessment=people.own, indicator=people.indicators[0]).value == 2
    told = Notification.objects.filter(verb="assessment_submitted")
    assert {n.recipient for n in told} == {people.representative}


def test_discrepancies_appear_only_once_both_are_submitted(people):
    fill(people, people.editor, people.own, [4, 2, 2])
    fill(people, people.representative, people.independent, [1, 2, 3])
    services.submit(people.focal_point, people.own)
    assert selectors.discrepancies(people.campaign) == []
    services.submit(people.representative, people.independent)
    # 4 against 1 on a 0–4 scale is 75 points apart; 2 against 3 is 25, not above the threshold of 25.
    assert selectors.discrepancies(people.campaign) == [people.indicators[0]]


@pytest.fixture
def flagged(people):
    fill(people, people.editor, people.own, [4, 0, 2])
    fill(people, people.representative, people.independent, [1, 4, 2])
    services.submit(people.focal_point, people.own)
    services.submit(people.representative, people.independent)
    return people


def test_a_reconciliation_needs_a_justification_and_a_score_within_the_scale(flagged):
    with pytest.raises(ValidationError) as refused:
        services.reconcile(
            flagged.editor, flagged.campaign, flagged.indicators[0], agreed_value=Decimal(7), justification="  "
        )
    errors = refused.value.message_dict
    assert "between 0 and 4" in errors["agreed_value"][0]
    assert "justification" in errors["justification"][0]
    assert not Reconciliation.objects.exists()


def test_only_a_flagged_indicator_is_reconciled_once(flagged):
    with pytest.raises(EvaluationRefused, match="do not need reconciling"):
        services.reconcile(
            flagged.editor, flagged.campaign, flagged.indicators[2], agreed_value=Decimal(2), justification="Same."
        )
    services.reconcile(
        flagged.editor, flagged.campaign, flagged.indicators[0], agreed_value=Decimal(2), justification="Agreed."
    )
    with pytest.raises(EvaluationRefused, match="already"):
        services.reconcile(
            flagged.representative,
            flagged.campaign,
            flagged.indicators[0],
            agreed_value=Decimal(3),
            justification="No.",
        )


def test_staff_of_another_collectivity_and_citizens_do_not_reconcile(flagged):
    for who in (flagged.other_focal_point, flagged.citizen, flagged.other_representative):
        with pytest.raises(EvaluationRefused):
            services.reconcile(
                who, flagged.campaign, flagged.indicators[0], agreed_value=Decimal(2), justification="Agreed."
            )


def test_the_campaign_is_settled_once_every_discrepancy_is_reconciled(flagged, django_capture_on_commit_callbacks):
    settled = []

    def receiver(sender, campaign, **kwargs):
        settled.append(campaign.pk)

    campaign_settled.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            services.reconcile(
                flagged.editor, flagged.campaign, flagged.indicators[0], agreed_value=Decimal(2), justification="A."
            )
        assert settled == [] and not selectors.is_settled(flagged.campaign)
        with django_capture_on_commit_callbacks(execute=True):
            services.reconcile(
                flagged.representative,
                flagged.campaign,
                flagged.indicators[1],
                agreed_value=Decimal(3),
                justification="B.",
            )
    finally:
        campaign_settled.disconnect(receiver)
    assert settled == [flagged.campaign.pk]
    assert Campaign.objects.get(pk=flagged.campaign.pk).closed_at is not None
    told = Notification.objects.filter(verb="discrepancy_reconciled")
    assert {n.recipient for n in told} >= {flagged.focal_point, flagged.representative}


def test_a_campaign_without_discrepancies_is_settled_on_the_second_submission(
    people, django_capture_on_commit_callbacks
):
    settled = []

    def receiver(sender, campaign, **kwargs):
        settled.append(campaign.pk)

    fill(people, people.editor, people.own, [2, 2, 2])
    fill(people, people.representative, people.independent, [2, 3, 2])
    campaign_settled.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            services.submit(people.focal_point, people.own)
        assert settled == []
        with django_capture_on_commit_callbacks(execute=True):
            services.submit(people.representative, people.independent)
    finally:
        campaign_settled.disconnect(receiver)
    assert settled == [people.campaign.pk]


def test_a_campaign_needs_an_open_framework_version(people):
    people.framework.status = FrameworkStatus.CLOSED
    people.framework.save()
    with pytest.raises(EvaluationRefused, match="closed: it can no longer be assessed"):
        services.create_campaign(
            people.coordinator, collectivity=people.commune_b, year=2025, framework=people.framework
        )


def test_a_campaign_comes_with_both_assessments_and_its_designated_associations(people):
    campaign = services.create_campaign(
        people.coordinator,
        collectivity=people.commune_b,
        year=2025,
        framework=people.framework,
        associations=[people.association],
    )
    assert set(campaign.assessments.values_list("party", flat=True)) == {Party.SELF, Party.INDEPENDENT}
    assert list(campaign.assessments.get(party=Party.INDEPENDENT).associations.all()) == [people.association]


def test_the_framework_versions_a_draft_copy_and_never_changes_once_open(people):
    draft = services.new_version(people.coordinator)
    assert draft.status == FrameworkStatus.DRAFT and draft.version == people.framework.version + 1
    assert draft.indicators.count() == 3
    with pytest.raises(EvaluationRefused, match="still a draft"):
        services.new_version(people.coordinator)
    with pytest.raises(EvaluationRefused, match="open for assessments: it can no longer be changed"):
        services.refuse_unless_draft(people.framework)
    services.set_framework_status(people.coordinator, people.framework, FrameworkStatus.CLOSED)
    with pytest.raises(EvaluationRefused, match="closed: it can no longer be changed"):
        services.refuse_unless_draft(people.framework)
    with pytest.raises(EvaluationRefused, match="draft to open"):
        services.set_framework_status(people.coordinator, people.framework, FrameworkStatus.OPEN)


def test_only_web_addresses_are_kept_as_links_to_evidence(people):
    with pytest.raises(ValidationError) as refused:
        services.record_score(
            people.editor, people.own, people.indicators[0], value=Decimal(2), evidence_links=["javascript:alert(1)"]
        )
    assert "web addresses" in str(refused.value.message_dict["evidence_links"])
    assert not Score.objects.exists()


def test_the_open_data_holds_submitted_scores_only_and_the_agreed_ones(flagged, people):
    from infitah.core.datasets import table

    services.record_score(people.editor, draft_of_another_year(people), people.indicators[0], value=Decimal(1))
    rows = list(table("assessment_scores"))
    header, body = rows[0], rows[1:]
    assert header[:5] == ["campaign", "collectivity", "year", "framework_version", "party"]
    assert len(body) == 6 and {row[4] for row in body} == {"self", "independent"}
    services.reconcile(
        flagged.editor, flagged.campaign, flagged.indicators[0], agreed_value=Decimal(2), justification="Agreed."
    )
    agreed = list(table("assessment_agreed_scores"))[1:]
    assert [row[4] for row in agreed] == ["2.00"] and agreed[0][5] == "Agreed."


def draft_of_another_year(people):
    """A draft self-assessment of another year, whose score must not reach the open data."""
    from tests.evaluation.factories import CampaignFactory, assessment

    return assessment(CampaignFactory(framework=people.framework, collectivity=people.commune_a, year=2025), Party.SELF)


def test_the_staff_are_told_when_the_association_submits(people):
    fill(people, people.representative, people.independent, [1, 1, 1])
    services.submit(people.representative, people.independent)
    told = {n.recipient for n in Notification.objects.filter(verb="assessment_submitted")}
    assert told == {people.focal_point, people.editor}


def test_a_persons_data_lists_what_they_submitted_and_agreed(flagged):
    from infitah.accounts.personal_data import export

    services.reconcile(
        flagged.representative, flagged.campaign, flagged.indicators[0], agreed_value=Decimal(2), justification="Ok."
    )
    data = export(flagged.representative)["evaluation"]
    assert [row["party"] for row in data["submitted_assessments"]] == ["independent"]
    assert data["reconciliations"][0]["justification"] == "Ok."
