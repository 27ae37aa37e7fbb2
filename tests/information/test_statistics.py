"""The register's figures: what the law's annual reporting asks (received, replied, on time, how fast, refused and
why, complaints, CDAI referrals), per collectivity and for the network, with "no data" where nothing is measured."""

import csv
import io
import statistics as python_statistics
from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from infitah.core.indicators import measure
from infitah.information import services, states
from infitah.information.models import Ground
from infitah.information.open_data import reply_speed_score
from infitah.information.statistics import Figures, figures_by_collectivity, median, median_of_counts, rate, total
from tests.information.factories import filed_request
from tests.information.register_factories import answered, days, refused

# --- The arithmetic ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [(0, 0, None), (3, 0, None), (0, 4, 0.0), (1, 4, 0.25), (4, 4, 1.0)],
)
def test_a_rate_with_nothing_to_measure_is_no_data_not_zero(part, whole, expected):
    assert rate(part, whole) == expected


@pytest.mark.parametrize(
    ("values", "expected"),
    [([], None), ([7], 7), ([3, 1], 2), ([5, 1, 9], 5), ([1, 1, 1, 20], 1), ([2, 4, 4, 10], 4), ([0, 0, 3, 5], 1.5)],
)
def test_the_median_of_days_to_reply(values, expected):
    assert median(values) == expected


def test_a_median_read_from_counts_ignores_values_counted_zero_times():
    assert median_of_counts({4: 0, 10: 2, 2: 1}) == 10
    assert median_of_counts({4: 0}) is None


@given(st.lists(st.integers(min_value=0, max_value=400), min_size=1, max_size=60))
def test_the_median_from_counts_is_the_median_of_the_values(values):
    assert median_of_counts(Counter(values)) == python_statistics.median(values)


@given(
    st.lists(
        st.tuples(st.integers(min_value=0, max_value=50), st.integers(min_value=0, max_value=50)),
        min_size=1,
        max_size=8,
    )
)
def test_a_network_total_adds_the_counts_and_its_rate_lies_between_its_members(pairs):
    members = [Figures(timed=timed + on_time, on_time=on_time) for on_time, timed in pairs]
    network = total(members)
    assert network.timed == sum(member.timed for member in members)
    measured = [member.on_time_rate for member in members if member.on_time_rate is not None]
    if measured:
        assert min(measured) - 1e-9 <= network.on_time_rate <= max(measured) + 1e-9
    else:
        assert network.on_time_rate is None


@pytest.mark.parametrize(("days_", "score"), [(0, 1.0), (5, 0.75), (20, 0.0), (45, 0.0)])
def test_the_speed_indicator_is_higher_for_faster_replies(days_, score):
    assert reply_speed_score(days_) == score


# --- The figures from the database --------------------------------------------------------------------------


@pytest.fixture
def replies(people):
    officer = people.information_officer
    on_time = answered(people.commune_a, officer, after=2)  # Wednesday: 2 working days
    late = answered(people.commune_a, officer, after=60)
    refusal = refused(people.commune_a, officer, after=1, ground=Ground.PRIVATE_LIFE)
    partial = services.perform(
        officer,
        filed_request(people.commune_a),
        states.ANSWER_PARTIALLY,
        response="Most of it",
        withheld="The names",
        ground=Ground.PRIVATE_LIFE,
        today=days(7),
    )
    filed_request(people.commune_a, on=timezone.localdate())  # open, not due yet
    filed_request(people.commune_b, on=days(-364))  # another collectivity, another year
    return {"on_time": on_time, "late": late, "refusal": refusal, "partial": partial}


@pytest.mark.django_db
def test_figures_of_a_collectivity(people, replies):
    figures = figures_by_collectivity()[people.commune_a.pk]
    assert (figures.received, figures.replied, figures.open) == (5, 4, 1)
    assert (figures.answered, figures.partial, figures.refused) == (2, 1, 1)
    assert figures.on_time == 3 and figures.timed == 4
    assert figures.on_time_rate == 0.75
    assert figures.refused_share == 0.25
    assert figures.grounds == Counter({Ground.PRIVATE_LIFE: 2})
    assert figures.median_days_to_reply == python_statistics.median(
        [reply.working_days_to_reply for reply in replies.values()]
    )


