"""The doctor's probe: facts only a live libVLC and a live Qt can tell, gathered in a child process.

``kiosk doctor`` runs this in a separate process (``kiosk doctor --probe``) because Qt aborts the
whole process when it cannot reach the display, and a broken libVLC plugin can crash it: the
doctor must still print its report then. Each section is printed as one JSON line as soon as it
is known, so a crash in the Qt part still leaves the libVLC facts.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

GL_RENDERER = 0x1F01
GL_VERSION = 0x1F02


def _plain(value: Any) -> Any:
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _plain(dataclasses.asdict(value))
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def vlc_facts() -> dict[str, Any]:
    """What the video engine's ``probe()`` reports, plus where the bundle told python-vlc to look."""
    env = {
        key: os.environ[key]
        for key in ("PYTHON_VLC_LIB_PATH", "PYTHON_VLC_MODULE_PATH", "VLC_PLUGIN_PATH")
        if key in os.environ
    }
    facts: dict[str, Any] = {"env": env, "bundle_root": getattr(sys, "_MEIPASS", None)}
    try:
        from kiosk.video import vlc_engine
    except ModuleNotFoundError as error:
        if error.name and error.name.startswith("kiosk.video"):
            facts["engine_missing"] = True
            return facts
        facts["error"] = f"{type(error).__name__}: {error}"
        return facts
    except Exception as error:  # a libVLC that cannot load must become a finding, not a traceback
        facts["error"] = f"{type(error).__name__}: {error}"
        return facts
    try:
        info = vlc_engine.probe()
    except Exception as error:
        facts["error"] = f"{type(error).__name__}: {error}"
        return facts
    probe = _plain(info)
    facts["probe"] = probe if isinstance(probe, dict) else {"value": probe}
    return facts


def qt_facts(font_request: Mapping[str, Any], timeout_s: float = 10.0) -> dict[str, Any]:
    from PySide6.QtCore import QEventLoop, Qt, QTimer, qVersion
    from PySide6.QtGui import QFontDatabase, QGuiApplication, QInputDevice

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0] if sys.argv else "kiosk"])
    assert isinstance(app, QGuiApplication)
    facts: dict[str, Any] = {"platform": app.platformName(), "qt_version": qVersion()}
    facts["screens"] = [
        {
            "name": screen.name(),
            "width": screen.size().width(),
            "height": screen.size().height(),
            "pixel_ratio": screen.devicePixelRatio(),
            "physical_mm": [round(screen.physicalSize().width()), round(screen.physicalSize().height())],
            "refresh_hz": round(screen.refreshRate(), 1),
            "primary": screen == app.primaryScreen(),
        }
        for screen in app.screens()
    ]
    facts["input_devices"] = [
        {"name": device.name(), "type": device.type().name, "seat": device.seatName()}
        for device in QInputDevice.devices()
    ]
    facts["scene_graph"] = _scene_graph(app, timeout_s, QEventLoop, QTimer, Qt)
    facts["fonts"] = _fonts(font_request, QFontDatabase)
    return facts


def _scene_graph(app: Any, timeout_s: float, QEventLoop: Any, QTimer: Any, Qt: Any) -> dict[str, Any]:
    """Render one frame in a small window and say which graphics stack drew it."""
    from PySide6.QtGui import QOpenGLContext
    from PySide6.QtQuick import QQuickWindow

    window = QQuickWindow()
    window.setFlag(Qt.WindowType.FramelessWindowHint)
    window.resize(64, 64)
    facts: dict[str, Any] = {"rendered": False}

    def after_rendering() -> None:  # render thread, OpenGL context current
        context = QOpenGLContext.currentContext()
        if context is not None and "gl_renderer" not in facts:
            functions = context.functions()
            facts["gl_renderer"] = _plain(functions.glGetString(GL_RENDERER))
            facts["gl_version"] = _plain(functions.glGetString(GL_VERSION))

    window.afterRendering.connect(after_rendering, Qt.ConnectionType.DirectConnection)
    loop = QEventLoop()
    started = time.monotonic()

    def swapped() -> None:
        facts["rendered"] = True
        facts["first_frame_ms"] = round((time.monotonic() - started) * 1000)
        loop.quit()

    window.frameSwapped.connect(swapped, Qt.ConnectionType.QueuedConnection)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    window.show()
    loop.exec()
    interface = window.rendererInterface()
    if interface is not None:
        facts["graphics_api"] = interface.graphicsApi().name
    rhi = window.rhi()  # None on the software scene graph
    if rhi is not None:
        from kiosk.ui.video.i420_rhi_node import device_name, on_the_cpu, takes_i420

        info = rhi.driverInfo()
        facts["device"] = device_name(info)
        facts["device_on_cpu"] = on_the_cpu(info)
        facts["films_as_planes"] = takes_i420(window)  # what a film's frames would go to this card as
    facts["backend"] = QQuickWindow.sceneGraphBackend() or "default"
    window.hide()
    window.deleteLater()
    app.processEvents()
    return facts


def _fonts(request: Mapping[str, Any], QFontDatabase: Any) -> dict[str, Any]:
    """Per language: is the theme's font installed, and can some installed font draw every character?"""
    from PySide6.QtGui import QFont, QFontInfo, QRawFont

    families = QFontDatabase.families()
    lowered = {family.lower(): family for family in families}
    raw_cache: dict[str, Any] = {}

    def supports(family: str, char: str) -> bool:
        if family not in raw_cache:
            raw_cache[family] = QRawFont.fromFont(QFont(family))
        return bool(raw_cache[family].supportsCharacter(ord(char)))  # a str would be taken as QChar 0

    result: dict[str, Any] = {"installed_families": len(families)}
    for language, wanted in request.items():
        requested = list(wanted.get("fonts", []))
        installed = [lowered[name.lower()] for name in requested if name.lower() in lowered]
        primary = installed[0] if installed else QFontInfo(QFont(requested[0] if requested else "")).family()
        chars = str(wanted.get("characters", ""))
        outside = [char for char in chars if not supports(primary, char)]
        uncovered = [char for char in outside if not any(supports(family, char) for family in families)]
        fallbacks = sorted({family for char in outside for family in families if supports(family, char)})[:5]
        result[language] = {
            "name": wanted.get("name", language),
            "requested": requested,
            "installed": installed,
            "primary": primary,
            "characters": len(chars),
            "outside_primary": "".join(outside),
            "uncovered": "".join(uncovered),
            "fallback_families": fallbacks,
        }
    return result


def main(font_request: Mapping[str, Any]) -> int:
    """Print the libVLC section, then the Qt section, one JSON line each."""
    print(json.dumps({"section": "vlc", "facts": vlc_facts()}), flush=True)
    print(json.dumps({"section": "qt", "facts": qt_facts(font_request)}, ensure_ascii=False), flush=True)
    return 0
