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


def _values(instance):
    return {field.attname: getattr(instance, field.attname) for field in type(instance)._meta.concrete_fields}


def test_a_whole_instance_read_as_sql_is_the_one_the_orm_reads():
    import datetime

    from django.utils import timezone

    from infitah.accounts.models import Association, User
    from tests.factories import AssociationFactory

    person = UserFactory(last_login=timezone.now() - datetime.timedelta(days=3), gender="f")
    association = AssociationFactory(verified_at=timezone.now(), description={"fr": "Éducation « pour tous »"})

    for model, pk in ((User, person.pk), (Association, association.pk)):
        read = quicksql.instance(model, id=pk)
        assert _values(read) == _values(model.objects.get(pk=pk))
        assert read._state.adding is False  # saved as an update, like any instance the ORM loads
    assert quicksql.instance(Association, id=association.pk).name == association.name  # JSON, as a dict
    assert timezone.is_aware(quicksql.instance(User, id=person.pk).date_joined)
    assert quicksql.instance(User, id=person.pk + 1000) is None


def test_a_session_without_redis_is_read_until_it_expires_and_an_unknown_key_is_replaced():
    import datetime

    from django.contrib.sessions.models import Session
    from django.utils import timezone

    from infitah.accounts.sessions import SessionStore  # the engine without Redis, whatever this run's settings

    store = SessionStore()
    store["_auth_user_id"] = "42"
    store.create()
    key = store.session_key
    assert SessionStore(key).load() == {"_auth_user_id": "42"}

    Session.objects.filter(session_key=key).update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    expired = SessionStore(key)
    assert expired.load() == {} and expired.session_key is None
    unknown = SessionStore("x" * 32)
    assert unknown.load() == {} and unknown.session_key is None


def test_an_inactive_or_unknown_person_is_not_signed_in(client):
    person = UserFactory()
    client.force_login(person)
    person.is_active = False
    person.save(update_fields=["is_active"])
    assert client.get("/en/accounts/home/").status_code == 302

    from infitah.accounts.backends import ThrottledAuthenticationBackend

    assert ThrottledAuthenticationBackend().get_user("not a number") is None
    assert ThrottledAuthenticationBackend().get_user(str(UserFactory().pk)).is_active
