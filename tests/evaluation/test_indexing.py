"""Writing a member's index from a campaign (evaluation/indexing.py): what counts, what is kept to explain it, and
recomputing changes nothing twice."""

from decimal import Decimal

import pytest
from django.core.management import call_command

from infitah.core.principles import Principle
from infitah.evaluation.indexing import index_campaign, settled_campaigns
from infitah.evaluation.models import IndexValue, IndicatorSource
from infitah.evaluation.signals import campaign_settled
from tests.consultations.factories import ContributionFactory, ResponseFactory, published_program
from tests.evaluation.index_factories import (
    INDEPENDENT,
    SELF,
    assess,
    campaign_for,
    framework_with,
    reconcile,
)

pytestmark = pytest.mark.django_db
T, A, P = Principle.TRANSPARENCY, Principle.ACCOUNTABILITY, Principle.CITIZEN_PARTICIPATION


def values_of(collectivity, year=2024):
    return {v.principle: v.value for v in IndexValue.objects.filter(collectivity=collectivity, year=year)}


def test_settled_scores_become_the_index_and_its_sub_scores():
    framework = framework_with((T, 1), (T, 1), (A, 2))
    campaign = campaign_for(framework)
    assess(campaign, SELF, {"i0": 4, "i1": 2, "i2": 3})
    assess(campaign, INDEPENDENT, {"i0": 4, "i1": 3, "i2": 3})
    index_campaign(campaign)
    # i0: 100; i1: mean 2.5 → 62.5; transparency 81.25; accountability 75; index (2 × 81.25 + 2 × 75) / 4.
    assert values_of(campaign.collectivity) == {
        T.value: Decimal("81.25"),
        A.value: Decimal("75.00"),
        "": Decimal("78.13"),
    }


def test_an_unreconciled_discrepancy_is_missing_until_reconciled_then_the_agreed_score_counts():
    framework = framework_with((T, 1), (T, 1))
    campaign = campaign_for(framework)
    assess(campaign, SELF, {"i0": 4, "i1": 4})
    assess(campaign, INDEPENDENT, {"i0": 4, "i1": 0})  # 100 points apart: beyond the threshold of 25
    index_campaign(campaign)
    transparency = IndexValue.objects.get(collectivity=campaign.collectivity, principle=T)
    assert transparency.value == Decimal("100.00")
    assert transparency.inputs["missing"] == 1

    reconcile(campaign, "i1", 2)
    index_campaign(campaign)
    transparency.refresh_from_db()
    assert transparency.value == Decimal("75.00")
    i1 = next(row for row in transparency.inputs["indicators"] if row["code"] == "i1")
    assert (i1["self"], i1["independent"], i1["reconciled"], i1["agreed"], i1["counted"]) == (4.0, 0.0, True, 2.0, 2.0)


def test_a_draft_assessment_does_not_count():
    framework = framework_with((T, 1))
    campaign = campaign_for(framework)
    assess(campaign, SELF, {"i0": 4})
    assess(campaign, INDEPENDENT, {"i0": 0}, submitted=False)
    index_campaign(campaign)
    row = IndexValue.objects.get(collectivity=campaign.collectivity, principle=T)
    assert row.value == Decimal("100.00")
    assert row.inputs["indicators"][0]["independent"] is None


def test_a_computed_indicator_takes_the_platforms_measure_and_keeps_it_as_input():
    program = published_program()
    collectivity = program.collectivity
    from tests.consultations.factories import ConsultationFactory

    consultation = ConsultationFactory(program=program)
    answered = ContributionFactory(consultation=consultation)
    ContributionFactory(consultation=consultation)
    ResponseFactory(contribution=answered)
    framework = framework_with((P, 1, IndicatorSource.COMPUTED, "consultations.answered"), (P, 1))
    campaign = campaign_for(framework, collectivity)
    assess(campaign, SELF, {"i1": 4})
    index_campaign(campaign)
    row = IndexValue.objects.get(collectivity=collectivity, principle=P)
    computed = row.inputs["indicators"][0]
    assert computed["computed"] == {"key": "consultations.answered", "unit": "share", "value": 0.5}
    assert computed["on_100"] == 50.0
    assert row.value == Decimal("75.00")


def test_a_computed_indicator_no_app_measures_is_missing_not_zero():
    framework = framework_with((T, 1, IndicatorSource.COMPUTED, "transparency.not_installed"), (T, 1))
    campaign = campaign_for(framework)
    assess(campaign, SELF, {"i1": 2})
    index_campaign(campaign)
    row = IndexValue.objects.get(collectivity=campaign.collectivity, principle=T)
    assert row.value == Decimal("50.00")
    assert row.inputs["missing"] == 1


def test_recomputing_rewrites_the_same_rows_and_drops_a_principle_that_lost_its_value():
    framework = framework_with((T, 1), (A, 1))
    campaign = campaign_for(framework)
    own = assess(campaign, SELF, {"i0": 4, "i1": 0})
    index_campaign(campaign)
    index_campaign(campaign)
    assert IndexValue.objects.filter(collectivity=campaign.collectivity).count() == 3
    own.scores.filter(indicator__code="i1").delete()
    index_campaign(campaign)
    assert values_of(campaign.collectivity) == {T.value: Decimal("100.00"), "": Decimal("100.00")}


def test_the_settled_signal_indexes_the_campaign():
    framework = framework_with((T, 1))
    campaign = campaign_for(framework)
    assess(campaign, SELF, {"i0": 3})
    campaign_settled.send(sender=type(campaign), campaign=campaign)
    assert values_of(campaign.collectivity)[""] == Decimal("75.00")


def test_the_command_recomputes_the_settled_campaigns_of_a_year():
    framework = framework_with((T, 1))
    settled = campaign_for(framework, year=2024)
    assess(settled, SELF, {"i0": 4})
    assess(settled, INDEPENDENT, {"i0": 4})
    waiting = campaign_for(framework, year=2024)
    assess(waiting, SELF, {"i0": 4})  # the independent assessment is not in yet
    other_year = campaign_for(framework, year=2023)
    assess(other_year, SELF, {"i0": 4})
    assess(other_year, INDEPENDENT, {"i0": 4})
    assert list(settled_campaigns(2024)) == [settled]

    call_command("compute_index", "--year", "2024")
    assert values_of(settled.collectivity)[""] == Decimal("100.00")
    assert values_of(waiting.collectivity) == {}
    assert values_of(other_year.collectivity, 2023) == {}
