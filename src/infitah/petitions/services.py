"""What people do with petitions: draft one, open it for signatures, sign, deposit, and the bureau's rulings.

Each act raises PetitionRefused (not allowed, not possible at this stage, threshold not met) with a reason for the
person, or a ValidationError naming the field; nothing is saved then. Every act writes the petition's public
history. A signer's national ID number is reduced at once to its keyed hash and masked form: it is never stored,
logged or sent.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from infitah.core.identity import identity_hash, masked, normalise_national_id
from infitah.core.permissions import Refused, require
from infitah.participation.attachments import attachments_of
from infitah.participation.audit import audit
from infitah.participation.text import clean_text
from infitah.petitions import sessions, states
from infitah.petitions.counting import progress
from infitah.petitions.models import (
    AssociationEligibility,
    CouncilDecision,
    Petition,
    PetitionEvent,
    Signature,
    SignatureBasis,
)
from infitah.territories.models import Collectivity, CollectivityKind

if TYPE_CHECKING:
    from infitah.accounts.models import Association, User

ASSOCIATION_MIN_YEARS = 3


class PetitionRefused(Refused):
    """An act on a petition was refused (not allowed, not possible now, thresholds not met)."""


def _today(today: datetime.date | None) -> datetime.date:
    return today or timezone.localdate()


def _record(petition: Petition, act: str, before: str, on: datetime.date, actor: User | None) -> None:
    PetitionEvent.objects.create(
        petition=petition, act=act, stage_from=before, stage_to=petition.stage, on=on, actor=actor
    )


def _move(petition: Petition, act: str) -> str:
    before = petition.stage
    try:
        petition.stage = states.next_stage(petition.kind, before, act)
    except states.IllegalTransition as error:
        raise PetitionRefused(_("This is not possible at this stage of the petition.")) from error
    return before


# --- Drafting ----------------------------------------------------------------------------------------------------


def draft_petition(
    user: User,
    collectivity: Collectivity,
    *,
    title: str,
    subject: str,
    reasons: str,
    objectives: str,
    respects_constitution: bool,
    association: Association | None = None,
    is_illustrative: bool = False,
    today: datetime.date | None = None,
) -> Petition:
    """A new draft with `user` as its agent; an association's petition needs one of its representatives."""
    require(user, "petitions.draft", collectivity)
    errors: dict[str, list[str]] = {}

    def check(field: str, clean: Any) -> Any:
        try:
            return clean()
        except ValidationError as error:
            errors.setdefault(field, []).extend(error.messages)
            return ""

    title = check("title", lambda: clean_text(title, max_length=200))
    subject = check("subject", lambda: clean_text(subject, max_length=3000))
    reasons = check("reasons", lambda: clean_text(reasons, max_length=5000))
    objectives = check("objectives", lambda: clean_text(objectives, max_length=5000))
    if not respects_constitution:
        errors.setdefault("respects_constitution", []).append(
            _("A petition may not touch the constants of article 1 of the Constitution: confirm that it does not.")
        )
    if association is not None and not association.representatives.filter(pk=user.pk).exists():
        errors.setdefault("association", []).append(_("Only a representative of the association drafts its petition."))
    if errors:
        raise ValidationError(errors)
    petition = Petition.objects.create(
        collectivity=collectivity,
        kind=states.ASSOCIATION if association else states.CITIZENS,
        agent=user,
        association=association,
        title=title,
        subject=subject,
        reasons=reasons,
        objectives=objectives,
        respects_constitution=True,
        is_illustrative=is_illustrative,
    )
    PetitionEvent.objects.create(petition=petition, act="draft", stage_to=states.DRAFT, on=_today(today), actor=user)
    return petition


def open_signing(user: User, petition: Petition, today: datetime.date | None = None) -> Petition:
    require(user, "petitions.act_as_agent", petition)
    today = _today(today)
    with transaction.atomic():
        petition = Petition.objects.select_for_update().get(pk=petition.pk)
        before = _move(petition, states.OPEN_SIGNING)
        petition.opened_on = today
        petition.save()
        _record(petition, states.OPEN_SIGNING, before, today, user)
    return petition


def withdraw(user: User, petition: Petition, today: datetime.date | None = None) -> Petition:
    require(user, "petitions.act_as_agent", petition)
    today = _today(today)
    with transaction.atomic():
        petition = Petition.objects.select_for_update().get(pk=petition.pk)
        before = _move(petition, states.WITHDRAW)
        petition.withdrawn_on = today
        petition.save()
        _record(petition, states.WITHDRAW, before, today, user)
    return petition


# --- Signing -----------------------------------------------------------------------------------------------------


