"""The public budget pages: the network's index, a member's budgets, a year with accessible charts and the same
figures as tables, the comparison of two years, the member page's block, the dataset and the API. Only published
budgets; each page costs the same queries whatever the number of lines."""

from decimal import Decimal

import pytest
from django.urls import reverse

from infitah.budgets.models import BudgetLine, BudgetStatus
from infitah.core.datasets import table
from tests.budgets.factories import budget, line
from tests.clients import main_text, queries
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(people):
    MembershipFactory(collectivity=people.commune_a)
    return people.commune_a


def year_url(collectivity, year):
    return reverse("budgets:year", args=[collectivity.code, year])


def test_the_index_shows_which_members_published_which_years(client, member, people):
    budget(member, 2025)
    budget(member, 2026)
    budget(member, 2027, status=BudgetStatus.DRAFT)
    MembershipFactory(collectivity=people.commune_b)
    text = main_text(client.get(reverse("budgets:index")))
    assert "2026 , 2025" in text and "2027" not in text
    assert "No budget published yet" in text


def test_the_index_lists_members_a_page_at_a_time_those_that_published_first_at_a_fixed_cost(client, member):
    MembershipFactory.create_batch(4)
    budget(member, 2025)
    few = queries(client, reverse("budgets:index"))
    MembershipFactory.create_batch(40)
    assert queries(client, reverse("budgets:index")) == few
    first = client.get(reverse("budgets:index")).content.decode()
    assert first.count('<th scope="row">') == 30
    assert first.index(reverse("budgets:year", args=[member.code, 2025])) < first.index("No budget published yet")
    assert 'rel="next"' in first
    second = client.get(reverse("budgets:index"), {"page": 2}).content.decode()
    assert second.count('<th scope="row">') == 15
    assert reverse("budgets:year", args=[member.code, 2025]) not in second


def test_a_year_page_draws_each_section_as_a_named_chart_with_its_table(client, member):
    made = budget(member, 2025, lines=0)
    line(made, "20.1", planned=Decimal(1000), executed=Decimal(750), label_fr="Salaires")
    line(made, "30.1", section="investment", planned=Decimal(4000), executed=None, label_fr="Routes")
    line(made, "10.1", direction="revenue", planned=Decimal(5000), executed=Decimal(5000), label_fr="TVA")
    html = client.get(year_url(member, 2025)).content.decode()
    assert html.count('role="img"') == 3 and html.count("<table") == 4  # three blocks and the totals
    assert '<title id="chart-title-operating-expenditure">' in html
    assert "20.1 Salaires: planned 1,000.00 MAD, executed 750.00 MAD" in html  # the bar's title
    assert "<td>1,000.00</td><td>750.00</td><td>75.0%</td>" in html  # the same figures in the table
    assert "<td>4,000.00</td><td>—</td><td>—</td>" in html  # execution not known yet
    assert 'class="bar-executed" x="0" y="4" width="75.00"' in html  # 750 of its chart's largest amount, 1000
    assert 'src="http' not in html and '<script src="https://' not in html  # no chart library from a CDN


def test_the_year_page_costs_the_same_queries_whatever_its_lines(client, member):
    made = budget(member, 2025, lines=1)
    few = queries(client, year_url(member, 2025))
    for number in range(30):
        line(made, f"9.{number}", section="investment", planned=Decimal(number))
    assert queries(client, year_url(member, 2025)) == few


@pytest.mark.parametrize("page", ["index", "member", "compare"])
def test_the_lists_cost_the_same_queries_whatever_they_hold(client, member, page, people):
    first, second = budget(member, 2025, lines=1), budget(member, 2026, lines=1)
    url = {
        "index": reverse("budgets:index"),
        "member": reverse("budgets:member", args=[member.code]),
        "compare": reverse("budgets:compare", args=[member.code]),
    }[page]
    few = queries(client, url)
    for number in range(20):
        line(first, f"8.{number}", planned=Decimal(number))
        line(second, f"8.{number}", planned=Decimal(number + 1))
    budget(member, 2024, lines=5)
    MembershipFactory(collectivity=people.commune_b)
    budget(people.commune_b, 2025, lines=5)
    assert queries(client, url) == few


def test_the_comparison_shows_two_years_side_by_side_with_the_change_of_each_chapter(client, member):
    before, after = budget(member, 2025, lines=0), budget(member, 2026, lines=0)
    line(before, "20.1", planned=Decimal(1000), label_fr="Salaires")
    line(after, "20.1", planned=Decimal(1100), label_fr="Salaires")
    line(before, "20.2", planned=Decimal(500), label_fr="Études")
    line(after, "20.3", planned=Decimal(300), label_fr="Numérique")
    text = main_text(client.get(reverse("budgets:compare", args=[member.code]) + "?from=2025&to=2026"))
    assert "20.1 Salaires 1,000.00 1,100.00 100.00 +10.0%" in text
    assert "20.2 Études 500.00 dropped — —" in text
    assert "20.3 Numérique new 300.00 — —" in text
    assert "Expenditure 1,500.00 1,400.00 -6.7%" in text


