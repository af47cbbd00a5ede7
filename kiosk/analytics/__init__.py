"""Visit analytics, private by design: a local SQLite file of what visitors did, never who they are.

Only times, panel and excerpt ids, languages and durations are stored: no camera, no
names, no network. :class:`VisitRecorder` consumes the visit events of
:mod:`kiosk.navigation.events` on a writer thread; :func:`open_database` gives readers
(the report) the same schema.
"""

from kiosk.analytics.database import SCHEMA_VERSION, database_path, open_database
from kiosk.analytics.recorder import VisitRecorder
from kiosk.analytics.writer import EventWriter

__all__ = ["SCHEMA_VERSION", "EventWriter", "VisitRecorder", "database_path", "open_database"]
