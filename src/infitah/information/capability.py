from django.utils.translation import gettext_lazy as _

from infitah.core.capabilities import Capability, Demo, Urls
from infitah.core.contributions import AccountMenuItem, MemberSection, NavigationItem, WaitingGroup
from infitah.core.datasets import Column, Dataset
from infitah.core.indicators import Indicator
from infitah.core.pagecache import CacheablePages
from infitah.core.pagestamps import QuietModels
from infitah.core.principles import Principle
from infitah.core.scopes import Scope
from infitah.core.search import SearchDocuments
from infitah.core.sharedpages import SharedPages
from infitah.participation.notifications import NotificationVerb


def _handles_requests(request):
    from infitah.information.templatetags.information_requests import handles_information_requests

    return handles_information_requests(request.user)


def declare() -> Capability:
    from infitah.information import open_data, waiting
    from infitah.information.models import Complaint, InternalNote, RequestEvent

    return Capability(
        urls=(Urls("information/", "infitah.information.urls"),),
        # PUBLIC
        api="infitah.information.api.router",
        # --- demo: the loader (Capability takes one demo argument, so it sits here rather than in the block below)
        demo=Demo("infitah.information.demo.load", after=("territories",)),
        rules=(
            "infitah.information.rules",  # request side
            "infitah.information.publication_rules",  # proactive publication
        ),
        contributes=(
            *_page_cache(),
            Scope(RequestEvent, lambda event: event.request.collectivity_id),
            Scope(InternalNote, lambda note: note.request.collectivity_id),
            Scope(Complaint, lambda complaint: complaint.request.collectivity_id),
            # Sentences name the request by its reference and subject (its __str__), never the requester; the
            # collectivity acts, not a named officer.
            NotificationVerb(
                "information_request_received",
                _("Your request %(target)s was received: its reference and due date are on its page"),
            ),
            NotificationVerb("information_request_filed", _("A new request for information: %(target)s")),
            NotificationVerb(
                "information_request_updated_by_requester", _("The requester acted on the request %(target)s")
            ),
            NotificationVerb("information_request_in_progress", _("Your request %(target)s is being handled")),
            NotificationVerb(
                "information_request_clarification", _("Your request %(target)s needs a clarification from you")
            ),
            NotificationVerb("information_request_extended", _("The deadline of your request %(target)s was extended")),
            NotificationVerb("information_request_answered", _("Your request %(target)s was answered")),
            NotificationVerb("information_request_partial", _("Your request %(target)s was partially answered")),
            NotificationVerb("information_request_refused", _("Your request %(target)s was refused")),
            NotificationVerb(
                "information_request_not_held", _("The information of your request %(target)s is not held")
            ),
            NotificationVerb(
                "information_request_transferred", _("Your request %(target)s was transferred to the competent body")
            ),
            NotificationVerb("information_complaint_filed", _("A complaint was filed about the request %(target)s")),
            NotificationVerb(
                "information_complaint_decided", _("The head's decision on your complaint about %(target)s is recorded")
            ),
            WaitingGroup(
                "information_falling_due",
                _("Requests for information falling due"),
                waiting.requests_falling_due,
                order=30,
            ),
            # My requests (and the queue for officers) in the signed-in menu; the member page offers filing in the
            # register's section below.
            AccountMenuItem(
                "information_requests",
                "information/_account_menu.html",
                order=30,
                power_state=_handles_requests,
            ),
            # PUBLIC: the register, its figures, search, open data, a member's page and the openness index.
            NavigationItem("information", _("Access to information"), "information:register", order=50),
            MemberSection("information", "information/_member_section.html", open_data.member_section, order=35),
            SearchDocuments(
                kind="information.informationrequest",
                label=_("Requests for information"),
                rows=open_data.search_rows,
                title=lambda request: f"{request.reference} {request.subject}",
                text=open_data.search_text,
                url=lambda request: request.get_absolute_url(),
                collectivity=lambda request: request.collectivity_id,
                date=lambda request: request.received_on,
            ),
            Dataset(
                key="information-requests",
                title=_("Requests for information"),
                description=_(
                    "Every request for information in the public register (law 31-13): what was asked, of which "
                    "collectivity, when, its due date, the reply and the ground for any refusal. Never the "
                    "requester's identity, unless they chose to show their name."
                ),
                rows=open_data.public_requests,
                columns=tuple(Column(name, value) for name, value in open_data.REQUEST_COLUMNS),
            ),
            Dataset(
                key="information-statistics",
                title=_("Statistics of requests for information"),
                description=_(
                    "Per collectivity and year received: requests received, replies by kind, replies on time, the "
                    "median working days to reply, the share refused, complaints and referrals to the CDAI."
                ),
                rows=open_data.statistics_rows,
                columns=tuple(Column(name, value) for name, value in open_data.STATISTICS_COLUMNS),
            ),
            Indicator(
                key="information.replied_on_time",
                principle=Principle.ACCESS_TO_INFORMATION,
                title=_("Requests for information replied to by their legal due date"),
                compute=open_data.replied_on_time,
                unit="share",
            ),
            Indicator(
                key="information.reply_speed",
                principle=Principle.ACCESS_TO_INFORMATION,
                title=_("Speed of reply to requests for information (median working days against the 20 of the law)"),
                compute=open_data.reply_speed,
                unit="share",
            ),
            Indicator(
                key="information.not_refused",
                principle=Principle.ACCESS_TO_INFORMATION,
                title=_("Replies to requests for information that are not refusals"),
                compute=open_data.not_refused,
                unit="share",
            ),
            *_publication(),
        ),
    )


