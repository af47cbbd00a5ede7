"""The Qt side of video: the frame mailbox, the VideoFrame item, the ExcerptPlayer view model."""

from __future__ import annotations


def register_qml_types() -> None:
    """Import the @QmlElement modules so that ``import KioskBackend`` finds them."""
    from kiosk.ui import media_problems  # noqa: F401  (VideoPlayer's poster asks it)
    from kiosk.ui.video import excerpt_player, frame_item, parts  # noqa: F401
