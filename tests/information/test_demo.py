"""The access-to-information demo: requests to Marrakech-Safi and Safi in every situation law 31-13 names, reached
by legal acts with their history; a complaint decided by the head and one referred to the CDAI; one request
overdue whatever day the demo runs; the catalogue with a stale entry; all illustrative, every national ID number
encrypted at rest. Loading twice changes nothing."""

import datetime

import pytest
from django.contrib.auth import authenticate
from django.db import connection
from django.utils import timezone

from infitah.accounts.models import Role, RoleAssignment
from infitah.core.management.commands.demo import DEMO_PASSWORD
from infitah.core.models import HolidayCorrection
from infitah.core.workdays import moroccan_holidays
from infitah.information import demo, services, states
from infitah.information.deadlines import due_date
from infitah.information.demo import content
from infitah.information.models import (
    Complaint,
    Ground,
    HeadDecision,
    InformationRequest,
    InternalNote,
    PublicationEntry,
    RequestEvent,
    RequestKind,
)
from infitah.territories import demo as territories_demo
from infitah.territories.demo.content import ILLUSTRATIVE_AR, ILLUSTRATIVE_FR
from tests.demo_data import load_demo

pytestmark = pytest.mark.django_db

PLACES = {content.REGION, content.SAFI}


@pytest.fixture
def requests():
    load_demo()
    return list(InformationRequest.objects.select_related("collectivity").order_by("received_on", "pk"))


def by_state(requests, state):
    return [r for r in requests if r.state == state]


def test_at_least_eight_requests_across_the_region_and_safi_all_illustrative(requests):
    assert len(requests) >= 8
    assert {r.collectivity.code for r in requests} == PLACES
    assert all(r.is_illustrative for r in requests)
    assert all(ILLUSTRATIVE_AR in r.description or ILLUSTRATIVE_FR in r.description for r in requests)
    assert {r.kind for r in requests} == {RequestKind.ORDINARY, RequestKind.URGENT}
    assert all(r.urgency_reason for r in requests if r.kind == RequestKind.URGENT)


def test_every_situation_the_law_names_is_there(requests):
    present = {r.state for r in requests}
    assert set(states.OPEN) | set(states.CLOSED) <= present
    (extended,) = by_state(requests, states.EXTENDED)
    assert extended.extension_reason and extended.extended_on < extended.due_on
    assert extended.events.get(act=states.EXTEND).message == extended.extension_reason
    (paused,) = by_state(requests, states.CLARIFICATION)
    assert paused.due_on is None and paused.paused_since is not None
    partial = by_state(requests, states.PARTIAL)[0]
    assert partial.ground == Ground.PRIVATE_LIFE and partial.withheld and partial.response
    assert {r.ground for r in by_state(requests, states.REFUSED)} == {
        Ground.ALREADY_PUBLISHED,
        Ground.ADMINISTRATIVE_INVESTIGATION,
    }
    assert all(r.transferred_to for r in by_state(requests, states.TRANSFERRED))
    assert all(r.replied_on and r.working_days_to_reply is not None for r in requests if r.state in states.REPLIES)


def test_already_published_points_at_the_collectivitys_catalogue(requests):
    refused = next(r for r in requests if r.ground == Ground.ALREADY_PUBLISHED)
    entry = PublicationEntry.objects.get(url=refused.published_at)
    assert entry.collectivity == refused.collectivity and entry.category.key == "budget"


def test_one_request_is_overdue_today_and_stays_so(requests):
    today = timezone.localdate()
    overdue = [r for r in requests if states.is_overdue(r.state, r.due_on, today)]
    assert [r.collectivity.code for r in overdue] == [content.SAFI]
    assert services.working_days_left(overdue[0], today) < 0
    # The requester may complain about the missed deadline (20 working days from it).
    assert services.complaint_window(overdue[0], today) is not None
    # The others are within their time.
    assert all(services.working_days_left(r, today) >= 0 for r in by_state(requests, states.RECEIVED))


def test_the_head_decided_one_complaint_and_another_went_to_the_cdai(requests):
    complaints = list(Complaint.objects.select_related("request").order_by("filed_on"))
    assert len(complaints) == 2
    assert all(c.decision and c.decided_on and c.decision_text for c in complaints)
    assert {c.decision for c in complaints} == {HeadDecision.PARTLY_UPHELD, HeadDecision.DISMISSED}
    (referred,) = [c for c in complaints if c.cdai_referred_on]
    assert referred.request.collectivity.code == content.SAFI and referred.cdai_reference
    assert referred.decided_on < referred.cdai_referred_on <= referred.decided_on + datetime.timedelta(days=30)
    for complaint in complaints:
        assert complaint.request.replied_on < complaint.filed_on <= complaint.decided_on
        assert complaint.request.events.filter(act="complain", on=complaint.filed_on).exists()


def test_the_history_has_one_entry_per_act_and_due_dates_are_the_laws(requests):
    stories = {s.subject: s for s in content.STORIES}
    for request in requests:
        story = stories[request.subject]
        acts = list(request.events.order_by("created_at", "pk").values_list("act", "state_from", "state_to", "on"))
        expected = ["file", *(act.act for act in story.acts), *(["complain"] if story.remedy else [])]
        assert [a for a, *_ in acts] == expected
        assert [on for *_, on in acts] == sorted(on for *_, on in acts)
        assert acts[-1 if not story.remedy else -2][2] == request.state
        assert request.due_on == (services.compute_due_on(request) if request.is_open else request.due_on)
        assert request.created_at.date() == request.received_on


