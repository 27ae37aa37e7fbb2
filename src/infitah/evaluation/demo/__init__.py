"""Demo data of the openness index part, loaded by `infitah demo` after the territories, programs, events, bodies
and consultations (as declared): their rows feed the computed indicators.

Framework version 1, open: the five principles with three indicators each (entered ones with guidance and the
evidence expected; computed ones from the platform's registered measures). Marrakech-Safi's 2024 campaign, tied to
the mid-term evaluation workshop, with the region's self-assessment and the demo association's independent
assessment, both submitted, two discrepancies reconciled with written justifications, and the index computed from
them. Index values of the region for 2023 and of a few other members for 2023 and 2024, so that the dashboard and
the member pages show something real. Everything is illustrative and says so. `load()` writes only once.
"""

import datetime
from decimal import Decimal

from django.core.management.base import OutputWrapper
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from infitah.accounts.models import Representative, User
from infitah.core.principles import Principle
from infitah.evaluation import index
from infitah.evaluation.demo import content
from infitah.evaluation.indexing import index_campaign
from infitah.evaluation.models import (
    Assessment,
    AssessmentStatus,
    Campaign,
    CommitmentAssessment,
    Framework,
    FrameworkIndicator,
    FrameworkStatus,
    IndexValue,
    IndicatorFinding,
    Party,
    Reconciliation,
    Score,
)
from infitah.events.models import Event
from infitah.programs.models import Program
from infitah.territories.models import Collectivity

MARRAKECH_SAFI = "07"
FOCAL_POINT = "focal.marrakech-safi@infitah.example"
ASSOCIATION = "association@infitah.example"
# The events demo's mid-term evaluation workshop of the openness program.
WORKSHOP_TITLE_AR = "ورشة تقييم منتصف المرحلة لبرنامج الانفتاح"


def _at(text: str) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.fromisoformat(text))


def load(stdout: OutputWrapper | None = None) -> list[tuple[str, str]]:
    """Create the demo rows once; return the (role, e-mail) logins worth printing (none of its own)."""
    region = Collectivity.objects.filter(code=MARRAKECH_SAFI).first()
    if region is None or Framework.objects.filter(version=1).exists():
        return []
    with transaction.atomic():
        framework = _framework()
        campaign = _campaign(framework, region)
        index_campaign(campaign)
        _other_values(framework)
    if stdout is not None:
        stdout.write(
            _("Co-evaluation: framework v1, Marrakech-Safi's 2024 campaign and index values of a few members.")
        )
    return []


def _framework() -> Framework:
    framework = Framework.objects.create(
        version=1,
        title=content.FRAMEWORK["title"],
        method=content.FRAMEWORK["method"],
        status=FrameworkStatus.OPEN,
        discrepancy_threshold=Decimal(25),
        created_at=_at("2024-06-01T10:00"),
    )
    FrameworkIndicator.objects.bulk_create(
        FrameworkIndicator(
            framework=framework,
            code=code,
            principle=principle,
            order=order,
            title=title,
            guidance=guidance,
            evidence_expected=evidence,
            source=source,
            computed_key=key,
            scale_min=0,
            scale_max=scale_max,
            weight=Decimal(1),
        )
        for order, (code, principle, title, guidance, evidence, source, key, scale_max) in enumerate(content.INDICATORS)
    )
    return framework


