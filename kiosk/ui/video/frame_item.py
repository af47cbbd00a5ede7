"""The item that shows an excerpt's frames inside the Qt Quick scene.

An item of our own, whose scene-graph node draws the latest frame, works with every scene graph
backend: the software one used offscreen and under Xvfb (where a QVideoSink-fed VideoOutput stays
black) and a graphics card's. An RGB frame is a texture; an I420 frame is converted where it is
drawn: into the window's image by the software scene graph (yuv_node.py), by the card from its
three planes (i420_rhi_node.py). Captions, controls and fades are ordinary QML items drawn above it.
"""

from __future__ import annotations

import contextlib

import shiboken6
from PySide6.QtCore import Property, QRectF, Signal, Slot
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtQml import QmlElement
from PySide6.QtQuick import (
    QQuickItem,
    QQuickWindow,
    QSGNode,
    QSGRendererInterface,
    QSGSimpleTextureNode,
    QSGTexture,
)

from kiosk.ui.lifetime import free_state_when_destroyed
from kiosk.ui.qmltypes import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, QmlUncreatable  # noqa: F401  (read by @QmlElement)
from kiosk.ui.video.excerpt_player import ExcerptPlayer
from kiosk.ui.video.i420_rhi_node import I420RhiNode, takes_i420
from kiosk.ui.video.yuv_node import DrawCounts, YuvFrameNode
from kiosk.video import swscale
from kiosk.video.engine import Frame, PixelFormat
from kiosk.video.swscale import Converter


def fitted(aspect: float, box: QRectF) -> QRectF:
    """The largest rectangle of shape ``aspect`` (width / height) centred in ``box``."""
    if aspect <= 0 or box.isEmpty():
        return QRectF()
    w = min(box.width(), box.height() * aspect)
    h = w / aspect
    return QRectF(box.x() + (box.width() - w) / 2, box.y() + (box.height() - h) / 2, w, h)


def _delete(node: QSGNode | None) -> None:
    """Delete the node an item no longer returns from updatePaintNode. Qt leaves that to the item
    (QQuickImage deletes its own): a node replaced and not deleted stays in the item's subtree,
    drawn beneath the new one, with the picture it holds (seen with Qt 6.11: each node an item
    returned in turn stayed a child of the item's node)."""
    if node is not None:
        if isinstance(node, YuvFrameNode | I420RhiNode):
            node.frame = None
        if isinstance(node, I420RhiNode):
            node.releaseResources()  # its textures and pipeline: Qt calls this only as the scene graph goes
        shiboken6.delete(node)


def _hand_to(node: QSGSimpleTextureNode, texture: QSGTexture) -> None:
    """Give ``texture`` to ``node``, which owns it (and deletes the one it replaces), and let go of
    its Python wrapper. PySide6 makes the window the wrapper's parent when the window creates a
    texture, so every RGB frame's wrapper stayed as long as the window did, pointing at a texture
    the node had long deleted (the long soak found them: 11,269 more objects in 10,000 navigations).
    Unparented and invalidated, the wrapper goes with this call and the texture stays the node's."""
    node.setOwnsTexture(True)
    node.setTexture(texture)
    texture.setParent(None)  # no QObject parent in C++ either: only the wrapper's link goes
    shiboken6.invalidate(texture)  # so that the wrapper, now Python's, does not delete it


