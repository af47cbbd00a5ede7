"""The libVLC engine: the only module in the kiosk that imports ``vlc``.

Frames come out through libVLC's video callbacks (RV32, drawn into pooled buffers),
never through a native window, so the same code runs on X11, Wayland, Windows and
offscreen, and the kiosk draws captions, controls and fades above the picture.
Audio goes to the system's output. ``vlc`` is imported lazily: without libVLC the
kiosk still runs, and :func:`probe` says why video is off (``kiosk doctor`` uses it).

Facts this module relies on (measured, see docs/video.md):
* python-vlc declares the format callback's ``chroma`` read-only, so the format
  callbacks are declared here with ``c_void_p`` and set through ``vlc.dll``;
* every ctypes callback object must stay referenced while the player lives;
* python-vlc keeps one callback per event type, so one dispatcher serves them all;
* libVLC must never be called from one of its own callbacks (``stop()`` there
  deadlocks): the listener hands the work to the Qt thread.
"""

from __future__ import annotations

import atexit
import ctypes
import logging
import os
import re
import shlex
import sys
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from kiosk import switch_interval
from kiosk.video import swscale
from kiosk.video.engine import READ_AHEAD_MS, EngineEvent, EngineListener, Excerpt, Frame, PixelFormat
from kiosk.video.frame_pool import FramePool
from kiosk.video.mp4_samples import coded_size

log = logging.getLogger(__name__)

#: Options every kiosk instance gets: no on-screen text from VLC (the kiosk draws
#: captions itself), no subtitle files picked up beside the film, no statistics.
BASE_OPTIONS = (
    "--no-video-title-show",
    "--no-osd",
    "--no-spu",
    "--no-sub-autodetect-file",
    "--no-snapshot-preview",
    "--no-stats",
    "--quiet",
)
MIN_VERSION = (3, 0)

_lock = threading.RLock()
_extra_options: list[str] = []
_vlc: Any = None  # the module, once imported
_instance: Any = None
_probe: VlcProbe | None = None
_engines: weakref.WeakSet[VlcEngine] = weakref.WeakSet()
#: Pictures larger than this many pixels may come as I420 where libswscale is found (yuv_pays);
#: 1080p and smaller stay RGB32 (docs/decisions/0067).
YUV_ABOVE_PIXELS = 1920 * 1088
_yuv_above_pixels = YUV_ABOVE_PIXELS
#: How far ahead a prepared opening reads when its pictures will come as I420 (100 ms for the
#: others, kiosk/video/playback.py): libVLC keeps every picture it decoded ahead, 12 MiB each at
#: 2160p. Measured with I420 frames only, whose CPU is lower: RGB frames lost some at 50 ms.
#: 2160p film prepared, load of one busy core beside it, three runs each: 408-409 MiB at 50 ms
#: against 421-445 at 100, 30.0 fps in all (docs/decisions/0067).
LARGE_LEAD_IN_READ_AHEAD_MS = 50
#: Films up to this size decode on one thread when the gate counts their first pictures (a start
#: with no lead-in). With a thread per core, which pictures libVLC delivers first after an opening
#: varies with the threads' timing: with a Python thread busy beside, 7 starts of 40 came a frame
#: late (one of them two). On one thread, 40 of 40 exact, and 48 of 48 and 24 of 24 (1080p, 720p)
#: in the start benchmark (docs/decisions/0074).
#: Larger films keep their threads: one may not decode 2160p in time on a small booth machine.
ONE_THREAD_UP_TO_PIXELS = 1920 * 1088


@dataclass(frozen=True, slots=True)
class VlcProbe:
    """Whether libVLC is usable here, and where it was found."""

    available: bool
    version: str = ""
    library: str = ""
    plugins: str = ""
    codecs: bool = False
    error: str = ""

    def summary(self) -> str:
        if not self.available:
            return f"libVLC unavailable: {self.error}"
        note = "" if self.codecs else " (no avcodec plugin found: films may not decode)"
        return f"libVLC {self.version} from {self.library}, plugins in {self.plugins}{note}"


