"""Petitions (namespace "petitions", under petitions/). Each part owns its own list of addresses; the names are the
contract between them (templates, e-mails and the API link by these names):

- public (public_urls): list "" (all public petitions, filters), statistics "statistics/".
- pages (page_urls): new "new/" (?to=<collectivity code>), mine, bureau (?collectivity=<code>), petition, edit, open,
  sign, unsign, eligibility, deposit, receipt, withdraw, rule, decide, signatures, signatures_csv.
"""

from infitah.petitions import page_urls, public_urls

app_name = "petitions"

urlpatterns = [*public_urls.urlpatterns, *page_urls.urlpatterns]
