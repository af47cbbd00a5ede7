"""kiosk.logs: rotating file, plain stderr lines, uncaught exceptions logged with their traceback."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kiosk import logs


@pytest.fixture
def restore_logging():
    root = logging.getLogger()
    saved = (root.level, list(root.handlers), sys.excepthook)
    yield
    for handler in list(logs._OUR_HANDLERS):
        root.removeHandler(handler)
        handler.close()
    logs._OUR_HANDLERS.clear()
    root.setLevel(saved[0])
    sys.excepthook = saved[2]


def _run(code: str, env_extra: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **env_extra}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )


def test_log_dir_honours_env(monkeypatch, tmp_path):
    monkeypatch.setenv("KIOSK_LOG_DIR", str(tmp_path / "x"))
    assert logs.log_dir() == tmp_path / "x"
    monkeypatch.delenv("KIOSK_LOG_DIR")
    assert logs.log_dir().name in ("kiosk", "log", "Logs")  # platformdirs' user log folder
    assert "kiosk" in str(logs.log_dir())


def test_setup_writes_file_and_is_idempotent(restore_logging, tmp_path):
    path = logs.setup_logging(directory=tmp_path, stderr=False, install_hooks=False)
    path2 = logs.setup_logging(directory=tmp_path, stderr=False, install_hooks=False)
    assert path == path2 == tmp_path / "kiosk.log"
    logging.getLogger("kiosk.test").info("hello once")
    for handler in logs._OUR_HANDLERS:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert text.count("hello once") == 1
    assert "INFO kiosk.test: hello once" in text


def test_file_rotates(restore_logging, tmp_path):
    logs.setup_logging(directory=tmp_path, stderr=False, install_hooks=False, max_bytes=2000, backup_count=2)
    for i in range(200):
        logging.getLogger("kiosk.test").info("line %03d %s", i, "x" * 40)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["kiosk.log", "kiosk.log.1", "kiosk.log.2"]


def test_unwritable_log_folder_falls_back_to_stderr(restore_logging, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert logs.setup_logging(directory=blocker / "logs", install_hooks=False) is None


def test_uncaught_exception_is_logged_with_traceback(tmp_path):
    result = _run(
        """
        from kiosk.logs import setup_logging
        setup_logging()
        def deep():
            raise RuntimeError("boom at opening")
        deep()
        """,
        {"KIOSK_LOG_DIR": str(tmp_path)},
        tmp_path,
    )
    assert result.returncode == 1
    text = (tmp_path / "kiosk.log").read_text(encoding="utf-8")
    assert "CRITICAL kiosk: uncaught exception in the main thread" in text
    assert "in deep" in text and "RuntimeError: boom at opening" in text
    assert "RuntimeError: boom at opening" in result.stderr
    assert result.stderr.count("RuntimeError: boom at opening") == 1  # not printed twice


def test_uncaught_exception_in_thread_is_logged(tmp_path):
    _run(
        """
        import threading
        from kiosk.logs import setup_logging
        setup_logging()
        def work():
            raise ValueError("thread broke")
        t = threading.Thread(target=work, name="decoder")
        t.start(); t.join()
        """,
        {"KIOSK_LOG_DIR": str(tmp_path)},
        tmp_path,
    )
    text = (tmp_path / "kiosk.log").read_text(encoding="utf-8")
    assert "uncaught exception in thread decoder" in text
    assert "ValueError: thread broke" in text


def test_journald_lines_carry_priority(tmp_path):
    # systemd sets JOURNAL_STREAM to stderr's dev:inode; emulate it with a file as stderr.
    err = tmp_path / "stderr.txt"
    code = textwrap.dedent(
        """
        import logging, os, sys
        st = os.fstat(2)
        os.environ["JOURNAL_STREAM"] = f"{st.st_dev}:{st.st_ino}"
        from kiosk.logs import setup_logging
        setup_logging(directory=None)
        logging.getLogger("kiosk.x").warning("disk nearly full")
        logging.getLogger("kiosk.x").info("started")
        """
    )
    with err.open("w") as stream:
        subprocess.run(
            [sys.executable, "-c", code],
            stderr=stream,
            check=True,
            timeout=60,
            env={**os.environ, "KIOSK_LOG_DIR": str(tmp_path / "logs")},
        )
    lines = err.read_text().splitlines()
    assert "<4>WARNING kiosk.x: disk nearly full" in lines
    assert "<6>INFO kiosk.x: started" in lines


def test_qt_messages_reach_the_log(restore_logging, tmp_path, qapp):
    from PySide6.QtCore import qInstallMessageHandler, qWarning

    logs.setup_logging(directory=tmp_path, stderr=False, install_hooks=False)
    seen: list[str] = []
    original = qInstallMessageHandler(lambda t, c, m: seen.append(m))
    logs.install_qt_message_handler()
    try:
        qWarning("qml said something")  # caught by the test handler below ours: no pytest-qt failure
        for handler in logs._OUR_HANDLERS:
            handler.flush()
        assert "WARNING kiosk.qt: qml said something" in (tmp_path / "kiosk.log").read_text()
        assert seen == ["qml said something"]  # chained to the handler it replaced
    finally:
        qInstallMessageHandler(original)  # pytest-qt's own, for the tests after this one


def test_a_second_process_gets_its_own_file(restore_logging, tmp_path):
    path = logs.setup_logging(directory=tmp_path, stderr=False, install_hooks=False, name="supervisor")
    assert path == tmp_path / "supervisor.log"
