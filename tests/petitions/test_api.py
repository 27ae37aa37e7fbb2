"""A developer reads public petitions as JSON: the list with its filters and pages, one petition with its stages
and its public counts (in all, per prefecture/province, the threshold and what is missing), and the statistics.
Never a draft, never who signed."""

import pytest

from infitah.petitions import states
from infitah.petitions.models import CouncilDecision
from tests.api.helpers import API, get_json, queries
from tests.petitions.factories import MONDAY, drafted, signed
from tests.petitions.public import collecting, day, decided, deposited, inadmissible

pytestmark = pytest.mark.django_db


def test_public_petitions_are_listed_with_filters_and_pages(people, client):
    open_one = collecting(people, title="Benches for the bus stops", signatures=2)
    rejected = inadmissible(people, people.region, title="A regional observatory")
    drafted(people.commune_a, people.agent, title="A draft")

    answer = get_json(client, f"{API}/petitions")
    assert answer["count"] == 2
    by_id = {item["id"]: item for item in answer["items"]}
    assert by_id[open_one.pk]["signatures"] == 2 and by_id[open_one.pk]["stage"] == "collecting"
    assert by_id[rejected.pk]["collectivity_code"] == people.region.code
    assert by_id[rejected.pk]["url"].endswith(f"/petitions/{rejected.pk}/")
    assert [i["id"] for i in get_json(client, f"{API}/petitions", kind="association")["items"]] == [rejected.pk]
    assert [i["id"] for i in get_json(client, f"{API}/petitions", stage="collecting")["items"]] == [open_one.pk]
    assert get_json(client, f"{API}/petitions", stage="draft")["items"] == []
    assert [i["id"] for i in get_json(client, f"{API}/petitions", collectivity=people.region.code)["items"]] == [
        rejected.pk
    ]
    assert [i["id"] for i in get_json(client, f"{API}/petitions", q="bus")["items"]] == [open_one.pk]
    paged = get_json(client, f"{API}/petitions", page_size=1, page=2)
    assert paged["count"] == 2 and len(paged["items"]) == 1


def test_a_region_petition_shows_its_counts_per_province_and_what_is_missing(people, client):
    petition = collecting(people, people.region, title="Regional buses", signatures=16, commune=people.commune_1)
    signed(petition, people.signer(), "QA100200", people.commune_2)

    answer = get_json(client, f"{API}/petitions/{petition.pk}")

    counts = answer["counts"]
    assert counts["total"] == 17 and counts["required"] == 300 and counts["missing"] == 283
    assert counts["met"] is False and "111-14" in counts["threshold_source"]
    per_province = {row["code"]: row for row in counts["per_province"]}
    assert per_province[people.province_1.code] == {
        "code": people.province_1.code,
        "name": people.province_1.name,
        "signatures": 16,
        "minimum": 15,
        "missing": 0,
    }
    assert per_province[people.province_2.code]["missing"] == 14
    assert [stage["stage_to"] for stage in answer["history"]] == ["draft", "collecting"]
    assert answer["ruling_overdue"] is False and answer["notice_due"] is None


def test_a_deposited_petition_shows_its_legal_clock_and_the_decision(people, client):
    late = deposited(people, people.region, on=day("2025-01-13"))
    answer = get_json(client, f"{API}/petitions/{late.pk}")
    assert answer["notice_due"] == "2025-03-13" and answer["ruling_overdue"] is True
    assert answer["counts"] is None  # an association's petition collects no signatures
    accepted = decided(people, CouncilDecision.ACCEPTED, on=MONDAY)
    answer = get_json(client, f"{API}/petitions/{accepted.pk}")
    assert answer["decision"] == "accepted" and answer["decision_text"] == "The council decided."
    assert [s["act"] for s in answer["history"]] == ["draft", "deposit", "admit", "decide"]


def test_a_draft_or_an_unknown_id_is_not_found(people, client):
    draft = drafted(people.commune_a, people.agent)
    problem = get_json(client, f"{API}/petitions/{draft.pk}", status=404)
    assert problem["status"] == 404 and problem["detail"]
    get_json(client, f"{API}/petitions/999999", status=404)


def test_the_statistics(people, client):
    decided(people, CouncilDecision.ACCEPTED, on=day("2026-01-12"), decided_on=day("2026-02-11"))
    inadmissible(people, people.region)
    collecting(people)
    answer = get_json(client, f"{API}/petitions/statistics")
    assert answer["total"] == 3 and answer["acceptance_rate"] == 1.0 and answer["median_days_to_decision"] == 30
    assert answer["by_outcome"] == {"accepted": 1, "inadmissible": 1}
    region = get_json(client, f"{API}/petitions/statistics", collectivity=people.region.code)
    assert region["total"] == 1 and region["acceptance_rate"] is None
    nowhere = get_json(client, f"{API}/petitions/statistics", collectivity="NOWHERE")
    assert nowhere["total"] == 0


def test_the_answers_cost_the_same_queries_whatever_the_numbers(people, client):
    small = collecting(people, people.region, signatures=1, commune=people.commune_1)
    list_cost = queries(client, f"{API}/petitions")
    one_cost = queries(client, f"{API}/petitions/{small.pk}")
    stats_cost = queries(client, f"{API}/petitions/statistics")
    for index in range(10):
        collecting(people, title=f"More {index}", signatures=1)
    big = collecting(people, people.region, signatures=12, commune=people.commune_2)
    assert queries(client, f"{API}/petitions") == list_cost
    assert queries(client, f"{API}/petitions/{big.pk}") == one_cost
    assert queries(client, f"{API}/petitions/statistics") == stats_cost


def test_no_signer_identity_in_any_answer(people, client):
    petition = collecting(people)
    signer = people.signer()
    signed(petition, signer, "XY918273", people.commune_a, name="Khadija Benjelloun")
    for url in (f"{API}/petitions", f"{API}/petitions/{petition.pk}", f"{API}/petitions/statistics"):
        body = client.get(url).content.decode()
        for secret in ("XY918273", "Khadija Benjelloun", "XY••••73", signer.email, people.agent.email):
            assert secret not in body
    assert states.COLLECTING in client.get(f"{API}/petitions/{petition.pk}").content.decode()
