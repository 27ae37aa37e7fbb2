"""A developer reads co-evaluation as JSON: the published frameworks with their indicators, the submitted
assessments with their scores (never a draft), the reconciled scores and the openness index values."""

from decimal import Decimal

import pytest

from infitah.core.principles import Principle
from infitah.evaluation.indexing import index_campaign
from infitah.evaluation.models import FrameworkStatus
from tests.api.helpers import API, get_json, queries
from tests.evaluation.index_factories import (
    INDEPENDENT,
    SELF,
    IndexFrameworkFactory,
    assess,
    campaign_for,
    framework_with,
    index_rows,
    reconcile,
)
from tests.factories import AssociationFactory, CommuneFactory

pytestmark = pytest.mark.django_db
T, A = Principle.TRANSPARENCY, Principle.ACCOUNTABILITY


@pytest.fixture
def campaign():
    framework = framework_with((T, 1), (A, 2), version=1)
    campaign = campaign_for(framework, CommuneFactory(code="07001001"), 2024)
    assess(campaign, SELF, {"i0": 4, "i1": 4})
    independent = assess(campaign, INDEPENDENT, {"i0": 1, "i1": 3})
    independent.associations.add(
        AssociationFactory(name={"fr": "Association vérifiée"}, is_verified=True),
        AssociationFactory(name={"fr": "En attente de vérification"}),  # not public: never named
    )
    reconcile(campaign, "i0", 3, "The minutes were published, but late.")
    index_campaign(campaign)
    return campaign


def test_published_frameworks_are_listed_with_their_indicators_drafts_never(client, campaign):
    IndexFrameworkFactory(version=7, status=FrameworkStatus.DRAFT)
    listed = get_json(client, f"{API}/frameworks")
    assert [f["version"] for f in listed["items"]] == [1]
    one = get_json(client, f"{API}/frameworks/1")
    assert [(i["code"], i["principle"], i["weight"]) for i in one["indicators"]] == [
        ("i1", "accountability", "2.00"),
        ("i0", "transparency", "1.00"),
    ]
    problem = get_json(client, f"{API}/frameworks/7", status=404)
    assert problem["status"] == 404 and "7" in problem["detail"]


def test_submitted_assessments_are_listed_with_their_scores_and_a_draft_never(client, campaign):
    other = campaign_for(campaign.framework, CommuneFactory(), 2024)
    draft = assess(other, SELF, {"i0": 2}, submitted=False)
    listed = get_json(client, f"{API}/assessments")
    assert {(a["party"], a["collectivity_code"]) for a in listed["items"]} == {
        ("self", "07001001"),
        ("independent", "07001001"),
    }
    independent = next(a for a in listed["items"] if a["party"] == "independent")
    assert [(s["indicator"], s["value"]) for s in independent["scores"]] == [("i0", "1.00"), ("i1", "3.00")]
    assert [a["name"]["fr"] for a in independent["associations"]] == ["Association vérifiée"]
    assert "submitted_by" not in independent
    get_json(client, f"{API}/assessments/{draft.pk}", status=404)
    assert get_json(client, f"{API}/assessments/{independent['id']}")["scores"][0]["evidence"] == "evidence of i0"


def test_assessments_filter_by_collectivity_year_and_party(client, campaign):
    assert get_json(client, f"{API}/assessments", party="self")["count"] == 1
    assert get_json(client, f"{API}/assessments", year=2023)["count"] == 0
    assert get_json(client, f"{API}/assessments", collectivity="07001001")["count"] == 2


def test_reconciliations_carry_the_agreed_score_and_its_justification(client, campaign):
    listed = get_json(client, f"{API}/reconciliations", collectivity="07001001")
    assert [(r["indicator"], r["agreed_value"], r["justification"]) for r in listed["items"]] == [
        ("i0", "3.00", "The minutes were published, but late.")
    ]


def test_index_values_filter_by_year_collectivity_and_principle(client, campaign):
    index = get_json(client, f"{API}/index-values", principle="index")["items"]
    # i0 agreed 3 → 75; i1 mean 3.5 → 87.5; (1 × 75 + 2 × 87.5) / 3.
    assert [(v["collectivity_code"], v["year"], v["value"]) for v in index] == [("07001001", 2024, "83.33")]
    assert index[0]["campaign_id"] == campaign.pk
    transparency = get_json(client, f"{API}/index-values", collectivity="07001001", principle="transparency")
    assert [v["value"] for v in transparency["items"]] == ["75.00"]
    assert get_json(client, f"{API}/index-values", year=2023)["count"] == 0


@pytest.mark.parametrize(
    "params", [{"year": 0}, {"year": 99999}, {"principle": "charisma"}, {"collectivity": "x" * 40}]
)
def test_bad_filters_are_refused_with_the_reason(client, params):
    problem = get_json(client, f"{API}/index-values", status=422, **params)
    assert problem["invalid_params"][0]["name"] in params


def test_absurd_ids_are_not_found(client):
    get_json(client, f"{API}/assessments/{2**63 - 1}", status=404)
    get_json(client, f"{API}/assessments/{2**63}", status=422)


def test_lists_cost_a_fixed_number_of_queries(client, campaign):
    urls = [f"{API}/frameworks", f"{API}/assessments", f"{API}/reconciliations", f"{API}/index-values"]
    before = {url: queries(client, url) for url in urls}
    framework = framework_with((T, 1), (A, 1), (T, 1))
    for _ in range(5):
        more = campaign_for(framework, CommuneFactory(), 2024)
        assess(more, SELF, {"i0": 1, "i1": 2, "i2": 3}).associations.add(AssociationFactory())
        assess(more, INDEPENDENT, {"i0": 4, "i1": 2, "i2": 3})
        reconcile(more, "i0", 2)
    index_rows([CommuneFactory() for _ in range(5)], [2023], framework)
    assert {url: queries(client, url) for url in urls} == before
    assert Decimal(get_json(client, f"{API}/index-values")["items"][0]["value"]) >= 0
