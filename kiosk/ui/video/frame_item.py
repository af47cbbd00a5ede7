"""The item that shows an excerpt's frames inside the Qt Quick scene.

A QQuickPaintedItem works with every scene graph backend, including the software
one used offscreen and under Xvfb, where a QVideoSink-fed VideoOutput stays black.
Captions, controls and fades are ordinary QML items drawn above it.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Property, QRectF, Signal, Slot
from PySide6.QtGui import QImage, QPainter
from PySide6.QtQml import QmlElement
from PySide6.QtQuick import QQuickItem, QQuickPaintedItem

from kiosk.ui.lifetime import free_state_when_destroyed
from kiosk.ui.qmltypes import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, QmlUncreatable  # noqa: F401  (read by @QmlElement)
from kiosk.ui.video.excerpt_player import ExcerptPlayer
from kiosk.video.engine import Frame


def fitted(aspect: float, box: QRectF) -> QRectF:
    """The largest rectangle of shape ``aspect`` (width / height) centred in ``box``."""
    if aspect <= 0 or box.isEmpty():
        return QRectF()
    w = min(box.width(), box.height() * aspect)
    h = w / aspect
    return QRectF(box.x() + (box.width() - w) / 2, box.y() + (box.height() - h) / 2, w, h)


@QmlElement
@QmlUncreatable("VideoFrame comes from FilmParts.frame(host): see kiosk/ui/video/parts.py")
class VideoFrame(QQuickPaintedItem):
    """Paints the latest frame of its ``player`` (an ExcerptPlayer), aspect-fitted."""

    playerChanged = Signal()

    def __init__(self, parent: QQuickItem | None = None) -> None:
        super().__init__(parent)
        self._player: ExcerptPlayer | None = None
        self._frame: Frame | None = None
        self._image: QImage | None = None
        self._aspect = 16 / 9
        free_state_when_destroyed(self)
        self.frames_painted = 0  # paint() may run on the render thread: a plain counter
        self.setOpaquePainting(False)

    def _get_player(self) -> ExcerptPlayer | None:
        return self._player

    def _set_player(self, player: ExcerptPlayer | None) -> None:
        if player is self._player:
            return
        if self._player is not None:
            with contextlib.suppress(RuntimeError):  # the player may be destroyed before this item
                self._player.frameChanged.disconnect(self._on_frame)
        self._player = player
        if player is not None:
            player.frameChanged.connect(self._on_frame)
        self.playerChanged.emit()

    player = Property(ExcerptPlayer, _get_player, _set_player, notify=playerChanged)

    @Slot()
    def _on_frame(self) -> None:
        player = self._player
        frame = player.current_frame() if player is not None else None
        if frame is None or frame is self._frame:
            return
        # The QImage borrows the frame's bytes: keep the frame referenced with it (a pooled buffer
        # is written again once nothing holds it). The old image goes before the old frame.
        image = QImage(frame.data, frame.width, frame.height, frame.stride, QImage.Format.Format_RGB32)
        self._image, self._frame = image, frame
        self._aspect = (player.aspect() if player is not None else None) or frame.width / frame.height
        self.update()

    def paint(self, painter: QPainter) -> None:
        image = self._image
        if image is None:
            return
        target = fitted(self._aspect, self.boundingRect())
        if target.size().toSize() != image.size():
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, self.smooth())
        painter.drawImage(target, image)
        self.frames_painted += 1
