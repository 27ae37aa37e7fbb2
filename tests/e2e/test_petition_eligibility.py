"""In Chromium, in Arabic: an association's agent records its eligibility with a document and deposits; the
council's focal point reads the document's name when ruling; a visitor never sees it."""

import re

from playwright.sync_api import expect

from infitah.accounts.models import Role
from infitah.petitions import services
from tests.factories import AssociationFactory, RepresentativeFactory, RoleAssignmentFactory
from tests.petitions.factories import drafted

DOCUMENT = "statuts-association.txt"


def test_an_association_records_its_eligibility_with_a_document(page, log_in, network_world, verified_user_factory):
    commune = network_world["commune"]
    agent = verified_user_factory()
    focal_point = verified_user_factory()
    RoleAssignmentFactory(user=focal_point, role=Role.FOCAL_POINT, collectivity=commune)
    association = AssociationFactory(seat=commune)
    RepresentativeFactory(association=association, user=agent)
    petition = drafted(commune, agent, association=association)

    log_in(agent.email)
    page.goto(f"/ar/petitions/{petition.pk}/eligibility/")
    form = page.locator("main form").filter(has=page.locator("input[name=documents]"))
    form.locator("input[name=constituted_on]").fill("2015-03-02")
    form.locator("input[name=seat_or_branch]").fill("أمزميز")
    form.locator("[name=related_activity]").fill("تهيئة الفضاءات العمومية منذ 2015.")
    form.locator("input[name=in_good_standing]").check()
    form.locator("input[name=documents]").set_input_files(
        {"name": DOCUMENT, "mimeType": "text/plain", "buffer": "النظام الأساسي للجمعية".encode()}
    )
    form.locator("[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"/ar/petitions/{petition.pk}/deposit/$"))
    page.locator("main form [type=submit]").click()
    petition.refresh_from_db()
    assert petition.stage == "deposited"

    page.context.clear_cookies()
    log_in(focal_point.email)
    page.goto(f"/ar/petitions/{petition.pk}/")
    expect(page.locator("#eligibility-title")).to_be_visible()
    expect(page.locator("main").get_by_role("link", name=DOCUMENT)).to_be_visible()
    expect(page.locator("main")).to_contain_text("أمزميز")

    page.context.clear_cookies()
    page.goto(f"/ar/petitions/{petition.pk}/")
    expect(page.locator("#eligibility-title")).to_be_visible()
    expect(page.locator("main")).not_to_contain_text(DOCUMENT)
    expect(page.locator("main")).not_to_contain_text("تهيئة الفضاءات العمومية")
    assert services.association_problems(petition.eligibility, petition.deposited_on) == []
