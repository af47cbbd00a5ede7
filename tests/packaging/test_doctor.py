"""kiosk doctor: findings from real checks, plain and JSON reports, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.doctor import judge, machine
from kiosk.doctor.exhibition import characters, check_exhibition, check_media, font_request
from kiosk.doctor.findings import Finding, Report, Status

EXHIBITION = """\
version: 1
exhibition:
  id: doctor-test
  title: {en: "Doctor test", ar: "اختبار الطبيب"}
  languages: [en, ar]
  media: media
attract:
  items: [intro]
  invitation: {en: Touch the screen, ar: المس الشاشة}
chapters:
  - id: first
    title: {en: First, ar: الأول}
    panels:
      - id: intro
        type: text
        title: {en: Hello, ar: مرحبا}
        body: {en: "BODY_EN", ar: "نص عربي"}
"""


def write_exhibition(folder: Path, body_en: str = "Plain words") -> Path:
    (folder / "media").mkdir(exist_ok=True)
    path = folder / "exhibition.yaml"
    path.write_text(EXHIBITION.replace("BODY_EN", body_en), encoding="utf-8")
    return path


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "doctor", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


# --- the report --------------------------------------------------------------------------------------


def test_report_exit_code_follows_failures():
    ok = Finding("a", "A", Status.OK, "fine")
    warn = Finding("b", "B", Status.WARN, "hmm", advice="look")
    fail = Finding("c", "C", Status.FAIL, "broken", advice="fix it")
    assert Report.of([ok, warn]).exit_code == 0
    report = Report.of([ok, warn, fail])
    assert report.exit_code == 1
    text = report.to_text()
    assert "[FAIL] C  broken" in text and "-> fix it" in text and "NOT ready to open: C." in text
    data = json.loads(report.to_json())
    assert data["ready"] is False and data["blocking"] == ["c"] and data["warnings"] == ["b"]
    assert "Ready to open (1 warning to look at)." in Report.of([ok, warn]).to_text()


# --- pure judgements ---------------------------------------------------------------------------------


def test_vlc_from_bundle_or_system(tmp_path):
    bundle = tmp_path / "_internal"
    facts = {
        "bundle_root": str(bundle),
        "env": {"PYTHON_VLC_LIB_PATH": str(bundle / "libvlc.so.5"), "VLC_PLUGIN_PATH": str(bundle / "vlc/plugins")},
        "probe": {"available": True, "version": "3.0.24 Vetinari"},
    }
    finding = judge.judge_vlc(facts, frozen=True)
    assert finding.status is Status.OK
    assert finding.summary.startswith("libVLC 3.0.24 Vetinari from the bundle")
    system = {**facts, "env": {}, "probe": {"available": True, "version": "3.0.24", "library": "/usr/lib/libvlc.so.5"}}
    assert judge.judge_vlc(system, frozen=True).status is Status.WARN
    assert "from the system" in judge.judge_vlc(system, frozen=False).summary
    broken = {**facts, "probe": {"available": False, "error": "vlc.Instance() returned None"}}
    finding = judge.judge_vlc(broken, frozen=True)
    assert finding.status is Status.FAIL and "Instance() returned None" in finding.summary
    assert judge.judge_vlc(None, frozen=False).status is Status.FAIL


def test_software_opengl_is_a_warning():
    graph = {"rendered": True, "graphics_api": "OpenGL", "gl_renderer": "llvmpipe (LLVM 15.0.6, 256 bits)"}
    assert judge.judge_scene_graph({"scene_graph": graph}).status is Status.WARN
    graph["gl_renderer"] = "Mesa Intel(R) UHD Graphics 620"
    assert judge.judge_scene_graph({"scene_graph": graph}).status is Status.OK
    assert judge.judge_scene_graph({"scene_graph": {"rendered": False}}).status is Status.FAIL


def test_a_device_on_the_cpu_is_a_warning_whatever_its_api_and_films_say_how_they_go():
    lavapipe = {"rendered": True, "graphics_api": "Vulkan", "device": "llvmpipe (LLVM 15.0.6, 256 bits)"}
    finding = judge.judge_scene_graph({"scene_graph": dict(lavapipe, device_on_cpu=True, films_as_planes=False)})
    assert finding.status is Status.WARN
    assert "renderer llvmpipe" in finding.summary and "films sent as RGB textures" in finding.summary
    assert finding.advice.startswith("Vulkan is emulated on the CPU")
    card = {"rendered": True, "graphics_api": "Direct3D11", "device": "Intel(R) UHD Graphics 620"}
    finding = judge.judge_scene_graph({"scene_graph": dict(card, device_on_cpu=False, films_as_planes=True)})
    assert finding.status is Status.OK and finding.summary.endswith("films sent as I420 planes")


def test_screens_described_in_plain_words():
    screen = {
        "name": "HDMI-1",
        "width": 1920,
        "height": 1080,
        "pixel_ratio": 1,
        "physical_mm": [1210, 680],
        "refresh_hz": 60.0,
        "primary": True,
    }
    finding = judge.judge_screens({"screens": [screen]})
    assert finding.status is Status.OK
    assert finding.summary == '1 screen: HDMI-1 1920x1080 @60 Hz, 1210x680 mm (55")'
    assert judge.judge_screens({"screens": []}).status is Status.FAIL


def test_touch_from_qt_or_kernel():
    qt = {"input_devices": [{"name": "ILITEK Multi-Touch", "type": "TouchScreen"}]}
    assert judge.judge_touch(qt, []).status is Status.OK
    finding = judge.judge_touch({"input_devices": []}, ["eGalax Inc. eGalaxTouch"])
    assert finding.status is Status.WARN and "eGalax" in finding.summary
    assert judge.judge_touch({"input_devices": []}, []).status is Status.WARN


PROC_DEVICES = """\
I: Bus=0003 Vendor=222a Product=0001 Version=0110
N: Name="ILITEK ILITEK-TP"
H: Handlers=mouse0 event5
B: EV=1b
B: KEY=400 0 0 0 0 0
B: ABS=260800000000003

