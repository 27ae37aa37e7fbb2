from infitah.core.capabilities import Capability, Urls
from infitah.core.contributions import SitemapSection
from infitah.core.pagecache import CacheablePages
from infitah.core.pagestamps import QuietModels
from infitah.core.sharedpages import SharedPages


def declare() -> Capability:
    from infitah.core.sitemaps import CorePagesSitemap

    return Capability(
        urls=(Urls("", "infitah.core.root_urls", translated=False), Urls("", "infitah.core.urls")),
        contributes=(SitemapSection("pages", CorePagesSitemap), *_page_cache()),
        on_ready=_prepare_text_and_languages,
    )


def _page_cache() -> tuple:
    """The home and accessibility pages; Django's and the libraries' bookkeeping rows appear on no public page."""
    return (
        CacheablePages(("core:home", "core:accessibility")),
        # Given to the citizens who read them from one shared copy (core/sharedpages.py).
        # The same page whatever the reader's powers: given to everyone signed in from one copy.
        SharedPages(("core:home",), to_everyone=True),
        QuietModels(
            (
                "sessions.session",
                "admin.logentry",
                "auth.permission",
                "contenttypes.contenttype",
                "account.emailaddress",
                "account.emailconfirmation",
                "django_tasks_database.dbtaskresult",
            )
        ),
    )


def _prepare_text_and_languages() -> None:
    from django.db.models.signals import pre_save

    from infitah.core.text import clean_text_fields, enforce_text_limits
    from infitah.core.translation import install_interface_fallbacks

    enforce_text_limits()
    pre_save.connect(clean_text_fields, dispatch_uid="infitah.core.text.clean_text_fields")
    install_interface_fallbacks()
    from infitah.core.pagestamps import connect_receivers

    connect_receivers()
