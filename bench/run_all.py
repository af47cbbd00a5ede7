"""Every benchmark of the kiosk behind one command: one table, one JSON file, one Markdown file.

    .venv/bin/python bench/run_all.py [--quick] [--only NAME ...]

Runs each benchmark script as its own process (so one crash or leak never skews the next),
one after the other (the machine has two cores; parallel runs would measure each other),
collects their results, and prints one table: name, median, p95, target, ratio, pass/fail.
It writes bench/results/latest.json (every row, the machine, the commands) and
bench/results/latest.md (the table and the machine, ready to paste into the README).

The protocol: a benchmark prints, as its last line on stdout, one JSON object

    {"bench": "images", "results": [{"name": ..., "unit": "ms", "median": 12.3, "p95": 15.0,
                                      "target": 150, "better": "lower", "n": 15, "note": "..."}]}

``better`` is "lower" (the default: times, memory) or "higher" (frames per second). The
ratio is median / target when lower is better and target / median when higher is, so a
ratio at or under 1.0 always passes. A script that does not print that line is read by an
adapter here that knows its own output (see ADAPTERS).

Exit code: 0 when every row passes, 1 when one fails, 2 when a benchmark could not run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
PYTHON = sys.executable


@dataclass(frozen=True)
class Bench:
    """One benchmark script and how to call it."""

    name: str
    script: str
    quick: tuple[str, ...] = ("--quick",)
    full: tuple[str, ...] = ()
    timeout_quick: float = 600.0
    timeout_full: float = 3600.0
    owner: str = ""
    measures: str = ""


#: In the order the table lists them.
BENCHES: tuple[Bench, ...] = (
    Bench(
        "validate",
        "bench/bench_validate.py",
        quick=("--runs", "3"),
        owner="loader",
        measures="validating a large exhibition",
    ),
    Bench("ui", "bench/bench_ui.py", owner="presentation", measures="startup, touch-to-frame, transition frame times"),
    Bench(
        "ui-1core",
        "bench/bench_ui.py",
        quick=("--quick", "--one-core"),
        full=("--one-core",),
        owner="presentation",
        measures="the same on one core (a small booth machine)",
    ),
    Bench(
        "ui-1000",
        "bench/bench_ui.py",
        quick=("--quick", "--panels", "1000"),
        full=("--panels", "1000"),
        owner="presentation",
        measures="a 1,000-panel exhibition in the running kiosk",
    ),
    Bench(
        "reload", "bench/bench_reload.py", owner="staff tools", measures="live preview: save to the change on screen"
    ),
    Bench("video", "bench/bench_video.py", owner="video", measures="excerpt start, gaps between excerpts"),
    Bench(
        "video-4k-starts",
        "bench/bench_video.py",
        quick=("--starts-only", "--4k"),
        full=("--starts-only", "--4k", "--runs", "3"),
        owner="video",
        measures="excerpt starts on 2160p and 1440p films, shown on a 2160p screen",
    ),
    Bench(
        "listen",
        "bench/bench_listen.py",
        owner="access",
        measures="listen key to first sound; kiosk speak on the bundled exhibition",
    ),
    Bench(
        "video-sizes",
        "bench/bench_video_sizes.py",
        owner="video",
        measures="720p-2160p films on 1080p and 2160p screens: fps, CPU, memory",
    ),
    Bench(
        "video-prepared",
        "bench/bench_video_sizes.py",
        quick=("--quick", "--prepared", "--films", "2160p", "--windows", "2160p"),
        full=("--prepared", "--films", "2160p", "--windows", "2160p"),
        owner="video",
        measures="a 2160p film prepared, then played, as the attract loop plays its films",
    ),
    Bench(
        "video-attract",
        "bench/bench_video_sizes.py",
        quick=("--quick", "--attract", "--films", "2160p", "--windows", "2160p"),
        full=("--attract", "--films", "2160p", "--windows", "2160p"),
        owner="video",
        measures="the whole kiosk: an attract loop of two 2160p excerpts on a 2160p screen",
    ),
    Bench(
        "video-1core",
        "bench/bench_video_sizes.py",
        quick=("--quick", "--one-core"),
        full=("--one-core",),
        owner="video",
        measures="a 1080p30 film on one core",
    ),
    Bench(
        "video-gl",
        "bench/bench_video_sizes.py",
        quick=("--quick", "--gl", "--films", "1080p", "2160p"),
        full=("--gl",),
        owner="video",
        measures="films on the OpenGL scene graph (Xvfb, llvmpipe)",
    ),
    Bench(
        "video-gl-planes",
        "bench/bench_video_sizes.py",
        quick=("--quick", "--gl", "--card-i420", "--films", "1080p", "2160p"),
        full=("--gl", "--card-i420"),
        owner="video",
        measures="films on the OpenGL scene graph as I420 planes, as a graphics card takes them (llvmpipe)",
    ),
    Bench("images", "bench/bench_images.py", owner="reliability", measures="image decode at display size"),
    Bench(
        "recovery",
        "tests/recovery/measure.py",
        quick=("--quick",),
        full=("--kills", "5"),
        owner="reliability",
        measures="kill -9 to the new kiosk's first attract frame",
    ),
    Bench(
        "faults",
        "tests/faults/measure.py",
        quick=("--quick",),
        full=("--repeats", "5"),
        owner="reliability",
        measures="display back, display late at boot, frozen UI: to the new first frame",
    ),
    Bench(
        "soak",
        "bench/soak.py",
        quick=("--quick", "--name", "soak-quick"),
        full=(),
        timeout_full=6 * 3600.0,
        owner="reliability",
        measures="memory over thousands of visits",
    ),
)


@dataclass
class Row:
    bench: str
    name: str
    unit: str
    median: float | None
    p95: float | None
    target: float | None
    better: str = "lower"
    n: int | None = None
    note: str = ""
    status: str = ""  # pass | FAIL | no target | not built | error
    ratio: float | None = None
    #: Which figure the target applies to: "median" (default), "p95" or "max".
    judged_on: str = "median"
    max: float | None = None

    def judged_value(self) -> float | None:
        return {"p95": self.p95, "max": self.max}.get(self.judged_on, self.median)

    def judge(self) -> None:
        if self.status:
            return
        value = self.judged_value()
        if value is None or self.target is None:
            self.status = "no target"
            return
        if self.target == 0:  # "none at all": any growth fails, and no ratio can say by how much
            self.status = "pass" if (value <= 0 if self.better == "lower" else True) else "FAIL"
            return
        if self.better == "higher":
            self.ratio = self.target / value if value else float("inf")
        else:
            self.ratio = value / self.target
        self.status = "pass" if self.ratio <= 1.0 else "FAIL"


@dataclass
class Outcome:
    bench: Bench
    rows: list[Row] = field(default_factory=list)
    seconds: float = 0.0
    returncode: int | None = None
    problem: str = ""
    command: list[str] = field(default_factory=list)


# --- parsing ------------------------------------------------------------------------------------------


def last_json(stdout: str) -> dict[str, Any] | None:
    """The last line of ``stdout`` that is a JSON object with "results", or None."""
    for line in reversed(stdout.strip().splitlines()):
        line = line.strip()
        if line.startswith("{") and line.endswith("}"):
            try:
                data = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(data, dict) and isinstance(data.get("results"), list):
                return data
    return None


def rows_from_protocol(bench: Bench, data: dict[str, Any]) -> list[Row]:
    rows = []
    for item in data["results"]:
        rows.append(
            Row(
                bench=bench.name,
                name=str(item.get("name", "?")),
                unit=str(item.get("unit", "")),
                median=_number(item.get("median")),
                p95=_number(item.get("p95")),
                target=_number(item.get("target")),
                better=str(item.get("better", "lower")),
                n=item.get("n"),
                note=str(item.get("note", "")),
                status="FAIL" if item.get("ok") is False and item.get("target") is None else "",
                judged_on=_judged_on(item),
                max=_number(item.get("max")),
            )
        )
    return rows


def _judged_on(item: dict[str, Any]) -> str:
    """The figure a target applies to: "judge" when given, else what the note says (bench_ui's way)."""
    judge = item.get("judge")
    if judge in ("median", "p95", "max"):
        return str(judge)
    note = str(item.get("note", "")).lower()
    if "max is the target" in note and item.get("max") is not None:
        return "max"
    if "p95 is the target" in note:
        return "p95"
    return "median"


def _number(value: object) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


_VALIDATE_LINE = re.compile(
    r"^(?P<label>.+?): median (?P<median>[\d.]+) ms, min (?P<min>[\d.]+) ms, max (?P<max>[\d.]+) ms "
    r"over (?P<n>\d+) runs; ratio to the (?P<target>[\d.]+) s target"
)


def _validate_rows(bench: Bench, stdout: str) -> list[Row]:
    """bench_validate.py prints 'LABEL: median 123 ms, min .., max .. over N runs; ratio to the 0.5 s target'."""
    rows = []
    for line in stdout.splitlines():
        match = _VALIDATE_LINE.match(line.strip())
        if match:
            rows.append(
                Row(
                    bench.name,
                    f"validate 1,000 panels: {match['label']}",
                    "ms",
                    float(match["median"]),
                    float(match["max"]),
                    float(match["target"]) * 1000,
                    n=int(match["n"]),
                    note=f"p95 column: the slowest of {match['n']} runs",
                    max=float(match["max"]),
                )
            )
    return rows


#: Readers for scripts whose output is not the protocol line: name -> (stdout -> rows).
ADAPTERS: dict[str, Callable[[Bench, str], list[Row]]] = {"validate": _validate_rows}


def parse(bench: Bench, stdout: str) -> list[Row]:
    data = last_json(stdout)
    if data is not None:
        return rows_from_protocol(bench, data)
    adapter = ADAPTERS.get(bench.name)
    if adapter is not None:
        return adapter(bench, stdout)
    return []


# --- running ------------------------------------------------------------------------------------------


def run(bench: Bench, quick: bool, echo: bool) -> Outcome:
    script = ROOT / bench.script
    command = [PYTHON, str(script), *(bench.quick if quick else bench.full)]
    outcome = Outcome(bench, command=command)
    if not script.is_file():
        outcome.problem = f"{bench.script} does not exist yet ({bench.owner})"
        outcome.rows = [Row(bench.name, bench.measures, "", None, None, None, status="not built", note=outcome.problem)]
        return outcome
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), PYTHONUNBUFFERED="1")
    started = time.monotonic()
    try:
        done = subprocess.run(
            command,
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=bench.timeout_quick if quick else bench.timeout_full,
        )
    except subprocess.TimeoutExpired as error:
        outcome.seconds = time.monotonic() - started
        outcome.problem = f"timed out after {error.timeout:.0f} s"
        outcome.rows = [Row(bench.name, bench.measures, "", None, None, None, status="error", note=outcome.problem)]
        return outcome
    outcome.seconds = time.monotonic() - started
    outcome.returncode = done.returncode
    if echo:
        sys.stderr.write(done.stdout if done.stdout.endswith("\n") or not done.stdout else done.stdout + "\n")
    outcome.rows = parse(bench, done.stdout)
    if not outcome.rows:
        tail = (done.stderr or done.stdout).strip().splitlines()[-5:]
        outcome.problem = f"exit code {done.returncode}, no results: " + " | ".join(tail)
        outcome.rows = [Row(bench.name, bench.measures, "", None, None, None, status="error", note=outcome.problem)]
    elif done.returncode not in (0, 1):
        # 1 is "a target was missed" for several scripts; anything else is a crash after printing.
        outcome.problem = f"exit code {done.returncode}: " + " | ".join(done.stderr.strip().splitlines()[-3:])
    for row in outcome.rows:
        row.judge()
    return outcome


