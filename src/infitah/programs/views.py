"""Public pages of openness programs: lists, a program, a commitment, versions and their comparison, and the
network's library of commitments. The staff's explicit actions (phase changes, publishing, adoption, copying)
are in `actions.py`.
"""

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from infitah.core.pagecache import page_depends_on
from infitah.core.permissions import can
from infitah.core.principles import Principle
from infitah.programs import selectors
from infitah.programs.diff import diff_versions, is_empty
from infitah.programs.forms import CompareForm, LibraryFilterForm, ProgramFilterForm
from infitah.programs.models import Commitment, ProgramVersion
from infitah.programs.sections import commitment_sections_for, program_sections_for
from infitah.programs.versions import build_snapshot, parse_snapshot_dates
from infitah.territories.models import Collectivity

PROGRAMS_PER_PAGE = 30
COMMITMENTS_PER_PAGE = 30


def program_list(request: HttpRequest, code: str | None = None) -> HttpResponse:
    collectivity = None
    if code is not None:
        collectivity = Collectivity.objects.filter(code=code).first()
        if collectivity is None:
            raise Http404(_("No territorial collectivity has the code %(code)s.") % {"code": code})
    form = ProgramFilterForm(request.GET or None)
    phase = form.cleaned_data["phase"] if form.is_bound and form.is_valid() else ""
    programs = selectors.program_list(request.user, collectivity=collectivity, phase=phase)
    page = Paginator(programs, PROGRAMS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "programs/list.html",
        {
            "collectivity": collectivity,
            "form": form,
            "page": page,
        },
    )


def program_detail(request: HttpRequest, pk: int) -> HttpResponse:
    program = selectors.visible_program_or_404(request.user, pk, loader=selectors.program_detail)
    page_depends_on(request, program.collectivity_id)
    axes = selectors.draft_axes(program)
    versions = list(program.versions.all())
    latest = selectors.latest_snapshot(program) if versions else None
    user = request.user
    return render(
        request,
        "programs/program.html",
        {
            "program": program,
            "axes": axes,
            "timeline": selectors.phase_timeline(program),
            "events": selectors.timeline_events(program),
            "versions": versions,
            "adoptions": list(program.adoptions.all()),
            "unpublished_changes": latest is not None and latest != build_snapshot(program, axes),
            # The staff's actions are the template's powers-only part (program_reader): the rest is the same for all.
            "program_sections": program_sections_for(program, user),
        },
    )


def commitment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        commitment = selectors.commitment_detail(pk)
    except Commitment.DoesNotExist:
        raise Http404(_("There is no commitment at this address.")) from None
    if not can(request.user, "programs.view_program", commitment.program):
        raise Http404(_("There is no commitment at this address."))
    return render(
        request,
        "programs/commitment.html",
        {
            "commitment": commitment,
            "program": commitment.program,
            # The reader's actions and the co-owners they may see are the template's powers-only parts.
            "commitment_sections": commitment_sections_for(commitment, request.user),
        },
    )


def version_list(request: HttpRequest, pk: int) -> HttpResponse:
    program = selectors.visible_program_or_404(request.user, pk)
    versions = selectors.versions_of(program)
    numbers = [v.number for v in versions]
    form = CompareForm(
        initial={"old": numbers[-2] if len(numbers) > 1 else None, "new": numbers[-1] if numbers else None},
        numbers=numbers,
    )
    return render(request, "programs/versions.html", {"program": program, "versions": versions, "form": form})


def version_detail(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    program = selectors.visible_program_or_404(request.user, pk)
    try:
        version = selectors.version(program, number)
    except ProgramVersion.DoesNotExist:
        raise Http404(_("This program has no version %(number)d.") % {"number": number}) from None
    return render(
        request,
        "programs/version.html",
        {
            "program": program,
            "version": version,
            "snapshot": parse_snapshot_dates(selectors.snapshot_seen_by(version.snapshot, request.user)),
        },
    )


def compare(request: HttpRequest, pk: int) -> HttpResponse:
    program = selectors.visible_program_or_404(request.user, pk)
    numbers = [v.number for v in selectors.versions_of(program)]
    form = CompareForm(request.GET or None, numbers=numbers)
    context = {"program": program, "form": form, "diff": None}
    if form.is_bound and form.is_valid():
        versions = {
            v.number: v for v in program.versions.filter(number__in=[form.cleaned_data[k] for k in ("old", "new")])
        }
        old, new = versions[form.cleaned_data["old"]], versions[form.cleaned_data["new"]]
        diff = diff_versions(old.snapshot, new.snapshot)
        context.update({"old": old, "new": new, "diff": diff, "unchanged": is_empty(diff)})
    return render(request, "programs/compare.html", context)


def library(request: HttpRequest) -> HttpResponse:
    """Every public commitment of the network, searchable, for members to learn from and reuse."""
    form = LibraryFilterForm(request.GET or None)
    query, principle = "", ""
    if form.is_bound and form.is_valid():
        query, principle = form.cleaned_data["q"].strip(), form.cleaned_data["principle"]
    commitments = selectors.network_commitments(query=query, principle=principle)
    page = Paginator(commitments, COMMITMENTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "programs/library.html",
        {
            "form": form,
            "page": page,
            "filtered": bool(query or principle),
            "principle_labels": dict(Principle.choices),
            "may_copy": request.user.is_authenticated and can(request.user, "programs.copy_commitment"),
        },
    )
