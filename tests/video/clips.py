"""Test clips whose pictures say which frame they are.

Each frame carries its number in binary as a row of black/white blocks across the
top (bit 0 on the left), big enough to survive H.264 compression and scaling, so a
test reads the film time of whatever reached the screen back from the pixels.
The rest of the picture is mid-grey (never mistaken for a black frame) with the
number also written as text for people looking at a screenshot.
"""

from __future__ import annotations

import hashlib
import subprocess
from dataclasses import dataclass
from pathlib import Path

from kiosk.video import swscale
from kiosk.video.engine import Frame

BITS = 14
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


@dataclass(frozen=True)
class Clip:
    path: Path
    width: int
    height: int
    fps: int
    seconds: float

    def frame_ms(self, frame: int) -> float:
        return frame * 1000 / self.fps


def make_clip(
    folder: Path,
    *,
    width: int = 320,
    height: int = 180,
    fps: int = 30,
    seconds: float = 8.0,
    gop: int = 30,
    audio: bool = True,
    bframes: int | None = None,
    background: str = "0x808080",
) -> Clip:
    """An H.264/AAC MP4 with the frame number drawn in; cached by its parameters.

    ``bframes``: x264's B-frames between references (None: x264's default, 3 with pyramid).
    ``background``: the colour behind the number (a colour shows a conversion's mistakes; grey
    is the same in every colour space).
    """
    recipe = f"{width}x{height}@{fps}/{seconds}/{gop}/{audio}/v2" + ("" if bframes is None else f"/bf{bframes}")
    recipe += "" if background == "0x808080" else f"/{background}"
    key = hashlib.sha1(recipe.encode()).hexdigest()[:10]
    path = folder / f"clip-{width}x{height}-{fps}-{key}.mp4"
    clip = Clip(path, width, height, fps, seconds)
    if path.exists():
        return clip
    block = width // BITS
    boxes = ",".join(
        f"drawbox=x={bit * block}:y=0:w={block}:h={height // 6}:color=white:t=fill"
        f":enable='eq(mod(floor(n/{2**bit}),2),1)'"
        for bit in range(BITS)
    )
    # Black behind the blocks so a 0 bit reads as black and a 1 bit as white.
    video = (
        f"color=c={background}:s={width}x{height}:r={fps}:d={seconds},"
        f"drawbox=x=0:y=0:w={block * BITS}:h={height // 6}:color=black:t=fill,{boxes},"
        f"drawtext=fontfile={FONT}:text='%{{frame_num}}':fontsize={height // 5}:fontcolor=white"
        f":x=(w-tw)/2:y=h/2"
    )
    command = ["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", video]
    if audio:
        command += ["-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}"]
    command += ["-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-g", str(gop)]
    command += [] if bframes is None else ["-bf", str(bframes)]
    command += ["-c:a", "aac", "-b:a", "64k"] if audio else []
    command += ["-movflags", "+faststart", str(path.with_suffix(".part.mp4"))]
    subprocess.run(command, check=True)
    path.with_suffix(".part.mp4").rename(path)
    return clip


def frame_number(frame: Frame) -> int:
    """The frame number drawn into a picture the engine delivered, RGB32 or I420."""
    shown = swscale.to_rgb32(frame)
    return read_frame_number(shown.data, shown.width, shown.height, shown.stride)


def read_frame_number(pixels: bytes | memoryview, width: int, height: int, stride: int | None = None) -> int:
    """The frame number drawn into an RGB32 (B,G,R,X) picture of the clip at any size."""
    stride = stride or width * 4
    block = width / BITS
    y = int(height / 12)
    number = 0
    for bit in range(BITS):
        x = int(block * bit + block / 2)
        offset = y * stride + x * 4
        green = pixels[offset + 1]
        if green > 128:
            number |= 1 << bit
    return number
