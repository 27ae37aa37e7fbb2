from infitah.core.capabilities import Capability, Urls
from infitah.core.contributions import AccountMenuItem


def declare() -> Capability:
    # The API's own address, outside the language prefix: the language of a response is asked for, not routed.
    # The tokens page is one of the account pages, in the visitor's language.
    return Capability(
        urls=(
            Urls("api/v1/", "infitah.api.urls", translated=False),
            Urls("accounts/api-tokens/", "infitah.api.token_urls"),
        ),
        rules=("infitah.api.rules",),
        contributes=(AccountMenuItem("api_tokens", "api/_account_menu.html", order=90),),
    )
