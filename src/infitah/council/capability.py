from django.utils.translation import gettext_lazy as _

from infitah.core.capabilities import Capability, Demo, Urls
from infitah.core.contributions import MemberSection, NavigationItem
from infitah.core.datasets import Column, Dataset
from infitah.core.pagecache import CacheablePages
from infitah.core.scopes import Scope
from infitah.core.search import SearchDocuments
from infitah.core.sharedpages import SharedPages
from infitah.core.translation import tr
from infitah.core.visibility import Visibility
from infitah.participation.notifications import NotificationVerb
from infitah.petitions.sections import PetitionSection
from infitah.programs.sections import ProgramSection


def declare() -> Capability:
    from infitah.council import pages, selectors, signals
    from infitah.council.models import AgendaPoint, Decision, Session
    from infitah.participation.targets import ParticipationTarget

    return Capability(
        urls=(Urls("council/", "infitah.council.urls"),),
        api="infitah.council.api.router",
        demo=Demo("infitah.council.demo.load", after=("territories", "programs", "petitions")),
        rules=("infitah.council.rules",),
        on_ready=signals.connect,
        contributes=(
            *_page_cache(),
            NavigationItem("council", _("Council sessions"), "council:calendar", order=40),
            MemberSection("council", "council/_member_section.html", selectors.member_section, order=25),
            ProgramSection("council", "council/_program_section.html", pages.program_section, order=5),
            PetitionSection("council", "council/_petition_section.html", pages.petition_section, order=10),
            Visibility(Session, "council.view_session"),
            Visibility(Decision, "council.view_session"),
            Scope(Decision, lambda decision: decision.collectivity_id),
            NotificationVerb(
                "council_session_soon", _("A council you follow meets soon: “%(target)s”. See its agenda")
            ),
            # A session's documents (convocation, minutes) and an agenda point's: attached by the collectivity's
            # staff, downloaded by whoever sees the session.
            ParticipationTarget(
                model=Session,
                features=frozenset({"attach"}),
                collectivity=lambda session: session.collectivity_id,
                gate=pages.documents_gate,
                url=lambda session: session.get_absolute_url(),
            ),
            ParticipationTarget(
                model=AgendaPoint,
                features=frozenset({"attach"}),
                collectivity=lambda point: point.session.collectivity_id,
                gate=pages.documents_gate,
                url=lambda point: point.get_absolute_url(),
            ),
            SearchDocuments(
                kind="council.session",
                label=_("Council sessions"),
                rows=lambda: Session.objects.published().select_related("collectivity"),
                title=str,
                text=lambda session: f"{tr(session.collectivity.name)} {tr(session.place)} {tr(session.minutes)}",
                url=lambda session: session.get_absolute_url(),
                collectivity=lambda session: session.collectivity_id,
            ),
            SearchDocuments(
                kind="council.decision",
                label=_("Council decisions"),
                rows=selectors.published_decisions,
                title=str,
                text=lambda decision: str(tr(decision.text)),
                url=lambda decision: decision.get_absolute_url(),
                collectivity=lambda decision: decision.collectivity_id,
            ),
            Dataset(
                key="council-sessions",
                title=_("Council sessions"),
                description=_(
                    "Every published session of the members' councils: ordinary or extraordinary, dates, place, "
                    "status and the number of points on its agenda."
                ),
                rows=selectors.dataset_sessions,
                columns=(
                    Column("id", lambda session: session.pk),
                    Column("collectivity", lambda session: session.collectivity.code),
                    Column("session_date", lambda session: session.opens_on.isoformat()),
                    Column("kind", lambda session: session.kind),
                    Column("title", lambda session: str(tr(session.title))),
                    Column("status", lambda session: session.status),
                    Column("members", lambda session: session.seats),
                    Column("agenda_points", lambda session: session.point_count),
                    Column("url", lambda session: _link(session)),
                ),
            ),
            Dataset(
                key="council-decisions",
                title=_("Council decisions"),
                description=_(
                    "Every decision of a published council session: its number, title, date, the votes for, "
                    "against and abstentions, and the outcome (adopted when more votes for than against)."
                ),
                rows=selectors.dataset_decisions,
                columns=(
                    Column("id", lambda decision: decision.pk),
                    Column("collectivity", lambda decision: decision.collectivity.code),
                    Column("session_date", lambda decision: decision.session.opens_on.isoformat()),
                    Column("kind", lambda decision: decision.session.kind),
                    Column("number", lambda decision: decision.number),
                    Column("title", lambda decision: str(tr(decision.title))),
                    Column("decided_on", lambda decision: decision.decided_on.isoformat()),
                    Column("votes_for", lambda decision: decision.votes_for),
                    Column("votes_against", lambda decision: decision.votes_against),
                    Column("votes_abstain", lambda decision: decision.votes_abstain),
                    Column("outcome", lambda decision: decision.outcome),
                    Column("url", lambda decision: _link(decision)),
                ),
            ),
        ),
    )


def _link(obj) -> str:
    from infitah.core.site import site_link

    return site_link(obj.get_absolute_url())


def _page_cache() -> tuple:
    """The public pages the same for every anonymous visitor, and the rows no public page shows."""
    from infitah.council import selectors

    return (
        CacheablePages(
            (
                "council:calendar",
                "council:member_sessions",
                "council:session",
                "council:decision",
            )
        ),
        # Given from one shared copy (core/sharedpages.py): the calendar to everyone signed in whom it shows no
        # unpublished session (their collectivity's staff and council see theirs); a session's and a decision's page
        # to everyone signed in, their tools being powers-only parts (council/templatetags/council_reader.py).
        SharedPages(("council:calendar",), to_everyone=selectors.sees_only_published_sessions),
        SharedPages(("council:session", "council:decision"), to_everyone=True),
    )
