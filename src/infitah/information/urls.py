"""Access to information (namespace "information"). Each part of the app owns its own list of addresses; the names
below are the contract between them (templates, e-mails and the API link by these names):

- request side (request_urls): file, filed (acknowledgment), request (one request, by reference), mine, act,
  clarify, withdraw, complain, queue (the officers' queue), note, complaint_decision, cdai_referral, visibility.
- register (register_urls): register, statistics, statistics_csv.
- proactive publication (publication_urls): catalogue, member_catalogue, edit_entry, add_entry.
"""

from infitah.information import publication_urls, register_urls, request_urls

app_name = "information"

urlpatterns = [*request_urls.urlpatterns, *register_urls.urlpatterns, *publication_urls.urlpatterns]