def test_a_comparison_needs_two_published_years_and_ignores_absurd_ones(client, member):
    budget(member, 2025)
    assert client.get(reverse("budgets:compare", args=[member.code])).status_code == 404
    budget(member, 2026)
    response = client.get(reverse("budgets:compare", args=[member.code]) + "?from=99999999999&to=abc")
    assert response.status_code == 200


@pytest.mark.parametrize("address", ["/en/budgets/XX/99999999999999999999/", "/en/budgets/" + "9" * 40 + "/"])
def test_absurd_addresses_are_not_found(client, address):
    assert client.get(address).status_code == 404


def test_the_member_page_shows_the_latest_published_year_at_fixed_queries(client, member):
    budget(member, 2025, lines=2)
    draft = budget(member, 2027, status=BudgetStatus.DRAFT)
    url = reverse("territories:member", args=[member.code])
    few = queries(client, url)
    text = main_text(client.get(url))
    assert "Budget 2025: planned revenue 0.00 MAD, planned expenditure 3,000.00 MAD." in text
    for number in range(20):
        line(draft, f"7.{number}")
    budget(member, 2026, lines=20)
    assert queries(client, url) == few
    assert "Budget 2026" in main_text(client.get(url))


def test_the_dataset_has_one_row_per_published_line_with_the_same_totals(member, people):
    budget(member, 2025, lines=4)
    budget(people.commune_b, 2026, lines=3, executed=False)
    budget(member, 2026, status=BudgetStatus.DRAFT, lines=5)
    header, *rows = list(table("budgets"))
    published = BudgetLine.objects.filter(budget__status=BudgetStatus.PUBLISHED)
    assert len(rows) == published.count() == 7
    assert sum(Decimal(row[header.index("planned")]) for row in rows) == sum(line.planned for line in published)
    executed = [row[header.index("executed")] for row in rows if row[header.index("executed")] is not None]
    assert sum(Decimal(value) for value in executed) == sum(line.executed or 0 for line in published)
    assert header[:5] == ["collectivity", "year", "section", "direction", "chapter"]


def test_the_api_lists_published_budgets_and_pages_their_lines(client, member):
    budget(member, 2025, lines=3)
    budget(member, 2026, status=BudgetStatus.DRAFT)
    listed = client.get("/api/v1/budgets").json()
    assert [item["year"] for item in listed["items"]] == [2025]
    one = client.get(f"/api/v1/budgets/{member.code}/2025").json()
    operating = next(t for t in one["totals"] if t["section"] == "operating" and t["direction"] == "expenditure")
    assert Decimal(operating["planned"]) == Decimal(6000) and operating["execution_rate"] == pytest.approx(0.9)
    lines = client.get(f"/api/v1/budgets/{member.code}/2025/lines?page_size=2").json()
    assert lines["count"] == 3 and len(lines["items"]) == 2
    assert client.get(f"/api/v1/budgets/{member.code}/2026").status_code == 404


def test_the_templates_are_downloadable_with_the_documented_columns(client):
    csv_text = client.get(reverse("budgets:template", args=["csv"])).content.decode()
    assert csv_text.startswith("\ufeffsection,direction,chapter,label_ar,label_fr,planned,executed")
    xlsx = client.get(reverse("budgets:template", args=["xlsx"]))
    assert xlsx.content[:2] == b"PK"
    assert client.get("/en/budgets/template.exe", follow=True).status_code == 404


def test_the_staff_find_their_back_office_from_the_members_budgets_and_others_do_not(client, member, people):
    url = reverse("budgets:member", args=[member.code])
    manage = reverse("budgets:manage", args=[member.code])
    client.force_login(people.editor)
    assert manage in client.get(url).content.decode()
    client.force_login(people.other_focal_point)
    assert manage not in client.get(url).content.decode()
    assert client.get(manage).status_code == 404


def test_the_back_office_lists_drafts_and_published_budgets_at_fixed_queries(client, member, people):
    budget(member, 2025)
    client.force_login(people.focal_point)
    url = reverse("budgets:manage", args=[member.code])
    few = queries(client, url)
    budget(member, 2026, status=BudgetStatus.DRAFT, lines=10)
    budget(member, 2024, lines=10)
    text = main_text(client.get(url))
    assert "2026 Draft Review and publish" in text and "2025 Published Public page" in text
    assert queries(client, url) == few


def test_the_review_page_of_a_draft_costs_the_same_queries_whatever_its_lines(client, member, people):
    draft = budget(member, 2026, status=BudgetStatus.DRAFT, lines=1)
    client.force_login(people.focal_point)
    url = reverse("budgets:review", args=[member.code, 2026])
    few = queries(client, url)
    for number in range(25):
        line(draft, f"6.{number}", direction="revenue")
    assert queries(client, url) == few


def test_in_arabic_the_bars_grow_from_the_right_and_labels_are_arabic(client, member):
    made = budget(member, 2025, lines=0)
    line(made, "20.1", planned=Decimal(1000), label_ar="أجور الموظفين", label_fr="Salaires")
    html = client.get(f"/ar/budgets/{member.code}/2025/").content.decode()
    assert 'dir="rtl"' in html and 'transform="matrix(-1 0 0 1 100 0)"' in html
    assert "أجور الموظفين" in html and "Salaires" not in html
    assert 'transform="matrix' not in client.get(f"/fr/budgets/{member.code}/2025/").content.decode()
