"""The events of one timeline panel; QML makes one per timeline view."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Property, QObject, Signal
from PySide6.QtQml import QmlElement

from kiosk.model import TimelineEvent, TimelinePanel
from kiosk.text import localize
from kiosk.ui.lifetime import free_state_when_destroyed
from kiosk.ui.qmltypes import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME
from kiosk.ui.viewmodels.base import LocalizedListModel
from kiosk.ui.viewmodels.store import ExhibitionStore

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "TimelineModel"]


@QmlElement
class TimelineModel(LocalizedListModel[TimelineEvent]):
    """``TimelineModel { store: root.store; panelId: model.panelId; language: navigator.language }``."""

    ROLES = ("date", "title", "text")
    inputsChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store: ExhibitionStore | None = None
        self._panel_id = ""
        free_state_when_destroyed(self)
        self._wanted_language = ""

    def value(self, row: TimelineEvent, role: str, index: int) -> Any:
        field = {"date": row.date, "title": row.title, "text": row.text}[role]
        return localize.text(field, self.current_language, self.all_languages)

    def _refresh(self) -> None:
        exhibition = self._store.exhibition if self._store else None
        panel = exhibition.panel(self._panel_id) if exhibition else None
        events = panel.events if isinstance(panel, TimelinePanel) else ()
        languages = exhibition.languages if exhibition else ("en",)
        language = self._wanted_language or languages[0]
        if exhibition is not None and list(events) == self._rows and languages == self.all_languages:
            self.set_language(language)
        else:
            self.set_rows(events, language, languages)

    def _get_store(self) -> ExhibitionStore | None:
        return self._store

    def _set_store(self, store: ExhibitionStore | None) -> None:
        if store is self._store:
            return
        if self._store is not None:
            self._store.exhibitionChanged.disconnect(self._refresh)
        self._store = store
        if store is not None:
            store.exhibitionChanged.connect(self._refresh)
        self._refresh()
        self.inputsChanged.emit()

    def _get_panel_id(self) -> str:
        return self._panel_id

    def _set_panel_id(self, panel_id: str) -> None:
        if panel_id != self._panel_id:
            self._panel_id = panel_id
            self._refresh()
            self.inputsChanged.emit()

    def _get_language(self) -> str:
        return self._wanted_language

    def _set_language(self, language: str) -> None:
        if language != self._wanted_language:
            self._wanted_language = language
            self._refresh()
            self.inputsChanged.emit()

    store = Property(QObject, _get_store, _set_store, notify=inputsChanged)
    panelId = Property(str, _get_panel_id, _set_panel_id, notify=inputsChanged)
    language = Property(str, _get_language, _set_language, notify=inputsChanged)
