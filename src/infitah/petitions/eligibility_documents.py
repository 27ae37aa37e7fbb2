"""An association's eligibility documents: the statutes, the receipt of its declaration (récépissé), the proof of
its seat or branch, its activity reports — what shows it may petition (issue 12).

They are attachments of the AssociationEligibility record, through the platform's one upload machinery (checked
type, size and content; served only as downloads). They may hold personal data of the association's officers:
only the petition's initiators and the council's bureau read them; the public learns only how many there are.
The agent attaches and removes them while the petition is a draft.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import User
from infitah.accounts.types import Viewer
from infitah.core.permissions import can
from infitah.core.predicates import signed_in
from infitah.participation.attachments import attach, attachments_of, check_uploads
from infitah.participation.audit import audit
from infitah.participation.models import Attachment
from infitah.petitions import services, states
from infitah.petitions.models import AssociationEligibility, Petition

MAX_FILES = 8
NOT_YOURS = _("Only the petition's initiators and the council's bureau read the association's documents.")
KEPT = _("The association's documents are kept as they were at the deposit.")
AGENT_ONLY = _("Only the petition's agent attaches the association's documents.")


def may_read(user: Viewer, petition: Petition) -> bool:
    """The petition's agent and co-initiators, and the council's bureau (which rules on it)."""
    return signed_in(user) and (can(user, "petitions.edit_draft", petition) or can(user, "petitions.rule_on", petition))


def gate(user: Viewer, eligibility: AssociationEligibility, feature: str) -> Any:
    """The ParticipationTarget gate: who sees the documents ("view"), and attaching only to a draft, by its agent."""
    petition = eligibility.petition
    if feature == "view":
        return None if may_read(user, petition) else NOT_YOURS
    if petition.stage != states.DRAFT:
        return KEPT
    if not signed_in(user) or not can(user, "petitions.act_as_agent", petition):
        return AGENT_ONLY
    return None


def documents_of(eligibility: AssociationEligibility | None) -> QuerySet[Attachment]:
    if eligibility is None or eligibility.pk is None:
        return Attachment.objects.none()
    return attachments_of(eligibility).order_by("created_at", "pk")


def record(
    by: User,
    petition: Petition,
    *,
    files: Sequence[Any] = (),
    remove: Iterable[Attachment] = (),
    **fields: Any,
) -> AssociationEligibility:
    """Record the eligibility (services.record_eligibility) with its new documents, removing those in `remove`.

    Every file is checked before anything is written: a bad file saves nothing."""
    if petition.stage != states.DRAFT:
        raise services.PetitionRefused(KEPT)
    check_uploads(files)
    with transaction.atomic():
        eligibility = services.record_eligibility(by, petition, **fields)
        eligibility.petition = petition
        for uploaded in files:
            uploaded.seek(0)
            attach(by, eligibility, uploaded)
        own = set(documents_of(eligibility).values_list("pk", flat=True))
        removing = [a for a in remove if a.pk in own]
        for attachment in removing:
            _remove(attachment)
        changes: dict[str, Any] = {}
        if files:
            changes["documents_added"] = [None, [getattr(f, "name", "") for f in files]]
        if removing:
            changes["documents_removed"] = [[a.original_name for a in removing], None]
        if changes:
            audit(by, "petitions.eligibility_documents", eligibility, changes, collectivity=petition.collectivity)
    return eligibility


def _remove(attachment: Attachment) -> None:
    stored = attachment.file
    attachment.delete()
    transaction.on_commit(lambda: stored.delete(save=False))


def page_context(user: Viewer, petition: Petition) -> dict[str, Any]:
    """The petition page's eligibility block: the record and the documents' names to those who may read them,
    only their number to everyone else."""
    if petition.kind != states.ASSOCIATION:
        return {}
    eligibility = getattr(petition, "eligibility", None)
    documents = list(documents_of(eligibility))
    readable = may_read(user, petition)
    return {
        "eligibility": eligibility if readable else None,
        "eligibility_documents": documents if readable else [],
        "eligibility_documents_count": len(documents),
        "may_read_eligibility": readable,
    }
