"""After a crash (a real editor process killed with SIGKILL) the next start offers the unsaved changes."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from kiosk.editor import autosave

CHILD = Path(__file__).with_name("autosave_child.py")
ROOT = Path(__file__).resolve().parents[2]


@contextlib.contextmanager
def _editor_with_unsaved_changes(exhibition: Path) -> Iterator[subprocess.Popen[str]]:
    """A real editor process on ``exhibition`` that has autosaved a change it never saved; killed
    (SIGKILL, as a crash) on leaving."""
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(exhibition)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "autosaved"
        yield child
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)


def test_the_autosave_of_a_killed_editor_is_offered_and_restored(qtbot, editor, bundled_copy: Path) -> None:
    before = bundled_copy.read_bytes()
    with _editor_with_unsaved_changes(bundled_copy) as child:
        pass
    assert child.returncode == -signal.SIGKILL
    assert bundled_copy.read_bytes() == before, "the autosave never touches the file itself"

    window = editor(bundled_copy, preview=False)
    assert window.banner.kind == "autosave"
    assert window.document.get(("attract", "idle_timeout")) == "90s"
    window.banner.findChild(type(window.banner._buttons[0]), "banner:restore").click()
    assert window.document.get(("attract", "idle_timeout")) == "3m"
    assert window.isWindowModified()
    assert window.save()
    assert "idle_timeout: 3m" in bundled_copy.read_text(encoding="utf-8")
    assert autosave.find(bundled_copy) is None


def test_discarding_the_autosave_forgets_it(editor, bundled_copy: Path) -> None:
    text = bundled_copy.read_text(encoding="utf-8")
    autosave.write(bundled_copy, text.replace("idle_timeout: 90s", "idle_timeout: 4m"))
    window = editor(bundled_copy, preview=False)
    assert window.banner.kind == "autosave"
    window.banner.findChild(type(window.banner._buttons[0]), "banner:discard").click()
    assert autosave.find(bundled_copy) is None
    assert window.document.get(("attract", "idle_timeout")) == "90s"


def test_an_autosave_equal_to_the_file_is_not_offered(editor, bundled_copy: Path) -> None:
    autosave.write(bundled_copy, bundled_copy.read_text(encoding="utf-8"))
    window = editor(bundled_copy, preview=False)
    assert window.banner.kind == ""


def test_a_second_editor_on_a_file_open_in_another_is_told_so_and_offered_nothing(
    qtbot, editor, bundled_copy: Path
) -> None:
    with _editor_with_unsaved_changes(bundled_copy):  # the first editor, still running
        second = editor(bundled_copy, preview=False)
        assert second.banner.kind == "elsewhere", "the running editor's work is not a crash to restore"
        assert "another editor" in second.banner.label.text()
    assert editor(bundled_copy, preview=False).banner.kind == "autosave", "once it is gone, its work is offered"
