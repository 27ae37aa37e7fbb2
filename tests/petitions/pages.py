"""Shared by the page tests: petitions at each stage, made through the services, and many signatures at once."""

from infitah.core.identity import identity_hash, masked
from infitah.petitions import services
from infitah.petitions.models import Signature
from tests.petitions.factories import MONDAY, drafted, signed


def collecting(people, collectivity=None, **fields):
    petition = drafted(collectivity or people.commune_a, people.agent, **fields)
    return services.open_signing(people.agent, petition, today=MONDAY)


def sign_many(petition, people, n, commune, start=0):
    """`n` signatures as the service writes them (keyed hash, masked number), in one insert."""
    rows = []
    for i in range(start, start + n):
        number = f"AB{100000 + i}"
        rows.append(
            Signature(
                petition=petition,
                signer=people.signer(),
                full_name=f"Signer {i}",
                id_hash=identity_hash(number, f"petition:{petition.pk}"),
                id_masked=masked(number),
                basis="residence",
                commune=commune,
                province_id=commune.parent_id,
            )
        )
    Signature.objects.bulk_create(rows)


def deposited(people, collectivity=None):
    petition = collecting(people, collectivity)
    sign_many(petition, people, 99, people.commune_a)
    signed(petition, people.signer(), "ZX123456", people.commune_a, name="Karim Bennani")
    return services.deposit(people.agent, petition, today=MONDAY)
