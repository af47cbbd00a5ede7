"""Benchmark: a fleet on loopback (real Syncthing, two ``kiosk run`` processes), and the metrics endpoint.

    .venv/bin/python bench/bench_fleet.py [--quick] [--json]

Measures, on this machine:

- the seconds from ``kiosk publish`` to both kiosks showing the new publish (their metrics name
  it), for a one-line text change and for a 200 MB film added to the media folder (random
  bytes: nothing compresses or deduplicates), each with the publisher's Syncthing asked to scan
  at once and, for the text, left to its file watcher (1 s delay as configured here);
- the CPU time one scrape of the metrics endpoint costs the serving process (500 scrapes of a
  process that serves only the kiosk's metrics, its CPU time from /proc before and after).

The last line printed is one JSON object (the protocol of bench/run_all.py).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from fleet.engines import Fleet, free_port, wait_for  # noqa: E402


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def scrape_cost(scrapes: int) -> dict[str, float]:
    port = free_port()
    code = (
        "import time, pathlib; from kiosk.fleet.metrics import KioskMetrics\n"
        f"m = KioskMetrics(disk=pathlib.Path('/')); m.serve('127.0.0.1:{port}')\n"
        "time.sleep(3600)\n"
    )
    server = subprocess.Popen([sys.executable, "-c", code])
    try:
        url = f"http://127.0.0.1:{port}/metrics"

        def get() -> bytes:
            with urllib.request.urlopen(url, timeout=5) as response:
                return bytes(response.read())

        body = wait_for(lambda: _try(get), 30, "the metrics server")
        before = cpu_seconds(server.pid)
        started = time.monotonic()
        for _ in range(scrapes):
            get()
        wall = time.monotonic() - started
        used = cpu_seconds(server.pid) - before
    finally:
        server.terminate()
        server.wait(10)
    return {
        "cpu_ms_per_scrape": 1000 * used / scrapes,
        "wall_ms_per_scrape": 1000 * wall / scrapes,
        "bytes": float(len(body)),
    }


def _try(function):  # type: ignore[no-untyped-def]
    try:
        return function()
    except OSError:
        return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="one run of each, a 50 MB film")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    runs = 1 if args.quick else 3
    film_mb = 50 if args.quick else 200
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="bench-fleet-") as scratch:
        fleet = Fleet(Path(scratch))
        try:
            fleet.start()
            fleet.publish_and_wait()
            text, watched = [], []
            for index in range(runs):
                config = fleet.config
                config.write_text(
                    config.read_text()
                    .replace("First title", f"Title {index}")
                    .replace(f"Title {index - 1}", f"Title {index}"),
                    encoding="utf-8",
                )
                text.append(fleet.publish_and_wait()[1])
            for index in range(runs):
                config = fleet.config
                config.write_text(
                    config.read_text().replace(f"Title {runs - 1 + index}", f"Title {runs + index}"), encoding="utf-8"
                )
                watched.append(fleet.publish_and_wait(scan=False)[1])
            film = []
            for index in range(runs):
                path = fleet.source / "media" / "video" / f"film-{index}.bin"
                path.parent.mkdir(exist_ok=True)
                with open(path, "wb") as out:
                    for _ in range(film_mb):
                        out.write(os.urandom(1 << 20))
                film.append(fleet.publish_and_wait(timeout=600)[1])
                path.unlink()
        finally:
            fleet.stop()
    results["text_change_s_median"] = statistics.median(text)
    results["text_change_watcher_s_median"] = statistics.median(watched)
    results[f"film_{film_mb}mb_s_median"] = statistics.median(film)
    results.update(scrape_cost(100 if args.quick else 500))
    if not args.json:

        def listed(values: list[float]) -> str:
            return f"median {statistics.median(values):.1f} s ({', '.join(f'{t:.1f}' for t in values)})"

        print(f"one-line text change, publish to both kiosks showing it: {listed(text)}")
        print(f"  the same left to Syncthing's file watcher: {listed(watched)}")
        print(f"{film_mb} MB film added: {listed(film)}")
        print(
            f"metrics endpoint: {results['cpu_ms_per_scrape']:.2f} ms CPU per scrape, "
            f"{results['wall_ms_per_scrape']:.2f} ms wall, {results['bytes']:.0f} bytes"
        )
    print(json.dumps({"bench": "fleet", **{k: round(v, 3) for k, v in results.items()}}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
