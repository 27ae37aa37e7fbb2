from infitah.core.capabilities import Capability, Urls


def declare() -> Capability:
    return Capability(
        urls=(
            # Frameworks, campaigns, assessments, reconciliation, commitment assessments (namespace "evaluation").
            Urls("evaluation/", "infitah.evaluation.urls"),
            # The openness index: its method, a member's values, the network dashboard (namespace "openness_index").
            Urls("openness-index/", "infitah.evaluation.index_urls"),
        ),
        contributes=(),
    )
