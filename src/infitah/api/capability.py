from infitah.core.capabilities import Capability, Urls


def declare() -> Capability:
    # The API's own address, outside the language prefix: the language of a response is asked for, not routed.
    return Capability(urls=(Urls("api/v1/", "infitah.api.urls", translated=False),))
