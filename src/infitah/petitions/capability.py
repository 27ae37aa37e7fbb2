from django.utils.translation import gettext_lazy as _

from infitah.core.capabilities import Capability, Demo, Urls
from infitah.core.contributions import AccountMenuItem, MemberSection, NavigationItem, WaitingGroup
from infitah.core.datasets import Dataset
from infitah.core.indicators import Indicator
from infitah.core.pagecache import CacheablePages
from infitah.core.principles import Principle
from infitah.core.scopes import Scope
from infitah.core.search import SearchDocuments
from infitah.core.sharedpages import SharedPages
from infitah.participation.notifications import NotificationVerb


def declare() -> Capability:
    from infitah.participation.targets import ParticipationTarget
    from infitah.petitions import eligibility_documents, open_data, public_views, statistics, waiting
    from infitah.petitions.models import AssociationEligibility, PetitionEvent, Signature

    return Capability(
        urls=(Urls("petitions/", "infitah.petitions.urls"),),
        api="infitah.petitions.api.router",
        demo=Demo("infitah.petitions.demo.load", after=("territories",)),
        rules=("infitah.petitions.rules",),
        contributes=(
            *_page_cache(),
            Scope(Signature, lambda signature: signature.petition.collectivity_id),
            Scope(PetitionEvent, lambda event: event.petition.collectivity_id),
            Scope(AssociationEligibility, lambda eligibility: eligibility.petition.collectivity_id),
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
            # The public side: the menu, a member's page, search, open data and the openness index. Never a
            # signer: only counts.
            NavigationItem("petitions", _("Petitions"), "petitions:list", order=45),
            MemberSection("petitions", "petitions/_member_section.html", public_views.member_section_context, order=35),
            SearchDocuments(
                kind="petitions.petition",
                label=_("Petitions"),
                rows=open_data.search_rows,
                title=str,
                text=lambda petition: f"{petition.subject}\n{petition.reasons}\n{petition.objectives}",
                url=open_data.petition_url,
                collectivity=lambda petition: petition.collectivity_id,
                date=lambda petition: petition.deposited_on or petition.opened_on,
            ),
            Dataset(
                key="petitions",
                title=_("Petitions to the councils"),
                description=_(
                    "Every petition out of its draft: the council petitioned, its kind, stage and dates, the "
                    "signatures counted (never who signed), the bureau's ruling and the council's decision."
                ),
                rows=open_data.dataset_rows,
                columns=open_data.COLUMNS,
                updated=open_data.last_updated,
            ),
            Indicator(
                key="petitions.received",
                principle=Principle.CITIZEN_PARTICIPATION,
                title=_("Petitions deposited with the council"),
                compute=statistics.petitions_received,
                unit="count",
            ),
            Indicator(
                key="petitions.ruled_in_time",
                principle=Principle.CITIZEN_PARTICIPATION,
                title=_("Deposited petitions ruled on within the legal time"),
                compute=statistics.ruled_on_in_time,
                unit="share",
            ),
            Indicator(
                key="petitions.accepted",
                principle=Principle.CITIZEN_PARTICIPATION,
                title=_("Petitions accepted among those the council decided"),
                compute=statistics.accepted_share,
                unit="share",
            ),
            # An association's documents (statutes, récépissé...): attachments of its eligibility record, read only
            # by the petition's initiators and the council's bureau (they may name the association's officers).
            ParticipationTarget(
                model=AssociationEligibility,
                features=frozenset({"attach"}),
                collectivity=lambda eligibility: eligibility.petition.collectivity_id,
                gate=eligibility_documents.gate,
                gate_decides_viewing=True,
                url=lambda eligibility: eligibility.petition.get_absolute_url(),
            ),
        ),
    )


def _page_cache() -> tuple:
    """The public pages the same for every anonymous visitor, and the rows no public page shows."""
    return (
        CacheablePages(
            (
                "petitions:list",
                "petitions:statistics",
                "petitions:petition",
            )
        ),
        # Given to the citizens who read them from one shared copy (core/sharedpages.py).
        SharedPages(("petitions:list",), to_everyone=True),
    )
