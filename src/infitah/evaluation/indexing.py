"""Writing a member's openness index for a campaign: the settled scores and the platform's measures through the
published arithmetic (`evaluation.index`), stored as `IndexValue` rows that keep their inputs.

`index_campaign(campaign)` is idempotent (update or create; a principle that lost its value loses its row) and
runs in one transaction, so a page never reads half an index. It is connected to `signals.campaign_settled` and run
for every settled campaign by `infitah compute_index [--year]`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from infitah.core import indicators as registered
from infitah.core.principles import Principle
from infitah.evaluation import index
from infitah.evaluation.models import (
    AssessmentStatus,
    Campaign,
    FrameworkIndicator,
    IndexValue,
    IndicatorSource,
    Party,
    Score,
)
from infitah.evaluation.scoring import counted_value

OVERALL = ""  # the principle of the index itself


def settled_campaigns(year: int | None = None) -> QuerySet[Campaign]:
    """Campaigns whose scores count: closed, or with both parties' assessments submitted."""
    submitted = Count("assessments", filter=Q(assessments__status=AssessmentStatus.SUBMITTED), distinct=True)
    queryset = Campaign.objects.annotate(submitted=submitted).filter(Q(closed_at__isnull=False) | Q(submitted__gte=2))
    if year is not None:
        queryset = queryset.filter(year=year)
    return queryset.order_by("year", "pk")


def _number(value: Any) -> float | None:
    return None if value is None else float(value)


def indicator_inputs(campaign: Campaign) -> list[dict[str, Any]]:
    """Per indicator of the campaign's framework: what its value comes from, and the value on 0–100.

    Only submitted assessments count: a draft is its party's own until submitted."""
    framework = campaign.framework
    indicators = list(framework.indicators.order_by("principle", "order", "pk"))
    scores: dict[tuple[int, str], float] = {}
    for indicator_id, party, value in Score.objects.filter(
        assessment__campaign=campaign, assessment__status=AssessmentStatus.SUBMITTED
    ).values_list("indicator_id", "assessment__party", "value"):
        scores[(indicator_id, party)] = float(value)
    reconciled = {
        indicator_id: float(value)
        for indicator_id, value in campaign.reconciliations.values_list("indicator_id", "agreed_value")
    }
    measures = _measures(indicators, campaign.collectivity_id)
    threshold = framework.discrepancy_threshold
    rows = []
    for indicator in indicators:
        row: dict[str, Any] = {
            "code": indicator.code,
            "principle": indicator.principle,
            "title": indicator.title,
            "source": indicator.source,
            "weight": float(indicator.weight),
            "scale": [indicator.scale_min, indicator.scale_max],
        }
        if indicator.source == IndicatorSource.COMPUTED:
            measure = measures.get(indicator.computed_key)
            unit, measured = measure if measure else ("", None)
            row["computed"] = {"key": indicator.computed_key, "unit": unit, "value": measured}
            row["on_100"] = index.computed_on_100(measured, unit, indicator.scale_min, indicator.scale_max)
        else:
            own = scores.get((indicator.pk, Party.SELF))
            independent = scores.get((indicator.pk, Party.INDEPENDENT))
            agreed = reconciled.get(indicator.pk)
            counted = counted_value(own, independent, agreed, indicator.scale_min, indicator.scale_max, threshold)
            row.update(
                self=own,
                independent=independent,
                reconciled=agreed is not None,
                agreed=agreed,
                counted=counted,
                on_100=index.entered_on_100(counted, indicator.scale_min, indicator.scale_max),
            )
        rows.append(row)
    return rows


def _measures(indicators: Iterable[FrameworkIndicator], collectivity_id: int) -> dict[str, tuple[str, float | None]]:
    """(unit, value) of each registered measure the computed indicators name; a key no installed app registers
    is left out (no value)."""
    by_key = {i.key: i for i in registered.indicators()}
    wanted = {i.computed_key for i in indicators if i.source == IndicatorSource.COMPUTED and i.computed_key in by_key}
    return {key: (by_key[key].unit, by_key[key].compute([collectivity_id]).get(collectivity_id)) for key in wanted}


def index_campaign(campaign: Campaign) -> dict[str, IndexValue]:
    """Write (or rewrite) the campaign member's index and sub-scores for the campaign's year."""
    written: dict[str, IndexValue] = {}
    with transaction.atomic():
        rows = indicator_inputs(campaign)
        values = [index.IndicatorValue(r["code"], r["principle"], r["weight"], r["on_100"]) for r in rows]
        result = index.compute(values, principles=[p.value for p in Principle])
        now = timezone.now()
        figures: dict[str, tuple[Any, dict[str, Any]]] = {}
        for principle, score in result.principles.items():
            if score.value is not None:
                inputs = {
                    "weight": score.weight,
                    "counted": score.counted,
                    "missing": score.missing,
                    "indicators": [r for r in rows if r["principle"] == principle],
                }
                figures[principle] = (score.rounded, inputs)
        if result.value is not None:
            summary = {
                p: {"value": _number(s.rounded), "weight": s.weight, "counted": s.counted, "missing": s.missing}
                for p, s in result.principles.items()
            }
            # The indicators of principles without a sub-score have no row of their own: kept here, so the page
            # still shows what they lacked.
            without = [r for r in rows if result.principles[r["principle"]].value is None]
            figures[OVERALL] = (
                result.rounded,
                {"framework": campaign.framework.version, "principles": summary, "without_value": without},
            )
        mine = IndexValue.objects.filter(collectivity_id=campaign.collectivity_id, year=campaign.year)
        mine.exclude(principle__in=list(figures)).delete()
        for principle, (value, inputs) in figures.items():
            written[principle], _created = IndexValue.objects.update_or_create(
                collectivity_id=campaign.collectivity_id,
                year=campaign.year,
                principle=principle,
                defaults={
                    "value": value,
                    "framework": campaign.framework,
                    "campaign": campaign,
                    "inputs": inputs,
                    "computed_at": now,
                },
            )
    return written


def on_campaign_settled(sender: object, campaign: Campaign, **kwargs: object) -> None:
    index_campaign(campaign)


def connect() -> None:
    """The capability's `on_ready`: index a campaign when its scores are settled."""
    from infitah.evaluation.signals import campaign_settled

    campaign_settled.connect(on_campaign_settled, dispatch_uid="evaluation.index_campaign")
