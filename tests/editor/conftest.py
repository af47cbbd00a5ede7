"""Exhibitions to edit, copied to temporary folders: the tests never write to the repository's files."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "config" / "exhibition.yaml"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform cannot parent a native window into a widget (the preview's container)
    # and says so once per window; under a real display there is no such message.
    for item in items:
        if "tests/editor" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore("This plugin does not support"))


@pytest.fixture
def bundled_copy(tmp_path: Path) -> Path:
    """The bundled exhibition in a temporary config/ folder, its media/ beside it (linked, read only)."""
    config = tmp_path / "config"
    config.mkdir()
    shutil.copy2(BUNDLED, config / "exhibition.yaml")
    (tmp_path / "media").symlink_to(ROOT / "media", target_is_directory=True)
    return config / "exhibition.yaml"


@pytest.fixture
def starter_copy(tmp_path: Path) -> Path:
    """A new exhibition made as ``kiosk new`` makes it (its own media folder, writable)."""
    from kiosk.new_exhibition import create_exhibition

    return create_exhibition(tmp_path / "starter")


@pytest.fixture
def editor(qtbot, tmp_path: Path) -> Iterator:  # type: ignore[no-untyped-def]
    """A factory: ``editor(path)`` opens an EditorWindow on ``path``; every window is closed after the test."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from kiosk.editor.window import EditorWindow

    windows: list[EditorWindow] = []

    def make(path: Path | None, **options: object) -> EditorWindow:
        settings = QSettings(str(tmp_path / "kiosk-edit.ini"), QSettings.Format.IniFormat)
        window = EditorWindow(
            path,
            check_delay_ms=int(options.pop("check_delay_ms", 50)),  # type: ignore[arg-type]
            settings=settings,
            **options,
        )
        window.confirm = lambda: QMessageBox.StandardButton.Discard
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.confirm = lambda: QMessageBox.StandardButton.Discard
        window.close()
