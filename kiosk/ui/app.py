"""The kiosk window: exhibition store, visit, view models and the QML scene, wired once.

Live reload (for the staff tools): ``kiosk_app.apply_exhibition(load_result)`` swaps the
exhibition on screen for a reloaded one; see docs/presentation.md.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk import broken_media, paths
from kiosk.model import Exhibition
from kiosk.navigation import Clock, Timeouts, TouchJudge, Visit, VisitShape
from kiosk.navigation.events import VisitListener
from kiosk.navigation.touch import TouchLimits
from kiosk.ui.free_memory import MemoryTrimmer
from kiosk.ui.items import find_item
from kiosk.ui.keypad import Keypad
from kiosk.ui.lockdown.staff import StaffViewModel
from kiosk.ui.registry import register_qml_types
from kiosk.ui.staff_tools.reload import ReloadController
from kiosk.ui.staff_tools.schedule import ScheduleController
from kiosk.ui.touch_guard import TouchGuard
from kiosk.ui.video.coordinator import FilmCoordinator
from kiosk.ui.video.parts import FilmParts
from kiosk.ui.viewmodels.access import Access, PlayerFactory
from kiosk.ui.viewmodels.attract import AttractModel, InvitationModel, attract_panels
from kiosk.ui.viewmodels.chapters import ChapterModel
from kiosk.ui.viewmodels.languages import LanguageModel
from kiosk.ui.viewmodels.navigator import Navigator
from kiosk.ui.viewmodels.panels import PanelModel
from kiosk.ui.viewmodels.store import ExhibitionStore

log = logging.getLogger(__name__)

# Deleting an item can let go of others for later, and those of others again (a delegate inside a
# delegate): a round of deferred deletions for each level. One was enough for the window in tests;
# the others cost nothing when there is nothing left to delete.
_DELETION_ROUNDS = 4


class LoadResultLike(Protocol):
    @property
    def exhibition(self) -> Exhibition | None: ...

    @property
    def problems(self) -> Any: ...


def _split(result: LoadResultLike | Exhibition | None) -> tuple[Exhibition | None, list[str]]:
    if result is None or isinstance(result, Exhibition):
        return result, []
    return result.exhibition, [str(problem) for problem in result.problems]


class KioskApp(QObject):
    """Everything on the kiosk's screen. Needs a QGuiApplication to exist already.

    ``timeouts`` overrides the exhibition's idle timeout and countdown (tests use
    milliseconds); ``clock`` and ``touch_clock_ms`` make time injectable; ``films`` gives the
    film players another engine (the benchmark, tests). ``staff``,
    ``schedule`` and ``reload`` are the staff view model and the staff tools' controllers:
    `kiosk run` gives all three (kiosk/cli/run.py); without them the window shows no staff
    screens (proof sheets, the smoke test, most tests).
    """

    def __init__(
        self,
        result: LoadResultLike | Exhibition | None,
        *,
        timeouts: Timeouts | None = None,
        clock: Clock | None = None,
        touch_limits: TouchLimits | None = None,
        touch_clock_ms: Any = None,
        size: tuple[int, int] = (1920, 1080),
        staff: StaffViewModel | None = None,
        schedule: ScheduleController | None = None,
        reload: ReloadController | None = None,
        films: FilmCoordinator | None = None,
        sound: PlayerFactory | None = None,
        speech_folder: Any = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        register_qml_types()
        # The engine is the first child, so it (and every binding) goes before the objects
        # QML binds to when the app is destroyed: no "cannot read property of null" at exit.
        self.engine = QQmlApplicationEngine(self)
        self.engine.addImportPath(str(paths.qml_import_dir()))
        # What the film players share (engines, the panel on screen's decoding): one per kiosk.
        self.films = films or FilmCoordinator()
        film_parts = self.engine.singletonInstance("KioskBackend", "FilmParts")
        assert isinstance(film_parts, FilmParts)
        film_parts.films = self.films
        self.staff = staff
        self._fixed_timeouts = timeouts
        exhibition, problems = _split(result)
        self.store = ExhibitionStore(self)
        self.visit = Visit(self._shape(exhibition), self._timeouts(exhibition), clock)
        self.navigator = Navigator(self.visit, self.store, self)
        self.memory = MemoryTrimmer(self.visit, parent=self)
        self.chapters = ChapterModel(self)
        self.panels = PanelModel(self)
        self.languages = LanguageModel(self)
        self.attract = AttractModel(self)
        self.invitations = InvitationModel(self)
        # ``sound`` makes the listen control's player (tests hear through a tap); ``speech_folder``
        # overrides speech/ in the media folder.
        self.access = Access(self.visit, self.store, player_factory=sound, speech_folder=speech_folder, parent=self)
        self.navigator.languageChanged.connect(self._language_changed)
        self.navigator.chapterChanged.connect(self._chapter_changed)
        self._set(exhibition, problems)
        # The staff parts are given only when there: QML cannot set a typed property to None.
        staff_parts = {"staff": staff, "schedule": schedule, "reload": reload}
        self.engine.setInitialProperties(
            {
                "store": self.store,
                "navigator": self.navigator,
                "chapters": self.chapters,
                "panels": self.panels,
                "languages": self.languages,
                "attract": self.attract,
                "invitations": self.invitations,
                "access": self.access,
                "width": size[0],
                "height": size[1],
                **{name: part for name, part in staff_parts.items() if part is not None},
            }
        )
        self.engine.loadFromModule("Kiosk", "Main")
        roots = self.engine.rootObjects()
        if not roots or not isinstance(roots[0], QQuickWindow):
            raise RuntimeError("Main.qml did not load; see the QML errors above")
        self.window: QQuickWindow = roots[0]
        # From QML's Screen.pixelDensity, not from window.screen(): with PySide6 6.11 the Python
        # wrapper that call returns was garbage-collected *with* the QScreen (gdb: ~QScreen from
        # shiboken's dealloc), and the next window crashed. Never hold a QScreen from Python here.
        px_per_mm = float(self.window.property("pixelsPerMm") or 3.78)
        judge = TouchJudge(touch_limits, px_per_mm=px_per_mm)
        clock_ms = {"now_ms": touch_clock_ms} if touch_clock_ms else {}
        self.guard = TouchGuard(
            self.window,
            self.navigator,
            judge,
            passthrough=self._in_staff_corner,
            pressed=self.access.touched,
            **clock_ms,
        )
        # Keys for every action; not while staff use the overlay (its PIN pad takes the digits).
        self.keypad = Keypad(self.access.press, enabled=self._visitor_keys, parent=self)
        self.window.installEventFilter(self.keypad)

    def _visitor_keys(self) -> bool:
        stage = self.staff.property("stage") if self.staff is not None else None
        return stage in (None, "", "closed")

    def _in_staff_corner(self, x: float, y: float) -> bool:
        zone = self._find_item("staffHotZone")
        if zone is None or not zone.isEnabled():
            return False
        return zone.contains(zone.mapFromScene(QPointF(x, y)))

    def _find_item(self, name: str) -> QQuickItem | None:
        return find_item(self.window.contentItem(), name)

    # --- public API ------------------------------------------------------------------------
    def add_listener(self, listener: VisitListener) -> Any:
        """Receive every visit event (analytics); returns a function that unsubscribes."""
        return self.visit.add_listener(listener)

    def apply_exhibition(self, result: LoadResultLike | Exhibition | None) -> bool:
        """Show a reloaded exhibition in place of the current one, keeping the visitor's place.

        A result without an exhibition (a fatal load error) is refused and the current one
        stays on screen: a typo in the YAML must never take the booth down. Returns whether
        the new exhibition was applied.
        """
        exhibition, problems = _split(result)
        if exhibition is None and self.store.exhibition is not None:
            log.warning("reload refused, the exhibition on screen stays: %s", "; ".join(problems))
            return False
        # Staff may have replaced a broken file: the new exhibition's files are tried (and a file
        # still broken is logged) once more.
        broken_media.forget()
        self.navigator.set_timeouts(self._timeouts(exhibition))
        self.visit.replace_shape(self._shape(exhibition))
        self._set(exhibition, problems)
        return True

    def set_timeouts(self, timeouts: Timeouts) -> None:
        """Idle timeout, countdown and tap gap from now on (instead of the exhibition's)."""
        self._fixed_timeouts = timeouts
        self.navigator.set_timeouts(timeouts)
        self.navigator.touch()

    def close(self) -> None:
        """Close the window, then drop the QML scene, then its engine, before the view models."""
        self.window.close()
        self.access.shutdown()
        # The scene goes while its engine lives, with every item it let go for later (a view's
        # delegates are deleted at the next turn of the loop). A panel still being built (an
        # asynchronous Loader) reports to its engine when it dies: after the engine, it wrote to
        # freed memory, and a later window crashed. The touch guard is the window's child.
        self.window.deleteLater()
        for _ in range(_DELETION_ROUNDS):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.engine.deleteLater()
        # Now, not at a later turn of an event loop that may never come (kiosk run closes after
        # app.exec() returned): the engine must be gone before the objects its bindings read.
        QCoreApplication.sendPostedEvents(self.engine, QEvent.Type.DeferredDelete)

    def show(self, *, fullscreen: bool, size: QSize | None = None, screen_index: int | None = None) -> None:
        screens = QGuiApplication.screens()
        if screen_index is not None and 0 <= screen_index < len(screens):
            self.window.setScreen(screens[screen_index])
            self.window.setGeometry(screens[screen_index].geometry())
        if size is not None:
            self.window.resize(size)
        if fullscreen:
            self.window.showFullScreen()
        else:
            self.window.show()

    # --- wiring ----------------------------------------------------------------------------
    def _timeouts(self, exhibition: Exhibition | None) -> Timeouts:
        if self._fixed_timeouts is not None:
            return self._fixed_timeouts
        if exhibition is None:
            return Timeouts()
        attract = exhibition.attract
        return replace(Timeouts(), idle=attract.idle_timeout.seconds, countdown=attract.countdown.seconds)

    @staticmethod
    def _shape(exhibition: Exhibition | None) -> VisitShape:
        if exhibition is None:
            return VisitShape(("en",), ())
        return VisitShape.of(exhibition)

    def _set(self, exhibition: Exhibition | None, problems: list[str]) -> None:
        self.store.set_exhibition(exhibition, problems)
        language = self.visit.state.language
        languages = exhibition.languages if exhibition else ("en",)
        self.chapters.set_rows(exhibition.chapters if exhibition else (), language, languages)
        self.languages.set_rows(languages, language, languages)
        self.attract.set_rows(attract_panels(exhibition) if exhibition else (), language, languages)
        if exhibition is not None:
            self.invitations.invitation = exhibition.attract.invitation
        self.invitations.set_rows(languages, language, languages)
        self._chapter_changed()

    def _language_changed(self) -> None:
        language = self.visit.state.language
        for model in (self.chapters, self.panels, self.languages):
            model.set_language(language)

    def _chapter_changed(self) -> None:
        exhibition, state = self.store.exhibition, self.visit.state
        panels = exhibition.chapters[state.chapter].panels if exhibition and state.chapter >= 0 else ()
        languages = exhibition.languages if exhibition else ("en",)
        self.panels.set_rows(panels, state.language, languages)
