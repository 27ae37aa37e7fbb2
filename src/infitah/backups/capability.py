from infitah.core.capabilities import Capability


def declare() -> Capability:
    # Two management commands (`infitah backup FILE`, `infitah restore FILE`) and nothing on the site: they read
    # every installed app through Django's registry, so no app has to declare anything for its data to be kept.
    return Capability()
