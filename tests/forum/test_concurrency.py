"""Ten members replying to one thread at the same moment: ten replies and a count of ten, on SQLite and PostgreSQL."""

import pytest

from infitah.accounts.models import Role
from infitah.forum import services
from infitah.forum.models import Thread
from tests.concurrency import in_parallel
from tests.factories import CommuneFactory, MembershipFactory, RoleAssignmentFactory
from tests.forum.factories import CategoryFactory, ThreadFactory


@pytest.mark.django_db(transaction=True)
def test_ten_parallel_replies_are_all_counted():
    commune = CommuneFactory()
    MembershipFactory(collectivity=commune)
    members = [RoleAssignmentFactory(role=Role.EDITOR, collectivity=commune).user for _ in range(10)]
    thread = ThreadFactory(category=CategoryFactory(), author=members[0])

    errors = in_parallel(
        [lambda member=member: services.reply(member, thread, f"Réponse de {member.pk}") for member in members]
    )

    assert errors == []
    thread = Thread.objects.get(pk=thread.pk)
    assert thread.posts.count() == 10 and thread.reply_count == 10