@pytest.mark.django_db
def test_complaints_decisions_and_cdai_referrals_are_counted(people, replies):
    officer, requester = people.information_officer, replies["refusal"].requester
    complaint = services.file_complaint(requester, replies["refusal"], "I need it", today=days(5))
    services.record_head_decision(officer, complaint, decision="dismissed", reasons="Private life", decided_on=days(10))
    services.record_cdai_referral(officer, complaint, referred_on=days(20), reference="CDAI-1")
    figures = figures_by_collectivity()[people.commune_a.pk]
    assert (figures.complaints, figures.complaints_decided, figures.cdai_referrals) == (1, 1, 1)


@pytest.mark.django_db
def test_a_year_counts_the_requests_received_in_it(people, replies):
    next_year = days(-364).year
    assert set(figures_by_collectivity(year=next_year)) == {people.commune_b.pk}
    assert figures_by_collectivity(year=next_year)[people.commune_b.pk].on_time_rate is None


@pytest.mark.django_db
def test_the_figures_cost_the_same_queries_for_one_collectivity_and_many(people, replies):
    with CaptureQueriesContext(connection) as one:
        figures_by_collectivity(collectivity_ids=[people.commune_b.pk])
    with CaptureQueriesContext(connection) as many:
        figures_by_collectivity()
    assert len(one) == len(many) <= 3


@pytest.mark.django_db
def test_the_openness_index_reads_access_to_information_the_higher_the_better(people, replies):
    values = measure([people.commune_a.pk, people.commune_b.pk])
    assert values["information.replied_on_time"] == {people.commune_a.pk: 0.75}
    assert values["information.not_refused"] == {people.commune_a.pk: 0.75}
    speed = values["information.reply_speed"][people.commune_a.pk]
    assert 0 < speed < 1
    assert people.commune_b.pk not in values["information.reply_speed"]  # nothing replied: no value, not 0


# --- The pages ------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_network_page_shows_each_collectivity_and_no_data_where_nothing_was_replied(client, people, replies):
    html = client.get(reverse("information:statistics")).content.decode()
    assert "75%" in html
    assert "no data" in html  # commune B replied nothing
    assert reverse("information:member_statistics", args=[people.commune_a.code]) in html
    assert "Private life (art. 7)" in html


@pytest.mark.django_db
def test_a_collectivitys_page_links_to_its_requests_in_the_register(client, people, replies):
    response = client.get(reverse("information:member_statistics", args=[people.commune_a.code]))
    html = response.content.decode()
    assert f"?collectivity={people.commune_a.code}" in html
    assert "75%" in html
    assert client.get(reverse("information:member_statistics", args=["NOPE"])).status_code == 404


@pytest.mark.django_db
def test_a_year_with_nothing_received_says_no_data(client, people, replies):
    html = client.get(reverse("information:statistics"), {"year": days(-364).year}).content.decode()
    assert "no data" in html
    assert "75%" not in html


@pytest.mark.django_db
def test_the_csv_has_each_collectivity_and_the_network_with_empty_cells_for_no_data(client, people, replies):
    response = client.get(reverse("information:statistics_csv"))
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = {row["collectivity"]: row for row in csv.DictReader(io.StringIO(text))}
    assert set(rows) == {people.commune_a.code, people.commune_b.code, "network"}
    assert rows[people.commune_a.code]["on_time_rate"] == "0.75"
    assert rows[people.commune_b.code]["on_time_rate"] == ""
    assert rows["network"]["received"] == "6"


@pytest.mark.django_db
def test_the_csv_neutralises_a_collectivity_name_read_as_a_formula(client, people, replies):
    people.commune_a.name = {"ar": "=HYPERLINK(1)", "fr": "=HYPERLINK(1)", "en": "=HYPERLINK(1)"}
    people.commune_a.save()
    text = b"".join(client.get(reverse("information:statistics_csv")).streaming_content).decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in text


@pytest.mark.django_db
def test_the_statistics_pages_cost_the_same_queries_whatever_the_number_of_requests(client, people):
    officer = people.information_officer

    def queries():
        counted = []
        for url in (
            reverse("information:statistics"),
            reverse("information:member_statistics", args=[people.commune_a.code]),
        ):
            client.get(url)
            with CaptureQueriesContext(connection) as captured:
                client.get(url)
            counted.append(len(captured))
        return counted

    answered(people.commune_a, officer)
    filed_request(people.commune_b)
    few = queries()
    for number in range(8):
        answered(people.commune_a, officer, on=days(number * 40))
        refused(people.commune_a, officer, on=days(number * 50), ground=Ground.DEFENCE)
    assert queries() == few