def configure(options: list[str] | tuple[str, ...]) -> None:
    """Extra libVLC options (tests pass ``--aout=adummy``); before the first player."""
    global _extra_options
    with _lock:
        if _instance is not None and list(options) != _extra_options:
            raise RuntimeError("libVLC is already running; configure it before the first player")
        _extra_options = list(options)


def deliver_yuv_above(pixels: int) -> None:
    """Pictures larger than ``pixels`` come as I420 from the next opening on (tests pass 0)."""
    global _yuv_above_pixels
    _yuv_above_pixels = int(pixels)


def decoder_threads() -> int:
    """Threads for libVLC's video decoder: one per core the kiosk may run on.

    libVLC's own choice is one more than the cores (3 on two). Each decoding thread keeps a
    picture of its own in flight and tables of its own: at 2160p about 20 MiB a thread for no
    frame more on two cores (docs/decisions/0057)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # no affinity call here (Windows, macOS)
        cores = os.cpu_count() or 1
    return max(1, cores)


#: The longest a libVLC callback waits for the interpreter while another Python thread runs
#: (Python's default is 5 ms). The frame gate names pictures by the moment each is displayed:
#: stamps taken 5-30 ms late, behind a busy Python thread, named frames wrongly after a start
#: (docs/decisions/0073).
CALLBACK_SWITCH_INTERVAL_S = 0.001


def instance_options() -> list[str]:
    env = shlex.split(os.environ.get("KIOSK_VLC_OPTIONS", ""))
    # Before the extra and the environment's options: a technician's own count wins.
    options = [*BASE_OPTIONS, f"--avcodec-threads={decoder_threads()}", *_extra_options, *env]
    if os.environ.get("KIOSK_VLC_VERBOSE"):
        options = [o for o in options if o != "--quiet"] + ["--verbose=2"]
    return options


def _import_vlc() -> Any:
    """Import python-vlc, turning its ways of failing into one exception."""
    global _vlc
    if _vlc is not None:
        return _vlc
    lib = os.environ.get("PYTHON_VLC_LIB_PATH")
    if lib and not Path(lib).is_file():
        raise RuntimeError(f"PYTHON_VLC_LIB_PATH={lib} does not exist")
    modules = os.environ.get("PYTHON_VLC_MODULE_PATH")
    if modules and not Path(modules).is_dir():
        raise RuntimeError(f"PYTHON_VLC_MODULE_PATH={modules} is not a folder")
    try:
        import vlc
    except ImportError as error:
        raise RuntimeError(f"python-vlc is not installed ({error})") from None
    except (OSError, NotImplementedError, AttributeError, SystemExit) as error:
        raise RuntimeError(f"libVLC could not be loaded ({error or type(error).__name__})") from None
    _vlc = vlc
    return vlc


def _library_path(vlc: Any) -> str:
    name = str(getattr(vlc.dll, "_name", "") or "")
    if sys.platform.startswith("linux"):
        try:
            for line in Path("/proc/self/maps").read_text().splitlines():
                if "/libvlc.so" in line:
                    return line.split()[-1]
        except OSError:
            pass
    return name


def _plugin_dir(vlc: Any, library: str) -> str:
    for candidate in (os.environ.get("VLC_PLUGIN_PATH"), getattr(vlc, "plugin_path", None)):
        if candidate:
            return str(candidate)
    if library:
        guess = Path(library).parent / "vlc" / "plugins"
        if guess.is_dir():
            return str(guess)
    return ""


def _has_codecs(plugins: str) -> bool:
    if not plugins:
        return False
    root = Path(plugins)
    return any(root.glob("codec/libavcodec_plugin.*")) or any(root.glob("**/libavcodec_plugin.*"))


def probe(*, refresh: bool = False) -> VlcProbe:
    """Is libVLC usable? Never raises; the answer is cached."""
    global _probe
    with _lock:
        if _probe is not None and not refresh:
            return _probe
        try:
            vlc = _import_vlc()
            version = vlc.libvlc_get_version().decode(errors="replace")
            library = _library_path(vlc)
            plugins = _plugin_dir(vlc, library)
            numbers = re.match(r"(\d+)\.(\d+)", version)
            found = (int(numbers.group(1)), int(numbers.group(2))) if numbers else (0, 0)
            if found < MIN_VERSION:
                _probe = VlcProbe(
                    False,
                    version,
                    library,
                    plugins,
                    _has_codecs(plugins),
                    f"libVLC {version} is too old; the kiosk needs 3.0 or later",
                )
            elif _get_instance() is None:
                _probe = VlcProbe(
                    False,
                    version,
                    library,
                    plugins,
                    _has_codecs(plugins),
                    f"libVLC {version} did not start: its plugins were not found "
                    f"(VLC_PLUGIN_PATH={os.environ.get('VLC_PLUGIN_PATH', '')!s})",
                )
            else:
                _probe = VlcProbe(True, version, library, plugins, _has_codecs(plugins))
        except RuntimeError as error:
            _probe = VlcProbe(False, error=str(error))
        return _probe


def _get_instance() -> Any:
    global _instance
    with _lock:
        if _instance is None:
            vlc = _import_vlc()
            _instance = vlc.Instance(instance_options())
        return _instance


def shutdown() -> None:
    """Stop every player (on quit): no libVLC thread may call Python after this."""
    for engine in list(_engines):
        engine.release()
    wait_for_releases()


def wait_for_releases() -> None:
    """Until every player released so far is freed (each release finishes on a thread)."""
    for engine in list(_engines):
        if engine.released:
            engine.wait_stopped()


atexit.register(shutdown)

_FormatCb = ctypes.CFUNCTYPE(
    ctypes.c_uint,
    ctypes.POINTER(ctypes.c_void_p),
    ctypes.c_void_p,  # char chroma[4]: writable, unlike python-vlc's c_char_p
    ctypes.POINTER(ctypes.c_uint),
    ctypes.POINTER(ctypes.c_uint),
    ctypes.POINTER(ctypes.c_uint),
    ctypes.POINTER(ctypes.c_uint),
)
_CleanupCb = ctypes.CFUNCTYPE(None, ctypes.c_void_p)


class _Layout(NamedTuple):
    """How libVLC lays out the pictures of one opening in the buffers it draws into."""

    width: int
    height: int
    pixel_format: PixelFormat
    offsets: tuple[int, int, int]  # of each plane in the buffer (one plane in RGB32)
    pitches: tuple[int, int, int]
    lines: tuple[int, int, int]

    @property
    def size(self) -> int:
        """Bytes a buffer needs, with a few spare lines: converters may write past the last one."""
        planes = zip(self.offsets, self.pitches, self.lines, strict=True)
        end = max(offset + pitch * lines for offset, pitch, lines in planes)
        return end + self.pitches[0] * 4

    def frame(self, buffer: bytearray) -> Frame:
        return Frame(
            buffer, self.width, self.height, self.pitches[0],
            pixel_format=self.pixel_format, plane_offsets=self.offsets, plane_strides=self.pitches,
        )  # fmt: skip


def picture_layout(width: int, height: int, yuv: bool) -> _Layout:
    """RGB32: one plane of 4 bytes a pixel. I420: Y, then U and V at half the width and height,
    lines 32-byte aligned (libVLC's copy and libswscale's conversion go faster on aligned lines)."""
    if not yuv:
        pitch = width * 4
        return _Layout(width, height, PixelFormat.RGB32, (0, 0, 0), (pitch, 0, 0), (height, 0, 0))
    luma = (width + 31) // 32 * 32
    chroma = luma // 2
    half = (height + 1) // 2
    u = luma * height
    v = u + chroma * half
    return _Layout(width, height, PixelFormat.I420, (0, u, v), (luma, chroma, chroma), (height, half, half))


class _Picture(NamedTuple):
    """A buffer libVLC draws one picture into, and how the picture lies in it."""

    buffer: bytearray
    layout: _Layout


def yuv_pays(width: int, height: int, max_width: int, max_height: int) -> bool:
    """Whether pictures of this size are cheaper as I420 than as RGB32: large ones (1440p and up)
    shown at their own size, filling the player (converted straight into the window's image).
    A picture the player enlarges costs more CPU as I420 (converted, then scaled by the painter:
    83 % of a core against 49 % for a 1440p film on a 2160p screen), and small ones save little."""
    fills = width >= max_width - 2 or height >= max_height - 2
    return width * height > _yuv_above_pixels and fills


def fit_size(width: int, height: int, max_width: int, max_height: int) -> tuple[int, int]:
    """The film's size, scaled down (never up) to fit, even numbers for the converter."""
    scale = min(1.0, max_width / max(width, 1), max_height / max(height, 1))
    return max(2, int(width * scale) // 2 * 2), max(2, int(height * scale) // 2 * 2)


def _forget_memoized(vlc: Any, player: Any) -> None:
    """Drop python-vlc's cached event manager of a released player.

    ``MediaPlayer.event_manager`` is memoized in a dictionary on the class
    (``memoize_parameterless``) that python-vlc never empties: every player a kiosk ever made,
    and its event manager, stayed reachable for the life of the process, one per film played
    (found by the soak, docs/reliability.md).
    """
    memo = vars(vlc.MediaPlayer).get("event_manager")
    cache = getattr(memo, "_cache", None)
    if isinstance(cache, dict):
        cache.pop(player, None)


class VlcEngine:
    """One libVLC media player whose pictures come back as :class:`Frame` objects."""

    def __init__(
        self,
        *,
        max_size: tuple[int, int] = (1920, 1080),
        yuv: bool = False,
        yuv_any_size: Callable[[], bool] | None = None,
    ) -> None:
        vlc = _import_vlc()
        instance = _get_instance()
        if instance is None:
            raise RuntimeError(probe().error or "libVLC did not start")
        self._vlc = vlc
        self._instance = instance
        self._max_size = max_size
        self._film_size = (0, 0)  # the picture's visible size, from the film's own header
        # Whether large pictures may come as I420 (``yuv``: the one who shows them converts them,
        # with libswscale): where they are drawn by the software scene graph. ``yuv_any_size``,
        # asked at each opening: whether every picture may, because a graphics card converts
        # them (libswscale is still needed, for a window that cannot: the frame item converts then).
        self._yuv = (yuv or yuv_any_size is not None) and swscale.available(probe().library)
        self._yuv_large_only = yuv
        self._yuv_any_size = yuv_any_size
        self._any_size_now = False  # the answer at this opening
        self._player = instance.media_player_new()
        self._listener: EngineListener | None = None
        # Held while a callback calls the listener: once stop() has taken it, no call is under way.
        self._listener_lock = threading.Lock()
        self._stopper: threading.Thread | None = None  # libVLC winding down after stop()
        self._layout = picture_layout(0, 0, False)
        self._pool: FramePool | None = None  # what libVLC draws into (frame_pool.py says why)
        # The pictures libVLC is drawing (locked) and those drawn but not displayed yet, by the id
        # the lock callback gave each; only libVLC's video thread touches them (see _on_lock).
        self._locked: dict[int, _Picture] = {}
        self._drawn: dict[int, _Picture] = {}
        self._picture_ids = 0
        self._released = False
        # Keep every ctypes callback referenced for the player's life.
        self._callbacks: tuple[Any, ...] = (
            _FormatCb(self._on_format),
            _CleanupCb(self._on_cleanup),
            vlc.CallbackDecorators.VideoLockCb(self._on_lock),
            vlc.CallbackDecorators.VideoUnlockCb(self._on_unlock),
            vlc.CallbackDecorators.VideoDisplayCb(self._on_display),
        )
        set_format = vlc.dll.libvlc_video_set_format_callbacks
        set_format.argtypes = [ctypes.c_void_p, _FormatCb, _CleanupCb]
        set_format.restype = None
        set_format(self._player, self._callbacks[0], self._callbacks[1])
        self._player.video_set_callbacks(self._callbacks[2], self._callbacks[3], self._callbacks[4], None)
        events = self._events = self._player.event_manager()
        types = vlc.EventType
        self._event_map = {
            types.MediaPlayerOpening: EngineEvent.OPENING,
            types.MediaPlayerPlaying: EngineEvent.PLAYING,
            types.MediaPlayerVout: EngineEvent.VIDEO_OUTPUT,
            types.MediaPlayerPaused: EngineEvent.PAUSED,
            types.MediaPlayerEndReached: EngineEvent.END_REACHED,
            types.MediaPlayerEncounteredError: EngineEvent.ERROR,
            types.MediaPlayerStopped: EngineEvent.STOPPED,
        }
        self._time_changed = types.MediaPlayerTimeChanged
        for event_type in (*self._event_map, self._time_changed):
            events.event_attach(event_type, self._on_event)  # one dispatcher for all
        _engines.add(self)

    def set_max_size(self, width: int, height: int) -> None:
        """The largest frame to deliver from the next opening on: the size the picture is shown at."""
        self._max_size = (max(2, int(width)), max(2, int(height)))

    # --- VideoEngine ------------------------------------------------------------------
    def open(
        self,
        excerpt: Excerpt,
        listener: EngineListener,
        from_ms: int,
        *,
        read_ahead_ms: int = READ_AHEAD_MS,
        counted_start: bool = False,
    ) -> None:
        self.wait_stopped()
        self._player.stop()
        switch_interval.keep_at_most(CALLBACK_SWITCH_INTERVAL_S)
        self._film_size = coded_size(excerpt.path)  # the moov's sample description: a few ms at most
        self._any_size_now = self._yuv_any_size is not None and self._yuv_any_size()
        with self._listener_lock:
            self._listener = listener
        media = self._instance.media_new_path(str(excerpt.path))
        # A head start near the excerpt; the frame gate does the exact cut. The stop
        # time is a safety net only: the gate ends the excerpt at its end frame.
        media.add_option(f":start-time={from_ms / 1000:.3f}")
        media.add_option(f":stop-time={excerpt.end_ms / 1000 + 1.0:.3f}")
        # See READ_AHEAD_MS: below 300 ms, frames from the film's beginning reach the screen
        # unless the gate hides every picture until libVLC's exact clock (a prepared lead-in).
        if read_ahead_ms < READ_AHEAD_MS and self._delivers_yuv(*self._film_size) and self._large(*self._film_size):
            read_ahead_ms = min(read_ahead_ms, LARGE_LEAD_IN_READ_AHEAD_MS)
        media.add_option(f":file-caching={int(read_ahead_ms)}")
        if not excerpt.audio:
            media.add_option(":no-audio")
        if counted_start and 0 < self._film_size[0] * self._film_size[1] <= ONE_THREAD_UP_TO_PIXELS:
            # One order of first pictures, every time: see ONE_THREAD_UP_TO_PIXELS.
            media.add_option(":avcodec-threads=1")
        self._player.set_media(media)
        media.release()
        if self._player.play() != 0:
            listener.engine_event(EngineEvent.ERROR, "libVLC refused to play the film")

    def pause(self) -> None:
        self._player.set_pause(1)

    def resume(self) -> None:
        self._player.set_pause(0)

    def seek(self, film_ms: int) -> None:
        self._player.set_time(int(film_ms))

    def set_volume(self, volume: int) -> None:
        self._player.audio_set_volume(int(volume))

    def fps(self) -> float | None:
        try:
            fps = float(self._player.get_fps())
        except Exception:
            return None
        return fps if fps > 1 else None

    def video_size(self) -> tuple[int, int] | None:
        try:
            width, height = self._player.video_get_size(0)
        except Exception:
            return None
        return (int(width), int(height)) if width and height else None

    def stop(self) -> None:
        """Stop decoding. No frame or event reaches the listener once this returns, and it
        returns at once: libVLC's own stop joins its threads, 12-40 ms (bench_video) that the UI
        thread would otherwise wait as the visitor leaves a panel or the attract loop moves on.
        It runs on a thread of its own, which the next open() waits for. The buffers nothing
        shows any more go back to the system once libVLC has stopped drawing into them."""

        def stop_and_shed() -> None:
            self._player.stop()
            self._shed_now()

        self._wind_down(stop_and_shed, "libvlc-stop")

    @property
    def pooled_buffers(self) -> int:
        """How many frame buffers the engine keeps for libVLC to draw into."""
        return 0 if self._pool is None else self._pool.buffers

    def shed(self) -> None:
        self._wind_down(self._shed_now, "libvlc-shed")  # after the stop under way; open() waits for it

    def _shed_now(self) -> None:
        # libVLC has stopped: the pictures it drew ahead and never displayed never will be, and
        # their buffers go with the rest that nothing holds. Only here, between stop and the
        # next open (which waits for this thread), does no callback touch these.
        self._locked.clear()
        self._drawn.clear()
        if self._pool is not None:
            self._pool.shed()

    def wait_stopped(self) -> None:
        """Until libVLC has stopped after :meth:`stop` (its threads joined)."""
        stopper, self._stopper = self._stopper, None
        if stopper is not None:
            stopper.join()

    @property
    def released(self) -> bool:
        return self._released

    def release(self) -> None:
        """Stop and free the player. Like :meth:`stop` it returns at once (nothing reaches the
        listener after it) and libVLC winds down on a thread of its own; :meth:`wait_stopped`
        and :func:`shutdown` wait for it."""
        if self._released:
            return
        self._released = True
        self._wind_down(self._release_now, "libvlc-release")

    def _wind_down(self, work: Callable[[], None], name: str) -> None:
        """Detach the listener, then do ``work`` (libVLC calls that join its threads) on a thread
        of its own, after any earlier one: :meth:`wait_stopped` joins the last, and so all."""
        with self._listener_lock:  # waits for a callback under way
            self._listener = None
        earlier = self._stopper

        def run() -> None:
            if earlier is not None:
                earlier.join()
            work()

        self._stopper = threading.Thread(target=run, name=name, daemon=True)
        self._stopper.start()

    def _release_now(self) -> None:
        self._player.stop()  # before the callbacks are cut below: they must outlive it
        for event_type in (*self._event_map, self._time_changed):
            self._events.event_detach(event_type)
        # python-vlc's dispatcher is a closure over its event manager: a cycle through a ctypes
        # callback that the collector never frees. Drop it, with the player.
        self._events._callback_handler = None
        self._player.release()
        _forget_memoized(self._vlc, self._player)
        self._events = None
        _engines.discard(self)
        # The ctypes callbacks and the event manager tie this engine, its player and its frame
        # buffer into reference cycles that outlived the engine in the soak (docs/reliability.md);
        # libVLC calls none of them once the player is released, so cut them here.
        self._callbacks = ()
        self._locked.clear()
        self._drawn.clear()
        self._pool = None

    def _delivers_yuv(self, width: int, height: int) -> bool:
        """Whether pictures of a film of this size come as I420, as the player's size stands."""
        if not self._yuv:
            return False
        if self._any_size_now:
            return True
        return self._yuv_large_only and yuv_pays(*fit_size(width, height, *self._max_size), *self._max_size)

    def _large(self, width: int, height: int) -> bool:
        """Whether a film's pictures, as the player's size stands, are large ones (above 1080p)."""
        shown_w, shown_h = fit_size(width, height, *self._max_size)
        return shown_w * shown_h > _yuv_above_pixels

    # --- libVLC callbacks (libVLC threads) ------------------------------------------
    def _on_format(self, _opaque: Any, chroma: int, width: Any, height: Any, pitches: Any, lines: Any) -> int:
        try:
            # libVLC offers the decoder's padded size (1080 lines come as 1088, 180 as 194), and
            # its converter scales the visible picture to whatever size is asked for here. Asked
            # for the padded size, it scales every frame by a few lines (a costly pass, and a
            # picture stretched by them); asked for the visible size, it only converts colours.
            # The film's header says the visible size (mp4_samples.py); without it, the shape
            # is corrected when painting, from video_size().
            source = (width[0], height[0])
            film_w, film_h = self._film_size
            if film_w and film_h and film_w <= source[0] <= film_w + 64 and film_h <= source[1] <= film_h + 64:
                source = (film_w, film_h)
            w, h = fit_size(*source, *self._max_size)
            # Large pictures come as the decoder made them (I420), converted by the kiosk where
            # they are shown: 12 bits a pixel instead of 32, and no converted copy kept by libVLC
            # (swscale.py, docs/decisions/0067).
            layout = picture_layout(w, h, yuv=self._delivers_yuv(w, h))
            ctypes.memmove(chroma, layout.pixel_format.value.encode(), 4)
            width[0], height[0] = w, h
            for plane in range(3):
                pitches[plane], lines[plane] = layout.pitches[plane], layout.lines[plane]
            # The buffers are kept from one opening to the next of the same size (a seek opens
            # the film again): no big allocation for each. A stop() sheds those nothing shows.
            if self._pool is None or self._pool.size != layout.size:
                self._pool = FramePool(layout.size)
            self._layout = layout
            # The pictures libVLC may lock at once: its vmem output converts into pictures of its
            # own and copies each into one of ours between lock and unlock (see _on_lock): one.
            return 1
        except Exception:
            log.exception("libVLC format callback")
            return 0

    def _on_cleanup(self, _opaque: Any) -> None:
        pass

    # libVLC 3.0.24's vmem output converts each picture into a picture of its own, then, between
    # lock and unlock, copies it into the buffer the lock callback gave, and displays it later by
    # the id that lock returned (lock, unlock, display: measured). Each lock gets a pooled buffer
    # that nothing else holds, and the frame shown is that very buffer, found by its id: no copy
    # of ours, and never the buffer of another picture ("the buffer locked last" is not always
    # the one displayed: that mistake once showed stale frames).
    def _on_lock(self, _opaque: Any, planes: Any) -> int:
        pool = self._pool
        assert pool is not None  # the format callback comes first
        buffer, address = pool.take()
        self._picture_ids = picture = self._picture_ids + 1
        layout = self._layout
        self._locked[picture] = _Picture(buffer, layout)
        for plane in range(3 if layout.pixel_format is PixelFormat.I420 else 1):
            planes[plane] = address + layout.offsets[plane]
        return picture

    def _on_unlock(self, _opaque: Any, picture: Any, _planes: Any) -> None:
        # Drawn: libVLC writes no more into the buffer. It waits here to be displayed.
        drawn = self._locked.pop(int(picture or 0), None)
        if drawn is not None:
            self._drawn[int(picture or 0)] = drawn

    def _on_display(self, _opaque: Any, picture: Any) -> None:
        at = time.monotonic()
        shown = int(picture or 0)
        entry = self._drawn.get(shown) or self._locked.get(shown)
        # Pictures are displayed in the order they were drawn: any drawn before this one and not
        # displayed yet never will be (dropped late), and their buffers go back to the pool.
        for older in [key for key in self._drawn if key <= shown]:
            del self._drawn[older]
        with self._listener_lock:
            listener = self._listener
            if listener is None or entry is None:
                return
            buffer, layout = entry

            def read() -> Frame:
                return layout.frame(buffer)

            try:
                listener.frame_displayed(at, read)
            except Exception:
                log.exception("video frame listener")

    def _on_event(self, event: Any) -> None:
        at = time.monotonic()
        with self._listener_lock:
            self._dispatch_event(event, at)

    def _dispatch_event(self, event: Any, at: float) -> None:
        listener = self._listener
        if listener is None:
            return
        try:
            if event.type == self._time_changed:
                listener.time_reported(int(event.u.new_time), at)
            else:
                kind = self._event_map.get(event.type)
                if kind is not None:
                    detail = (
                        "libVLC could not play the film (missing, corrupt or unsupported)"
                        if kind is EngineEvent.ERROR
                        else ""
                    )
                    listener.engine_event(kind, detail)
        except Exception:
            log.exception("video event listener")


#: Called on a libVLC thread with each block of decoded sound (signed 16-bit, native order,
#: mono, SOUND_TAP_RATE Hz) and the time it was delivered: the tests and the benchmark hear
#: through it what a loudspeaker would play.
SoundTap = Callable[[bytes, float], None]
SOUND_TAP_RATE = 22050


class VlcSoundPlayer:
    """One libVLC player for sound alone: the listen control's speech and audio description.

    Same rules as :class:`VlcEngine`: the listener is called on libVLC's threads and must not
    call back, and :meth:`stop` returns at once while libVLC winds down on a thread of its own.
    With a ``tap``, the sound goes to the tap instead of the loudspeaker.
    """

    def __init__(self, *, tap: SoundTap | None = None) -> None:
        vlc = _import_vlc()
        instance = _get_instance()
        if instance is None:
            raise RuntimeError(probe().error or "libVLC did not start")
        self._vlc = vlc
        self._instance = instance
        self._player = instance.media_player_new()
        self._listener: Callable[[EngineEvent, str], None] | None = None
        self._listener_lock = threading.Lock()
        self._stopper: threading.Thread | None = None
        self._released = False
        self._tap = tap
        self._callbacks: tuple[Any, ...] = ()
        if tap is not None:
            self._callbacks = (vlc.CallbackDecorators.AudioPlayCb(self._on_samples),)
            self._player.audio_set_callbacks(self._callbacks[0], None, None, None, None, None)
            self._player.audio_set_format("S16N", SOUND_TAP_RATE, 1)
        self._events = self._player.event_manager()
        types = vlc.EventType
        self._event_map = {
            types.MediaPlayerPlaying: EngineEvent.PLAYING,
            types.MediaPlayerEndReached: EngineEvent.END_REACHED,
            types.MediaPlayerEncounteredError: EngineEvent.ERROR,
            types.MediaPlayerStopped: EngineEvent.STOPPED,
        }
        for event_type in self._event_map:
            self._events.event_attach(event_type, self._on_event)

    def play(self, path: Path, listener: Callable[[EngineEvent, str], None], volume: int) -> None:
        """Play the sound file from its start at ``volume`` (0..100), after any earlier stop."""
        self.wait_stopped()
        with self._listener_lock:
            self._listener = listener
        media = self._instance.media_new_path(str(path))
        media.add_option(":no-video")
        media.add_option(":file-caching=50")  # a local WAV: no reason to buffer 300 ms before the first word
        self._player.set_media(media)
        media.release()
        self._player.audio_set_volume(int(volume))
        if self._player.play() != 0:
            listener(EngineEvent.ERROR, "libVLC refused to play the sound file")

    def set_volume(self, volume: int) -> None:
        self._player.audio_set_volume(int(volume))

    def stop(self) -> None:
        with self._listener_lock:
            self._listener = None
        earlier = self._stopper
        player = self._player

        def run() -> None:
            if earlier is not None:
                earlier.join()
            player.stop()

        self._stopper = threading.Thread(target=run, name="libvlc-sound-stop", daemon=True)
        self._stopper.start()

    def wait_stopped(self) -> None:
        stopper, self._stopper = self._stopper, None
        if stopper is not None:
            stopper.join()

    def release(self) -> None:
        if self._released:
            return
        self._released = True
        self.stop()
        self.wait_stopped()
        for event_type in self._event_map:
            self._events.event_detach(event_type)
        self._events._callback_handler = None
        self._player.release()
        _forget_memoized(self._vlc, self._player)
        self._events = None
        self._callbacks = ()

    def _on_samples(self, _opaque: Any, samples: Any, count: int, pts: int) -> None:
        # libVLC hands the samples over ahead of time; ``pts`` (on libVLC's clock, in µs) is when
        # a loudspeaker would play them: that is the moment the tap reports.
        at = time.monotonic() + max(0, pts - self._vlc.libvlc_clock()) / 1e6
        tap = self._tap
        if tap is not None and self._listener is not None:
            try:
                tap(ctypes.string_at(samples, count * 2), at)
            except Exception:
                log.exception("sound tap")

    def _on_event(self, event: Any) -> None:
        with self._listener_lock:
            listener = self._listener
            kind = self._event_map.get(event.type)
            if listener is None or kind is None:
                return
            try:
                listener(kind, "libVLC could not play the sound file" if kind is EngineEvent.ERROR else "")
            except Exception:
                log.exception("sound event listener")