def test_each_officers_queue_has_open_requests(requests):
    for code in PLACES:
        officers = list(services.officers_of(next(r.collectivity for r in requests if r.collectivity.code == code)))
        assert officers
        assert sum(1 for r in requests if r.collectivity.code == code and r.is_open) >= 2
    safi_officer = authenticate(username=content.SAFI_OFFICER[0], password=DEMO_PASSWORD)
    assert safi_officer is not None
    assert RoleAssignment.objects.filter(
        user=safi_officer, role=Role.INFORMATION_OFFICER, collectivity__code=content.SAFI
    ).exists()
    assert InternalNote.objects.filter(request__collectivity__code=content.SAFI).exists()


def test_the_catalogue_of_both_has_one_stale_entry(requests):
    today = timezone.localdate()
    entries = list(PublicationEntry.objects.select_related("category", "collectivity"))
    assert {e.collectivity.code for e in entries} == PLACES
    assert all(e.is_illustrative for e in entries)
    stale = [e for e in entries if (today - e.updated_on).days > e.category.stale_after_days]
    assert [e.category.key for e in stale] == ["public-contracts"]


def test_every_national_id_is_encrypted_at_rest(requests):
    with connection.cursor() as cursor:
        cursor.execute("SELECT national_id FROM information_informationrequest")
        stored = [row[0] for row in cursor.fetchall()]
    assert len(stored) == len(requests)
    assert all(value.startswith("fernet:") for value in stored)
    assert not any(number in value for value in stored for (_n, number, _a) in content.IDENTITIES.values())


def test_loading_twice_changes_nothing(requests):
    counts = (
        InformationRequest.objects.count(),
        RequestEvent.objects.count(),
        PublicationEntry.objects.count(),
        Complaint.objects.count(),
    )
    demo.load()
    assert (
        InformationRequest.objects.count(),
        RequestEvent.objects.count(),
        PublicationEntry.objects.count(),
        Complaint.objects.count(),
    ) == counts


def test_a_demo_crossing_unity_day_2025_records_the_missing_holiday():
    """Loaded as if on 20 November 2025, the stories' dates cross 31 October 2025, which holidays 0.109 misses."""
    territories_demo.load()
    demo.load(today=datetime.date(2025, 11, 20))
    correction = HolidayCorrection.objects.get(date=demo.UNITY_DAY_2025)
    assert correction.kind == HolidayCorrection.Kind.ADDED
    # The open requests' due dates count Friday 31 October as a holiday; some would fall earlier without it.
    package = moroccan_holidays([2025, 2026])
    moved = 0
    for request in InformationRequest.objects.open().exclude(state=states.CLARIFICATION):
        args = (request.received_on, request.kind)
        options = {"extended": request.is_extended, "paused_working_days": request.paused_working_days}
        assert request.due_on == due_date(*args, package | {demo.UNITY_DAY_2025}, **options)
        moved += request.due_on != due_date(*args, package, **options)
    assert moved


@pytest.mark.parametrize(
    ("today", "crosses_unity_day_2025"),
    [
        pytest.param(datetime.date(2026, 8, 1), False, id="a-saturday-after-throne-day"),
        pytest.param(datetime.date(2026, 1, 2), True, id="the-day-after-new-year"),
    ],
)
def test_whatever_day_it_is_loaded_the_same_situations_and_one_overdue(today, crosses_unity_day_2025):
    territories_demo.load()
    demo.load(today=today)
    requests = list(InformationRequest.objects.all())
    assert {r.state for r in requests} == set(states.OPEN | states.CLOSED)
    assert [r.subject for r in requests if states.is_overdue(r.state, r.due_on, today)] == [
        next(s.subject for s in content.STORIES if s.key == "safi-overdue")
    ]
    assert max(RequestEvent.objects.values_list("on", flat=True)) <= today
    assert HolidayCorrection.objects.filter(date=demo.UNITY_DAY_2025).exists() == crosses_unity_day_2025


def test_rotating_the_field_key_as_deployment_md_says_keeps_every_id_readable(requests, settings):
    """deployment.md: put the new key first, re-save the rows, then the old key can go."""
    from cryptography.fernet import Fernet

    old = list(settings.FIELD_ENCRYPTION_KEYS)
    new = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [new, *old]
    for request in InformationRequest.objects.iterator():
        request.save(update_fields=["national_id"])
    settings.FIELD_ENCRYPTION_KEYS = [new]
    numbers = {number for (_n, number, _a) in content.IDENTITIES.values()}
    assert {r.national_id for r in InformationRequest.objects.all()} == numbers


def test_no_national_id_or_name_in_the_history_or_the_audit_log(requests):
    from infitah.participation.models import AuditLogEntry

    numbers = [number for (_n, number, _a) in content.IDENTITIES.values()]
    names = [name for (name, _number, _a) in content.IDENTITIES.values()]
    entries = list(AuditLogEntry.objects.filter(action__startswith="information."))
    assert entries  # the officers' acts are audited
    for entry in entries:
        text = f"{entry.target_repr} {entry.changes}"
        assert not any(value in text for value in numbers + names)
    history = " ".join(RequestEvent.objects.values_list("message", flat=True))
    assert not any(number in history for number in numbers)
