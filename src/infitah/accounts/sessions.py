"""The session engine without Redis: Django's database sessions, each read as SQL built once per process.

Every signed-in request loads its session before anything else; through the ORM that read costs more than the
query itself (a queryset compiled anew each time, core.quicksql). With Redis the sessions are Django's `cached_db`
and are read from the cache."""

from django.contrib.sessions.backends import db
from django.utils import timezone

from infitah.core import quicksql


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        session = quicksql.instance(self.model, session_key=self.session_key)
        if session is None or session.expire_date <= timezone.now():
            self._session_key = None  # as Django's: an unknown or expired key is replaced, never reused
            return None
        return session
