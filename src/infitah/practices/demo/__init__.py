def load(stdout=None, password=None):
    pass
