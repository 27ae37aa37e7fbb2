"""The public petition pages (list, statistics): petition-public's part. Empty in this branch."""

urlpatterns: list = []
