"""Benchmark: decoding pictures at display size, the way the kiosk's QML Image does.

    .venv/bin/python bench/bench_images.py [--quick] [--json]

The kiosk's images set ``sourceSize`` to the size they are shown at, so Qt's image reader
decodes straight to that size (a JPEG through libjpeg's DCT scaling, far cheaper than a
full decode; a PNG is decoded whole and scaled). This measures that path with
``QImageReader.setScaledSize`` on:

- a 12-megapixel camera JPEG (4000 x 3000) and the same as PNG, shown full screen at 1920 x 1080;
- a 49-megapixel JPEG (7000 x 7000, the largest the loader lets through);
- every picture of the bundled exhibition (media/images), at 1920 x 1080.

For each it reports the median and 95th percentile decode time and the bytes the decoded
picture holds, next to the full-size decode for comparison. The last line printed is one
JSON object (the protocol of bench/run_all.py); ``--json`` prints only that line.

Targets (ours, set for this issue): a camera photo must be ready well within one attract-loop
transition, so 150 ms median for the 12 MP JPEG on a 2-core machine; a display-size decode
holds at most one 1920 x 1080 frame (8.3 MB) whatever the file's size.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.stats import percentile  # noqa: E402

DISPLAY = (1920, 1080)
FRAME_BYTES = DISPLAY[0] * DISPLAY[1] * 4


def _photo(path: Path, size: tuple[int, int]) -> None:
    """A photo-like picture: smooth gradients with fine noise, so JPEG has real work to do."""
    from PIL import Image, ImageFilter

    width, height = size
    noise = Image.effect_noise((width // 4, height // 4), 60).resize(size, Image.Resampling.BILINEAR)
    gradient = Image.linear_gradient("L").resize(size)
    rgb = Image.merge("RGB", (noise, gradient, gradient.transpose(Image.Transpose.FLIP_LEFT_RIGHT)))
    rgb = rgb.filter(ImageFilter.DETAIL)
    if path.suffix == ".png":
        rgb.save(path, compress_level=6)
    else:
        rgb.save(path, quality=90)


def _large_jpeg(path: Path) -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    from make_hostile_media import LARGE_SIDE, write_flat_jpeg

    write_flat_jpeg(path, LARGE_SIDE, LARGE_SIDE)


def _fit(size: tuple[int, int], box: tuple[int, int]) -> tuple[int, int]:
    scale = min(box[0] / size[0], box[1] / size[1], 1.0)
    return max(1, round(size[0] * scale)), max(1, round(size[1] * scale))


def decode(path: Path, scaled: tuple[int, int] | None) -> tuple[float, int]:
    """Seconds to decode ``path`` (to ``scaled`` when given) and the bytes the picture holds."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QImageReader

    reader = QImageReader(str(path))
    if scaled is not None:
        reader.setScaledSize(QSize(*scaled))
    started = time.perf_counter()
    image = reader.read()
    elapsed = time.perf_counter() - started
    if image.isNull():
        raise RuntimeError(f"{path.name}: {reader.errorString()}")
    return elapsed, image.sizeInBytes()


def measure(path: Path, runs: int, *, full: bool) -> dict[str, float]:
    from PySide6.QtGui import QImageReader

    natural = QImageReader(str(path)).size()
    scaled = _fit((natural.width(), natural.height()), DISPLAY)
    decode(path, scaled)  # warm the plugin and the file cache
    times, held = [], 0
    for _ in range(runs):
        seconds, held = decode(path, scaled)
        times.append(seconds * 1000)
    row = {"median": statistics.median(times), "p95": percentile(times, 0.95), "bytes": held, "n": runs}
    if full:
        full_times = []
        for _ in range(max(1, runs // 3)):
            seconds, full_bytes = decode(path, None)
            full_times.append(seconds * 1000)
        row["full_median"] = statistics.median(full_times)
        row["full_bytes"] = full_bytes
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Decode pictures at display size, as the kiosk does.")
    parser.add_argument("--quick", action="store_true", help="fewer runs (for CI and run_all --quick)")
    parser.add_argument("--json", action="store_true", help="print only the JSON result line")
    args = parser.parse_args(argv)
    runs = 5 if args.quick else 15

    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    results: list[dict[str, object]] = []
    say = (lambda *_: None) if args.json else print

    with tempfile.TemporaryDirectory(prefix="bench-images-") as tmp:
        folder = Path(tmp)
        cases = [
            ("photo 12 MP JPEG", folder / "photo.jpg", lambda p: _photo(p, (4000, 3000)), 150.0),
            ("photo 12 MP PNG", folder / "photo.png", lambda p: _photo(p, (4000, 3000)), 600.0),
            ("flat 49 MP JPEG", folder / "large.jpg", _large_jpeg, 300.0),
        ]
        say(f"{'picture':34} {'display ms':>11} {'p95':>7} {'held MB':>8} {'full ms':>8} {'full MB':>8}")
        for name, path, make, target in cases:
            make(path)
            row = measure(path, runs, full=True)
            say(
                f"{name:34} {row['median']:11.1f} {row['p95']:7.1f} {row['bytes'] / 1e6:8.1f} "
                f"{row['full_median']:8.1f} {row['full_bytes'] / 1e6:8.1f}"
            )
            results.append(
                {
                    "name": f"image decode at 1920x1080: {name}",
                    "unit": "ms",
                    "median": round(row["median"], 2),
                    "p95": round(row["p95"], 2),
                    "target": target,
                    "n": row["n"],
                    "note": f"full-size decode {row['full_median']:.0f} ms, {row['full_bytes'] / 1e6:.0f} MB",
                }
            )
            results.append(
                {
                    "name": f"image memory at 1920x1080: {name}",
                    "unit": "MB",
                    "median": round(row["bytes"] / 1e6, 2),
                    "p95": round(row["bytes"] / 1e6, 2),
                    "target": round(FRAME_BYTES / 1e6, 2),
                    "n": 1,
                    "note": f"decoded at full size it holds {row['full_bytes'] / 1e6:.0f} MB",
                }
            )

        media = sorted((ROOT / "media" / "images").glob("*.*"))
        if media:
            times: list[float] = []
            for path in media:
                row = measure(path, max(3, runs // 3), full=False)
                times.append(row["median"])
            say(
                f"exhibition pictures ({len(media)}): median {statistics.median(times):.1f} ms, "
                f"slowest {max(times):.1f} ms"
            )
            results.append(
                {
                    "name": f"image decode at 1920x1080: exhibition pictures ({len(media)})",
                    "unit": "ms",
                    "median": round(statistics.median(times), 2),
                    "p95": round(percentile(times, 0.95), 2),
                    "target": 150.0,
                    "n": len(media),
                    "note": "media/images, each at display size; p95 is over pictures",
                }
            )
    print(json.dumps({"bench": "images", "results": results}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
