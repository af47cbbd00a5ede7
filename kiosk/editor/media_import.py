"""The window's side of bringing media in: pick a file, offer a resize, ask for the alt text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QMessageBox

from kiosk.editor.edits import SetValue
from kiosk.editor.i18n import tr
from kiosk.editor.media_files import SCREEN, MediaError, far_larger_than_screen, import_file, picture_size

_FILTERS = {
    "image": "Pictures (*.png *.jpg *.jpeg *.webp)",
    "video": "Films (*.mp4 *.mkv *.webm *.mov)",
    "captions": "Captions (*.srt *.vtt)",
}


def import_into(window: Any, path: tuple[Any, ...], kind: str, source: Path, *, resize: bool | None = None) -> bool:
    """Copy ``source`` into the media folder and name it at ``path``; ``resize`` None asks staff."""
    exhibition = window.exhibition
    if exhibition is None:
        return False
    try:
        if kind == "image" and resize is None and far_larger_than_screen(picture_size(source)):
            width, height = picture_size(source)
            answer = QMessageBox.question(
                window,
                tr("A very large picture"),
                tr(
                    "This picture is {0}×{1} pixels, far larger than the screen. Copy it resized to fit {2}×{3}?"
                ).format(width, height, *SCREEN),
            )
            resize = answer == QMessageBox.StandardButton.Yes
        imported = import_file(source, exhibition.media_root, kind, resize_to=SCREEN if resize else None)
    except MediaError as error:
        window.statusBar().showMessage(str(error))
        window.last_media_error = str(error)
        # Said where staff look, above the form, not only in the status bar's small print.
        banner = getattr(window, "banner", None)
        if banner is not None:
            banner.ask("media", str(error), [("understood", tr("Understood"), lambda: None)])
        return False
    window.submit(SetValue(path, imported.relative, label=tr("Use {0}").format(imported.relative)))
    window.media = None if window.media is None else type(window.media)(exhibition.media_root)
    if kind == "image" and path[-1] == "src":
        window.ask_alt_text(path[:-1])
    return True


def choose_and_import(window: Any, path: tuple[Any, ...], kind: str) -> None:
    # Opens in the exhibition's media folder, where its files are (not wherever the editor was started).
    exhibition = getattr(window, "exhibition", None)
    folder = str(exhibition.media_root) if exhibition is not None else ""
    name, _filter = QFileDialog.getOpenFileName(window, tr("Choose a file"), folder, _FILTERS.get(kind, ""))
    if name:
        import_into(window, path, kind, Path(name))
