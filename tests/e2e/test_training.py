"""In Chromium, in French: a staff member of a member commune enrols in a course, attends its session (the
organiser marks the attendance and confirms the completion), downloads the course certificate, and the capacity
page shows the member's trained staff."""

import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import expect

from infitah.accounts.models import Role, RoleAssignment
from infitah.events.models import EventKind
from infitah.training.models import Audience, CourseSession
from tests.events.factories import EventFactory, RegistrationFactory, in_days
from tests.factories import CommuneFactory, MembershipFactory
from tests.training.factories import CourseFactory


@pytest.fixture
def course_world(transactional_db, verified_user_factory):
    commune = CommuneFactory(name={"ar": "جماعة تجريبية", "fr": "Commune d'essai"})
    MembershipFactory(collectivity=commune)
    staff = verified_user_factory(full_name="Salma Idrissi", preferred_language="fr")
    RoleAssignment.objects.create(user=staff, role=Role.EDITOR, collectivity=commune)
    organiser = verified_user_factory(full_name="Karim Bennis", preferred_language="fr")
    RoleAssignment.objects.create(user=organiser, role=Role.FOCAL_POINT, collectivity=commune)
    course = CourseFactory(
        collectivity=commune,
        audience=Audience.STAFF,
        title={"ar": "الخلق المشترك", "fr": "Co-créer un programme d'ouverture"},
    )
    event = EventFactory(
        collectivity=commune,
        kind=EventKind.TRAINING,
        title={"ar": "جلسة", "fr": "Séance de co-création"},
        starts_at=in_days(-3, 10),
        ends_at=in_days(-3, 12),
    )
    CourseSession.objects.create(course=course, event=event)
    registration = RegistrationFactory(event=event, user=staff)
    return {"commune": commune, "staff": staff, "organiser": organiser, "course": course, "event": event,
            "registration": registration}  # fmt: skip


def test_enrol_attend_certificate_and_capacity_in_french(page, course_world, log_in):
    world = course_world
    course = world["course"]

    log_in(world["staff"].email, language="fr")
    page.goto(f"/fr/training/{course.pk}/")
    expect(page.locator("h1")).to_have_text("Co-créer un programme d'ouverture")
    with page.expect_navigation():
        page.locator(".registration-box form [type=submit]").click()
    expect(page.locator("#enrolment-state")).to_have_attribute("data-status", "enrolled")
    page.context.clear_cookies()

    log_in(world["organiser"].email, language="fr")
    page.goto(f"/fr/events/{world['event'].pk}/attendance/")
    page.locator(f"#attended-{world['registration'].pk}").check()
    with page.expect_navigation():
        page.locator("main form [type=submit]").last.click()
    page.goto(f"/fr/training/{course.pk}/participants/")
    expect(page.get_by_text("Salma Idrissi")).to_be_visible()
    with page.expect_navigation():
        page.locator(f"form[action='/fr/training/{course.pk}/participants/confirm/'] [type=submit]").click()
    expect(page.locator("td .tag-ok")).to_have_count(1)
    page.context.clear_cookies()

    log_in(world["staff"].email, language="fr")
    page.goto(f"/fr/training/{course.pk}/")
    expect(page.locator("#enrolment-state")).to_have_attribute("data-status", "completed")
    with page.expect_download() as download:
        page.locator(f"a[href='/fr/training/{course.pk}/certificate/fr/']").click()
    pdf = Path(download.value.path()).read_bytes()
    text = subprocess.run(  # noqa: S603 - fixed command
        ["/usr/bin/pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    assert "Salma Idrissi" in text and "Co-créer un programme d'ouverture" in text

    page.goto("/fr/training/capacity/")
    row = page.locator(f"tr[data-member='{world['commune'].code}']")
    expect(row.locator("th")).to_have_text("Commune d'essai")
    expect(row.locator("td").first).to_have_text("1")


def test_the_training_pages_have_no_serious_accessibility_violation_in_arabic(page, course_world, log_in):
    from axe_playwright_python.sync_playwright import Axe

    from infitah.training import services

    world = course_world
    course = world["course"]
    enrolment = services.enrol(world["staff"], course)
    services.complete_by_hand(world["organiser"], enrolment, "حضر حصص مجموعة أخرى")
    enrolment.refresh_from_db()
    log_in(world["organiser"].email, language="ar")
    failures = []
    for path in (
        "/ar/training/",
        f"/ar/training/{course.pk}/",
        f"/ar/training/{course.pk}/participants/",
        f"/ar/training/{course.pk}/sessions/",
        "/ar/training/capacity/",
        f"/ar/training/verify/{enrolment.certificate_code}/",
        f"/ar/network/members/{world['commune'].code}/",
    ):
        assert page.goto(path).status == 200, path
        violations = Axe().run(page).response["violations"]
        failures += [f"{path} {v['id']}: {v['help']}" for v in violations if v["impact"] in {"serious", "critical"}]
    assert failures == []
