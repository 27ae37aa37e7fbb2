from django.utils.translation import gettext_lazy as _

from infitah.core.capabilities import Capability, Urls
from infitah.core.contributions import AccountMenuItem, WaitingGroup
from infitah.core.scopes import Scope
from infitah.participation.notifications import NotificationVerb


def declare() -> Capability:
    from infitah.petitions import waiting
    from infitah.petitions.models import AssociationEligibility, PetitionEvent, Signature

    return Capability(
        urls=(Urls("petitions/", "infitah.petitions.urls"),),
        rules=("infitah.petitions.rules",),
        contributes=(
            Scope(Signature, lambda signature: signature.petition.collectivity_id),
            Scope(PetitionEvent, lambda event: event.petition.collectivity_id),
            Scope(AssociationEligibility, lambda eligibility: eligibility.petition.collectivity_id),
            # --- pages: begin ---
            # Sentences name the petition by its title (its __str__), never a signer; no ID number ever.
            NotificationVerb("petition_deposited", _("The petition “%(target)s” was deposited with the council")),
            NotificationVerb(
                "petition_to_rule_on", _("A petition was deposited: “%(target)s”. Rule on its admissibility")
            ),
            NotificationVerb("petition_admissible", _("The petition “%(target)s” was declared admissible")),
            NotificationVerb("petition_inadmissible", _("The petition “%(target)s” was declared inadmissible")),
            NotificationVerb("petition_decided", _("The council decided on the petition “%(target)s”")),
            WaitingGroup("petitions_to_rule_on", _("Petitions to rule on"), waiting.to_rule_on),
            WaitingGroup("petitions_yours", _("Your petitions"), waiting.yours),
            AccountMenuItem("petitions_mine", "petitions/_account_menu.html", order=30),
            # --- pages: end ---
            # --- public: begin ---
            # --- public: end ---
        ),
    )