@QmlElement
@QmlUncreatable("VideoFrame comes from FilmParts.frame(host): see kiosk/ui/video/parts.py")
class VideoFrame(QQuickItem):
    """Shows the latest frame of its ``player`` (an ExcerptPlayer), aspect-fitted, as a texture of
    the scene graph: no painting pass of its own (a QQuickPaintedItem drew every frame into an
    image of its own before the scene graph drew that image), and on a graphics card the frame
    goes to the GPU as it is."""

    playerChanged = Signal()
    #: The picture is off the scene graph and nothing here holds its buffer any more (emitted in
    #: the scene graph's sync, on the render thread where there is one: the player hands what
    #: follows to the UI thread).
    pictureReleased = Signal()

    def __init__(self, parent: QQuickItem | None = None) -> None:
        super().__init__(parent)
        self._player: ExcerptPlayer | None = None
        self._frame: Frame | None = None
        self._image: QImage | None = None
        self._aspect = 16 / 9
        free_state_when_destroyed(self)
        self.frames_painted = 0  # counted on the render thread: a plain counter
        self._new_image = False
        # The frame whose pixels the texture on screen holds: kept until the next frame replaces
        # it in the scene graph, so that its pooled buffer is not written while it is drawn.
        self._frame_drawn: Frame | None = None
        # The image the texture on screen was made from, held here as long as the texture may
        # hold its copy: the image borrows the frame's bytes, and the last copy to go calls back
        # into Python (PySide's release of the borrowed buffer). Held here, that last copy is
        # always this one, dropped with the interpreter's lock held. Left to the texture, it
        # went on the render thread, which then waited for that lock: when the window closed
        # (the UI thread waiting for the render thread, the lock held), the process hung. Seen on
        # the OpenGL scene graph, with a gdb backtrace of each thread (docs/decisions/0071).
        self._image_drawn: QImage | None = None
        self._window: QQuickWindow | None = None
        self._converter: Converter | None = None  # I420 to RGB32 where the scene graph takes RGB only
        self.yuv_draws = DrawCounts()  # how I420 frames were drawn
        self.setFlag(QQuickItem.Flag.ItemHasContents, True)

    def _get_player(self) -> ExcerptPlayer | None:
        return self._player

    def _set_player(self, player: ExcerptPlayer | None) -> None:
        if player is self._player:
            return
        if self._player is not None:
            with contextlib.suppress(RuntimeError):  # the player may be destroyed before this item
                self._player.frameChanged.disconnect(self._on_frame)
                self.pictureReleased.disconnect(self._player.picture_released)
        self._player = player
        if player is not None:
            player.frameChanged.connect(self._on_frame)
            self.pictureReleased.connect(player.picture_released)
        self.playerChanged.emit()

    player = Property(ExcerptPlayer, _get_player, _set_player, notify=playerChanged)

    @Slot()
    def _on_frame(self) -> None:
        player = self._player
        frame = player.current_frame() if player is not None else None
        if frame is self._frame:
            return
        if frame is None:
            # The player let go of its picture (ExcerptPlayer.rest): so does the scene graph,
            # at its next sync, where the node goes (updatePaintNode).
            self._image, self._frame = None, None
            self.update()
            return
        if frame.pixel_format is PixelFormat.I420 and self._yuv_node_type() is None:
            # A scene graph that takes RGB textures only: converted here, once a frame.
            self._converter = self._converter or Converter()
            frame = swscale.to_rgb32(frame, self._converter)
        # The QImage borrows the frame's bytes: keep the frame referenced with it (a pooled buffer
        # is written again once nothing holds it). The old image goes before the old frame. An
        # I420 frame has none: the software scene graph converts it where it draws it.
        image = (
            QImage(frame.data, frame.width, frame.height, frame.stride, QImage.Format.Format_RGB32)
            if frame.pixel_format is PixelFormat.RGB32
            else None
        )
        self._image, self._frame = image, frame
        self._aspect = (player.aspect() if player is not None else None) or frame.width / frame.height
        self._new_image = True
        self.update()

    def _scene_window(self) -> QQuickWindow | None:
        """The window this item is drawn in. Not ``self.window()``: in PySide6 6.11 the window that
        call returns is deleted with the item that asked (tests/video/test_frame_item_window.py),
        and the kiosk's own window went when a film panel went."""
        window = self._window
        if window is not None and shiboken6.isValid(window) and window.contentItem().isAncestorOf(self):
            return window
        self._window = None
        for candidate in QGuiApplication.topLevelWindows():
            if isinstance(candidate, QQuickWindow) and candidate.contentItem().isAncestorOf(self):
                self._window = candidate
        return self._window

    def _yuv_node_type(self) -> type[YuvFrameNode] | type[I420RhiNode] | None:
        """The node that draws I420 frames on this item's scene graph: the software one converts
        them where it draws them, a graphics card's (through the RHI) takes their planes as
        textures. None where neither can (a scene graph not yet up, a card without one-byte
        textures): the frame is converted to RGB first."""
        window = self._scene_window()
        if window is None:
            return None
        if window.rendererInterface().graphicsApi() == QSGRendererInterface.GraphicsApi.Software:
            return YuvFrameNode
        return I420RhiNode if takes_i420(window) else None

    def updatePaintNode(self, node: QSGNode | None, _data: object) -> QSGNode | None:  # type: ignore[override]
        # Called while the UI thread waits (the scene graph's sync step), on the render thread
        # where there is one. None: nothing to draw yet.
        frame, image, window = self._frame, self._image, self._scene_window()
        if frame is None and node is not None:
            self._drop_node(node)
            return None
        if frame is not None and frame.pixel_format is PixelFormat.I420 and window is not None:
            return self._update_yuv_node(node, frame, window)
        if image is None or window is None:
            return node
        if not isinstance(node, QSGSimpleTextureNode):
            _delete(node)
            node = QSGSimpleTextureNode()
            self._new_image = True
        if self._new_image:
            # The node owns its texture and deletes the one it replaces (PySide6 leaves the
            # texture to C++: without this, every frame's texture stayed, a gigabyte in seconds).
            _hand_to(node, window.createTextureFromImage(image))
            self._frame_drawn, self._image_drawn = self._frame, image
            self._new_image = False
            self.frames_painted += 1
        node.setFiltering(QSGTexture.Filtering.Linear if self.smooth() else QSGTexture.Filtering.Nearest)
        node.setRect(fitted(self._aspect, self.boundingRect()))
        return node

    def _drop_node(self, node: QSGNode) -> None:
        """No picture any more: the node goes, with the texture whose image borrowed the last
        picture's buffer, and nothing here holds that buffer: the player gives it back."""
        _delete(node)
        self._frame_drawn, self._image_drawn = None, None
        self._new_image = False
        self.pictureReleased.emit()

    def _update_yuv_node(self, node: QSGNode | None, frame: Frame, window: QQuickWindow) -> QSGNode:
        kind = self._yuv_node_type() or YuvFrameNode  # (_on_frame converts the frame when there is none)
        if type(node) is not kind:
            _delete(node)
            self._image_drawn = None  # after its texture (see __init__)
            node = kind(window, self.yuv_draws)
            self._new_image = True
        assert isinstance(node, YuvFrameNode | I420RhiNode)
        target = fitted(self._aspect, self.boundingRect())
        spare_w, spare_h = target.width() - frame.width, target.height() - frame.height
        if 0 <= spare_w < 3 and 0 <= spare_h < 3:
            # Frames are made at the player's size in even pixels: shown as they are, centred, not
            # stretched by a pixel or two (a pass of scaling for nothing, and no straight way).
            target = QRectF(target.x() + spare_w / 2, target.y() + spare_h / 2, frame.width, frame.height)
        if self._new_image or node.target != target:
            node.frame, node.target = frame, target
            node.markDirty(QSGNode.DirtyStateBit.DirtyMaterial | QSGNode.DirtyStateBit.DirtyGeometry)
            if self._new_image:
                self._frame_drawn = frame
                self._new_image = False
                self.frames_painted += 1
        return node
