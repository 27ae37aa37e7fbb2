from django.utils.translation import gettext_lazy as _

from infitah.core.capabilities import Capability, Demo, Urls
from infitah.core.contributions import MemberSection, NavigationItem, SitemapSection
from infitah.core.datasets import Column, Dataset
from infitah.core.indicators import Indicator
from infitah.core.pagecache import CacheablePages
from infitah.core.principles import Principle
from infitah.core.scopes import Scope
from infitah.core.search import SearchDocuments
from infitah.core.sharedpages import SharedPages
from infitah.core.translation import tr
from infitah.core.visibility import Visibility


def declare() -> Capability:
    from infitah.participation.targets import ParticipationTarget
    from infitah.programs import followers, selectors, sitemaps
    from infitah.programs.models import Axis, Commitment, Milestone, PhaseDates, Program, ProgramVersion

    return Capability(
        urls=(Urls("programs/", "infitah.programs.urls"),),
        api="infitah.programs.api.router",
        demo=Demo("infitah.programs.demo.load", after=("territories",)),
        rules=("infitah.programs.rules",),
        contributes=(
            *_page_cache(),
            NavigationItem("programs", _("Openness programs"), "programs:list", order=25),
            MemberSection(
                "programs",
                "programs/member_section.html",
                selectors.member_section_context,
                order=10,
                by_powers=True,
                power_state=selectors.member_section_power_state,
            ),
            SitemapSection("program_pages", sitemaps.ProgramPagesSitemap),
            SitemapSection("programs", sitemaps.ProgramsSitemap),
            # A program in preparation, its axes, commitments and versions are named nowhere to those who may
            # not see it: one rule for all of them.
            *(Visibility(model, "programs.view_program") for model in (Program, Axis, Commitment, ProgramVersion)),
            # The audit log's collectivity of a back-office edit of the draft.
            Scope(Axis, lambda axis: axis.program.collectivity_id),
            # A public program can be followed: its followers, and the collectivity's, hear of each new phase.
            ParticipationTarget(
                model=Program,
                features=frozenset({"follow"}),
                collectivity=lambda program: program.collectivity_id,
                gate=followers.gate,
                url=lambda program: program.get_absolute_url(),
            ),
            *followers.VERBS,
            Scope(PhaseDates, lambda row: row.program.collectivity_id),
            # A saved commitment names its program; an unsaved one knows it through its axis.
            Scope(Commitment, lambda c: (c.program if c.program_id else c.axis.program).collectivity_id),
            Scope(Milestone, lambda milestone: milestone.commitment.program.collectivity_id),
            Scope(ProgramVersion, lambda version: version.program.collectivity_id),
            SearchDocuments(
                kind="programs.program",
                label=_("Openness programs"),
                rows=lambda: Program.objects.public().select_related("collectivity"),
                title=str,
                text=lambda program: str(tr(program.summary)),
                url=lambda program: program.get_absolute_url(),
                collectivity=lambda program: program.collectivity_id,
                date=lambda program: program.phase_changed_at,
            ),
            SearchDocuments(
                kind="programs.commitment",
                label=_("Commitments"),
                rows=lambda: Commitment.objects.public().select_related("program"),
                title=str,
                text=lambda commitment: " ".join(
                    str(tr(text)) for text in (commitment.problem, commitment.description, commitment.activities)
                ),
                url=lambda commitment: commitment.get_absolute_url(),
                collectivity=lambda commitment: commitment.program.collectivity_id,
                principles=lambda commitment: list(commitment.principles or ()),
                date=lambda commitment: commitment.program.phase_changed_at,
                # A program leaving preparation makes its commitments public (and their date is its phase's).
                follows=((Program, lambda program: program.commitments.values_list("pk", flat=True)),),
            ),
            Dataset(
                key="programs",
                title=_("Openness programs"),
                description=_("Every public openness program of the network's members, with its phase."),
                rows=lambda: Program.objects.public().select_related("collectivity").order_by("pk"),
                columns=(
                    Column("id", lambda program: program.pk),
                    Column("collectivity", lambda program: program.collectivity.code),
                    Column("title", lambda program: str(program)),
                    Column("phase", lambda program: program.phase),
                    Column("adopted", lambda program: program.reference_version_id is not None),
                ),
                updated=_programs_updated,
            ),
            Dataset(
                key="commitments",
                title=_("Commitments of the openness programs"),
                description=_(
                    "Every commitment of the public openness programs: its program and collectivity, its axis, the "
                    "openness principles it advances, its dates and its estimated budget."
                ),
                rows=lambda: Commitment.objects.public().select_related("program__collectivity", "axis").order_by("pk"),
                columns=(
                    Column("id", lambda c: c.pk, _("The commitment's number on the platform")),
                    Column("program", lambda c: c.program_id, _("The number of its program (dataset “programs”)")),
                    Column(
                        "collectivity", lambda c: c.program.collectivity.code, _("The collectivity's official code")
                    ),
                    Column("axis", lambda c: str(c.axis), _("The axis of the program it belongs to")),
                    Column("title", lambda c: str(c), _("What the collectivity commits to")),
                    Column("principles", lambda c: " ".join(c.principles), _("The openness principles it advances")),
                    Column("start_date", lambda c: c.start_date.isoformat(), _("When it starts")),
                    Column("end_date", lambda c: c.end_date.isoformat(), _("When it is due")),
                    Column(
                        "budget_estimate",
                        lambda c: "" if c.budget_estimate is None else str(c.budget_estimate),
                        _("Estimated budget in dirhams (MAD), empty when not given"),
                    ),
                ),
                updated=_programs_updated,
                keywords=(_("open government"), _("commitments")),
            ),
            Indicator(
                key="programs.adopted",
                principle=Principle.ACCOUNTABILITY,
                title=_("An openness program adopted by the council"),
                compute=_programs_adopted,
                unit="yes/no",
            ),
        ),
    )


