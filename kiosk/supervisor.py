"""Keep the kiosk running where there is no systemd: restart it when it dies, slow down on a crash loop.

``kiosk run --supervise`` runs the kiosk as a child process (``kiosk run`` with the same
arguments, minus ``--supervise``) and:

- restarts it at once when it dies (a crash, ``kill -9``, the OOM killer): the booth is
  back in its attract loop within seconds;
- on a crash loop (``crash_limit`` deaths within ``window`` seconds) waits before each
  restart, doubling the wait up to ``max_delay``, so a broken install does not burn the
  CPU or flood the log, and says so in one clear line; the streak ends once a child has
  stayed up for ``window`` seconds;
- does not restart after a clean exit (code 0: staff closed the kiosk on purpose), and
  restarts at once, without counting a crash, after a planned restart (code 75);
- when the kiosk left because its display went away (code 69, :mod:`kiosk.display_wait`), waits
  for the display to answer again (a growing pause up to 2 s, never a tight restart loop) and
  starts it then, without counting a crash;
- forwards SIGTERM, SIGINT and SIGHUP to the child as SIGTERM, waits ``stop_timeout``
  seconds for it, then kills it, and exits with the child's code.

It never gives up: a kiosk nobody watches is better retrying once a minute than dark.
The child runs in its own process group (a Ctrl+C in a terminal reaches the supervisor
once, which forwards it once), and on Linux it is told to die with its supervisor, so
``kill -9`` of the supervisor never leaves an orphan kiosk holding the screen.

No Qt here: the supervisor stays small, and a crash in Qt or libVLC cannot take it down.
Under systemd, use the unit's ``Restart=always`` instead; the two do the same job.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import sys
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import FrameType

from kiosk.display_wait import DISPLAY_LOST_CODE, display_of, is_up, wait_for_display
from kiosk.watchdog import FROZEN_CODE

log = logging.getLogger("kiosk.supervisor")

#: Set in the child's environment: the kiosk knows it is supervised and which start this is.
ENV_SUPERVISED = "KIOSK_SUPERVISED"
ENV_START = "KIOSK_START_NUMBER"

#: SIGHUP does not exist on Windows.
_FORWARDED = tuple(sig for sig in (signal.SIGTERM, signal.SIGINT, getattr(signal, "SIGHUP", None)) if sig is not None)

#: The exit code of a planned restart (the daily restart of kiosk/ui/staff_tools/attach.py,
#: EX_TEMPFAIL): started again at once, logged as planned, never counted as a crash.
PLANNED_RESTART_CODE = 75


@dataclass(frozen=True, slots=True)
class Policy:
    """When to restart. Times in seconds."""

    #: This many deaths within ``window`` seconds is a crash loop.
    crash_limit: int = 3
    window: float = 60.0
    #: The first back-off wait; it doubles with each further death in the loop.
    first_delay: float = 2.0
    max_delay: float = 60.0
    #: How long a child may take to stop after SIGTERM before it is killed.
    stop_timeout: float = 10.0
    #: How often the supervisor looks at the child and at signals.
    poll: float = 0.05

    def delay(self, recent_deaths: int) -> float:
        """How long to wait before the next start, given the deaths within the window."""
        if recent_deaths < self.crash_limit:
            return 0.0
        return min(self.max_delay, self.first_delay * 2 ** (recent_deaths - self.crash_limit))


def describe_exit(code: int) -> str:
    """'exited with code 3' or 'was killed by SIGKILL' from a Popen return code."""
    if code == FROZEN_CODE:
        return f"was ended by its watchdog, frozen (code {code})"
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"was killed by {name}"
    return f"exited with code {code}"


def _die_with_parent() -> None:
    """In the child, before exec: get SIGTERM when the supervisor dies (Linux only)."""
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            pr_set_pdeathsig = 1
            ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


class Supervisor:
    """Runs ``command`` again and again until it exits cleanly or the supervisor is told to stop."""

    def __init__(
        self,
        command: Sequence[str],
        policy: Policy | None = None,
        *,
        env: dict[str, str] | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if not command:
            raise ValueError("the supervisor needs a command to run")
        self.command = list(command)
        self.policy = policy or Policy()
        self.env = dict(os.environ if env is None else env)
        self.clock = clock
        self.sleep = sleep
        self.child: subprocess.Popen[bytes] | None = None
        self.starts = 0
        #: Monotonic times of recent deaths, for the crash-loop window.
        self.deaths: deque[float] = deque()
        self._stop_signal: int | None = None
        self._term_sent_at: float | None = None

    # --- signals -----------------------------------------------------------------------------
    def install_signal_handlers(self) -> None:
        for sig in _FORWARDED:
            signal.signal(sig, self._on_signal)

    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        # Only note it here; the loop forwards it (a handler must stay tiny and reentrant-safe).
        self._stop_signal = signum

    def request_stop(self, signum: int = signal.SIGTERM) -> None:
        """Stop the child and the supervisor, as SIGTERM would (used by tests and embedding code)."""
        self._stop_signal = signum

    # --- the loop ----------------------------------------------------------------------------
    def run(self) -> int:
        """Supervise until a clean exit or a stop signal; returns the exit code to exit with."""
        log.info("supervisor (pid %d) starting: %s", os.getpid(), " ".join(self.command))
        while True:
            if self._stop_signal is not None:
                return self._stopped_before_start()
            self._start()
            code = self._wait_child()
            if self._stop_signal is not None:
                name = signal.Signals(self._stop_signal).name
                log.info("kiosk (pid %d) %s; supervisor exiting (%s received)", self._pid, describe_exit(code), name)
                return 0 if code in (0, -signal.SIGTERM) else (128 - code if code < 0 else code)
            if code == 0:
                log.info("kiosk (pid %d) exited cleanly (code 0): not restarting", self._pid)
                return 0
            if code == PLANNED_RESTART_CODE:
                log.info("kiosk (pid %d) asked for a planned restart (code %d): restarting", self._pid, code)
                continue
            if code == DISPLAY_LOST_CODE and self._display_went_away():
                if not self._wait_for_display():
                    return self._stopped_before_start()
                continue
            if not self._after_death(code):
                return self._stopped_before_start()

    @property
    def _pid(self) -> int:
        return self.child.pid if self.child is not None else -1

    def _start(self) -> None:
        self.starts += 1
        env = dict(self.env, **{ENV_SUPERVISED: "1", ENV_START: str(self.starts)})
        self._started_at = self.clock()
        self._term_sent_at = None
        self.child = subprocess.Popen(
            self.command,
            env=env,
            start_new_session=True,  # our own process group: terminal signals reach us, we forward once
            preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
        )
        log.info("started kiosk (pid %d, start %d)", self.child.pid, self.starts)

    def _wait_child(self) -> int:
        assert self.child is not None
        while True:
            code = self.child.poll()
            if code is not None:
                return code
            if self._stop_signal is not None:
                self._forward_stop()
            self.sleep(self.policy.poll)

    def _forward_stop(self) -> None:
        assert self.child is not None and self._stop_signal is not None
        now = self.clock()
        if self._term_sent_at is None:
            name = signal.Signals(self._stop_signal).name
            log.info("%s received: stopping kiosk (pid %d) with SIGTERM", name, self.child.pid)
            with contextlib.suppress(ProcessLookupError):
                self.child.send_signal(signal.SIGTERM)
            self._term_sent_at = now
        elif now - self._term_sent_at >= self.policy.stop_timeout:
            log.warning(
                "kiosk (pid %d) did not stop within %.3g s of SIGTERM: killing it",
                self.child.pid,
                self.policy.stop_timeout,
            )
            with contextlib.suppress(ProcessLookupError):
                self.child.kill()
            self._term_sent_at = float("inf")  # killed once; now only wait

    def _after_death(self, code: int) -> bool:
        """Log the death and wait as the policy says; False when a stop came during the wait."""
        now = self.clock()
        uptime = now - self._started_at
        self.deaths.append(now)
        while self.deaths and now - self.deaths[0] > self.policy.window:
            self.deaths.popleft()
        delay = self.policy.delay(len(self.deaths))
        if delay <= 0:
            log.error("kiosk (pid %d) %s after %.1f s: restarting now", self._pid, describe_exit(code), uptime)
            return True
        log.critical(
            "kiosk (pid %d) %s after %.1f s: %d deaths within %.0f s, a crash loop; waiting %.3g s before "
            "restarting (see the kiosk's log above for the cause)",
            self._pid,
            describe_exit(code),
            uptime,
            len(self.deaths),
            self.policy.window,
            delay,
        )
        deadline = self.clock() + delay
        while self.clock() < deadline:
            if self._stop_signal is not None:
                return False
            self.sleep(min(self.policy.poll * 4, max(0.0, deadline - self.clock())))
        return True

    def _display_went_away(self) -> bool:
        """True when the child's display does not answer now (else code 69 is an ordinary death)."""
        display = display_of(self.env)
        return display is not None and not is_up(display)

    def _wait_for_display(self) -> bool:
        """Wait for the child's display to answer; False when a stop signal came meanwhile."""
        log.warning(
            "kiosk (pid %d) left because its display went away: restarting it when the display is back", self._pid
        )
        started = self.clock()
        if not wait_for_display(
            display_of(self.env), stop=lambda: self._stop_signal is not None, sleep=self.sleep, clock=self.clock
        ):
            return False
        log.info("display back after %.1f s: restarting the kiosk", self.clock() - started)
        return True

    def _stopped_before_start(self) -> int:
        name = signal.Signals(self._stop_signal or signal.SIGTERM).name
        log.info("%s received while no kiosk was running: supervisor exiting", name)
        return 0


