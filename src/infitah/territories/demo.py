"""The demo world of the seed article (to be completed)."""


def load(stdout=None):
    return []