def _programs_updated():
    """The last time a public program appeared or changed phase: the rows of both datasets change with a phase (a
    program becomes public, is adopted); an edit between two phases keeps no date of its own."""
    from django.db.models import DateTimeField, Max
    from django.db.models.functions import Coalesce

    from infitah.programs.models import Program

    return Program.objects.public().aggregate(
        last=Max(Coalesce("phase_changed_at", "created_at", output_field=DateTimeField()))
    )["last"]


def _programs_adopted(collectivity_ids) -> dict[int, float]:
    """1 where a public program has an adopted reference version, 0 where public programs exist but none is adopted."""
    from infitah.programs.models import Program

    rows = (
        Program.objects.public()
        .filter(collectivity_id__in=list(collectivity_ids))
        .values_list("collectivity_id", "reference_version_id")
    )
    values: dict[int, float] = {}
    for collectivity_id, reference in rows:
        values[collectivity_id] = max(values.get(collectivity_id, 0.0), 1.0 if reference else 0.0)
    return values


def _page_cache() -> tuple:
    """The public pages the same for every anonymous visitor, and the rows no public page shows."""
    from infitah.programs import selectors

    return (
        CacheablePages(
            (
                "programs:list",
                "programs:list_of",
                "programs:library",
                "programs:commitment",
                "programs:detail",
                "programs:versions",
                "programs:version",
                "programs:compare",
            )
        ),
        # Given to the citizens who read them from one shared copy (core/sharedpages.py); a program's and a
        # commitment's page to everyone signed in: what a reader's powers add to them are their parts
        # (templatetags/program_reader.py).
        # The list too, to whoever may read no program in preparation (the link to start one is a part of theirs).
        SharedPages(("programs:list",), to_everyone=selectors.sees_only_public_programs),
        SharedPages(("programs:detail", "programs:commitment"), to_everyone=True),
    )
