from infitah.core.capabilities import Capability, Urls
from infitah.core.contributions import AccountMenuItem
from infitah.core.pagestamps import QuietModels


def _uses_api_tokens(request):
    from infitah.api.templatetags.api_tokens import uses_api_tokens

    return uses_api_tokens(request.user)


def declare() -> Capability:
    # The API's own address, outside the language prefix: the language of a response is asked for, not routed.
    # The tokens page is one of the account pages, in the visitor's language.
    return Capability(
        urls=(
            Urls("api/v1/", "infitah.api.urls", translated=False),
            Urls("accounts/api-tokens/", "infitah.api.token_urls"),
        ),
        rules=("infitah.api.rules",),
        contributes=(
            *_page_cache(),
            AccountMenuItem(
                "api_tokens",
                "api/_account_menu.html",
                order=90,
                power_state=_uses_api_tokens,
            ),
        ),
    )


def _page_cache() -> tuple:
    """The public pages the same for every anonymous visitor, and the rows no public page shows."""
    return (QuietModels(("api.apitoken",)),)
