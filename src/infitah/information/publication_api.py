"""The proactive-publication catalogue in the public API (operations on information.api's router)."""

from infitah.information.api import router  # noqa: F401