I: Bus=0011 Vendor=0001 Product=0001 Version=ab41
N: Name="AT Translated Set 2 keyboard"
H: Handlers=sysrq kbd event0 leds
B: EV=120013
B: KEY=402000000 3803078f800d001 feffffdfffefffff fffffffffffffffe
"""


def test_kernel_touchscreens_are_recognised():
    devices = machine.parse_input_devices(PROC_DEVICES)
    assert [(d.name, d.touch) for d in devices] == [
        ("ILITEK ILITEK-TP", True),
        ("AT Translated Set 2 keyboard", False),
    ]


def test_disk_thresholds(tmp_path):
    assert machine.check_disk([tmp_path], minimum=1, low=2).status is Status.OK
    assert machine.check_disk([tmp_path], minimum=1, low=1 << 60).status is Status.WARN
    finding = machine.check_disk([tmp_path / "not" / "yet"], minimum=1 << 60, low=1 << 61)
    assert finding.status is Status.FAIL and "free on the disk of" in finding.summary


def test_log_folder_must_be_writable(tmp_path):
    assert machine.check_log_folder(tmp_path / "logs").status is Status.OK
    (tmp_path / "file").write_text("in the way")
    finding = machine.check_log_folder(tmp_path / "file" / "logs")
    assert finding.status is Status.WARN and "not writable" in finding.summary


# --- the exhibition ----------------------------------------------------------------------------------


def test_exhibition_text_per_language(tmp_path):
    finding, exhibition = check_exhibition(write_exhibition(tmp_path, "Café"))
    assert finding.status is Status.OK, finding.summary
    request = font_request(exhibition)
    assert set(request) == {"en", "ar"}
    assert "é" in request["en"]["characters"] and "ب" not in request["en"]["characters"]
    assert "ب" in request["ar"]["characters"]
    assert request["ar"]["fonts"] == ["Noto Naskh Arabic"]
    assert characters("a a\u200f\n") == "a"  # spaces and direction marks need no glyph


def test_missing_exhibition_and_unreadable_media(tmp_path):
    finding, exhibition = check_exhibition(tmp_path / "nope.yaml")
    assert finding.status is Status.FAIL and exhibition is None
    finding, exhibition = check_exhibition(write_exhibition(tmp_path))
    assert check_media(exhibition).status is Status.OK


# --- the real thing ----------------------------------------------------------------------------------


def test_fonts_found_and_missing_with_real_qt(qapp):
    from PySide6.QtGui import QFontDatabase

    from kiosk.doctor.probe import _fonts

    request = {
        "ar": {"name": "Arabic", "fonts": ["Noto Naskh Arabic"], "characters": "ابت"},
        "en": {"name": "English", "fonts": ["No Such Font"], "characters": "abc\U0001f9e0"},
    }
    facts = _fonts(request, QFontDatabase)
    assert facts["ar"]["installed"] == ["Noto Naskh Arabic"] and facts["ar"]["uncovered"] == ""
    assert facts["en"]["installed"] == [] and facts["en"]["uncovered"] == "\U0001f9e0"
    finding = judge.judge_fonts({"fonts": facts})
    assert finding.status is Status.FAIL and "English: no font draws" in finding.summary


def test_doctor_cli_plain_and_json(tmp_path):
    config = write_exhibition(tmp_path)
    result = run_cli(str(config), "--json")
    data = json.loads(result.stdout)
    assert result.returncode == (0 if data["ready"] else 1)
    checks = {finding["check"]: finding for finding in data["findings"]}
    assert list(checks) == [
        "bundle",
        "libvlc",
        "qt_platform",
        "scene_graph",
        "screens",
        "touch",
        "sound",
        "fonts",
        "exhibition",
        "media",
        "speech",
        "disk",
        "logs",
    ]
    assert checks["exhibition"]["status"] == "ok"
    assert checks["fonts"]["status"] == "ok", checks["fonts"]["summary"]
    assert checks["qt_platform"]["details"]["platform"] == "offscreen"
    assert checks["bundle"]["details"]["frozen"] is False
    plain = run_cli(str(config))
    assert plain.returncode == result.returncode
    assert "Exhibition" in plain.stdout and ("Ready to open" in plain.stdout or "NOT ready" in plain.stdout)


def test_doctor_cli_fails_on_a_broken_exhibition(tmp_path):
    config = tmp_path / "broken.yaml"
    config.write_text("exhibition: [not, a, mapping\n", encoding="utf-8")
    result = run_cli(str(config))
    assert result.returncode == 1
    assert "[FAIL] Exhibition" in result.stdout


@pytest.mark.parametrize("crash", ["exit code -6: could not connect to display"])
def test_a_crashing_qt_probe_is_a_finding(crash):
    finding = judge.judge_platform(None, {"DISPLAY": ":7"}, crash)
    assert finding.status is Status.FAIL and "could not connect" in finding.summary


def _a_display_nobody_serves() -> str:
    """An X display number with no server (a developer may run Xvfb on a fixed one, :77 say)."""
    from pathlib import Path

    for number in range(177, 400):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            return f":{number}"
    pytest.skip("every X display number here is taken")


def test_doctor_reports_a_display_it_cannot_reach(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "doctor", str(write_exhibition(tmp_path)), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**env, "DISPLAY": _a_display_nobody_serves()},
    )
    assert result.returncode == 1
    checks = {finding["check"]: finding for finding in json.loads(result.stdout)["findings"]}
    assert checks["qt_platform"]["status"] == "fail"
    assert "Qt could not start here" in checks["qt_platform"]["summary"]
    assert checks["exhibition"]["status"] == "ok"  # the rest of the report still came out


def test_sound_cards_and_silence(tmp_path):
    cards = tmp_path / "cards"
    cards.write_text(
        " 0 [PCH            ]: HDA-Intel - HDA Intel PCH\n                      HDA Intel PCH at 0xf7f10000\n"
    )
    assert machine.parse_sound_cards(cards.read_text()) == ["HDA Intel PCH"]
    finding = machine.check_sound(cards, runtime_dir=str(tmp_path), vlc_options="")
    assert finding.status is Status.OK and "straight to ALSA" in finding.summary
    missing = machine.check_sound(tmp_path / "none", runtime_dir="", vlc_options="")
    assert missing.status is Status.WARN and "--aout=adummy" in missing.advice
    silent = machine.check_sound(tmp_path / "none", runtime_dir="", vlc_options="--aout=adummy")
    assert silent.status is Status.INFO
