"""A picture only decoding shows to be broken is logged once per process, and shows its placeholder.

(The loader cannot see every damage: a PNG whose header is right but whose pixels are not.)
Qt warns at each decode of such a file; the kiosk asks Qt to decode it once only.
"""

from __future__ import annotations

import dataclasses
import struct
import zlib
from pathlib import Path
from typing import Any

import pytest

from kiosk import broken_media
from kiosk.model import Attract, Chapter, ImagePanel, Localized, MediaFile, TextPanel
from kiosk.model.timecode import Duration
from kiosk.ui.items import walk
from ui.driver import make_kiosk, shown
from ui.exhibition_factory import build_exhibition

L = Localized.of


def _bad_png(path: Path) -> None:
    """A PNG with a right header and checksums but pixel data that does not inflate."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 640, 480, 8, 2, 0, 0, 0)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", b"\x78\x9c" + bytes(range(256)) * 8)
        + chunk(b"IEND", b"")
    )


@pytest.mark.qt_log_level_fail("CRITICAL")  # Qt's one warning about the file is expected: counted below
def test_a_picture_that_fails_to_decode_is_logged_once(
    qtbot: Any, qtlog: Any, touch_device: Any, tmp_path: Path
) -> None:
    broken_media.forget()
    base = build_exhibition(tmp_path)
    bad = tmp_path / "images" / "bad-pixels.png"
    _bad_png(bad)
    chapter = Chapter(
        id="damaged",
        title=L("Damaged"),
        panels=(
            TextPanel(id="before", title=L("Before"), body=L("A text first.")),
            ImagePanel(id="bad", src=MediaFile("images/bad-pixels.png", bad), alt=L("bad")),
        ),
    )
    exhibition = dataclasses.replace(
        base,
        chapters=(chapter,),
        attract=Attract(
            items=("bad", "before"), invitation=L("Touch"), idle_timeout=Duration(90_000), item_duration=Duration(9_000)
        ),
    )
    kiosk = make_kiosk(qtbot, touch_device, exhibition)
    try:
        kiosk.wait_for("attractLoop")
        qtbot.wait(400)  # the loop's first item is the broken picture
        kiosk.tap_at(kiosk.centre(kiosk.find("attractLoop")))
        kiosk.wait_screen("home")
        qtbot.wait(400)  # taps just after waking are dropped
        for _ in range(2):
            kiosk.tap("chapterTile_0")
            kiosk.wait_screen("chapter")
            qtbot.wait(300)
            kiosk.tap("nextButton")
            qtbot.waitUntil(lambda: kiosk.navigator.panelIndex == 1)
            panel = kiosk.wait_for("panel_bad")
            qtbot.waitUntil(
                lambda panel=panel: any(item.objectName() == "mediaPlaceholder" and shown(item) for item in walk(panel))
            )
            qtbot.wait(200)
            kiosk.tap("homeButton")
            kiosk.wait_screen("home")
            qtbot.wait(300)
    finally:
        kiosk.app.close()
    mentions = [record.message for record in qtlog.records if "bad-pixels.png" in record.message]
    assert len(mentions) <= 1, mentions
    assert broken_media.is_known(bad)
