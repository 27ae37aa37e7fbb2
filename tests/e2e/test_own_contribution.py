"""In Chromium, in Arabic: the author corrects their contribution while the consultation is open, then withdraws
it; a visitor then reads only that it was withdrawn."""

import pytest
from django.utils import translation
from playwright.sync_api import expect

from tests.consultations.factories import ConsultationFactory, ContributionFactory, published_program
from tests.factories import CommuneFactory


def arabic(text):
    with translation.override("ar"):
        return translation.gettext(text)


@pytest.fixture
def consultation(transactional_db):
    commune = CommuneFactory(name={"ar": "جماعة تامنصورت", "fr": "Commune de Tamansourt"})
    return ConsultationFactory(program=published_program(commune), title={"ar": "استشارة حول برنامج الانفتاح"})


def test_the_author_edits_then_withdraws_their_contribution(
    page, browser, live_server, consultation, verified_user_factory, log_in
):
    author = verified_user_factory(full_name="سلمى الإدريسي")
    contribution = ContributionFactory(consultation=consultation, author=author, body="يجب نشر الميزانية")
    with translation.override("ar"):
        url = contribution.get_absolute_url()
    log_in(author.email)

    page.goto(url)
    page.get_by_role("link", name=arabic("Edit my contribution")).click()
    body = page.get_by_label(arabic("Your comment"))
    expect(body).to_have_value("يجب نشر الميزانية")
    body.fill("يجب نشر الميزانية التفصيلية على الإنترنت")
    page.get_by_role("button", name=arabic("Save my changes")).click()

    expect(page.locator(".contribution-body")).to_have_text("يجب نشر الميزانية التفصيلية على الإنترنت")
    expect(page.locator(".contribution .tag").filter(has_text="عُدّلت في")).to_be_visible()

    page.get_by_role("link", name=arabic("Withdraw my contribution")).click()
    page.get_by_role("button", name=arabic("Withdraw it")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(arabic("Withdrawn contribution"))

    visitor = browser.new_context(base_url=live_server.url).new_page()
    visitor.goto(url)
    expect(visitor.get_by_role("heading", level=1)).to_have_text(arabic("Withdrawn contribution"))
    expect(visitor.locator("main")).not_to_contain_text("الميزانية")
    visitor.context.close()
