"""The exhibition model: typed, immutable, and free of Qt and vlc (a test enforces it)."""

from kiosk.model.captions import CaptionError, Cue, parse_captions
from kiosk.model.exhibition import (
    PANEL_TYPES,
    Attract,
    CaptionTrack,
    Chapter,
    Exhibition,
    ExhibitionInfo,
    ImagePanel,
    Panel,
    PlaceholderPanel,
    QuotePanel,
    TextPanel,
    Theme,
    TimelineEvent,
    TimelinePanel,
    VideoPanel,
)
from kiosk.model.localized import Localized, Resolved
from kiosk.model.media import MediaFile
from kiosk.model.timecode import Duration, Timecode, parse_duration, parse_timecode

__all__ = [
    "PANEL_TYPES",
    "Attract",
    "CaptionError",
    "CaptionTrack",
    "Chapter",
    "Cue",
    "Duration",
    "Exhibition",
    "ExhibitionInfo",
    "ImagePanel",
    "Localized",
    "MediaFile",
    "Panel",
    "PlaceholderPanel",
    "QuotePanel",
    "Resolved",
    "TextPanel",
    "Theme",
    "Timecode",
    "TimelineEvent",
    "TimelinePanel",
    "VideoPanel",
    "parse_captions",
    "parse_duration",
    "parse_timecode",
]
