"""Public, read-only data of access to information under /api/v1/information/: the register's requests with their
history and due dates, the statistics, and the proactive-publication catalogue (publication_api).

Never the requester's identity (unless they chose to show their name), never a national ID number, never an
officer's internal note."""

from infitah.api.routers import AppRouter

router = AppRouter("information", tags=["access to information"])

# The catalogue's operations are declared on this router by their own module.
from infitah.information import publication_api  # noqa: E402, F401
