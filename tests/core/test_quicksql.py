"""The reads written out as SQL (core/quicksql.py) answer what the ORM answers: the header's unread count and a
person's roles, on SQLite and PostgreSQL alike (a boolean, a foreign key left empty)."""

import pytest

from infitah.accounts.models import Role, RoleAssignment
from infitah.core import quicksql
from infitah.participation.models import Notification
from infitah.participation.notifications import mark_read, unread_count
from tests.factories import CommuneFactory, RoleAssignmentFactory, UserFactory

pytestmark = pytest.mark.django_db


def notify(recipient, *, read=False):
    commune = CommuneFactory()
    return Notification.objects.create(
        recipient=recipient,
        verb="contribution_answered",
        content_type=_content_type(commune),
        object_id=commune.pk,
        collectivity=commune,
        is_read=read,
    )


def _content_type(obj):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(obj)


def test_the_unread_count_is_each_persons_own_and_falls_as_they_read():
    karim, salma = UserFactory(), UserFactory()
    first = notify(karim)
    notify(karim)
    notify(karim, read=True)
    notify(salma)

    assert (unread_count(karim), unread_count(salma), unread_count(UserFactory())) == (2, 1, 0)
    mark_read(karim, [first.pk])
    assert unread_count(karim) == 1
    assert unread_count(karim) == Notification.objects.filter(recipient=karim, is_read=False).count()


def test_a_persons_roles_are_read_with_their_places_and_the_network_wide_ones_without():
    person = UserFactory()
    commune = CommuneFactory()
    RoleAssignmentFactory(user=person, role=Role.EDITOR, collectivity=commune)
    RoleAssignmentFactory(user=person, role=Role.NETWORK_COORDINATOR, collectivity=None)
    RoleAssignmentFactory(role=Role.FOCAL_POINT, collectivity=commune)  # someone else's

    assert sorted(person.active_roles, key=str) == sorted(
        [(Role.EDITOR.value, commune.pk), (Role.NETWORK_COORDINATOR.value, None)], key=str
    )
    assert quicksql.rows(RoleAssignment, ("role",), user=UserFactory().pk) == []
