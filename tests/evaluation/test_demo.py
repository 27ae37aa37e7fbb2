"""The co-evaluation demo: framework v1 open with five principles, Marrakech-Safi's 2024 campaign tied to the
mid-term evaluation workshop, both assessments submitted, two discrepancies reconciled with a justification, and
index values for the region and a few members over 2023 and 2024 — illustrative, and loaded once."""

import pytest

from infitah.bodies import demo as bodies_demo
from infitah.consultations import demo as consultations_demo
from infitah.core.principles import Principle
from infitah.evaluation import demo
from infitah.evaluation.models import (
    AssessmentStatus,
    Campaign,
    Framework,
    FrameworkStatus,
    IndexValue,
    IndicatorSource,
    Party,
)
from infitah.evaluation.scoring import is_discrepant
from infitah.events import demo as events_demo
from infitah.programs import demo as programs_demo
from infitah.territories import demo as territories_demo
from infitah.territories.demo.content import ILLUSTRATIVE_FR
from tests.clients import main_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    for loader in (territories_demo, programs_demo, bodies_demo, events_demo, consultations_demo, demo):
        loader.load()
    return Campaign.objects.get(collectivity__code="07", year=2024)


def test_framework_v1_is_open_with_three_indicators_per_principle_some_computed(world):
    framework = Framework.objects.get(version=1)
    assert framework.status == FrameworkStatus.OPEN
    assert ILLUSTRATIVE_FR in framework.method["fr"]
    for principle in Principle:
        assert framework.indicators.filter(principle=principle).count() == 3
    computed = set(framework.indicators.filter(source=IndicatorSource.COMPUTED).values_list("computed_key", flat=True))
    from infitah.core.indicators import indicators

    assert computed and computed <= {i.key for i in indicators()}


def test_the_2024_campaign_is_tied_to_the_workshop_with_both_assessments_submitted(world):
    assert [e.title["fr"] for e in world.events.all()] == [
        "Atelier d'évaluation à mi-parcours du programme d'ouverture"
    ]
    assessments = {a.party: a for a in world.assessments.all()}
    assert {a.status for a in assessments.values()} == {AssessmentStatus.SUBMITTED}
    independent = assessments[Party.INDEPENDENT]
    from infitah.accounts.models import Representative

    carried_by = Representative.objects.get(user__email="association@infitah.example").association
    assert list(independent.associations.all()) == [carried_by]


def test_two_discrepancies_are_reconciled_with_a_justification(world):
    reconciled = list(world.reconciliations.select_related("indicator"))
    assert len(reconciled) == 2
    scores = {(s.assessment.party, s.indicator_id): s.value for a in world.assessments.all() for s in a.scores.all()}
    for reconciliation in reconciled:
        indicator = reconciliation.indicator
        own, other = scores[(Party.SELF, indicator.pk)], scores[(Party.INDEPENDENT, indicator.pk)]
        assert is_discrepant(
            own, other, indicator.scale_min, indicator.scale_max, world.framework.discrepancy_threshold
        )
        assert reconciliation.justification


def test_index_values_for_the_region_and_a_few_members_over_two_years(world, client):
    region = IndexValue.objects.filter(collectivity__code="07", principle="")
    assert set(region.values_list("year", flat=True)) == {2023, 2024}
    assert region.get(year=2024).campaign == world
    assert IndexValue.objects.filter(principle="", year=2024).values("collectivity").count() >= 5
    text = main_text(client.get("/fr/openness-index/"))
    assert "Marrakech-Safi" in text
    member = main_text(client.get("/fr/openness-index/members/07/"))
    assert "Illustrative" in member or "illustratives" in member


def test_loading_twice_changes_nothing(world):
    before = IndexValue.objects.count(), Framework.objects.count(), Campaign.objects.count()
    demo.load()
    assert (IndexValue.objects.count(), Framework.objects.count(), Campaign.objects.count()) == before


def test_the_associations_assessment_of_two_adopted_commitments_shows_on_their_pages(world, client):
    from infitah.evaluation.models import CommitmentAssessment
    from infitah.programs.models import Commitment
    from infitah.territories.demo.content import ILLUSTRATIVE_AR

    assessed = list(CommitmentAssessment.objects.filter(campaign=world).order_by("pk"))
    assert len(assessed) == 2 and all(ILLUSTRATIVE_AR in row.justification for row in assessed)
    commitment = Commitment.objects.get(program=assessed[0].program, key=assessed[0].commitment_key)
    html = client.get(commitment.get_absolute_url().replace("/en/", "/ar/", 1)).content.decode()
    assert "التقييم المستقل لهذا الالتزام" in html and assessed[0].justification in html
