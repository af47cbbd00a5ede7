"""No screen at boot, and the display server going away: real Xvfb, the real kiosk, the real supervisor."""

from __future__ import annotations

import time

import psutil
import pytest

from kiosk.display_wait import Display, display_of, is_up, unnamed_display, wait_for_display

from .kiosk_process import kiosk_env, launch, wait_for_line
from .xserver import Xvfb

pytestmark = [pytest.mark.vlc]


def test_the_display_qt_will_use_is_read_from_the_environment() -> None:
    assert display_of({"DISPLAY": ":0"}) == Display("x11", ":0", ("\0/tmp/.X11-unix/X0", "/tmp/.X11-unix/X0"))
    assert display_of({"DISPLAY": "unix:3.0"}).addresses[-1] == "/tmp/.X11-unix/X3"  # type: ignore[union-attr]
    assert display_of({"DISPLAY": "booth:1"}).addresses == (("booth", 6001),)  # type: ignore[union-attr]
    wayland = display_of({"QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": "wayland-1", "XDG_RUNTIME_DIR": "/r"})
    assert wayland == Display("wayland", "wayland-1", ("/r/wayland-1",))
    session = display_of(
        {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "w", "DISPLAY": ":0", "XDG_RUNTIME_DIR": "/r"}
    )
    assert session is not None and session.kind == "wayland"
    assert display_of({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}) is None
    assert display_of({"QT_QPA_PLATFORM": "eglfs"}) is None
    assert "DISPLAY and WAYLAND_DISPLAY are both empty" in unnamed_display({})
    assert unnamed_display({"DISPLAY": ":0"}) == "" and unnamed_display({"QT_QPA_PLATFORM": "offscreen"}) == ""


def test_waiting_gives_up_at_its_timeout_without_spinning(xvfb: Xvfb) -> None:
    display = display_of({"DISPLAY": xvfb.name})
    assert display is not None and not is_up(display)
    pauses: list[float] = []
    assert not wait_for_display(display, timeout=5.0, sleep=pauses.append, clock=lambda: sum(pauses))
    # 0.1, 0.2, 0.4, 0.8, 1.6, then 2 s at most: a handful of tries, no busy loop.
    assert pauses[:5] == pytest.approx([0.1, 0.2, 0.4, 0.8, 1.6]) and max(pauses) <= 2.0 and len(pauses) <= 7
    # -noreset: an X server left by its last client resets itself, and a probe that lands in the
    # reset finds nobody (a fresh-clone run once did, right after the probe before it); that reset,
    # and the held probe the kiosk uses against it, are test_the_probe_holds_the_x_server_... below.
    xvfb.start("-noreset")
    assert is_up(display) and wait_for_display(display, timeout=0)


@pytest.mark.slow
def test_a_kiosk_started_before_its_display_waits_then_shows_its_first_frame(xvfb: Xvfb, tmp_path, capsys) -> None:
    kiosk = launch(kiosk_env(tmp_path, xvfb.name), "--size", "1280x720")
    try:
        wait_for_line(kiosk, "waiting for the display")
        time.sleep(1.0)  # the kiosk keeps waiting: no abort, no exit
        assert kiosk.process.poll() is None, "\n".join(kiosk.log[-30:])
        up = xvfb.start()
        frame = kiosk.next_frame(timeout=60)
        with capsys.disabled():
            print(f"\ndisplay up to the kiosk's first frame: {frame.mono - up:.2f} s")
        assert frame.mono - up < 15
        log = "\n".join(kiosk.log)
        assert "xcb-cursor0" not in log and "Fatal" not in log
    finally:
        code = kiosk.stop()
    assert code == 0


