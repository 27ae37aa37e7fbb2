"""Who belongs to the forum, and for which collectivities they write.

The forum's members are the network coordinators and the people of the network's member collectivities: those who
hold a role there (staff and elected members), the representatives of a verified association seated there, and the
sitting members of its advisory bodies. Citizens read the public categories and do not post.

Answered once per request (cached on the user object) in at most three queries; whether someone is a member at
all, for most members, from their roles (`is_member`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from infitah.accounts.models import COLLECTIVITY_ROLES, Representative
from infitah.accounts.roles import collectivities_where, is_network_coordinator
from infitah.bodies.models import BodyMember
from infitah.core import quicksql
from infitah.core.predicates import signed_in
from infitah.territories.models import Membership, is_current

if TYPE_CHECKING:
    from infitah.accounts.types import Viewer

_CACHE_ATTRIBUTE = "_forum_standing"


@dataclass(frozen=True)
class Standing:
    """A person's place in the forum: a coordinator, and the member collectivities they may write for."""

    coordinator: bool = False
    collectivity_ids: frozenset[int] = frozenset()

    @property
    def is_member(self) -> bool:
        return self.coordinator or bool(self.collectivity_ids)


NOBODY = Standing()


def standing_of(user: Viewer) -> Standing:
    if not signed_in(user) or not user.is_active:
        return NOBODY
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is None:
        cached = _compute(user)
        setattr(user, _CACHE_ATTRIBUTE, cached)
    return cached


def is_member(user: Viewer) -> bool:
    if not signed_in(user) or not user.is_active:
        return False
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is not None:
        return cached.is_member
    # Asked on pages every staff member reads (a member's page): most members are so by a role, answered from the
    # roles every page reads anyway and their collectivity's membership as SQL (core.quicksql), without the
    # representatives' and advisory bodies' queries.
    if is_network_coordinator(user) or any(
        is_current(status)
        for collectivity_id in collectivities_where(user, COLLECTIVITY_ROLES)
        for (status,) in quicksql.rows(Membership, ["status"], collectivity=collectivity_id)
    ):
        return True
    return standing_of(user).is_member


def _compute(user) -> Standing:
    linked = set(collectivities_where(user, COLLECTIVITY_ROLES))
    linked |= set(
        Representative.objects.filter(user=user, association__is_verified=True).values_list(
            "association__seat_id", flat=True
        )
    )
    linked |= set(BodyMember.objects.active().filter(user=user).values_list("body__collectivity_id", flat=True))
    members = set()
    if linked:
        members = set(
            Membership.objects.current().filter(collectivity_id__in=linked).values_list("collectivity_id", flat=True)
        )
    return Standing(coordinator=is_network_coordinator(user), collectivity_ids=frozenset(members))


def forget(user) -> None:
    """Drop the cached answer (a test or a service that changed someone's roles)."""
    if hasattr(user, _CACHE_ATTRIBUTE):
        delattr(user, _CACHE_ATTRIBUTE)
