"""In Chromium, in Arabic: an agent drafts a petition in Arabic to a commune and opens it; two people sign through
the form (the ID number is never shown back), eight more through the services; the agent deposits and gets a
receipt; the commune's focal point declares it admissible and the page shows the next ordinary session's month."""

import re

from django.utils import dateformat, timezone, translation
from playwright.sync_api import expect

from infitah.accounts.models import Role
from infitah.petitions import services, sessions
from infitah.petitions.models import Petition, ThresholdRule
from tests.factories import RoleAssignmentFactory
from tests.petitions.factories import signed

TITLE = "تظليل ساحة السوق"


def _sign_through_the_form(page, log_in, person, number, commune):
    page.context.clear_cookies()
    log_in(person.email)
    petition = Petition.objects.get()
    page.goto(f"/ar/petitions/{petition.pk}/sign/")
    form = page.locator("main form").filter(has=page.locator("input[name=national_id]"))
    form.locator("input[name=full_name]").fill("أمينة العلوي")
    form.locator("input[name=national_id]").fill(number)
    form.locator("input[name=basis][value=residence]").check()
    form.locator("select[name=commune]").select_option(str(commune.pk))
    form.locator("input[name=confirm]").check()
    form.locator("[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"/ar/petitions/{petition.pk}/$"))
    expect(page.locator("main")).not_to_contain_text(number)


def test_a_petition_from_its_draft_to_the_councils_agenda(page, log_in, network_world, verified_user_factory):
    commune = network_world["commune"]
    # The administrator's table of thresholds: a band of 10 signatures for this commune's size keeps the test short.
    ThresholdRule.objects.filter(kind="commune", arrondissements=False).update(signatures=10)
    agent = verified_user_factory(full_name="سعيد المراكشي")
    focal_point = verified_user_factory()
    RoleAssignmentFactory(user=focal_point, role=Role.FOCAL_POINT, collectivity=commune)
    signers = [verified_user_factory() for _ in range(10)]

    log_in(agent.email)
    page.goto(f"/ar/petitions/new/?to={commune.code}")
    expect(page.locator("main")).to_contain_text("جماعة أمزميز")
    form = page.locator("main form").filter(has=page.locator("input[name=title]"))
    form.locator("[name=title]").fill(TITLE)
    form.locator("[name=subject]").fill("غرس أشجار ووضع مقاعد في ساحة السوق.")
    form.locator("[name=reasons]").fill("حرارة الصيف في الساحة ولا ظل لكبار السن.")
    form.locator("[name=objectives]").fill("ظل ومقاعد لرواد السوق قبل الصيف المقبل.")
    form.locator("[name=respects_constitution]").check()
    form.locator("[type=submit]").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.locator("main")).to_contain_text("سعيد المراكشي")
    page.locator("main form[action$='/open/'] [type=submit]").click()
    expect(page.locator("#signatures")).to_contain_text("0")

    _sign_through_the_form(page, log_in, signers[0], "AB123456", commune)
    _sign_through_the_form(page, log_in, signers[1], "CD654321", commune)
    petition = Petition.objects.get()
    for i, signer in enumerate(signers[2:]):
        signed(petition, signer, f"EE{1000 + i}", commune)
    page.reload()
    expect(page.locator("#signatures")).to_contain_text("10")
    expect(page.locator("main")).not_to_contain_text("أمينة العلوي")  # who signed is never public

    page.context.clear_cookies()
    log_in(agent.email)
    page.goto(f"/ar/petitions/{petition.pk}/deposit/")
    page.locator("main form [type=submit]").click()
    petition.refresh_from_db()
    assert petition.stage == "deposited"
    expect(page.locator("#receipt-number")).to_have_text(petition.receipt_number)

    page.context.clear_cookies()
    log_in(focal_point.email)
    page.goto(f"/ar/petitions/{petition.pk}/rule/")
    form = page.locator("main form").filter(has=page.locator("input[name=committee]"))
    form.locator("input[name=ruling][value=admissible]").check()
    form.locator("input[name=committee]").fill("لجنة الشؤون الاجتماعية")
    form.locator("[type=submit]").click()
    session = sessions.next_ordinary_session("commune", timezone.localdate())
    with translation.override("ar"):
        month = dateformat.format(session, "F Y")
    expect(page.locator("#session")).to_contain_text(month)
    expect(page.locator("#ruling")).to_contain_text("لجنة الشؤون الاجتماعية")
    assert services.notice_due(Petition.objects.get()) is not None
