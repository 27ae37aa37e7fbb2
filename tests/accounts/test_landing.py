"""After login each person lands on what waits for them, with the due dates and what is overdue marked: staff their
opinions to acknowledge or answer, contributions to answer, events' registrations and attendance, reports to
moderate; a citizen their contributions' answers, their registrations and their unread notifications."""

import datetime

import pytest
from django.utils import timezone

from infitah.accounts.models import Role
from infitah.bodies.models import OpinionStatus
from infitah.participation.models import Notification, Report
from infitah.participation.targets import content_type_of
from tests.bodies.factories import OpinionFactory
from tests.consultations.factories import ConsultationFactory, ContributionFactory, ResponseFactory, published_program
from tests.events.factories import EventFactory, RegistrationFactory, in_days
from tests.factories import AdvisoryBodyFactory, CommuneFactory, RoleAssignmentFactory, UserFactory

LANDING = "/en/accounts/home/"


def text_of(response):
    import re

    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    # Inline tags (a name isolated in <bdi>, a link) are read as part of the sentence; other tags separate words.
    main = re.sub(r"</?(?:bdi|a|span|strong|em|time)\b[^>]*>", "", main)
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


class World:
    """Commune A's focal point with one of everything waiting (`n` of each), a citizen who took part."""

    def __init__(self, n=1):
        self.commune = CommuneFactory(name={"ar": "جماعة ألف", "fr": "Commune Alif", "en": "Commune Alif"})
        self.focal_point = RoleAssignmentFactory(role=Role.FOCAL_POINT, collectivity=self.commune).user
        self.citizen = UserFactory(full_name="Amina Idrissi")
        body = AdvisoryBodyFactory(
            collectivity=self.commune, name={"ar": "هيئة المساواة", "fr": "Instance de l'égalité"}
        )
        long_ago = timezone.now() - datetime.timedelta(days=90)
        program = published_program(self.commune)
        closed = ConsultationFactory(
            program=program,
            title={"ar": "استشارة مغلقة", "fr": "Consultation close"},
            opens_at=long_ago - datetime.timedelta(days=30),
            closes_at=long_ago,
        )
        for number in range(n):
            OpinionFactory(body=body, title={"fr": f"Avis en retard {number}"}, submitted_at=long_ago)
            ContributionFactory(consultation=closed, body=f"Une remarque sans réponse {number}")
            upcoming = EventFactory(collectivity=self.commune, title={"fr": f"Atelier à venir {number}"})
            RegistrationFactory(event=upcoming, user=self.citizen)
            past = EventFactory(
                collectivity=self.commune,
                title={"fr": f"Atelier passé {number}"},
                starts_at=in_days(-3),
                ends_at=in_days(-3, 13),
            )
            RegistrationFactory(event=past)
            reported = ContributionFactory(consultation=closed, body=f"Un message signalé {number}")
            Report.objects.create(
                content_type=content_type_of(reported),
                object_id=reported.pk,
                collectivity=self.commune,
                reporter=self.citizen,
                reason="spam",
            )
            answered = ContributionFactory(consultation=closed, author=self.citizen, title=f"Ma proposition {number}")
            ResponseFactory(contribution=answered, outcome="retained")
            Notification.objects.create(
                recipient=self.citizen,
                verb="contribution_answered",
                actor=self.focal_point,
                **{"content_type": content_type_of(answered), "object_id": answered.pk, "collectivity": self.commune},
            )


@pytest.fixture
def world(db):
    return World()


def test_login_lands_on_what_waits(client, world):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=world.focal_point, email=world.focal_point.email, verified=True, primary=True)
    response = client.post(
        "/en/accounts/login/", {"login": world.focal_point.email, "password": "correct horse battery staple"}
    )
    assert response["Location"] == LANDING
    assert "What waits for you" in text_of(client.get(LANDING))


def test_the_focal_point_sees_each_kind_of_work_with_its_due_date_and_what_is_overdue(client, world):
    client.force_login(world.focal_point)
    text = text_of(client.get(LANDING))
    assert "Opinions to acknowledge or answer (1)" in text
    assert "Avis en retard 0 — Instance de" in text
    due = (timezone.localdate() - datetime.timedelta(days=30)).strftime("%-d %B %Y")
    assert f"to acknowledge · due on {due} Overdue" in text
    assert "Contributions to answer (1)" in text and "Consultation close" in text
    assert "2 contributions to answer" in text  # the one without an answer and the reported one
    assert "Events: registrations and attendance (2)" in text
    assert "Atelier à venir 0" in text and "1 registered, 0 on the waiting list · on " in text
    assert "Atelier passé 0" in text and "Mark who attended: 1 registration not marked yet" in text
    assert "Reports to moderate (1)" in text and "Contribution no." in text and "reported once" in text
    assert "Your contributions" not in text and "Your registrations" not in text


def test_a_citizen_sees_their_answers_registrations_and_notifications_and_no_staff_work(client, world):
    client.force_login(world.citizen)
    text = text_of(client.get(LANDING))
    assert "Your contributions and their answers (1)" in text and "Ma proposition 0" in text
    assert "Answered: Retained" in text
    assert "Your registrations (1)" in text and "Atelier à venir 0" in text and "Confirmed" in text
    assert "Unread notifications (1)" in text and "answered your contribution “Ma proposition 0”" in text
    for staff_work in ("Opinions to acknowledge", "Contributions to answer", "Reports to moderate", "Atelier passé"):
        assert staff_work not in text


def test_a_registration_to_an_event_the_network_organises_says_so(client, db):
    # Such an event has no collectivity: the landing page failed with an AttributeError before.
    citizen = UserFactory()
    RegistrationFactory(event=EventFactory(collectivity=None, title={"fr": "Rencontre du réseau"}), user=citizen)
    client.force_login(citizen)
    text = text_of(client.get(LANDING))
    assert "Your registrations (1)" in text and "Rencontre du réseau — The network" in text


def test_another_communes_staff_see_none_of_it(client, world):
    other = RoleAssignmentFactory(role=Role.FOCAL_POINT, collectivity=CommuneFactory()).user
    client.force_login(other)
    text = text_of(client.get(LANDING))
    assert "Nothing waits for you right now." in text
    assert "Avis en retard" not in text and "Consultation close" not in text


def test_an_answered_opinion_waits_no_more(client, world):
    from infitah.bodies.models import Opinion

    now = timezone.now()
    Opinion.objects.update(
        status=OpinionStatus.ANSWERED, acknowledged_at=now, answered_at=now, response={"fr": "Réponse"}
    )
    client.force_login(world.focal_point)
    assert "Opinions to acknowledge or answer" not in text_of(client.get(LANDING))


@pytest.mark.parametrize("who", ["focal_point", "citizen"])
def test_the_landing_page_costs_the_same_queries_for_one_item_or_many(client, db, django_assert_num_queries, who):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for n in (1, 4):
        world = World(n)
        client.force_login(getattr(world, who))
        # Once unmeasured: what is cached per process (holidays, the site's settings) is not a cost per item.
        client.get(LANDING)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(LANDING)
        assert response.status_code == 200
        counts.append(len(queries))
        client.logout()
    assert counts[0] == counts[1], counts


def test_every_page_of_a_signed_in_person_links_to_what_waits(client, world):
    client.force_login(world.citizen)
    html = client.get("/en/network/").content.decode()
    assert '<a href="/en/accounts/home/">What waits for you</a>' in html
    assert (
        'href="/en/accounts/home/" aria-current="page">What waits for you</a>' in client.get(LANDING).content.decode()
    )
