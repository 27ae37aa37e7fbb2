"""Petitions (namespace "petitions", under petitions/). Each part owns its list of addresses; the names are the
contract between them (templates, e-mails and the API link by these names):

- public side (public_urls): list, statistics.
- pages (page_urls): new, mine, bureau, petition, edit, open, sign, unsign, eligibility, deposit, receipt, withdraw,
  rule, decide, signatures, signatures_csv.
"""

from infitah.petitions import page_urls, public_urls

app_name = "petitions"

urlpatterns = [*public_urls.urlpatterns, *page_urls.urlpatterns]
