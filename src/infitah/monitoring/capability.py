from infitah.core.capabilities import Capability, Urls


def declare() -> Capability:
    return Capability(
        urls=(
            # The write side: updates, reviews, replies, the follow-up committee (namespace "monitoring").
            Urls("monitoring/", "infitah.monitoring.urls"),
            # The public side: a program's tracker and its semester reports (namespace "tracker").
            Urls("monitoring/", "infitah.monitoring.tracker_urls"),
        ),
        contributes=(),
    )
