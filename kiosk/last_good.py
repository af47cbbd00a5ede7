"""Start on a whole exhibition after a power cut in the middle of a save. No Qt.

Staff save the exhibition file with whatever they have (an editor, a copy from a USB stick,
``kiosk`` tools); most write it in place. A power cut during that write leaves a file cut
short: empty, or half a YAML document. The running kiosk never shows a file with errors (a
reload keeps the last good exhibition on screen), but after the power cut there is no running
kiosk: it starts on the broken file and shows its load-failed screen.

So each exhibition file the kiosk loads without an error is kept as a hidden last good copy
beside it (``.exhibition.yaml.last-good``: same folder, so its media paths resolve the same),
written atomically with :func:`write_atomically`. At start, when the file has errors (half a
YAML document often still parses, with chapters missing), the kiosk shows the last good copy
instead, and staff see the file's own errors, as a live reload would. One copy per exhibition
file: it never grows. A file cut exactly where what is left is still a valid exhibition cannot
be told from a shorter one; nothing short of the editor writing atomically prevents that.

The copy is written with :func:`kiosk.atomic.write_atomically`: cut anywhere, it is the old copy
or the new one, never a mixture.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk.atomic import STEPS, write_atomically

__all__ = ["STEPS", "last_good_path", "remember", "start_on", "write_atomically"]

log = logging.getLogger(__name__)


def last_good_path(config: Path) -> Path:
    return Path(config).with_name(f".{Path(config).name}.last-good")


def remember(config: Path, result: Any) -> bool:
    """Keep ``config`` as the last good copy after a load without errors; True when written.

    Skipped, without a fuss, when the load had errors, when the file changed since it was read,
    when the copy is already the same, and when the folder cannot be written (a read-only
    install: nothing there can be cut short by a save either).
    """
    config = Path(config)
    if not getattr(result, "ok", False) or Path(getattr(result, "source", config)) != config:
        return False
    if _is_bundled(config):
        return False  # shipped with the kiosk, never saved by staff: nothing to protect
    copy = last_good_path(config)
    try:
        if config.stat().st_mtime > float(getattr(result, "loaded_at", float("inf"))):
            return False  # saved again since: its own load will tell
        data = config.read_bytes()
        if copy.is_file() and copy.read_bytes() == data:
            return False
        write_atomically(copy, data)
    except OSError as error:
        log.debug("no last good copy of %s: %s", config, error)
        return False
    log.info("kept %s as the last good exhibition", config.name)
    return True


CUT_SHORT = (
    "the file does not end with a line break and differs from the last one shown: it looks cut short "
    "(the power went during a save?). The last good exhibition is shown; save the file again to show it"
)


def looks_cut_short(config: Path) -> bool:
    """A file that does not end with a line break, and is not the last good copy: a save cut short.

    Half a YAML document often still parses (a text cut mid-sentence is still a text, later
    chapters simply missing), so errors alone do not catch it. Editors end a file with a line
    break; one that does not (some editors' setting) is only suspect when it changed since the
    kiosk last showed it, since a file the running kiosk loaded became the last good copy.
    """
    try:
        data = Path(config).read_bytes()
        copy = last_good_path(config)
        return bool(data) and not data.endswith(b"\n") and not (copy.is_file() and copy.read_bytes() == data)
    except OSError:
        return False


def _is_bundled(config: Path) -> bool:
    from kiosk import paths

    try:
        return config.resolve() == paths.default_exhibition().resolve()
    except OSError:
        return False


def start_on(config: Path, result: Any, load: Callable[[Path], Any] | None = None) -> Any:
    """The load result to start on: ``result``, or the last good copy's when ``result`` has errors
    or the file looks cut short.

    A file with errors at start is most likely a save cut short: the last good copy is whole. It
    is taken when it loads without errors, or when the file cannot be shown at all. The result
    keeps the file's own problems first (staff must see why their file is not shown), and its
    ``source`` is the file itself, so a reload reads the file again.
    """
    cut_short = looks_cut_short(config)
    if result.ok and not cut_short:
        return result
    copy = last_good_path(config)
    if not copy.is_file():
        return result
    if load is None:
        from kiosk.loader import load_exhibition

        load = load_exhibition
    fallback = load(copy)
    if not (fallback.ok or (result.exhibition is None and fallback.exhibition is not None)):
        return result
    problems = tuple(result.problems)
    if cut_short:
        from kiosk.loader.problems import Problem

        problems = (Problem("error", str(config), 1, 1, "", CUT_SHORT), *problems)
    log.warning(
        "%s has %d error(s)%s; showing the last good exhibition instead",
        config,
        sum(1 for problem in problems if problem.severity == "error"),
        " and looks cut short" if cut_short else "",
    )
    return dataclasses.replace(fallback, source=Path(config), problems=problems + tuple(fallback.problems))
