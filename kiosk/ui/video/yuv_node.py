"""An I420 frame drawn by the software scene graph, converted straight into the window's image.

The software scene graph draws into the window's own image (its backing store) with a QPainter.
A picture that came from libVLC as I420 (large films: kiosk/video/swscale.py) is converted by
libswscale right into that image, at the place and size it is shown: no RGB copy of the picture
is made or kept, which at 2160p is 32 MiB a picture.

Only what the scene graph asks to be drawn is written. It repaints regions, not whole items: the
picture's place minus what lies opaque above it (the film's control bar) or did not change. An
unscaled picture is converted rectangle by rectangle of that region (the few pixels at a
rectangle's odd edges through a small RGB image the painter copies). Whenever the direct way
would not draw exactly what the painter would (a scaled picture only partly repainted, the item
faded or turned by a transition, a painter that does not draw into a plain image), the picture
is converted into an RGB image of its own and drawn by the painter, clipped to the same region,
like any other image.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, cast

import shiboken6
from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QImage, QPainter, QRegion, QTransform
from PySide6.QtQuick import QQuickWindow, QSGRendererInterface, QSGRenderNode

from kiosk.video.engine import Frame
from kiosk.video.swscale import RUN_PIXELS, Converter, address_of, padded_width, writable

log = logging.getLogger(__name__)

#: Formats of the window's image libswscale's B,G,R,A output is right for as it is (its alpha 255).
_DIRECT_FORMATS = (QImage.Format.Format_RGB32, QImage.Format.Format_ARGB32_Premultiplied, QImage.Format.Format_ARGB32)
_MOVES = (QTransform.TransformationType.TxNone, QTransform.TransformationType.TxTranslate)
#: Rows of a faded picture converted at a time (even: two rows share their colour in I420).
BAND_ROWS = 64


def _address_of_pixels(image: QImage) -> int:
    """The address of an image's first pixel, without detaching it (see _draw_direct)."""
    void_ptr: Any = shiboken6.VoidPtr  # it takes any buffer; PySide6's stubs know an int alone
    return int(void_ptr(image.constBits()))


def _rects(region: QRegion) -> list[QRect]:
    """The rectangles a region is made of (PySide6 iterates a QRegion; its stubs do not know it)."""
    every: Any = region
    return list(every)


@dataclass(slots=True)
class DrawCounts:
    """How the I420 frames of a film were drawn: read by the benchmark and the tests."""

    direct: int = 0  # converted straight into the window's image
    painter: int = 0  # converted into an RGB image, drawn by the painter
    bands: int = 0  # of those, unscaled and only faded: a band of rows at a time
    uploads: int = 0  # frames sent to a graphics card as three planes (i420_rhi_node.py)
    gpu: int = 0  # draws of those by the graphics card


