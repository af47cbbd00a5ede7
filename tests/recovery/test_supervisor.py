"""The supervisor with stand-in children: restarts, crash-loop back-off, clean exits, signals."""

from __future__ import annotations

import itertools
import logging
import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from kiosk.supervisor import Policy, Supervisor, child_command, describe_exit

from .conftest import Plan

FAST = Policy(crash_limit=3, window=60.0, first_delay=0.2, max_delay=0.8, stop_timeout=1.0, poll=0.02)


def test_policy_waits_only_in_a_crash_loop_and_doubles_up_to_the_cap() -> None:
    policy = Policy(crash_limit=3, first_delay=2.0, max_delay=60.0)
    assert [policy.delay(n) for n in range(1, 10)] == [0, 0, 2, 4, 8, 16, 32, 60, 60]


def test_exit_descriptions_name_the_signal() -> None:
    assert describe_exit(3) == "exited with code 3"
    assert describe_exit(-9) == "was killed by SIGKILL"
    assert describe_exit(-6) == "was killed by SIGABRT"


def test_a_crash_is_restarted_at_once_and_a_clean_exit_ends_supervision(plan: Plan, caplog) -> None:
    caplog.set_level(logging.INFO, logger="kiosk.supervisor")
    supervisor = Supervisor(plan.write("crash", "exit 0"), FAST)
    assert supervisor.run() == 0
    assert plan.events() == [(1, "started"), (2, "started")]
    messages = [record.getMessage() for record in caplog.records]
    assert any("was killed by SIGABRT" in m and "restarting now" in m for m in messages), messages
    assert any("exited cleanly (code 0): not restarting" in m for m in messages), messages
    first, second = plan.entries()
    assert second.at - first.at < FAST.first_delay, "one crash is not a loop: no back-off wait"


def test_a_clean_exit_is_never_restarted(plan: Plan) -> None:
    supervisor = Supervisor(plan.write("exit 0", "exit 0"), FAST)
    assert supervisor.run() == 0
    assert supervisor.starts == 1


def test_a_crash_loop_backs_off_doubling_and_says_so(plan: Plan, caplog) -> None:
    caplog.set_level(logging.INFO, logger="kiosk.supervisor")
    supervisor = Supervisor(plan.write("exit 1", "exit 1", "exit 1", "exit 1", "exit 1", "exit 0"), FAST)
    assert supervisor.run() == 0
    starts = [entry.at for entry in plan.entries() if entry.event == "started"]
    assert len(starts) == 6
    gaps = [later - earlier for earlier, later in itertools.pairwise(starts)]
    # Deaths 1-2: at once. Death 3 starts the loop: 0.2 s, then 0.4, then the 0.8 cap.
    assert gaps[2] >= 0.2 and gaps[3] >= 0.4 and gaps[4] >= 0.8, gaps
    assert gaps[0] < gaps[2] and gaps[1] < gaps[2], gaps
    loop_lines = [r for r in caplog.records if "crash loop" in r.getMessage()]
    assert len(loop_lines) == 3 and all(r.levelno == logging.CRITICAL for r in loop_lines)
    assert "3 deaths within 60 s" in loop_lines[0].getMessage()
    assert [r.getMessage().split("waiting ")[1].split(" s")[0] for r in loop_lines] == ["0.2", "0.4", "0.8"]


def test_the_loop_forgets_deaths_older_than_its_window(plan: Plan) -> None:
    policy = Policy(crash_limit=2, window=0.3, first_delay=5.0, max_delay=5.0, poll=0.02)
    # Each child lives longer than the window, so two deaths never fall within it: no 5 s wait.
    script = "import os, sys, time; time.sleep(0.4); sys.exit(1 if int(os.environ['KIOSK_START_NUMBER']) < 4 else 0)"
    started = time.monotonic()
    supervisor = Supervisor([sys.executable, "-c", script], policy)
    assert supervisor.run() == 0
    assert supervisor.starts == 4
    assert time.monotonic() - started < 4.0