def long_soak_rows(path: Path) -> list[Row]:
    """The rows of the last long soak (bench/soak.py without --quick), shown beside a quick run's."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    bench = Bench("soak-long", "bench/soak.py")
    rows = rows_from_protocol(bench, record)
    for row in rows:
        row.note = f"long soak of {record.get('date', '?')}: {row.note}".rstrip(": ")
        row.judge()
    return rows


# --- the machine --------------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    """What the figures were measured on: CPU, cores, memory, OS, and the versions that matter."""
    info: dict[str, str] = {}
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    info["cpu"] = cpu or platform.processor() or platform.machine()
    info["cores"] = str(os.cpu_count() or "?")
    try:
        import psutil

        info["ram"] = f"{psutil.virtual_memory().total / 2**30:.1f} GiB"
    except ImportError:
        info["ram"] = "?"
    pretty = ""
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                pretty = line.split("=", 1)[1].strip('"')
    except OSError:
        pass
    info["os"] = f"{pretty or platform.system()} (kernel {platform.release()}, {platform.machine()})"
    info["python"] = platform.python_version()
    info.update(_versions())
    info["gpu"] = "none: Qt Quick software scene graph, offscreen"
    return info


def _versions() -> dict[str, str]:
    """PySide6, Qt and libVLC versions, asked of child processes so this one stays free of Qt and vlc."""
    versions = {"pyside6": "?", "qt": "?", "libvlc": "?"}
    probe = (
        "import PySide6, json\nfrom PySide6.QtCore import qVersion\n"
        "print(json.dumps({'pyside6': PySide6.__version__, 'qt': qVersion()}))"
    )
    try:
        done = subprocess.run([PYTHON, "-c", probe], capture_output=True, text=True, timeout=60)
        versions.update(json.loads(done.stdout.strip().splitlines()[-1]))
    except (subprocess.SubprocessError, ValueError, IndexError, OSError):
        pass
    try:
        done = subprocess.run(
            [PYTHON, "-c", "import vlc; print(vlc.libvlc_get_version().decode())"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        if done.returncode == 0 and done.stdout.strip():
            versions["libvlc"] = done.stdout.strip().splitlines()[-1]
    except (subprocess.SubprocessError, OSError):
        pass
    return versions


# --- output -------------------------------------------------------------------------------------------


def _fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "-"
    text = f"{value:.0f}" if abs(value) >= 100 else f"{value:.3g}" if abs(value) < 10 else f"{value:.1f}"
    return f"{text} {unit}".strip()


def table(rows: list[Row]) -> list[list[str]]:
    lines = [["benchmark", "median", "p95", "target", "ratio", "result"]]
    for row in rows:
        op = ">=" if row.better == "higher" else "<="
        on = "" if row.judged_on == "median" else f"{row.judged_on} "
        target = f"{on}{op} {_fmt(row.target, row.unit)}" if row.target is not None else "-"
        ratio = f"{row.ratio:.2f}" if row.ratio is not None else "-"
        p95 = _fmt(row.p95, row.unit)
        if row.judged_on == "max" and row.max is not None:
            p95 += f" (max {_fmt(row.max, row.unit)})"
        lines.append([f"{row.bench}: {row.name}", _fmt(row.median, row.unit), p95, target, ratio, row.status])
    return lines


def render_text(rows: list[Row]) -> str:
    lines = table(rows)
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    out = []
    for index, line in enumerate(lines):
        out.append("  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(line)))
        if index == 0:
            out.append("  ".join("-" * width for width in widths))
    return "\n".join(out)


def render_markdown(rows: list[Row], info: dict[str, str], meta: dict[str, Any]) -> str:
    lines = table(rows)
    md = ["| " + " | ".join(lines[0]) + " |", "|" + "|".join(["---"] + ["---:"] * (len(lines[0]) - 1)) + "|"]
    md += ["| " + " | ".join(cell.replace("|", "\\|") for cell in line) + " |" for line in lines[1:]]
    notes = [f"- **{row.bench}: {row.name}**: {row.note}" for row in rows if row.note]
    machine_lines = [f"- {key}: {value}" for key, value in info.items()]
    mode = "quick" if meta["quick"] else "full"
    return "\n".join(
        [
            "# Benchmarks: latest run",
            "",
            f"`{meta['command']}` ({mode} run, {meta['date']}, {meta['seconds']:.0f} s, commit {meta['commit']}).",
            "A ratio at or under 1.00 passes: median / target (target / median where higher is better);",
            "a target marked p95 or max applies to that figure instead of the median.",
            "",
            *md,
            "",
            "## Machine",
            "",
            *machine_lines,
            "",
            "## Notes",
            "",
            *(notes or ["- none"]),
            "",
        ]
    )


def _commit() -> str:
    try:
        done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        return done.stdout.strip() + ("+dirty" if dirty else "")
    except OSError:
        return "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run every kiosk benchmark; print one table; write results.")
    parser.add_argument("--quick", action="store_true", help="short versions (minutes, not hours)")
    parser.add_argument(
        "--only", nargs="+", metavar="NAME", choices=[b.name for b in BENCHES], help="run only these benchmarks"
    )
    parser.add_argument("--echo", action="store_true", help="show each benchmark's own output (on stderr)")
    parser.add_argument("--out", type=Path, default=RESULTS, help="folder for latest.json and latest.md")
    args = parser.parse_args(argv)

    started = time.monotonic()
    outcomes: list[Outcome] = []
    for bench in BENCHES:
        if args.only and bench.name not in args.only:
            continue
        print(f"running {bench.name} ({bench.script}) ...", file=sys.stderr, flush=True)
        outcome = run(bench, args.quick, args.echo)
        print(
            f"  {bench.name}: {len(outcome.rows)} rows in {outcome.seconds:.0f} s"
            + (f"; {outcome.problem}" if outcome.problem else ""),
            file=sys.stderr,
            flush=True,
        )
        outcomes.append(outcome)
    rows = [row for outcome in outcomes for row in outcome.rows]
    if args.quick and (not args.only or "soak" in args.only):
        rows += long_soak_rows(args.out / "soak.json")
    info = machine()
    meta = {
        "command": "bench/run_all.py"
        + (" --quick" if args.quick else "")
        + (f" --only {' '.join(args.only)}" if args.only else ""),
        "quick": args.quick,
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "seconds": time.monotonic() - started,
        "commit": _commit(),
    }
    print(render_text(rows))
    print()
    print("machine: " + "; ".join(f"{key} {value}" for key, value in info.items()))
    args.out.mkdir(parents=True, exist_ok=True)
    payload = {
        **meta,
        "machine": info,
        "rows": [asdict(row) for row in rows],
        "benches": [
            {
                "name": o.bench.name,
                "script": o.bench.script,
                "command": [Path(c).name if i == 0 else c for i, c in enumerate(o.command)],
                "seconds": round(o.seconds, 1),
                "returncode": o.returncode,
                "problem": o.problem,
            }
            for o in outcomes
        ],
    }
    (args.out / "latest.json").write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    (args.out / "latest.md").write_text(render_markdown(rows, info, meta), encoding="utf-8")
    print(f"wrote {args.out / 'latest.json'} and {args.out / 'latest.md'}", file=sys.stderr)
    if any(row.status in ("error",) for row in rows):
        return 2
    return 1 if any(row.status == "FAIL" for row in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
