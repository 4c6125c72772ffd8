"""Django's database sessions, read with a prepared query (lotse.core.prepared).

Every request reads its session; Django would build and compile the same SELECT each
time. Set as SESSION_ENGINE; everything else is Django's.
"""

from __future__ import annotations

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.utils import timezone

from lotse.core.prepared import Markers, prepared


@prepared
def _live_session(p: Markers):
    return Session.objects.filter(session_key=p.str("key"), expire_date__gt=p.datetime("now"))


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        found = _live_session(key=self.session_key, now=timezone.now())
        if found:
            return found[0]
        self._session_key = None
        return None