@pytest.mark.slow
def test_the_display_going_away_ends_the_kiosk_cleanly_and_the_supervisor_brings_it_back(
    xvfb: Xvfb, tmp_path, capsys
) -> None:
    xvfb.start()
    supervised = launch(kiosk_env(tmp_path, xvfb.name), "--size", "1280x720", supervised=True)
    try:
        first = supervised.next_frame(timeout=60)
        xvfb.stop()
        wait_for_line(supervised, "left because its display went away")
        time.sleep(3.0)  # the display stays away: the supervisor must wait, not restart in a loop
        log = "\n".join(supervised.log)
        assert log.count("started kiosk (pid") == 1, log[-3000:]
        assert "waiting for the display" in log and "Fatal" not in log and "core dumped" not in log
        assert not psutil.pid_exists(first.pid) or psutil.Process(first.pid).status() == psutil.STATUS_ZOMBIE
        back = xvfb.start()
        frame = supervised.next_frame(timeout=60, not_pid=first.pid)
        with capsys.disabled():
            print(f"\ndisplay back to the new kiosk's first frame: {frame.mono - back:.2f} s")
        assert frame.mono - back < 15
        log = "\n".join(supervised.log)
        assert "the display went away (The X11 connection broke" in log
        assert "crash loop" not in log and "restarting now" not in log
    finally:
        code = supervised.stop()
    assert code == 0


@pytest.mark.slow
def test_a_kiosk_started_before_its_wayland_compositor_waits_then_shows(tmp_path, capsys) -> None:
    import os
    import shutil
    import subprocess

    from tests.recovery.measure import environment

    if shutil.which("weston") is None:
        pytest.skip("needs weston (scripts/setup.sh test installs it)")
    runtime = tmp_path / "xdg"
    runtime.mkdir(mode=0o700)
    socket = f"kiosk-faults-{os.getpid()}"
    env = environment(tmp_path)
    env.pop("DISPLAY", None)
    env.update(QT_QPA_PLATFORM="wayland", XDG_RUNTIME_DIR=str(runtime), WAYLAND_DISPLAY=socket)
    kiosk = launch(env, "--size", "1280x720")
    compositor = None
    try:
        wait_for_line(kiosk, "waiting for the display")
        time.sleep(1.0)
        assert kiosk.process.poll() is None, "\n".join(kiosk.log[-30:])
        compositor = subprocess.Popen(
            [
                "weston",
                "--backend=headless-backend.so",
                "--use-pixman",
                f"--socket={socket}",
                "--width=1280",
                "--height=720",
                "--idle-time=0",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
        )
        started = time.monotonic()
        frame = kiosk.next_frame(timeout=60)
        with capsys.disabled():
            print(f"\nweston started to the kiosk's first frame: {frame.mono - started:.2f} s")
        assert "Fatal" not in "\n".join(kiosk.log)
    finally:
        code = kiosk.stop()
        if compositor is not None:
            compositor.terminate()
            compositor.wait(10)
    assert code == 0


@pytest.mark.slow
def test_the_probe_holds_the_x_server_until_qt_has_connected(xvfb: Xvfb) -> None:
    """An X server with no client resets when the last one leaves, and refuses whoever connects then:
    the probe's goodbye made the kiosk's Qt abort now and then. Held until Qt connects, it cannot."""
    from kiosk.display_wait import release_probe

    xvfb.start()
    display = display_of({"DISPLAY": xvfb.name})
    assert display is not None

    def refusals(hold: bool, rounds: int) -> int:
        refused = 0
        for _ in range(rounds):
            assert wait_for_display(display, timeout=5, hold=hold)  # a reset under way: wait it out
            refused += not is_up(display)  # the next client at once, as Qt comes right after
            release_probe()
        return refused

    held = refusals(True, 60)
    let_go = refusals(False, 300)
    print(f"\nclients refused right after the probe: {let_go} of 300 let go, {held} of 60 held")
    assert held == 0
    if let_go == 0:  # the race is won or lost by timing: a quiet machine may never lose it in 300 rounds
        pytest.skip("no client was refused after a probe let go this run: the reset the hold prevents did not show")