def _publication() -> tuple:
    """The proactive-publication catalogue: documents of entries (checked uploads, served as downloads), the
    member page's block, search, open data and the openness index."""
    from django.urls import reverse

    from infitah.core.contributions import MemberSection, WaitingGroup
    from infitah.core.datasets import Column, Dataset
    from infitah.core.indicators import Indicator
    from infitah.core.principles import Principle
    from infitah.core.search import SearchDocuments
    from infitah.core.translation import tr
    from infitah.information import publication_selectors as selectors
    from infitah.information import publication_waiting
    from infitah.information.models import PublicationEntry
    from infitah.participation.targets import ParticipationTarget

    return (
        ParticipationTarget(
            model=PublicationEntry,
            features=frozenset({"attach"}),
            collectivity=lambda entry: entry.collectivity_id,
            gate=_entry_gate,
            url=lambda entry: reverse("information:member_catalogue", args=[entry.collectivity.code]),
        ),
        MemberSection("publication", "information/catalogue_section.html", selectors.member_section, order=50),
        WaitingGroup(
            "publication_stale",
            _("Stale entries of the publication catalogue"),
            publication_waiting.stale_entries,
            order=60,
        ),
        SearchDocuments(
            kind="information.publicationentry",
            label=_("Published information"),
            rows=selectors.search_rows,
            title=str,
            text=lambda entry: f"{tr(entry.category.title)} {entry.owner}",
            url=lambda entry: (
                reverse("information:member_catalogue", args=[entry.collectivity.code])
                + f"#category-{entry.category.key}"
            ),
            collectivity=lambda entry: entry.collectivity_id,
            date=lambda entry: entry.updated_on,
        ),
        Dataset(
            key="publication-catalogue",
            title=_("Proactive publication catalogue"),
            description=_(
                "What each collectivity publishes without being asked (law 31-13, arts. 10 to 13): the category, "
                "the title, the link, the date of the last update, who keeps it, and whether it is stale."
            ),
            rows=selectors.dataset_rows,
            columns=(
                Column("id", lambda entry: entry.pk),
                Column("collectivity", lambda entry: entry.collectivity.code),
                Column("category", lambda entry: entry.category.key),
                Column("title", lambda entry: str(tr(entry.title))),
                Column("url", lambda entry: entry.url),
                Column("updated_on", lambda entry: entry.updated_on.isoformat()),
                Column("owner", lambda entry: entry.owner),
                Column("stale", selectors.is_stale_now),
            ),
        ),
        Indicator(
            key="information.publication_completeness",
            principle=Principle.ACCESS_TO_INFORMATION,
            title=_("Categories of the proactive-publication catalogue with an up-to-date entry"),
            compute=selectors.completeness_indicator,
            unit="share",
        ),
    )


def _entry_gate(user, entry, feature):
    """An entry's documents are as public as the entry (always); only its collectivity's staff attach them."""
    from infitah.core.permissions import can

    if feature == "view":
        return None
    if not can(user, "information.edit_publication", entry):
        return _("Only the staff of the collectivity attach documents to its catalogue.")
    return None


def _page_cache() -> tuple:
    """The public pages the same for every anonymous visitor, and the rows no public page shows."""
    return (
        CacheablePages(
            (
                "information:register",
                "information:statistics",
                "information:member_statistics",
                "information:catalogue",
                "information:member_catalogue",
            )
        ),
        # Given to the citizens who read them from one shared copy (core/sharedpages.py).
        SharedPages(("information:register",), to_everyone=True),
        # A member's catalogue offers its staff their tools.
        SharedPages(("information:member_catalogue",)),
        QuietModels(
            (
                "information.internalnote",
                "information.responsetemplate",
            )
        ),
    )
