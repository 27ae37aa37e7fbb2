"""The querysets the consultation pages need, built in one place (their query counts are pinned by tests).

This is also the app's public module: the report and the API read consultations through it.
"""

from django.core.cache import cache
from django.db import models
from django.db.models import Count

from infitah.consultations.models import Consultation, Contribution

COUNTS_TTL = 3600


def cached(consultation, name, compute):
    """Counts over every contribution are computed once per change of the consultation (its activity stamp moves
    whenever a contribution or an answer is saved or deleted), so a page with 10,000 contributions costs what one
    with 100 does."""
    key = f"consultations:{name}:{consultation.pk}:{consultation.activity_at.timestamp()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, COUNTS_TTL)
    return value


def touch(consultation_id):
    """Record that a consultation's contributions or answers changed (their cached counts are then recomputed).

    `consultation_id` may be a subquery. The stamp only moves forward, by at least a microsecond, so two changes
    within the clock's resolution still give two different keys."""
    import datetime

    from django.db.models.functions import Greatest
    from django.utils import timezone

    Consultation.objects.filter(
        pk__in=[consultation_id] if isinstance(consultation_id, int) else consultation_id
    ).update(activity_at=Greatest(timezone.now(), models.F("activity_at") + datetime.timedelta(microseconds=1)))


def contributions_of(consultation):
    """Every contribution of the consultation (hidden ones included) with its author, association and response."""
    return (
        Contribution.objects.filter(consultation=consultation)
        .select_related("author", "association", "response", "response__merged_into")
        .order_by("created_at", "pk")
    )


def version_index(consultation):
    """{"axes": {key: axis}, "commitments": {key: commitment}} from the consulted version's snapshot.

    Each commitment entry also carries "axis_key"; titles are TranslatedField values (use tr()).
    """
    snapshot = consultation.version.snapshot or {}
    axes, commitments = {}, {}
    for axis in snapshot.get("axes") or []:
        axes[axis["key"]] = {"key": axis["key"], "title": axis.get("title") or {}}
        for commitment in axis.get("commitments") or []:
            commitments[commitment["key"]] = {
                "key": commitment["key"],
                "title": commitment.get("title") or {},
                "axis_key": axis["key"],
            }
    return {"axes": axes, "commitments": commitments}


def consultation_detail(pk):
    return Consultation.objects.select_related("program__collectivity", "version", "collectivity").get(pk=pk)


def consultation_list(state="", collectivity=None, program=None, now=None):
    """Consultations on public programs, newest first; `state`: upcoming, open or closed."""
    from django.utils import timezone

    from infitah.programs.phases import PUBLIC_PHASES

    now = now or timezone.now()
    queryset = Consultation.objects.filter(program__phase__in=[p.value for p in PUBLIC_PHASES]).select_related(
        "collectivity", "program"
    )
    if collectivity is not None:
        queryset = queryset.filter(collectivity=collectivity)
    if program is not None:
        queryset = queryset.filter(program=program)
    if state == "upcoming":
        queryset = queryset.filter(opens_at__gt=now)
    elif state == "open":
        queryset = queryset.filter(opens_at__lte=now, closes_at__gt=now)
    elif state == "closed":
        queryset = queryset.filter(closes_at__lte=now)
    return queryset.annotate(contribution_count=Count("contributions")).order_by("-opens_at", "pk")


def filter_contributions(queryset, kind="", axis="", state=""):
    if kind:
        queryset = queryset.filter(kind=kind)
    if axis:
        queryset = queryset.filter(axis_key=axis)
    if state == "answered":
        queryset = queryset.filter(response__isnull=False)
    elif state == "unanswered":
        queryset = queryset.filter(response__isnull=True, is_hidden=False, withdrawn_at__isnull=True)
    elif state in ("retained", "merged", "not_retained"):
        queryset = queryset.filter(response__outcome=state)
    elif state == "hidden":
        queryset = queryset.filter(is_hidden=True)
    return queryset


def contribution_page_rows(consultation, user, **filters):
    """The contributions of the detail page, with their counts and the viewer's support (fixed queries)."""
    from infitah.participation.selectors import with_participation

    return with_participation(filter_contributions(contributions_of(consultation), **filters), user)


def counts_by_place(consultation):
    """{"whole": n, "axes": {key: n}, "commitments": {key: n}, "proposals": n} of visible contributions (one query,
    none while nothing changed)."""
    return cached(consultation, "places", lambda: _counts_by_place(consultation))


def _counts_by_place(consultation):
    rows = (
        Contribution.objects.filter(consultation=consultation)
        .order_by()
        .values("kind", "axis_key", "commitment_key")
        .annotate(n=Count("pk"))
    )
    counts = {"whole": 0, "axes": {}, "commitments": {}, "proposals": 0, "total": 0}
    for row in rows:
        counts["total"] += row["n"]
        if row["kind"] == "proposal":
            counts["proposals"] += row["n"]
        if row["commitment_key"]:
            key = str(row["commitment_key"])
            counts["commitments"][key] = counts["commitments"].get(key, 0) + row["n"]
        if row["axis_key"]:
            key = str(row["axis_key"])
            counts["axes"][key] = counts["axes"].get(key, 0) + row["n"]
        elif row["kind"] != "proposal":
            counts["whole"] += row["n"]
    return counts


def contribution_detail(consultation, pk, user=None):
    from infitah.participation.selectors import with_participation

    return with_participation(contributions_of(consultation), user).get(pk=pk)


def commitment_by_key(program, key):
    """The live draft's commitment with that stable key (None once deleted)."""
    from infitah.programs.models import Commitment

    return Commitment.objects.filter(program=program, key=key).select_related("axis").first()


def unanswered(consultation):
    """What the staff still have to answer: visible contributions without a response, oldest first."""
    return contributions_of(consultation).filter(is_hidden=False, withdrawn_at__isnull=True, response__isnull=True)


def draft_commitments(program):
    """The live draft's commitments a response may name (a retained contribution shows in the next version)."""
    from infitah.programs.models import Commitment

    return list(
        Commitment.objects.filter(program=program).select_related("axis").order_by("axis__order", "order", "pk")
    )


def consultations_of_program(program):
    return list(
        Consultation.objects.filter(program=program)
        .annotate(contribution_count=Count("contributions"))
        .order_by("-opens_at", "pk")
    )


def clock_summary(consultation, now=None):
    """The response clock's public counts (one query): hidden and withdrawn contributions await no answer."""
    from django.db.models import Count, Q
    from django.utils import timezone

    from infitah.consultations import clock

    late_from = clock.late_from(consultation.closes_at, consultation.response_days)

    def aggregate():
        awaiting = Contribution.objects.filter(consultation=consultation, is_hidden=False, withdrawn_at__isnull=True)
        return awaiting.aggregate(
            total=Count("pk"),
            answered=Count("pk", filter=Q(response__isnull=False)),
            answered_late=Count("pk", filter=Q(response__answered_at__gte=late_from)),
        )

    counts = cached(consultation, f"clock:{consultation.closes_at.timestamp()}:{consultation.response_days}", aggregate)
    return clock.summarise(
        **counts,
        closes_at=consultation.closes_at,
        response_days=consultation.response_days,
        now=now or timezone.now(),
    )


def revisions_of(contribution):
    """The edit history of a contribution, newest first, with who made each change (for its moderators only)."""
    return contribution.revisions.select_related("changed_by").order_by("-changed_at", "-pk")