def _campaign(framework: Framework, region: Collectivity) -> Campaign:
    campaign = Campaign.objects.create(
        framework=framework,
        collectivity=region,
        year=2024,
        opens_on=datetime.date(2024, 9, 1),
        closes_on=datetime.date(2024, 12, 15),
        created_at=_at("2024-08-20T10:00"),
    )
    workshop = Event.objects.filter(collectivity=region, title__ar=WORKSHOP_TITLE_AR).first()
    if workshop is not None:
        campaign.events.add(workshop)
    indicators = {i.code: i for i in framework.indicators.all()}
    focal_point = User.objects.filter(email=FOCAL_POINT).first()
    representative = Representative.objects.filter(user__email=ASSOCIATION).select_related("association").first()
    parties = [
        (Party.SELF, 0, focal_point, content.EVIDENCE_SELF, "2024-11-15T12:00"),
        (
            Party.INDEPENDENT,
            1,
            representative.user if representative else None,
            content.EVIDENCE_INDEPENDENT,
            "2024-11-29T16:00",
        ),
    ]
    for party, position, person, evidence, submitted in parties:
        assessment = Assessment.objects.create(
            campaign=campaign,
            party=party,
            status=AssessmentStatus.SUBMITTED,
            submitted_at=_at(submitted),
            submitted_by=person,
            created_at=_at("2024-09-02T09:00"),
        )
        if party == Party.INDEPENDENT and representative is not None:
            assessment.associations.add(representative.association)
        Score.objects.bulk_create(
            Score(
                assessment=assessment,
                indicator=indicators[code],
                value=Decimal(values[position]),
                evidence=evidence,
                evidence_links=["https://www.example.org/marrakech-safi/ouverture"],
            )
            for code, values in content.SCORES.items()
        )
    for code, (agreed, justification) in content.RECONCILED.items():
        Reconciliation.objects.create(
            campaign=campaign,
            indicator=indicators[code],
            agreed_value=Decimal(agreed),
            justification=justification,
            recorded_by=focal_point,
            created_at=_at("2024-12-10T11:00"),
        )
    if workshop is not None:
        IndicatorFinding.objects.create(
            campaign=campaign, indicator=indicators["t-budget"], event=workshop, text=content.FINDING
        )
    _commitment_assessments(campaign, representative.user if representative else None)
    campaign.closed_at = _at("2024-12-15T18:00")
    campaign.save(update_fields=["closed_at"])
    return campaign


def _commitment_assessments(campaign: Campaign, by: User | None) -> None:
    """The independent-review assessment of the adopted program's first commitments (shown on their pages)."""
    program = (
        Program.objects.filter(collectivity_id=campaign.collectivity_id, reference_version__isnull=False)
        .select_related("reference_version")
        .first()
    )
    if program is None or program.reference_version is None:
        return
    keys = [
        c["key"] for axis in program.reference_version.snapshot.get("axes", []) for c in axis.get("commitments", [])
    ]
    for key, (verifiable, lens, potential, completion, opened, justification) in zip(
        keys, content.COMMITMENT_ASSESSMENTS, strict=False
    ):
        CommitmentAssessment.objects.create(
            program=program,
            commitment_key=key,
            campaign=campaign,
            verifiable=verifiable,
            lens=lens,
            potential=potential,
            completion=completion,
            opened_government=opened,
            justification=justification,
            assessed_by=by,
            created_at=_at("2024-12-05T10:00"),
        )


def _other_values(framework: Framework) -> None:
    """Index values without a campaign on the platform (illustrative), through the same arithmetic."""
    places = {c.code: c for c in Collectivity.objects.filter(code__in={code for code, _y in content.OTHER_VALUES})}
    principles = [p.value for p in Principle]
    now = timezone.now()
    rows: list[IndexValue] = []
    for (code, year), scores in content.OTHER_VALUES.items():
        if code not in places:
            continue
        result = index.compute(
            [index.IndicatorValue(p, p, 3.0, float(score)) for p, score in zip(principles, scores, strict=True)]
        )
        figures = {"": result.rounded, **{p: s.rounded for p, s in result.principles.items()}}
        rows.extend(
            IndexValue(
                collectivity=places[code],
                year=year,
                principle=principle,
                value=value,
                framework=framework,
                inputs={"illustrative": True},
                computed_at=now,
            )
            for principle, value in figures.items()
            if value is not None
        )
    IndexValue.objects.bulk_create(rows)
