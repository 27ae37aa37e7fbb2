"""A minimal capability, installed only in the tests (tests/settings.py): a notice board per collectivity.

It proves the seam: one folder plus one line in INSTALLED_APPS, and it appears everywhere (pages, navigation, API,
permission table, demo, search) without any central file naming it; without that line it is nowhere. It is also the
worked example of docs/adding-a-capability.md.
"""
