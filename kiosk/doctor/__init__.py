"""``kiosk doctor``: what a technician must know before opening day, in plain words or JSON.

The checks that need a live Qt or libVLC run in a child process (see probe.py); everything else
runs here. ``Report.exit_code`` is 0 when nothing blocks opening, 1 otherwise.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from kiosk import paths
from kiosk.doctor import judge, machine
from kiosk.doctor.exhibition import check_exhibition, check_media, font_request
from kiosk.doctor.findings import Finding, Report, Status
from kiosk.doctor.speech import check_speech
from kiosk.logs import log_dir

__all__ = ["Finding", "Report", "Status", "probe_command", "run_doctor"]

#: Generous: a first Qt start on a cold disk, libVLC scanning its plugins, fonts indexed.
PROBE_TIMEOUT_S = 90.0


def probe_command() -> list[str]:
    """How to start ``kiosk doctor --probe`` in a child, from a checkout or from the bundle."""
    if paths.is_frozen():
        return [sys.executable, "doctor", "--probe"]
    return [sys.executable, "-m", "kiosk", "doctor", "--probe"]


def _probe_env() -> dict[str, str]:
    env = dict(os.environ)
    no_display = not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith("linux") and no_display and not env.get("QT_QPA_PLATFORM"):
        env["QT_QPA_PLATFORM"] = "offscreen"  # else Qt aborts: "could not connect to display"
    return env


def run_probe(request: dict[str, Any], timeout_s: float = PROBE_TIMEOUT_S) -> tuple[dict[str, Any], str]:
    """Sections the child printed ({"vlc": ..., "qt": ...}) and, when it failed, why."""
    try:
        done = subprocess.run(
            probe_command(),
            input=json.dumps(request),
            capture_output=True,
            text=True,
            timeout=timeout_s,
            env=_probe_env(),
            check=False,
        )
    except subprocess.TimeoutExpired:
        return {}, f"no answer within {timeout_s:.0f} s"
    except OSError as error:
        return {}, f"could not start: {error}"
    sections: dict[str, Any] = {}
    for line in done.stdout.splitlines():
        try:
            message = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(message, dict) and "section" in message:
            sections[message["section"]] = message.get("facts")
    problem = ""
    if done.returncode != 0:
        lines = [line.strip() for line in done.stderr.strip().splitlines() if line.strip()]
        # Qt's own reason ("could not connect to display :0") comes first, before its generic advice.
        telling = [line for line in lines if "connect to display" in line or "Fatal" in line]
        tail = (telling + [line for line in lines[-3:] if line not in telling])[:3]
        problem = f"exit code {done.returncode}" + (": " + " | ".join(tail) if tail else "")
    return sections, problem


def run_doctor(config: Path | None = None) -> Report:
    exhibition_path = config or paths.default_exhibition()
    findings: list[Finding] = [machine.check_bundle()]
    exhibition_finding, exhibition = check_exhibition(exhibition_path)
    request = font_request(exhibition) if exhibition is not None else {}
    sections, crash = run_probe(request)

    qt = sections.get("qt")
    findings.append(judge.judge_vlc(sections.get("vlc"), frozen=paths.is_frozen()))
    findings.append(judge.judge_platform(qt, machine.session_facts(), crash))
    findings.append(judge.judge_scene_graph(qt))
    findings.append(judge.judge_screens(qt))
    findings.append(judge.judge_touch(qt, machine.kernel_touch_devices()))
    findings.append(machine.check_sound())
    if exhibition is None:
        findings.append(Finding("fonts", "Fonts", Status.WARN, "not checked: the exhibition could not be read"))
    else:
        findings.append(judge.judge_fonts(qt))
    findings.append(exhibition_finding)
    if exhibition is not None:
        findings.append(check_media(exhibition))
    findings.append(check_speech(exhibition))
    logs = log_dir()
    from kiosk.analytics.database import data_dir

    findings.append(machine.check_disk([logs, exhibition_path.parent, data_dir()]))
    findings.append(machine.check_log_folder(logs))
    return Report.of(findings)
