"""In Chromium, in French: a commune's focal point imports a budget file with two bad rows and sees both listed
with their line numbers, nothing imported; fixes the file, imports it, publishes it; a visitor then sees the
year's chart and the same figures in its table."""

import pytest
from playwright.sync_api import expect

from infitah.accounts.models import Role, RoleAssignment
from infitah.budgets.models import Budget, BudgetLine
from tests.factories import CommuneFactory, MembershipFactory

HEADER = "section;direction;chapter;label_ar;label_fr;planned;executed\n"
GOOD_LINES = [
    "fonctionnement;recettes;10.1;حصة الضريبة;Part de la TVA;1 500 000,00;1 400 000,00\n",
    "fonctionnement;dépenses;20.1;الأجور;Salaires du personnel;900 000,00;850 000,00\n",
    "équipement;dépenses;30.1;الطرق;Routes et pistes;2 500 000,00;\n",
]


@pytest.fixture
def commune(transactional_db):
    commune = CommuneFactory(name={"ar": "جماعة تامنصورت", "fr": "Commune de Tamansourt"})
    MembershipFactory(collectivity=commune)
    return commune


def test_a_focal_point_fixes_a_bad_file_imports_publishes_and_a_visitor_sees_the_chart(
    page, browser, live_server, commune, verified_user_factory, log_in, tmp_path
):
    focal_point = verified_user_factory(full_name="Nadia")
    RoleAssignment.objects.create(user=focal_point, role=Role.FOCAL_POINT, collectivity=commune)
    broken = tmp_path / "budget-2026.csv"
    broken.write_text(
        HEADER + GOOD_LINES[0] + "fonctionnement;dépenses;20.1;الأجور;Salaires;neuf cent mille;\n"  # line 3
        "inconnue;dépenses;30.1;الطرق;Routes;2 500 000,00;\n",  # line 4
        encoding="utf-8",
    )

    log_in(focal_point.email, language="fr")
    page.goto(f"/fr/budgets/{commune.code}/import/")
    form = page.locator("main form")
    form.locator("input[name=year]").fill("2026")
    form.locator("input[name=file]").set_input_files(str(broken))
    form.locator("[type=submit]").click()
    errors = page.locator("table.import-errors tbody tr")
    expect(errors).to_have_count(2)
    expect(errors.nth(0).locator("th")).to_have_text("3")
    expect(errors.nth(0).locator("td")).to_contain_text("neuf cent mille")
    expect(errors.nth(1).locator("th")).to_have_text("4")
    expect(errors.nth(1).locator("td")).to_contain_text("inconnue")
    assert not BudgetLine.objects.exists()

    fixed = tmp_path / "budget-2026-corrige.csv"
    fixed.write_text(HEADER + "".join(GOOD_LINES), encoding="utf-8")
    page.locator(f"main a[href$='/budgets/{commune.code}/import/']").click()
    form = page.locator("main form")
    form.locator("input[name=year]").fill("2026")
    form.locator("input[name=file]").set_input_files(str(fixed))
    form.locator("[type=submit]").click()
    page.locator(f"main a[href$='/budgets/{commune.code}/2026/review/']").click()
    page.locator("main form [type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/fr/budgets/{commune.code}/2026/")
    assert Budget.objects.get().is_published

    visitor = browser.new_context(base_url=live_server.url).new_page()
    visitor.goto("/fr/budgets/")
    visitor.get_by_role("link", name="2026").click()
    expect(visitor.locator("html")).to_have_attribute("lang", "fr")
    chart = visitor.locator("section[aria-labelledby='block-operating-expenditure'] svg[role=img]")
    expect(chart).to_be_visible()
    expect(chart.locator("g title").filter(has_text="Salaires du personnel")).to_contain_text("900 000,00")
    block = visitor.locator("section[aria-labelledby='block-operating-expenditure']")
    row = block.locator("table tbody tr").filter(has_text="Salaires du personnel")
    expect(row.locator("td").nth(1)).to_have_text("900 000,00")
    expect(row.locator("td").nth(2)).to_have_text("850 000,00")
    expect(visitor.get_by_role("img")).to_have_count(3)
    visitor.context.close()
