"""Demo data of this app, loaded by `infitah demo` after the territories and programs (see DEMO_LOADERS)."""


def load(stdout=None):
    """Create the demo rows once; return the (role, e-mail) logins worth printing."""
    return []
