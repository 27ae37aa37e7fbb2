from infitah.core.capabilities import Capability, Urls


def declare() -> Capability:
    from infitah.search import updates

    return Capability(
        urls=(Urls("search/", "infitah.search.urls"),),
        api="infitah.search.api.router",
        # Every searchable row's save or deletion rewrites its entries in the background; the demo's bulk load
        # rebuilds the whole index once at its end.
        on_ready=updates.connect,
    )
