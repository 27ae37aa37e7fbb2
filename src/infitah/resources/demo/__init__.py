def load(stdout=None):
    return []