def child_command(argv: Sequence[str]) -> list[str]:
    """The command that runs the kiosk without supervision: the same arguments minus --supervise.

    ``argv`` is the full command line (``sys.argv``); in a frozen bundle ``sys.executable`` is the
    kiosk itself, in a checkout it is Python running ``-m kiosk``.
    """
    arguments = [arg for arg in argv[1:] if arg != "--supervise"]
    if getattr(sys, "frozen", False):
        return [sys.executable, *arguments]
    return [sys.executable, "-m", "kiosk", *arguments]


def supervise(command: Sequence[str], policy: Policy | None = None) -> int:
    """Run ``command`` under a :class:`Supervisor` with signal forwarding; returns the exit code."""
    supervisor = Supervisor(command, policy)
    supervisor.install_signal_handlers()
    return supervisor.run()


def run_supervised(argv: Sequence[str] | None = None) -> int:
    """The body of ``kiosk run --supervise``: logging, then supervise ``kiosk run`` without the flag."""
    from kiosk.logs import setup_logging

    setup_logging()
    return supervise(child_command(sys.argv if argv is None else argv))


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m kiosk.supervisor -- COMMAND...``: supervise any command (tests, other launchers)."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m kiosk.supervisor", description=__doc__.split("\n\n")[0])
    defaults = Policy()
    parser.add_argument("--crash-limit", type=int, default=defaults.crash_limit)
    parser.add_argument("--window", type=float, default=defaults.window)
    parser.add_argument("--first-delay", type=float, default=defaults.first_delay)
    parser.add_argument("--max-delay", type=float, default=defaults.max_delay)
    parser.add_argument("--stop-timeout", type=float, default=defaults.stop_timeout)
    parser.add_argument("command", nargs=argparse.REMAINDER, help="the command to keep running (after --)")
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give the command to run after --")
    from kiosk.logs import setup_logging

    setup_logging()
    policy = Policy(args.crash_limit, args.window, args.first_delay, args.max_delay, args.stop_timeout)
    return supervise(command, policy)


if __name__ == "__main__":
    raise SystemExit(main())
