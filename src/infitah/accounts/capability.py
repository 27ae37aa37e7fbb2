from django.utils.translation import gettext_lazy as _

from infitah.core.capabilities import Capability, Urls
from infitah.core.contributions import AccountMenuItem, NavigationItem
from infitah.core.pagecache import CacheablePages
from infitah.core.pagestamps import QuietCreations, QuietFields, QuietModels
from infitah.core.scopes import Scope
from infitah.core.sharedpages import Powers
from infitah.core.signedincache import PersonalPages
from infitah.core.visibility import Visibility


def declare() -> Capability:
    from infitah.accounts import account_data
    from infitah.accounts.models import Association, Representative, RoleAssignment

    return Capability(
        urls=(
            Urls("accounts/", "infitah.accounts.urls"),
            Urls("accounts/", "allauth.urls"),
            Urls("associations/", "infitah.accounts.association_urls"),
        ),
        rules=("infitah.accounts.rules",),
        contributes=(
            *_page_cache(),
            NavigationItem("associations", _("Associations"), "associations:list", order=30),
            AccountMenuItem("waiting", "accounts/_account_menu.html", order=5),
            # A pending association is named nowhere to those who may not see it.
            Visibility(Association, "accounts.view_association"),
            # An association belongs to the collectivity of its seat.
            Scope(Association, lambda association: association.seat_id),
            *account_data.PERSONAL_DATA,
            # A role shows staff tools and drafts; an association's representative speaks for it (contributions,
            # petitions, evaluations): neither is given a page shared by citizens (core/sharedpages.py).
            Powers("roles", lambda: RoleAssignment.objects.values("user"), not_held=_holds_no_role),
            Powers("representation", lambda: Representative.objects.values("user")),
        ),
    )


def _holds_no_role(user) -> None:
    user.__dict__["active_roles"] = []  # User.active_roles, a cached_property: known without its query


def _page_cache() -> tuple:
    """The public pages the same for every anonymous visitor, and the rows no public page shows."""
    return (
        # The person's own page, kept for them (core/signedincache.py).
        PersonalPages(("accounts:home",)),
        CacheablePages(("accounts:privacy",)),
        QuietModels(("accounts.invitation",)),
        # Every login stamps last_login; an old password hash is replaced at the next login.
        QuietFields("accounts.user", ("last_login", "password")),
        # A new account is named on no public page until it writes something (which moves stamps of its own): a
        # wave of sign-ups when a consultation opens must not empty the anonymous page cache at each one.
        QuietCreations(("accounts.user",)),
    )