class YuvFrameNode(QSGRenderNode):
    """Draws one I420 frame into ``target`` (item coordinates) with the software scene graph."""

    def __init__(self, window: QQuickWindow, counts: DrawCounts) -> None:
        super().__init__()
        self._window = window
        self._counts = counts
        self._converter = Converter()
        self.frame: Frame | None = None
        self.target = QRectF()
        self._scratch: bytearray | None = None  # the RGB picture of the painter's way, while it is used

    # --- QSGRenderNode ------------------------------------------------------------------
    def flags(self) -> QSGRenderNode.RenderingFlag:  # type: ignore[override]
        return QSGRenderNode.RenderingFlag.BoundedRectRendering | QSGRenderNode.RenderingFlag.OpaqueRendering

    def rect(self) -> QRectF:
        return QRectF(self.target)

    def changedStates(self) -> QSGRenderNode.StateFlag:
        return QSGRenderNode.StateFlag(0)

    def render(self, state: QSGRenderNode.RenderState) -> None:
        frame = self.frame
        if frame is None or self.target.isEmpty() or not shiboken6.isValid(self._window):
            return
        resource = self._window.rendererInterface().getResource(
            self._window, QSGRendererInterface.Resource.PainterResource
        )
        address = int(resource) if resource is not None else 0  # a VoidPtr of size 0: never test it as a bool
        if not address:
            return
        painter = cast(QPainter, shiboken6.wrapInstance(address, QPainter))
        # What to repaint, in the window's pixels: the software scene graph sets no clip on the
        # painter for a render node, it says it here.
        clip = state.clipRegion() if state is not None else None
        try:
            if not self._draw_direct(painter, clip, frame):
                self._draw_with_painter(painter, clip, frame)
        except Exception:
            log.exception("drawing a video frame")

    def releaseResources(self) -> None:
        self._scratch = None

    # --- the two ways -------------------------------------------------------------------
    def _draw_direct(self, painter: QPainter, clip: QRegion | None, frame: Frame) -> bool:
        """Convert straight into the window's image, if that draws exactly what the painter would."""
        image = painter.device()
        if not isinstance(image, QImage) or image.format() not in _DIRECT_FORMATS:
            return False
        if image.devicePixelRatio() != 1.0 or self.inheritedOpacity() < 1.0 or painter.opacity() < 1.0:
            return False
        matrix = self.matrix()
        # A plain move only: no scale, turn or perspective (a transition's zoom takes the other way).
        if not matrix.isAffine() or matrix.toTransform().type() not in _MOVES or not painter.transform().isIdentity():
            return False
        mapped = matrix.mapRect(self.target)
        shown = QRect(round(mapped.x()), round(mapped.y()), round(mapped.width()), round(mapped.height()))
        if shown.isEmpty() or not image.rect().contains(shown):
            return False
        region = QRegion(shown) if clip is None else QRegion(shown).intersected(clip)
        rects = _rects(region)
        whole = len(rects) == 1 and rects[0] == shown
        unscaled = (shown.width(), shown.height()) == (frame.width, frame.height)
        # libswscale writes whole runs of pixels: a scaled picture goes straight in only whole and
        # a whole number of runs wide (else the painter's way, clipped); an unscaled one by parts.
        if not unscaled and not (whole and shown.width() % RUN_PIXELS == 0):
            return False
        # constBits: bits() would give an image whose pixels are shared (a Wayland buffer's) a copy
        # of its own, and the picture would go there, never to the screen.
        pixels = _address_of_pixels(image)
        stride = image.bytesPerLine()
        data = writable(frame.data)  # held until done
        source = address_of(data)
        if unscaled:
            for part in rects:
                self._draw_part(painter, source, frame, part.translated(-shown.x(), -shown.y()), shown, pixels, stride)
        else:
            target = pixels + shown.y() * stride + shown.x() * 4
            self._converter.convert(
                source, frame.plane_offsets, frame.plane_strides, (frame.width, frame.height),
                target, stride, (shown.width(), shown.height()),
            )  # fmt: skip
        self._scratch = None
        self._counts.direct += 1
        return True

    def _draw_part(
        self, painter: QPainter, source: int, frame: Frame, part: QRect, shown: QRect, pixels: int, stride: int
    ) -> None:
        """The ``part`` of an unscaled frame (in its pixels) into the window's image, where the frame
        is ``shown``. In I420 two pixels by two share their colour, and libswscale writes whole runs
        of pixels: the inside of a part that starts on an even pixel and is a whole number of runs
        wide goes straight into the image; its edges (a few pixels, beside translucent controls)
        through a small RGB image that the painter copies exactly."""
        inside = _even_inside(part)
        inside.setWidth(inside.width() // RUN_PIXELS * RUN_PIXELS)
        if not inside.isEmpty():
            at = inside.translated(shown.x(), shown.y())
            self._convert_part(source, frame, inside, pixels + at.y() * stride + at.x() * 4, stride)
        edges = QRegion(part).subtracted(QRegion(inside)) if not inside.isEmpty() else QRegion(part)
        for edge in _rects(edges):
            around = _even_outside(edge)
            line = padded_width(around.width()) * 4
            small = bytearray(line * around.height())
            self._convert_part(source, frame, around, address_of(small), line)
            image = QImage(small, around.width(), around.height(), line, QImage.Format.Format_RGB32)
            painter.drawImage(edge.translated(shown.x(), shown.y()), image, edge.translated(-around.x(), -around.y()))

    def _convert_part(self, source: int, frame: Frame, part: QRect, target: int, stride: int) -> None:
        """The ``part`` of an unscaled frame (frame pixels, even edges) to RGB32 at ``target``."""
        x, y = part.x(), part.y()
        y_off, u_off, v_off = frame.plane_offsets
        y_stride, u_stride, v_stride = frame.plane_strides
        offsets = (
            y_off + y * y_stride + x,
            u_off + (y // 2) * u_stride + x // 2,
            v_off + (y // 2) * v_stride + x // 2,
        )
        size = (part.width(), part.height())
        self._converter.convert(source, offsets, frame.plane_strides, size, target, stride, size)

    def _draw_with_painter(self, painter: QPainter, clip: QRegion | None, frame: Frame) -> None:
        if self._draw_in_bands(painter, clip, frame):
            return
        stride = padded_width(frame.width) * 4
        size = stride * frame.height
        if self._scratch is None or len(self._scratch) != size:
            self._scratch = bytearray(size)
        scratch = self._scratch
        data = writable(frame.data)  # held until done
        self._converter.convert(
            address_of(data), frame.plane_offsets, frame.plane_strides, (frame.width, frame.height),
            address_of(scratch), stride, (frame.width, frame.height),
        )  # fmt: skip
        picture = QImage(scratch, frame.width, frame.height, stride, QImage.Format.Format_RGB32)
        painter.save()
        try:
            if clip is not None:
                painter.setClipRegion(clip)  # in the window's pixels: before the transform
            painter.setTransform(self.matrix().toTransform(), True)
            painter.setOpacity(painter.opacity() * self.inheritedOpacity())
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            painter.drawImage(self.target, picture)
        finally:
            painter.restore()
        self._counts.painter += 1

    def _draw_in_bands(self, painter: QPainter, clip: QRegion | None, frame: Frame) -> bool:
        """An unscaled picture at whole pixels, only faded (the attract loop's dissolve): drawn a
        band of rows at a time through a small RGB image, not through one of the picture's size
        (32 MiB at 2160p, for the length of each dissolve). Each band lands on whole pixels, so
        the bands meet as the whole picture would."""
        transform = self.matrix().toTransform() * painter.transform()
        if transform.type() not in _MOVES or (self.target.width(), self.target.height()) != (frame.width, frame.height):
            return False
        at = transform.map(self.target.topLeft())
        x, y = round(at.x()), round(at.y())
        if abs(at.x() - x) > 1e-6 or abs(at.y() - y) > 1e-6:
            return False
        stride = padded_width(frame.width) * 4
        band = bytearray(stride * BAND_ROWS)
        data = writable(frame.data)  # held until done
        source = address_of(data)
        painter.save()
        try:
            painter.resetTransform()  # the bands are placed in the window's pixels
            if clip is not None:
                painter.setClipRegion(clip)
            painter.setOpacity(painter.opacity() * self.inheritedOpacity())
            for top in range(0, frame.height, BAND_ROWS):
                rows = min(BAND_ROWS, frame.height - top)
                part = QRect(0, top, frame.width, rows)
                if clip is not None and not clip.intersects(part.translated(x, y)):
                    continue
                self._convert_part(source, frame, part, address_of(band), stride)
                picture = QImage(band, frame.width, rows, stride, QImage.Format.Format_RGB32)
                painter.drawImage(x, y + top, picture)
        finally:
            painter.restore()
        self._scratch = None
        self._counts.painter += 1
        self._counts.bands += 1
        return True


def _even_inside(rect: QRect) -> QRect:
    """The largest rectangle inside ``rect`` whose edges fall on even pixels."""
    left, top = rect.x() + rect.x() % 2, rect.y() + rect.y() % 2
    right, bottom = (rect.x() + rect.width()) // 2 * 2, (rect.y() + rect.height()) // 2 * 2
    return QRect(left, top, max(0, right - left), max(0, bottom - top))


def _even_outside(rect: QRect) -> QRect:
    """The smallest rectangle around ``rect`` whose edges fall on even pixels."""
    left, top = rect.x() // 2 * 2, rect.y() // 2 * 2
    right, bottom = rect.x() + rect.width(), rect.y() + rect.height()
    return QRect(left, top, right + right % 2 - left, bottom + bottom % 2 - top)
