"""In Chromium, in French: a commune's focal point scores the self-assessment (a score outside the scale is refused
and what was typed stays), then submits it; the designated association's representative sees nothing of the draft
before, and the submitted self-assessment after."""

import pytest
from playwright.sync_api import expect

from infitah.accounts.models import Role, RoleAssignment
from infitah.evaluation.models import Assessment, AssessmentStatus, Party, Score
from tests.e2e.conftest import log_in_on
from tests.evaluation.factories import CampaignFactory, FrameworkFactory, IndicatorFactory
from tests.factories import AssociationFactory, CommuneFactory, RepresentativeFactory

EVIDENCE = "Procès-verbaux des sessions publiés en ligne"


@pytest.fixture
def campaign(transactional_db):
    commune = CommuneFactory(name={"ar": "جماعة أمزميز", "fr": "Commune d'Amizmiz"})
    framework = FrameworkFactory()
    for n in (1, 2):
        IndicatorFactory(framework=framework, code=f"published-{n}", title={"fr": f"Publication {n}", "ar": f"نشر {n}"})
    campaign = CampaignFactory(framework=framework, collectivity=commune)
    association = AssociationFactory(seat=commune, name={"fr": "Association Tafraout", "ar": "جمعية تافراوت"})
    Assessment.objects.get(campaign=campaign, party=Party.INDEPENDENT).associations.set([association])
    return campaign, association


def test_staff_submit_the_self_assessment_which_the_association_sees_only_then(
    page, browser, live_server, campaign, verified_user_factory
):
    campaign, association = campaign
    staff = verified_user_factory(full_name="Rachid")
    RoleAssignment.objects.create(user=staff, role=Role.FOCAL_POINT, collectivity=campaign.collectivity)
    representative = verified_user_factory(full_name="Khadija")
    RepresentativeFactory(association=association, user=representative)
    own_url = f"/fr/evaluation/campaigns/{campaign.pk}/self/"

    log_in_on(page, staff.email, language="fr")
    page.goto(own_url)
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    for n, indicator in enumerate(campaign.framework.indicators.order_by("order"), start=1):
        page.locator(f'main a[href="{own_url}{indicator.pk}/"]').click()
        page.locator("#id_value").fill("9" if n == 1 else "3")
        page.locator("#id_evidence").fill(EVIDENCE)
        with page.expect_navigation():
            page.locator("main form.form-card [type=submit]").click()
        if n == 1:
            # Outside the scale: refused, and what was typed is still there to correct.
            expect(page.locator("#id_value_error")).to_be_visible()
            expect(page.locator("#id_evidence")).to_have_value(EVIDENCE)
            page.locator("#id_value").fill("3")
            with page.expect_navigation():
                page.locator("main form.form-card [type=submit]").click()
        expect(page).to_have_url(f"{live_server.url}{own_url}")
    expect(page.locator("main")).to_contain_text(EVIDENCE)
    assert Score.objects.filter(assessment__party=Party.SELF).count() == 2

    # The association's representative, in another browser: nothing of the draft.
    context = browser.new_context(base_url=live_server.url)
    association_page = context.new_page()
    log_in_on(association_page, representative.email, language="fr")
    association_page.goto(own_url)
    expect(association_page.locator("main h1")).to_be_visible()
    expect(association_page.locator("main")).not_to_contain_text(EVIDENCE)
    association_page.goto(f"/fr/evaluation/campaigns/{campaign.pk}/")
    expect(association_page.locator("main")).not_to_contain_text(EVIDENCE)

    # The focal point submits.
    with page.expect_navigation():
        page.locator(f'main form[action="{own_url}submit/"] [type=submit]').click()
    assert Assessment.objects.get(campaign=campaign, party=Party.SELF).status == AssessmentStatus.SUBMITTED
    expect(page.locator(f'main a[href="{own_url}{campaign.framework.indicators.first().pk}/"]')).to_have_count(0)

    # Now the association reads it, on the assessment and on the campaign's page.
    association_page.goto(own_url)
    expect(association_page.locator("main")).to_contain_text(EVIDENCE)
    association_page.goto(f"/fr/evaluation/campaigns/{campaign.pk}/")
    expect(association_page.locator("main table").first).to_contain_text(EVIDENCE)
    context.close()
