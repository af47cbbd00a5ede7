"""How long the loader takes on a large exhibition: 1,000 panels of every kind.

Generates the exhibition in a temporary folder (media: a few small files that many panels
share, as real exhibitions reuse posters and captions), then validates it N times, in this
process (``load_exhibition``) and as staff run it (``kiosk validate`` in a fresh process).
Prints median, min and max, and the ratio to the 0.5 s target (below 1.0 is within target).

    .venv/bin/python bench/bench_validate.py [--runs 10] [--panels 1000] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.loader import load_exhibition  # noqa: E402

TARGET_S = 0.5
FIXTURE_MEDIA = ROOT / "tests" / "loader" / "fixtures" / "media"
KINDS = ("text", "quote", "image", "video", "timeline")


def _localized(text: str) -> str:
    return f'{{fr: "{text} (fr)", en: "{text}", ar: "{text} (ar)"}}'


def _panel(index: int) -> str:
    kind = KINDS[index % len(KINDS)]
    head = f"      - id: p{index:04d}\n        type: {kind}\n"
    if kind == "text":
        return head + (
            f"        title: {_localized(f'Text {index}')}\n"
            f"        body: {_localized('A paragraph with *emphasis* and **strong** words.')}\n"
            "        image: images/photo.jpg\n"
        )
    if kind == "quote":
        return head + (
            f"        words: {_localized('Words said')}\n        who: Dr Amani Ballour\n        when: '2018'\n"
        )
    if kind == "image":
        return head + (
            f"        src: images/photo.png\n        alt: {_localized('A picture')}\n"
            f"        caption: {_localized('Caption')}\n        credit: stand-in\n        focus: [0.5, 0.3]\n"
        )
    if kind == "video":
        return head + (
            "        src: video/clip.mp4\n        start: '00:00'\n        end: '00:00:00.900'\n"
            f"        poster: images/poster.png\n        title: {_localized('Excerpt')}\n"
            "        captions: {fr: captions/good.fr.vtt, en: captions/good.en.srt, ar: captions/good.en.srt}\n"
        )
    return head + (
        f"        title: {_localized('Years')}\n        events:\n"
        + "".join(f"          - {{date: '{2010 + e}', text: {_localized(f'Event {e}')}}}\n" for e in range(4))
    )


def make_exhibition(folder: Path, panels: int) -> Path:
    shutil.copytree(FIXTURE_MEDIA, folder / "media")
    chapters = []
    per_chapter = 50
    for chapter in range(0, panels, per_chapter):
        body = "".join(_panel(index) for index in range(chapter, min(panels, chapter + per_chapter)))
        chapters.append(
            f"  - id: c{chapter // per_chapter:02d}\n    title: {_localized(f'Chapter {chapter // per_chapter}')}\n"
            f"    cover: images/photo.jpg\n    panels:\n{body}"
        )
    text = (
        "exhibition:\n  id: bench\n  title: " + _localized("Bench") + "\n  languages: [fr, en, ar]\n  media: media\n"
        "attract:\n  items: [p0000, p0002, p0003]\n  invitation: " + _localized("Touch") + "\n"
        "chapters:\n" + "".join(chapters)
    )
    config = folder / "exhibition.yaml"
    config.write_text(text, encoding="utf-8")
    return config


def report(label: str, times: list[float]) -> None:
    median = statistics.median(times)
    print(
        f"{label}: median {median * 1000:.0f} ms, min {min(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms "
        f"over {len(times)} runs; ratio to the {TARGET_S} s target: {median / TARGET_S:.2f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--panels", type=int, default=1000)
    parser.add_argument("--profile", action="store_true", help="print the 25 costliest functions of one load")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
        config = make_exhibition(Path(tmp), args.panels)
        first = load_exhibition(config)
        panels = sum(len(chapter.panels) for chapter in first.exhibition.chapters) if first.exhibition else 0
        print(
            f"{config.stat().st_size / 1024:.0f} KiB of YAML, {panels} panels, "
            f"{len(first.errors)} errors, {len(first.warnings)} warnings"
        )
        if not first.ok or panels != args.panels:
            print("\n".join(str(problem) for problem in first.problems[:20]))
            return 1
        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(load_exhibition, config)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        in_process = []
        for _ in range(args.runs):
            started = time.perf_counter()
            load_exhibition(config)
            in_process.append(time.perf_counter() - started)
        report("load_exhibition (in process)", in_process)
        command = []
        for _ in range(args.runs):
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "kiosk", "validate", str(config)], cwd=ROOT, check=True, capture_output=True
            )
            command.append(time.perf_counter() - started)
        report("kiosk validate (new process)", command)
    return 0


if __name__ == "__main__":
    sys.exit(main())
