"""A small real scene for the video tests: real model objects, a store, VideoPlayer.qml."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType
from typing import Any

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QColor, QImage
from PySide6.QtQuick import QQuickItem, QQuickView

from kiosk import paths
from kiosk.model import (
    Attract,
    CaptionTrack,
    Chapter,
    Cue,
    Exhibition,
    ExhibitionInfo,
    Localized,
    MediaFile,
    Timecode,
    VideoPanel,
)
from kiosk.ui.video.coordinator import FilmCoordinator
from kiosk.ui.viewmodels.store import ExhibitionStore


def make_store(exhibition: Exhibition) -> ExhibitionStore:
    """The presentation's store, holding ``exhibition``."""
    store = ExhibitionStore()
    store.set_exhibition(exhibition, [])
    return store


def make_poster(folder: Path, color: str = "#3060C0", size: tuple[int, int] = (320, 180)) -> Path:
    path = folder / f"poster-{color.strip('#')}-{size[0]}x{size[1]}.png"
    if not path.exists():
        image = QImage(size[0], size[1], QImage.Format.Format_RGB32)
        image.fill(QColor(color))
        image.save(str(path))
    return path


def video_panel(
    film: Path,
    poster: Path,
    start_ms: int,
    end_ms: int,
    *,
    panel_id: str = "excerpt",
    captions: dict[str, list[Cue]] | None = None,
    volume: int = 80,
) -> VideoPanel:
    tracks = {
        lang: CaptionTrack(MediaFile(f"captions/{lang}.srt", film.with_suffix(f".{lang}.srt")), tuple(cues))
        for lang, cues in (captions or {}).items()
    }
    return VideoPanel(
        id=panel_id,
        src=MediaFile(film.name, film, None if film.exists() else "missing"),
        start=Timecode(start_ms),
        end=Timecode(end_ms),
        poster=MediaFile(poster.name, poster),
        captions=MappingProxyType(tracks),
        volume=volume,
    )


def exhibition_with(*panels: Any) -> Exhibition:
    return Exhibition(
        exhibition=ExhibitionInfo(id="test", title=Localized.of("Test"), languages=("fr", "en", "ar")),
        attract=Attract(items=(panels[0].id,), invitation=Localized.of("Touch")),
        chapters=(Chapter(id="one", title=Localized.of("One"), panels=tuple(panels)),),
    )


def open_player(
    store: ExhibitionStore,
    panel_id: str,
    language: str = "en",
    *,
    attract: bool = False,
    size: tuple[int, int] = (640, 360),
    films: FilmCoordinator | None = None,
) -> QQuickView:
    """VideoPlayer.qml as the root of a view (loaded by file: the qmldir is the presentation's);
    ``films`` gives its player another coordinator (another engine)."""
    from kiosk.ui.registry import register_qml_types
    from kiosk.ui.video.parts import FilmParts

    register_qml_types()
    view = QQuickView()
    view.engine().addImportPath(str(paths.qml_import_dir()))
    if films is not None:
        parts = view.engine().singletonInstance("KioskBackend", "FilmParts")
        assert isinstance(parts, FilmParts)
        parts.films = films
    view.setInitialProperties({"store": store, "panelId": panel_id, "language": language, "attract": attract})
    view.setResizeMode(QQuickView.ResizeMode.SizeRootObjectToView)
    view.resize(*size)
    view.setSource(QUrl.fromLocalFile(str(paths.qml_import_dir() / "Kiosk" / "VideoPlayer.qml")))
    if view.status() != QQuickView.Status.Ready:
        raise RuntimeError(str([e.toString() for e in view.errors()]))
    return view


def find(view: QQuickView, name: str) -> Any:
    root = view.rootObject()
    if root.objectName() == name:
        return root
    found = root.findChild(QObject, name)
    if found is None:
        raise LookupError(name)
    return found


def item(view: QQuickView, name: str) -> QQuickItem:
    found = find(view, name)
    assert isinstance(found, QQuickItem)
    return found
