"""The Qt side: view models QML sees (module ``KioskBackend`` 1.0) and the wiring of the window.

Importing this package does not import Qt; :func:`register_qml_types` does, when the app starts.
"""

from __future__ import annotations

QML_IMPORT_NAME = "KioskBackend"
QML_IMPORT_MAJOR_VERSION = 1


def register_qml_types() -> None:
    """Import every module that declares a ``@QmlElement``: registration happens at import."""
    from kiosk.ui import media_problems, navigator, store  # noqa: F401
    from kiosk.ui.models import attract, chapters, languages, panels, timeline  # noqa: F401

    # The video part (VideoPlayer.qml needs its ExcerptPlayer and VideoFrame types).
    try:
        from kiosk.ui.video import register_qml_types as register_video
    except ImportError:
        return
    register_video()
