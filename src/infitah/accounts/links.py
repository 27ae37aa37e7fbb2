"""Who is linked to a collectivity: the only people (and associations) its staff may choose in the back office.

Staff never pick an account by its number: they search among the people who already have a link with their
collectivity, or invite someone by e-mail (an invitation the person accepts; until then nothing names them).
A person is linked to a collectivity when they hold a role there, represent an association seated there, accepted
one of its invitations — or through what a capability registers here (a seat on one of its advisory bodies, a
registration to one of its events, a contribution to one of its consultations).

`register_person_link(PersonLink(rows, collectivity, person))`: the rows that link a person (`rows()`, a
queryset), the lookup from a row to its collectivity and the field naming the person. A capability registers one
from its `ready()`, e.g. `PersonLink(Registration.objects.all, "event__collectivity", "user")`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from infitah.accounts.models import Association, Invitation, Representative, Role, RoleAssignment, User
from infitah.accounts.roles import collectivities_where, is_network_coordinator
from infitah.core.capabilities import accepts

# The roles that choose people: a focal point grants roles; focal points and editors manage bodies' members and
# associations' representatives.
CHOOSERS = {Role.FOCAL_POINT, Role.EDITOR}


@dataclass(frozen=True)
class PersonLink:
    rows: Callable[[], QuerySet]
    collectivity: str
    person: str

    def people(self, collectivity_ids: Collection[int] | None) -> QuerySet:
        """Ids of the people these rows link to any of `collectivity_ids` (None: to any collectivity)."""
        return self.rows().filter(_in(self.collectivity, collectivity_ids)).values(self.person)


def _in(path: str, collectivity_ids: Collection[int] | None) -> Q:
    return Q() if collectivity_ids is None else Q(**{f"{path}__in": collectivity_ids})


_person_links = [
    PersonLink(lambda: RoleAssignment.objects.filter(collectivity__isnull=False), "collectivity", "user"),
    PersonLink(Representative.objects.all, "association__seat", "user"),
    PersonLink(lambda: Invitation.objects.accepted(), "collectivity", "accepted_by"),
]


def register_person_link(link: PersonLink) -> None:
    if link not in _person_links:
        _person_links.append(link)


accepts(PersonLink, register_person_link)


def people_linked_to(collectivity_ids: Collection[int] | None) -> QuerySet[User]:
    """Active accounts linked to any of `collectivity_ids` (None: to any collectivity)."""
    if collectivity_ids is not None and not collectivity_ids:
        return User.objects.none()
    ids = None if collectivity_ids is None else list(collectivity_ids)
    linked = Q()
    for link in _person_links:
        linked |= Q(pk__in=link.people(ids))
    return User.objects.filter(linked, is_active=True)


def associations_linked_to(collectivity_ids: Collection[int] | None) -> QuerySet[Association]:
    """Associations seated on the territory of one of `collectivity_ids`, or that accepted one of their invitations
    through a representative (None: any collectivity)."""
    if collectivity_ids is not None and not collectivity_ids:
        return Association.objects.none()
    ids = None if collectivity_ids is None else list(collectivity_ids)
    consented = Invitation.objects.accepted().filter(_in("collectivity", ids), association__isnull=False)
    # Seated on the collectivity's territory: in it, or in a commune or province within it.
    seated = _in("seat", ids) | _in("seat__parent", ids) | _in("seat__parent__parent", ids)
    return Association.objects.filter(seated | Q(pk__in=consented.values("association")))


def choosing_scope(user: User) -> set[int] | None:
    """The collectivities whose linked people `user` may search: None for all (a coordinator, an administrator)."""
    if user.is_superuser or is_network_coordinator(user):
        return None
    return collectivities_where(user, CHOOSERS)


def may_choose(user: User) -> bool:
    return user.is_active and (user.is_superuser or is_network_coordinator(user) or bool(choosing_scope(user)))


def people_choosable_by(user: User) -> QuerySet[User]:
    """The accounts `user` may find in the back office's search: everyone for a platform administrator."""
    if user.is_superuser:
        return User.objects.filter(is_active=True)
    return people_linked_to(choosing_scope(user))


def associations_choosable_by(user: User) -> QuerySet[Association]:
    if user.is_superuser:
        return Association.objects.all()
    return associations_linked_to(choosing_scope(user))


def is_linked(user_id: int, collectivity_id: int) -> bool:
    return people_linked_to({collectivity_id}).filter(pk=user_id).exists()


def association_is_linked(association_id: int, collectivity_id: int) -> bool:
    return associations_linked_to({collectivity_id}).filter(pk=association_id).exists()
