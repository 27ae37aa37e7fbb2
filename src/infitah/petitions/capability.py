from infitah.core.capabilities import Capability
from infitah.core.scopes import Scope


def declare() -> Capability:
    from infitah.petitions.models import AssociationEligibility, PetitionEvent, Signature

    return Capability(
        rules=("infitah.petitions.rules",),
        contributes=(
            Scope(Signature, lambda signature: signature.petition.collectivity_id),
            Scope(PetitionEvent, lambda event: event.petition.collectivity_id),
            Scope(AssociationEligibility, lambda eligibility: eligibility.petition.collectivity_id),
        ),
    )
