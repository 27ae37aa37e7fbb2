from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from infitah.core.capabilities import Capability, Demo, Urls
from infitah.core.contributions import HomeSection, SitemapSection, WaitingGroup
from infitah.core.indicators import Indicator
from infitah.core.pagecache import CacheablePages
from infitah.core.principles import Principle
from infitah.core.scopes import Scope
from infitah.core.search import SearchDocuments
from infitah.core.sharedpages import SharedPages
from infitah.participation.notifications import NotificationVerb
from infitah.participation.targets import ParticipationTarget
from infitah.programs.sections import CommitmentSection


def declare() -> Capability:
    from infitah.accounts.links import PersonLink
    from infitah.consultations import home, personal_data, selectors, sitemaps, waiting
    from infitah.consultations.gate import contribution_gate
    from infitah.consultations.models import Consultation, Contribution, Response
    from infitah.programs.models import Program

    return Capability(
        urls=(Urls("consultations/", "infitah.consultations.urls"),),
        api="infitah.consultations.api.router",
        demo=Demo("infitah.consultations.demo.load", after=("territories", "programs")),
        rules=("infitah.consultations.rules", "infitah.consultations.report_rules"),
        contributes=(
            *_page_cache(),
            # A commitment's page shows the contributions retained into it ("what people said feeds what is
            # tracked").
            CommitmentSection(
                "retained_contributions",
                "consultations/_commitment_contributions.html",
                selectors.commitment_section_context,
                order=20,
            ),
            ParticipationTarget(
                model=Contribution,
                features=frozenset({"comment", "support", "follow", "report"}),
                collectivity=lambda contribution: contribution.collectivity_id,
                gate=contribution_gate,
                url=lambda contribution: contribution.get_absolute_url(),
                reads=("consultation",),
            ),
            Scope(Consultation, lambda consultation: consultation.collectivity_id),
            Scope(Response, lambda response: response.contribution.collectivity_id),
            # Staff may choose, in the back office, the people this app links to their collectivity.
            PersonLink(Contribution.objects.all, "consultation__collectivity", "author"),
            NotificationVerb("contribution_answered", _("%(actor)s answered your contribution “%(target)s”")),
            NotificationVerb(
                "contribution_answer_changed", _("%(actor)s changed the answer to your contribution “%(target)s”")
            ),
            HomeSection("consultations", "consultations/home_open.html", home.open_consultations, order=4),
            HomeSection("answers", "consultations/home_answers.html", home.recent_answers, order=7),
            WaitingGroup("contributions", _("Contributions to answer"), waiting.contributions_to_answer, order=20),
            WaitingGroup(
                "own_contributions", _("Your contributions and their answers"), waiting.own_contributions, order=60
            ),
            SitemapSection("consultation_pages", sitemaps.ConsultationPagesSitemap),
            SitemapSection("consultations", sitemaps.ConsultationsSitemap),
            personal_data.PERSONAL_DATA,
            SearchDocuments(
                kind="consultations.contribution",
                label=_("Contributions to consultations"),
                rows=_public_contributions,
                title=lambda contribution: contribution.title,
                text=lambda contribution: contribution.body,
                url=lambda contribution: contribution.get_absolute_url(),
                collectivity=lambda contribution: contribution.collectivity_id,
                principles=lambda contribution: list(contribution.principles or ()),
                date=lambda contribution: contribution.created_at,
                follows=((Program, _contributions_of_program),),
            ),
            Indicator(
                key="consultations.answered",
                principle=Principle.CITIZEN_PARTICIPATION,
                title=_("Share of consultation contributions that received a reasoned answer"),
                compute=_answered_share,
            ),
        ),
        on_ready=_stamp_activity,
    )


def _contributions_of_program(program):
    """A program's phase decides whether the contributions to its consultations are public."""
    from infitah.consultations.models import Contribution

    return Contribution.objects.filter(consultation__program=program).values_list("pk", flat=True)


def _public_contributions():
    """What anyone may read: contributions neither hidden nor withdrawn, to consultations of public programs."""
    from infitah.consultations.models import Contribution
    from infitah.programs.phases import PUBLIC_PHASES

    return Contribution.objects.filter(
        is_hidden=False,
        withdrawn_at__isnull=True,
        consultation__program__phase__in=[phase.value for phase in PUBLIC_PHASES],
    )


def _answered_share(collectivity_ids) -> dict[int, float]:
    rows = (
        _public_contributions()
        .filter(collectivity_id__in=list(collectivity_ids))
        .values("collectivity_id")
        .annotate(total=Count("pk"), answered=Count("pk", filter=Q(response__isnull=False)))
    )
    return {row["collectivity_id"]: row["answered"] / row["total"] for row in rows if row["total"]}


def _stamp_activity() -> None:
    """Any saved or deleted contribution or answer (hiding included) moves its consultation's activity stamp."""
    from django.db.models.signals import post_delete, post_save

    from infitah.consultations.models import Contribution, Response
    from infitah.consultations.selectors import touch

    def contribution_changed(sender, instance, **kwargs):
        touch(instance.consultation_id)

    def response_changed(sender, instance, **kwargs):
        touch(Contribution.objects.filter(pk=instance.contribution_id).values("consultation_id")[:1])

    for signal in (post_save, post_delete):
        # weak=False: the receivers are local functions, nothing else keeps them alive.
        signal.connect(contribution_changed, sender=Contribution, weak=False, dispatch_uid=f"stamp-c-{signal}")
        signal.connect(response_changed, sender=Response, weak=False, dispatch_uid=f"stamp-r-{signal}")


def _page_cache() -> tuple:
    """The public pages the same for every anonymous visitor, and the rows no public page shows."""
    return (
        CacheablePages(
            (
                "consultations:list",
                "consultations:detail",
                "consultations:contribution",
            )
        ),
        # Given to the citizens who read them from one shared copy (core/sharedpages.py).
        SharedPages(("consultations:list", "consultations:detail"), to_everyone=True),
    )
