"""In Chromium: a member of an advisory body ticks, while submitting an opinion, the commitment of the commune's
program it is about (check boxes grouped under the program); a visitor then finds the opinion on the commitment's
page, beside its other blocks, and follows the link to it. (In English: the Arabic and French of these new strings
are applied to the catalogues on merge.)"""

import pytest
from playwright.sync_api import expect

from infitah.bodies.models import BodyKind, BureauRole, Opinion
from infitah.programs.phases import Phase
from tests.bodies.factories import BodyMemberFactory
from tests.factories import AdvisoryBodyFactory, CommuneFactory
from tests.programs.factories import AxisFactory, CommitmentFactory, ProgramFactory


@pytest.fixture
def body(transactional_db):
    commune = CommuneFactory(name={"ar": "جماعة تامنصورت", "fr": "Commune de Tamansourt"})
    return AdvisoryBodyFactory(collectivity=commune, kind=BodyKind.EQUALITY, name={"en": "Equality body"})


def test_an_opinion_about_a_commitment_is_found_on_the_commitments_page(page, body, verified_user_factory, log_in):
    program = ProgramFactory(
        collectivity=body.collectivity, phase=Phase.IMPLEMENTATION, title={"en": "Open Tamansourt"}
    )
    commitment = CommitmentFactory(axis=AxisFactory(program=program), title={"en": "Publish the budget"})
    CommitmentFactory(axis=AxisFactory(program=program), title={"en": "Open the council sessions"})
    member = verified_user_factory(full_name="Khadija Ait Taleb")
    BodyMemberFactory(body=body, user=member, full_name="", bureau_role=BureauRole.RAPPORTEUR)

    log_in(member.email)
    page.goto(f"/en/bodies/{body.pk}/opinions/new/")
    choices = page.locator("#id_commitments")
    expect(choices).to_contain_text("Open Tamansourt")
    page.locator("#id_title_0").fill("Publish the budget by gender")
    page.locator("#id_text_0").fill("We recommend publishing the budget broken down by gender every year.")
    choices.get_by_label("Publish the budget").check()
    with page.expect_navigation():
        page.locator("main form [type=submit]").click()
    opinion = Opinion.objects.get(body=body)
    assert list(opinion.commitments.all()) == [commitment]
    expect(page.locator("main")).to_contain_text("About the commitments")

    page.context.clear_cookies()  # a visitor now
    page.goto(f"/en/programs/commitments/{commitment.pk}/")
    section = page.locator("section").filter(has=page.get_by_role("heading", name="Advisory-body opinions"))
    expect(section).to_contain_text("Equality body")
    expect(section).to_contain_text("awaiting the council's answer")
    section.get_by_role("link", name="Publish the budget by gender").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Publish the budget by gender")
