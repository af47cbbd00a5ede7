"""Video excerpts: the player interface, the excerpt clock, the frame gate, captions.

Only :mod:`kiosk.video.vlc_engine` imports ``vlc`` (lazily); everything else here is
free of Qt and vlc, so it is unit-tested on its own. The Qt side is kiosk/ui/video.
"""

from kiosk.video.captions import CaptionLine, CaptionTimeline, is_rtl
from kiosk.video.clock import ExcerptClock
from kiosk.video.engine import EngineEvent, EngineListener, Excerpt, Frame, VideoEngine
from kiosk.video.gate import Decision, FrameGate, Verdict
from kiosk.video.playback import ExcerptPlayback, PlaybackObserver, PlayerState

__all__ = [
    "CaptionLine",
    "CaptionTimeline",
    "Decision",
    "EngineEvent",
    "EngineListener",
    "Excerpt",
    "ExcerptClock",
    "ExcerptPlayback",
    "Frame",
    "FrameGate",
    "PlaybackObserver",
    "PlayerState",
    "Verdict",
    "VideoEngine",
    "is_rtl",
]
