"""The short soak's run, in a process of its own: ``python soak_child.py PLAN.json RESULT.json``.

A kiosk runs alone in its process for days; the soak measures that process, not a pytest
process carrying what hundreds of earlier tests left in its heap (measured: the same run grows
RSS by +47 MB inside the full suite and under +25 MB alone). Running apart also means a failed
run cannot leave a live scene behind for later tests.

PLAN.json holds ``bench/soak.py``'s Plan fields; RESULT.json gets the samples, the counters, every
Qt or QML warning, whether a video player was there, and, if the run failed, the error.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import logging
import os
import sys
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main(plan_path: str, result_path: str) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("KIOSK_VLC_OPTIONS", "--aout=adummy")
    from kiosk.malloc import tune_for_long_runs

    tune_for_long_runs()  # as kiosk run does, before Qt and libVLC start threads
    logging.basicConfig(level=logging.WARNING)
    spec = importlib.util.spec_from_file_location("kiosk_bench_soak", ROOT / "bench" / "soak.py")
    assert spec is not None and spec.loader is not None
    soak = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = soak
    spec.loader.exec_module(soak)

    from PySide6.QtCore import QtMsgType, qInstallMessageHandler
    from PySide6.QtGui import QGuiApplication

    warnings: list[str] = []

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if kind not in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
            warnings.append(message)
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)
    app = QGuiApplication(sys.argv[:1])
    fields = json.loads(Path(plan_path).read_text())
    plan = soak.Plan(**{k: tuple(v) if isinstance(v, list) else v for k, v in fields.items()})
    exhibition = soak.soak_exhibition_path()
    outcome: dict[str, object] = {"warnings": warnings, "error": None}
    runner = None
    try:
        kiosk = soak.make_kiosk(soak.load_for_soak(exhibition), plan)
        runner = soak.Soak(kiosk, plan, reload=lambda: soak.load_for_soak(exhibition))
        runner.run(progress=lambda line: print(line, file=sys.stderr, flush=True))
    except Exception:
        outcome["error"] = traceback.format_exc()
    if runner is not None:
        counts = dataclasses.asdict(runner.counts)
        counts.pop("step_ms", None)
        outcome["counts"] = counts
        outcome["samples"] = [dataclasses.asdict(s) for s in runner.sampler.samples]
    Path(result_path).write_text(json.dumps(outcome))
    del app
    # No teardown to watch: the process ends here, as a stopped kiosk's would.
    os._exit(0)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2]))
