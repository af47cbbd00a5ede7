"""Picking an excerpt to the exact frame, on the kiosk's own playback (libVLC through kiosk.video).

The frame on screen is always one the kiosk itself would show: to show frame ``n`` the picker
prepares an excerpt starting at that frame, exactly as the booth prepares one (a lead-in, then the
frame gate holds the first frame, paused). So the start staff mark with I is, by construction, the
first frame visitors will see. Stepping costs a preparation (under a second); playing streams frames
labelled by the kiosk's clock. Keys follow video editors: Left/Right one frame, Shift+Left/Right one
second, Space or L play, K pause, J back one second, I/O mark start/end, Shift+I/Shift+O go to them,
Home/End the film's ends.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSlider, QVBoxLayout, QWidget
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from kiosk.editor.edits import SetValue
from kiosk.editor.frames import DEFAULT_FPS, frame_at, start_of, timecode_of
from kiosk.editor.i18n import tr
from kiosk.ui.relay import QtThreadRelay
from kiosk.ui.video.mailbox import FrameMailbox
from kiosk.video import swscale
from kiosk.video.engine import Excerpt, Frame, VideoEngine
from kiosk.video.playback import ExcerptPlayback, PlaybackObserver, PlayerState

log = logging.getLogger(__name__)
#: Preparations of one frame before the picker concludes the kiosk cannot start on it.
MAX_TRIES = 2
#: The picture size the picker asks of libVLC: enough to judge a frame, cheap to decode.
PICKER_SIZE = (960, 540)


class _Observer(PlaybackObserver):
    """Hears one playback; what comes late from an earlier one (a frame, a state) is dropped."""

    def __init__(self, picker: ExcerptPicker, token: int) -> None:
        self.picker = picker
        self.token = token

    def _current(self) -> bool:
        return self.token == self.picker._token

    def frame_ready(self, frame: Frame) -> None:  # libVLC's video thread: hand over, nothing more
        if self._current():
            self.picker.mailbox.put(frame)

    def state_changed(self, state: PlayerState) -> None:
        if self._current():
            self.picker.state_changed.emit(state.value)

    def failed(self, message: str) -> None:
        if self._current():
            self.picker.failed.emit(message)


class ExcerptPicker(QWidget):
    """The film of the selected video panel, one frame at a time; writes start and end through ``submit``."""

    frame_shown = Signal(int)
    state_changed = Signal(str)
    failed = Signal(str)
    _frame_arrived = Signal()

    def __init__(
        self,
        submit: Callable[[Any], None],
        *,
        engine_factory: Callable[[], VideoEngine] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("excerptPicker")
        self._submit = submit
        self._engine_factory = engine_factory
        self.engine: VideoEngine | None = None
        self.playback: ExcerptPlayback | None = None
        self.film: Path | None = None
        self.panel: tuple[Any, ...] = ()
        self.fps = DEFAULT_FPS
        self.length_ms: int | None = None
        self.frame = 0  # the frame asked for, or on screen once shown
        self.start_frame: int | None = None
        self.end_frame: int | None = None
        self.last_frame: Frame | None = None
        self._asked: int | None = None
        self._tries = 0
        self._token = 0  # which playback is current: late news from an earlier one is dropped
        self.ready = False
        self._relay = QtThreadRelay(self)
        self.mailbox = FrameMailbox(self._frame_arrived.emit)
        self._frame_arrived.connect(self._take_frame, Qt.ConnectionType.QueuedConnection)
        self.state_changed.connect(self._on_state)
        self.failed.connect(lambda message: self.note.setText(message))
        # The playback's own clock work (first-frame timeout, the end's fade) wants a tick now and then.
        self._ticker = QTimer(self, interval=33)
        self._ticker.timeout.connect(lambda: self.playback.tick() if self.playback is not None else None)
        self._build()

    # -- layout -----------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.picture = QLabel(tr("Select a video panel to pick its excerpt."))
        self.picture.setObjectName("excerptPicture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumSize(320, 180)
        self.picture.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.picture.setStyleSheet("background: #111; color: #ddd;")
        self.timecode = QLabel("—")
        self.timecode.setObjectName("excerptTimecode")
        self.timecode.setStyleSheet("font-family: monospace; font-size: 16px;")
        self.range_label = QLabel()
        self.range_label.setObjectName("excerptRange")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #8a4b00;")
        buttons = QHBoxLayout()
        for name, label, action in (
            ("back", "◀▮", lambda: self.step(-1)),
            ("play", tr("Play / pause"), self.toggle),
            ("forward", "▮▶", lambda: self.step(1)),
            ("markIn", tr("Start here (I)"), self.mark_start),
            ("markOut", tr("End here (O)"), self.mark_end),
            ("previewExcerpt", tr("Play the excerpt"), self.play_excerpt),
        ):
            button = QPushButton(label)
            button.setObjectName(f"excerpt:{name}")
            button.clicked.connect(action)
            buttons.addWidget(button)
        # The scrubber: dragging shows the timecode; the frame is prepared once the hand rests.
        self.scrubber = QSlider(Qt.Orientation.Horizontal)
        self.scrubber.setObjectName("excerptScrubber")
        self.scrubber.setRange(0, 0)
        self._scrub_rest = QTimer(self, singleShot=True, interval=150)
        self._scrub_rest.timeout.connect(lambda: self.go_to(frame_at(self.scrubber.value(), self.fps)))
        self.scrubber.sliderMoved.connect(self._scrubbed)
        column = QVBoxLayout(self)
        column.addWidget(self.picture, 1)
        column.addWidget(self.scrubber)
        row = QHBoxLayout()
        row.addWidget(self.timecode)
        row.addStretch(1)
        row.addWidget(self.range_label)
        column.addLayout(row)
        column.addLayout(buttons)
        column.addWidget(self.note)
        for keys, action in (
            ("Right", lambda: self.step(1)),
            ("Left", lambda: self.step(-1)),
            ("Shift+Right", lambda: self.step(round(self.fps))),
            ("Shift+Left", lambda: self.step(-round(self.fps))),
            ("Space", self.toggle),
            ("L", self.play),
            ("K", self.pause),
            ("J", lambda: self.step(-round(self.fps))),
            ("I", self.mark_start),
            ("O", self.mark_end),
            ("Shift+I", lambda: self.go_to(self.start_frame)),
            ("Shift+O", lambda: self.go_to(self.end_frame)),
            ("Home", lambda: self.go_to(0)),
            ("End", self._go_to_end),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    # -- the film -------------------------------------------------------------------------------------------
    def open_film(
        self, film: Path, panel: tuple[Any, ...], start_ms: int | None, end_ms: int | None, length_ms: int | None = None
    ) -> None:
        """Show ``film`` (the video panel at ``panel``) at its excerpt's start."""
        self.stop()
        self.film, self.panel, self.length_ms = film, panel, length_ms
        self.note.clear()
        self.set_range(start_ms, end_ms)
        known_end = length_ms or max(end_ms or 0, start_ms or 0) + 60_000
        self.scrubber.setRange(0, known_end)
        if not film.is_file():
            self.picture.setText(tr("The film {0} is not in the media folder.").format(film.name))
            return
        self.go_to(self.start_frame or 0)

    def _ensure_engine(self) -> VideoEngine | None:
        if self.engine is None:
            try:
                if self._engine_factory is not None:
                    self.engine = self._engine_factory()
                else:
                    from kiosk.ui.video.coordinator import vlc_engine

                    self.engine = vlc_engine(PICKER_SIZE)
            except RuntimeError as error:
                self.picture.setText(tr("Films cannot be played on this computer: {0}").format(error))
                return None
        return self.engine

    def _run(self, excerpt: Excerpt) -> ExcerptPlayback | None:
        engine = self._ensure_engine()
        if engine is None:
            return None
        if self.playback is not None:
            self.playback.stop()
        self._token += 1
        self.mailbox.clear()
        self.ready = False
        self.playback = ExcerptPlayback(engine, excerpt, _Observer(self, self._token), self._relay.run.emit, volume=0)
        self._ticker.start()
        return self.playback

    def go_to(self, frame: int | None) -> None:
        """Show ``frame`` exactly as the kiosk would show an excerpt starting there (paused)."""
        self._tries = 0
        self._prepare(frame)

    def _prepare(self, frame: int | None) -> None:
        if frame is None or self.film is None:
            return
        last = frame_at(self.length_ms, self.fps) - 1 if self.length_ms else None
        self.frame = max(0, frame if last is None else min(frame, last))
        self._asked = self.frame
        start = start_of(self.frame, self.fps)
        playback = self._run(Excerpt(self.film, start, start + 1000, audio=False))
        if playback is not None:
            self._show_timecode(pending=True)
            playback.prepare()

    def _scrubbed(self, ms: int) -> None:
        self.timecode.setText(f"{timecode_of(frame_at(ms, self.fps), self.fps)}  …")
        self._scrub_rest.start()

    def step(self, frames: int) -> None:
        self.pause()
        self.go_to(self.frame + frames)

    def _go_to_end(self) -> None:
        if self.length_ms:
            self.go_to(frame_at(self.length_ms, self.fps) - 1)

    def play(self) -> None:
        """Play on from the frame on screen (as the kiosk would from a start here, to the film's end)."""
        if self.film is None:
            return
        if self.playback is not None and self.playback.state in (PlayerState.PLAYING, PlayerState.LOADING):
            return
        start = start_of(self.frame, self.fps)
        end = self.length_ms or start + 3_600_000
        playback = self._run(Excerpt(self.film, start, max(end, start + 1), audio=True))
        if playback is not None:
            playback.play()

    def pause(self) -> None:
        if self.playback is not None and self.playback.state in (PlayerState.PLAYING, PlayerState.LOADING):
            self.playback.pause()

    def toggle(self) -> None:
        if self.playback is not None and self.playback.state in (PlayerState.PLAYING, PlayerState.LOADING):
            self.pause()
        else:
            self.play()

    def play_excerpt(self) -> None:
        """The excerpt from its start to its end, prepared then played: what visitors will see."""
        if self.film is None or self.start_frame is None or self.end_frame is None:
            return
        playback = self._run(
            Excerpt(self.film, start_of(self.start_frame, self.fps), start_of(self.end_frame, self.fps), audio=True)
        )
        if playback is not None:
            playback.prepare()
            playback.play()

    def stop(self) -> None:
        self._ticker.stop()
        if self.playback is not None:
            self.playback.stop()
            self.playback = None
        self.mailbox.clear()

    def close_film(self) -> None:
        self.stop()
        if self.engine is not None:
            release = getattr(self.engine, "release", None)
            if release is not None:
                release()
            self.engine = None

    # -- marks -----------------------------------------------------------------------------------------------
    def set_range(self, start_ms: int | None, end_ms: int | None) -> None:
        """The excerpt as the file now says (opened, marked, typed in the form, undone): what the
        range shows and what "play the excerpt" plays."""
        self.start_frame = frame_at(start_ms, self.fps) if start_ms is not None else None
        self.end_frame = frame_at(end_ms, self.fps) if end_ms is not None else None
        self._show_range()

    def mark_start(self) -> None:
        self._mark("start", self.frame)

    def mark_end(self) -> None:
        self._mark("end", self.frame)

    def _mark(self, key: str, frame: int) -> None:
        if not self.panel:
            return
        value = DoubleQuotedScalarString(timecode_of(frame, self.fps))
        # The window hands the new range back (set_range) once the file has it.
        self._submit(SetValue((*self.panel, key), value, label=tr("Excerpt {0} at {1}").format(key, value)))

    # -- what is on screen ------------------------------------------------------------------------------
    def _take_frame(self) -> None:
        frame = self.mailbox.take()
        if frame is None:
            return
        self.last_frame = frame
        # The kiosk's clock labels every frame it shows: the frame on screen is that one, even when
        # it is not the one asked for (libVLC cannot start on a film's very first frame, for one).
        shown = frame_at(frame.film_ms + 1000 / self.fps / 2, self.fps) if frame.film_ms > 0 else 0
        if self._asked is not None and shown != self._asked and self._tries < MAX_TRIES:
            # A busy machine can make libVLC's first clock come late and the start with it: try again
            # before telling staff the film itself cannot start there.
            asked, token, self._tries = self._asked, self._token, self._tries + 1
            self.ready = False
            # Unless staff asked for another frame meanwhile.
            QTimer.singleShot(0, lambda: self._prepare(asked) if token == self._token else None)
            return
        if self._asked is not None and shown != self._asked:
            self.note.setText(
                tr(
                    "The kiosk cannot start exactly at frame {0}: the nearest exact start is frame {1}, on screen now."
                ).format(self._asked, shown)
            )
        elif self._asked is not None:
            self.note.clear()
        self._asked = None
        self.frame = shown
        self.ready = True  # a frame of the current request is on screen
        picture = swscale.to_rgb32(frame)  # a large film's frame comes as I420
        image = QImage(bytes(picture.data), picture.width, picture.height, picture.stride, QImage.Format.Format_RGB32)
        pixmap = QPixmap.fromImage(image)
        self.picture.setPixmap(
            pixmap.scaled(
                self.picture.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )
        self._show_timecode()
        if not self.scrubber.isSliderDown():
            self.scrubber.blockSignals(True)
            self.scrubber.setValue(start_of(self.frame, self.fps))
            self.scrubber.blockSignals(False)
        self.frame_shown.emit(self.frame)

    def _on_state(self, state: str) -> None:
        if state == PlayerState.READY.value:
            engine_fps = self.engine.fps() if self.engine is not None else None
            if engine_fps and abs(engine_fps - self.fps) > 0.01:
                # The film's own rate is known now: the frames counted at the assumed rate keep their times.
                old, self.fps = self.fps, engine_fps
                self.frame = frame_at(start_of(self.frame, old), self.fps)
                if self.start_frame is not None:
                    self.start_frame = frame_at(start_of(self.start_frame, old), self.fps)
                if self.end_frame is not None:
                    self.end_frame = frame_at(start_of(self.end_frame, old), self.fps)
                self._show_range()
            self._show_timecode()

    def _show_timecode(self, *, pending: bool = False) -> None:
        text = f"{timecode_of(self.frame, self.fps)}   {tr('frame {0}').format(self.frame)}"
        self.timecode.setText(text + ("  …" if pending else ""))

    def _show_range(self) -> None:
        start = timecode_of(self.start_frame, self.fps) if self.start_frame is not None else "—"
        end = timecode_of(self.end_frame, self.fps) if self.end_frame is not None else "—"
        self.range_label.setText(tr("excerpt {0} → {1}").format(start, end))
        self.scrubber.setToolTip(self.range_label.text())
