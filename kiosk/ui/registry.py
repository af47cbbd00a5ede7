"""Every Python type QML sees, registered in one call before the scene loads.

``@QmlElement`` registers a class when its module is imported: :func:`register_qml_types`
imports each such module once. Main.qml and every component can then ``import KioskBackend``.
"""

from __future__ import annotations


def register_qml_types() -> None:
    """Import every module that declares a ``@QmlElement`` (registration happens at import)."""
    from kiosk.ui.lockdown import staff  # noqa: F401
    from kiosk.ui.staff_tools import reload, schedule  # noqa: F401
    from kiosk.ui.video import excerpt_player, frame_item, parts  # noqa: F401
    from kiosk.ui.viewmodels import (  # noqa: F401
        access,
        attract,
        chapters,
        languages,
        media_problems,
        navigator,
        panels,
        picture_sizes,
        store,
        timeline,
    )
