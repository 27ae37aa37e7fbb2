"""In Chromium, in Arabic: a staff member of Marrakech-Safi opens a forum thread about one of the region's
commitments; the representative of a Marrakech association replies, mentioning her through the member picker; she
sees the notification and, through it, the reply that names her. The thread page has no serious accessibility
problem."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from infitah.accounts.models import Role
from infitah.territories.models import Collectivity
from tests.factories import (
    AssociationFactory,
    CommuneFactory,
    MembershipFactory,
    RepresentativeFactory,
    RoleAssignmentFactory,
)
from tests.forum.factories import CategoryFactory
from tests.programs.factories import CommitmentFactory

BLOCKING_IMPACTS = {"serious", "critical"}


def arabic(text):
    """The page's words as the Arabic catalogue has them."""
    with translation.override("ar"):
        return gettext(text)


@pytest.fixture
def forum(verified_user_factory):
    region = Collectivity.objects.get(code="07")
    marrakech = CommuneFactory(name={"ar": "جماعة مراكش", "fr": "Commune de Marrakech"})
    for place in (region, marrakech):
        MembershipFactory(collectivity=place)
    staff = verified_user_factory(full_name="سلمى بناني")
    RoleAssignmentFactory(user=staff, role=Role.FOCAL_POINT, collectivity=region)
    representative = verified_user_factory(full_name="عمر التازي")
    association = AssociationFactory(seat=marrakech, is_verified=True, verified_at=datetime.datetime.now(datetime.UTC))
    RepresentativeFactory(association=association, user=representative)
    commitment = CommitmentFactory(
        axis__program__collectivity=region, title={"ar": "إشراك الجمعيات في التتبع", "fr": "Associer les associations"}
    )
    category = CategoryFactory(slug="co-creation", name={"ar": "الإعداد التشاركي للبرامج", "fr": "Co-création"})
    return {"staff": staff, "representative": representative, "commitment": commitment, "category": category}


def test_a_thread_on_a_commitment_a_reply_with_a_mention_and_its_notification(page, log_in, forum):
    log_in(forum["staff"].email)
    page.goto("/ar/forum/c/co-creation/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.get_by_role("link", name=arabic("Start a thread")).click()
    page.get_by_label(arabic("Title")).fill("كيف نشرك الجمعيات في التتبع؟")
    page.get_by_label(arabic("Message")).fill("نود معرفة تجاربكم.\n\n<script>alert(1)</script>")
    page.get_by_label(arabic("A commitment this thread discusses")).select_option(index=1)  # the only one
    with page.expect_navigation():
        page.get_by_role("button", name=arabic("Publish the thread")).click()
    expect(page.locator("h1")).to_have_text("كيف نشرك الجمعيات في التتبع؟")
    expect(page.locator(".forum-links")).to_contain_text("إشراك الجمعيات في التتبع")
    thread_url = page.url

    page.context.clear_cookies()
    log_in(forum["representative"].email)
    page.goto(thread_url)
    page.get_by_label(arabic("Your reply")).fill("شكرا ")
    page.get_by_label(arabic("Mention a member: type part of their name")).fill("سلمى")
    page.get_by_role("button", name="@سلمى بناني").click()
    expect(page.get_by_label(arabic("Your reply"))).to_have_value(f"شكرا @[سلمى بناني](user:{forum['staff'].pk}) ")
    with page.expect_navigation():
        page.get_by_role("button", name=arabic("Publish my reply")).click()
    reply = page.locator(".forum-posts li").last
    expect(reply.locator(".mention")).to_have_text("@سلمى بناني")
    expect(reply).not_to_contain_text("user:")
    violations = Axe().run(page).response["violations"]
    assert [v["id"] for v in violations if v["impact"] in BLOCKING_IMPACTS] == []

    page.context.clear_cookies()
    log_in(forum["staff"].email)
    page.goto("/ar/participation/notifications/")
    sentence = arabic("%(actor)s mentioned you in the forum thread “%(target)s”") % {
        "actor": "عمر التازي",
        "target": "كيف نشرك الجمعيات في التتبع؟",
    }
    mentioned = page.locator(".notification-list li a").filter(has_text=sentence)
    expect(mentioned).to_have_count(1)
    with page.expect_navigation():
        mentioned.click()
    expect(page.locator(".forum-posts .mention")).to_have_text("@سلمى بناني")
    expect(page.locator("body")).not_to_contain_text("alert(1)")
