"""``PictureSizes``: the QML singleton that tells a picture's own size before it is decoded.

A full-screen picture that zooms is decoded at the size it shows at full zoom, so that the zoom
stays sharp. A picture smaller than that gains nothing from being decoded larger: Qt would scale
it up on the loader thread (a portrait of 1080x1350 became 2151x2689, four times the pixels and
the time), and the attract loop's first picture waited behind it. Reading a picture's header
tells its size in well under a millisecond; QML then asks for no more than the picture has.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSize, Slot
from PySide6.QtGui import QImageReader
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk import broken_media
from kiosk.ui.qmltypes import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "PictureSizes"]


@QmlElement
@QmlSingleton
class PictureSizes(QObject):
    """``of(url)``: the picture's size in pixels, as stored; an invalid size when unknown or when
    the picture has no size of its own (a drawing, SVG, is drawn sharp at any size)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sizes: dict[str, QSize] = {}

    @Slot(str, result=QSize)
    def of(self, url: str) -> QSize:
        path = broken_media.url_path(url)
        if not path:
            return QSize()
        if path not in self._sizes:
            reader = QImageReader(path)
            scalable = bytes(reader.format().data()).lower() in {b"svg", b"svgz"}
            # As stored: QML's Image does not turn a photo by its EXIF tag unless told to.
            self._sizes[path] = QSize() if scalable else reader.size()
        return self._sizes[path]