def _signing_commune(petition: Petition, commune: Collectivity | None) -> Collectivity:
    """The commune the signer declares must lie within the petitioned collectivity (itself, for a commune)."""
    target = petition.collectivity
    if commune is None or commune.kind != CollectivityKind.COMMUNE:
        raise ValidationError({"commune": [_("Choose the commune where you live or carry on your activity.")]})
    province = commune.parent
    inside = (
        commune.pk == target.pk
        or (province is not None and province.pk == target.pk)
        or (province is not None and province.parent_id == target.pk)
    )
    if not inside:
        raise ValidationError(
            {"commune": [_("This commune is not within %(collectivity)s.") % {"collectivity": target}]}
        )
    return commune


def sign(
    user: User,
    petition: Petition,
    *,
    full_name: str,
    national_id: str,
    basis: str,
    commune: Collectivity | None,
) -> Signature:
    """Sign once per person (by ID number) and per account. Counted under the commune's prefecture/province."""
    require(user, "petitions.sign", petition)
    errors: dict[str, list[str]] = {}
    try:
        name = clean_text(full_name, max_length=150)
    except ValidationError as error:
        errors["full_name"] = error.messages
        name = ""
    try:
        number = normalise_national_id(national_id)
    except ValidationError as error:
        errors["national_id"] = error.messages
        number = ""
    if basis not in SignatureBasis.values:
        errors["basis"] = [_("Say whether you live in the collectivity or carry on an activity there.")]
    try:
        commune = _signing_commune(petition, commune)
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    assert commune is not None
    province_id = commune.parent_id if commune.parent_id != petition.collectivity_id else None
    if petition.collectivity.kind == CollectivityKind.PROVINCE:
        province_id = petition.collectivity_id
    with transaction.atomic():
        locked = Petition.objects.select_for_update().get(pk=petition.pk)
        if locked.stage not in states.SIGNABLE:
            raise PetitionRefused(_("This petition is not open for signatures."))
        try:
            with transaction.atomic():
                return Signature.objects.create(
                    petition=locked,
                    signer=user,
                    full_name=name,
                    id_hash=identity_hash(number, f"petition:{locked.pk}"),
                    id_masked=masked(number),
                    basis=basis,
                    commune=commune,
                    province_id=province_id,
                )
        except IntegrityError:
            raise PetitionRefused(
                _(
                    "This petition already has a signature with this national ID card number or from "
                    "this account: one signature per person."
                )
            ) from None


def withdraw_signature(user: User, petition: Petition) -> None:
    """A signer takes back their signature before the deposit: the row goes, nothing of it is kept."""
    with transaction.atomic():
        locked = Petition.objects.select_for_update().get(pk=petition.pk)
        if locked.stage not in states.SIGNABLE:
            raise PetitionRefused(_("A signature can only be withdrawn while the petition collects signatures."))
        deleted, _rows = Signature.objects.filter(petition=locked, signer=user).delete()
        if not deleted:
            raise PetitionRefused(_("You have not signed this petition."))


# --- Deposit and the bureau's rulings ----------------------------------------------------------------------------


def record_eligibility(
    user: User,
    petition: Petition,
    *,
    constituted_on: datetime.date,
    seat_or_branch: str,
    related_activity: str,
    in_good_standing: bool,
) -> AssociationEligibility:
    require(user, "petitions.act_as_agent", petition)
    if petition.kind != states.ASSOCIATION:
        raise PetitionRefused(_("Only an association's petition records its eligibility."))
    seat = clean_text(seat_or_branch, max_length=300)
    activity = clean_text(related_activity, max_length=3000)
    eligibility, _created = AssociationEligibility.objects.update_or_create(
        petition=petition,
        defaults={
            "constituted_on": constituted_on,
            "seat_or_branch": seat,
            "related_activity": activity,
            "in_good_standing": in_good_standing,
        },
    )
    return eligibility


def association_problems(eligibility: AssociationEligibility | None, on: datetime.date) -> list[str]:
    """Why the association may not (yet) petition, in the law's terms; empty when it may."""
    if eligibility is None:
        return [_("Record what shows the association may petition: its constitution date, seat and activity.")]
    problems = []
    if sessions.add_months(eligibility.constituted_on, 12 * ASSOCIATION_MIN_YEARS) >= on:
        problems.append(_("The association must have been constituted more than 3 years ago."))
    if not eligibility.in_good_standing:
        problems.append(_("The association must be in good standing and run democratically per its statutes."))
    if not attachments_of(eligibility).exists():
        problems.append(
            _(
                "Attach at least one document showing the association's eligibility (statutes, receipt of its "
                "declaration, proof of its seat, activity report)."
            )
        )
    return problems