def test_kill_9_of_the_child_brings_a_new_one(plan: Plan, caplog) -> None:
    caplog.set_level(logging.INFO, logger="kiosk.supervisor")
    supervisor = Supervisor(plan.write("run", "exit 0"), FAST)

    def kill_first() -> None:
        entry = plan.wait_for(1, "started")
        os.kill(entry.pid, signal.SIGKILL)

    killer = threading.Thread(target=kill_first)
    killer.start()
    assert supervisor.run() == 0
    killer.join()
    assert plan.events() == [(1, "started"), (2, "started")]
    assert any("was killed by SIGKILL" in r.getMessage() for r in caplog.records)


def test_children_know_they_are_supervised(plan: Plan, tmp_path) -> None:
    out = tmp_path / "env.txt"
    script = (
        f"import os; open({str(out)!r}, 'w')"
        ".write(os.environ['KIOSK_SUPERVISED'] + ' ' + os.environ['KIOSK_START_NUMBER'])"
    )
    Supervisor([sys.executable, "-c", script], FAST).run()
    assert out.read_text() == "1 1"


def test_the_child_command_is_kiosk_run_without_the_flag() -> None:
    command = child_command(["kiosk", "run", "--supervise", "--windowed", "show.yaml"])
    assert command == [sys.executable, "-m", "kiosk", "run", "--windowed", "show.yaml"]


# --- as a process, with real signals ------------------------------------------------------------


def _start_supervisor(command: list[str], *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "kiosk.supervisor", "--first-delay", "0.2", *extra, "--", *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_is_forwarded_once_and_nothing_restarts(plan: Plan, signum: int) -> None:
    supervisor = _start_supervisor(plan.write("run", "run"))
    plan.wait_for(1, "started")
    supervisor.send_signal(signum)
    output, _ = supervisor.communicate(timeout=10)
    assert supervisor.returncode == 0, output
    assert plan.events() == [(1, "started"), (1, "got-SIGTERM")], output
    assert f"{signal.Signals(signum).name} received: stopping kiosk" in output
    assert "restarting" not in output


def test_a_child_that_ignores_sigterm_is_killed_after_the_stop_timeout(plan: Plan) -> None:
    supervisor = _start_supervisor(plan.write("stubborn"), "--stop-timeout", "0.5")
    plan.wait_for(1, "started")
    supervisor.send_signal(signal.SIGTERM)
    output, _ = supervisor.communicate(timeout=10)
    assert "did not stop within 0.5 s of SIGTERM: killing it" in output, output
    assert supervisor.returncode == 128 + signal.SIGKILL
    assert (1, "ignored-SIGTERM") in plan.events()
    assert [event for _, event in plan.events()].count("started") == 1


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux only")
def test_killing_the_supervisor_takes_the_child_with_it(plan: Plan) -> None:
    supervisor = _start_supervisor(plan.write("run"))
    child = plan.wait_for(1, "started")
    supervisor.kill()
    supervisor.wait(timeout=5)
    plan.wait_for(1, "got-SIGTERM", timeout=5)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            os.kill(child.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.02)
    else:
        os.kill(child.pid, signal.SIGKILL)
        pytest.fail("the child outlived its supervisor")


def test_a_planned_restart_is_not_a_crash(plan: Plan, caplog) -> None:
    caplog.set_level(logging.INFO, logger="kiosk.supervisor")
    actions = ["exit 75"] * 5 + ["exit 0"]
    supervisor = Supervisor(plan.write(*actions), FAST)
    assert supervisor.run() == 0
    assert supervisor.starts == 6
    assert not supervisor.deaths
    messages = [r.getMessage() for r in caplog.records]
    assert sum("planned restart (code 75)" in m for m in messages) == 5
    assert not any("crash loop" in m for m in messages)
