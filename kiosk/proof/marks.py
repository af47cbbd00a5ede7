"""Problems the model alone can tell, per panel and language: no Qt needed.

The scene adds what only the drawn screen can tell (text that overflows): scene_marks.py.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kiosk.model.exhibition import Panel, PlaceholderPanel, VideoPanel
from kiosk.model.localized import Localized
from kiosk.model.media import MediaFile

#: The kinds of mark, with the word the sheet shows for each.
KINDS = {
    "translation": "Missing translation",
    "overflow": "Text too long",
    "image": "Image too small",
    "captions": "No captions",
    "media": "Media problem",
    "placeholder": "Panel not readable",
}


@dataclass(frozen=True, slots=True)
class Mark:
    kind: str
    message: str
    #: Where on the screen, in scene pixels (x, y, w, h), when the scene told us.
    rect: tuple[float, float, float, float] | None = None


def _walk(value: object, path: str) -> Iterator[tuple[str, object]]:
    """(key path, value) for every field inside a panel, through tuples and nested dataclasses."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type | Localized | MediaFile):
        for f in dataclasses.fields(value):
            yield from _walk(getattr(value, f.name), f"{path}.{f.name}" if path else f.name)
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _walk(item, f"{path}[{index}]")
    else:
        yield path, value


def image_size(path: Path) -> tuple[int, int] | None:
    """Pixel size from the file's header (Pillow reads no pixels for this)."""
    try:
        from PIL import Image

        with Image.open(path) as image:
            width, height = image.size
            return int(width), int(height)
    except Exception:
        return None


def panel_marks(
    panel: Panel,
    language: str,
    screen: tuple[int, int],
    *,
    size_of: Callable[[Path], tuple[int, int] | None] = image_size,
) -> list[Mark]:
    if isinstance(panel, PlaceholderPanel):
        return [Mark("placeholder", "; ".join(panel.problems) or "the loader could not read this panel")]
    marks: list[Mark] = []
    for path, value in _walk(panel, ""):
        if isinstance(value, Localized) and value.missing([language]):
            marks.append(Mark("translation", f"{path}: no {language} text; visitors see another language"))
        elif isinstance(value, MediaFile):
            if not value.usable:
                marks.append(Mark("media", f"{path}: {value.relative}: {value.problem}"))
            elif not (isinstance(panel, VideoPanel) and path == "src"):  # every picture, not the film
                size = size_of(value.path)
                enlarge = min(screen[0] / size[0], screen[1] / size[1]) if size else 0.0
                if size and enlarge > 1.0:
                    marks.append(
                        Mark(
                            "image",
                            f"{path}: {value.relative} is {size[0]}×{size[1]}, smaller than the "
                            f"{screen[0]}×{screen[1]} screen: full screen enlarges it ×{enlarge:.1f}",
                        )
                    )
    if isinstance(panel, VideoPanel):
        track = panel.captions.get(language)
        if track is None:
            marks.append(Mark("captions", f"the excerpt has no {language} captions (deaf visitors, muted booth)"))
        elif not track.file.usable:
            marks.append(Mark("captions", f"captions.{language}: {track.file.relative}: {track.file.problem}"))
        elif not track.cues:
            marks.append(Mark("captions", f"captions.{language}: {track.file.relative} has no cues in the excerpt"))
    return marks