def _receipt_number(petition: Petition, year: int) -> str:
    prefix = f"P-{petition.collectivity.code}-{year}-"
    taken = Petition.objects.filter(receipt_number__startswith=prefix).count()
    return f"{prefix}{taken + 1:04d}"


def deposit(user: User, petition: Petition, today: datetime.date | None = None) -> Petition:
    """Deposit with the council's president: refused below threshold (or, for an association, if not eligible);
    otherwise a receipt number and date at once, and the bureau's clock starts."""
    require(user, "petitions.act_as_agent", petition)
    today = _today(today)
    with transaction.atomic():
        petition = Petition.objects.select_for_update().select_related("collectivity").get(pk=petition.pk)
        before = _move(petition, states.DEPOSIT)
        if petition.kind == states.CITIZENS:
            reached = progress(petition, today)
            if reached.shortfall is None:
                raise PetitionRefused(
                    _("The signature threshold of this council cannot be computed: its population is not known.")
                )
            if not reached.shortfall.met:
                raise PetitionRefused(_("The petition has not reached its signature thresholds yet."))
            petition.signatures_at_deposit = reached.counted
        else:
            problems = association_problems(getattr(petition, "eligibility", None), today)
            if problems:
                raise PetitionRefused(" ".join(problems))
        for _attempt in range(3):
            petition.receipt_number = _receipt_number(petition, today.year)
            petition.deposited_on = today
            try:
                with transaction.atomic():
                    petition.save()
                break
            except IntegrityError:
                continue
        else:
            raise PetitionRefused(_("The petition could not be numbered. Please deposit it again."))
        _record(petition, states.DEPOSIT, before, today, user)
    return petition


def notice_due(petition: Petition) -> datetime.date | None:
    if petition.deposited_on is None:
        return None
    return sessions.admissibility_due(petition.collectivity.kind, petition.deposited_on)


def rule_admissible(user: User, petition: Petition, *, committee: str, today: datetime.date | None = None) -> Petition:
    """Admissible: on the agenda of the next ordinary session, sent to the competent committee."""
    require(user, "petitions.rule_on", petition)
    today = _today(today)
    committee = clean_text(committee, max_length=200)
    with transaction.atomic():
        petition = Petition.objects.select_for_update().select_related("collectivity").get(pk=petition.pk)
        before = _move(petition, states.ADMIT)
        petition.admissibility_on = today
        petition.committee = committee
        petition.session_month = sessions.next_ordinary_session(petition.collectivity.kind, today)
        petition.save()
        _record(petition, states.ADMIT, before, today, user)
        audit(user, "petitions.admit", petition, {"stage": [before, petition.stage]})
    return petition


def rule_inadmissible(user: User, petition: Petition, *, reasons: str, today: datetime.date | None = None) -> Petition:
    """Inadmissible, with the reasoned notice the law requires."""
    require(user, "petitions.rule_on", petition)
    today = _today(today)
    try:
        reasons = clean_text(reasons, max_length=5000)
    except ValidationError as error:
        raise ValidationError({"reasons": error.messages}) from error
    with transaction.atomic():
        petition = Petition.objects.select_for_update().select_related("collectivity").get(pk=petition.pk)
        before = _move(petition, states.REJECT)
        if petition.deposited_on and today < petition.deposited_on:
            raise ValidationError({"admissibility_on": [_("The ruling cannot come before the deposit.")]})
        petition.admissibility_on = today
        petition.admissibility_reasons = reasons
        petition.save()
        _record(petition, states.REJECT, before, today, user)
        audit(user, "petitions.reject", petition, {"stage": [before, petition.stage]})
    return petition


def record_decision(
    user: User, petition: Petition, *, decision: str, text: str, today: datetime.date | None = None
) -> Petition:
    """The council's decision on an admissible petition, published with it."""
    require(user, "petitions.rule_on", petition)
    today = _today(today)
    errors: dict[str, list[str]] = {}
    if decision not in CouncilDecision.values:
        errors["decision"] = [_("Choose the council's decision.")]
    try:
        text = clean_text(text, max_length=10000)
    except ValidationError as error:
        errors["decision_text"] = error.messages
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        petition = Petition.objects.select_for_update().get(pk=petition.pk)
        before = _move(petition, states.DECIDE)
        if petition.admissibility_on and today < petition.admissibility_on:
            raise ValidationError({"decision_on": [_("The decision cannot come before the admissibility ruling.")]})
        petition.decision = decision
        petition.decision_text = text
        petition.decision_on = today
        petition.save()
        _record(petition, states.DECIDE, before, today, user)
        audit(user, "petitions.decide", petition, {"decision": decision})
    return petition
