"""Starting on an exhibition unchanged since the last start without loading it again.

A booth starts the same exhibition every morning and after every restart. Reading its YAML,
checking it, and importing the parser and the checks to do so are most of what the kiosk does
before its first frame that a bare Qt window does not (docs/performance.md); for 1,000 panels
the load alone is 180-200 ms. So a start keeps the loaded result in the cache folder, problems
included, with the fingerprint of every file the result rests on: the exhibition file, every
file the checks consulted (pictures, films, captions, speech, present or missing: every file the
model names among them) with the folder it is in, the media folder, and the loader's own code. The next
start looks at those files again (a stat each, well under a millisecond for a booth's exhibition)
and, when every fingerprint holds, reads the result back instead of loading it: the same
exhibition, the same problems at the same lines. Anything else (a file touched, moved, gone, a
new kiosk) loads in full, as before, and is remembered again.

The exhibition is kept, and handed to the kiosk, with each chapter's panels packed until shown
(kiosk/model/on_demand.py, docs/decisions/0062): memory follows the screen, not the file. After a
full load the result handed on is the one read back from what was just stored, once the load's
objects are gone, so that it does not sit among their leftovers in the allocator.

Only starts use it: ``kiosk validate``, the editor and a live reload always load in full.
Reading back admits only the model's own classes (an unpickler that refuses any other), so a
cache file can never run code; a file that is missing, damaged or of another format is ignored
and written again. ``KIOSK_MEDIA_CACHE=off`` turns this off with the media-check cache.
No Qt here.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import logging
import os
import pickle
import sys
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from types import MappingProxyType
from typing import Any

from kiosk.loader.media_cache import SETTLE_SECONDS, SWITCH_ENV, Fingerprint, cache_dir, fingerprint
from kiosk.loader.result import LoadResult

log = logging.getLogger(__name__)

#: Raise when what is stored changes shape: older files are then ignored.
FORMAT = 2
FOLDER = "exhibitions"
#: The packages whose code decides what a load gives (a test checks that the loader imports no
#: other part of the kiosk): a change to any of their files makes every remembered load stale.
LOADER_PACKAGES = ("kiosk.loader", "kiosk.model", "kiosk.speech", "kiosk.theme")
#: The only modules a remembered load may name (anything else is refused, not imported).
_ADMITTED_MODULES = frozenset({"kiosk.loader.result", "pathlib", "datetime", __name__})
_ADMITTED_BUILTINS = frozenset({"frozenset", "set", "slice", "complex"})

Files = tuple[tuple[str, Fingerprint | None], ...]


def load_for_start(
    path: Path | str, *, folder: Path | None = None, settle_seconds: float = SETTLE_SECONDS
) -> LoadResult:
    """The exhibition at ``path``, read back when nothing it rests on changed, else loaded in full;
    its chapters' panels packed until shown either way.

    ``folder`` is where remembered loads are kept (default: ``exhibitions`` in the kiosk's cache);
    a load that rests on a file changed in the last ``settle_seconds`` is not remembered (a file
    system whose times are coarse could otherwise hide a file still being written).
    """
    source = Path(path)
    if os.environ.get(SWITCH_ENV, "").strip().lower() in {"off", "0", "no", "false"}:
        return _load(source)[0].packed()
    file = _file_for(source, folder)
    result = _read_back(source, file) if file is not None else None
    if result is not None:
        log.debug("started on the remembered load of %s", source)
        return result
    loaded, consulted = _load(source)
    return _remember(loaded, consulted, file, settle_seconds)


def _load(source: Path) -> tuple[LoadResult, list[Path]]:
    """A full load (the parser and the checks, imported only now), and the files and folders its
    checks consulted."""
    from kiosk.loader.load import check_file
    from kiosk.loader.media_cache import MediaCheckCache

    result, checker = check_file(source, None, MediaCheckCache.default())
    return result, checker.consulted() if checker is not None else []


def _file_for(source: Path, folder: Path | None) -> Path | None:
    try:
        where = folder if folder is not None else cache_dir() / FOLDER
        # The file's name and a checksum of its whole path: two exhibitions of one name do not
        # share a file; were two paths ever to share one anyway, the path stored inside tells.
        whole = os.path.abspath(source)
        name = f"{Path(whole).stem[:40]}-{zlib.crc32(os.fsencode(whole)):08x}"
    except (OSError, ValueError):
        return None
    return where / f"{name}.pickle"


# --- reading back -------------------------------------------------------------------------------
def _read_back(source: Path, file: Path) -> LoadResult | None:
    try:
        data = file.read_bytes()
    except OSError:
        return None
    return _stored_result(source, data, check_files=True)


def _stored_result(source: Path, data: bytes, *, check_files: bool) -> LoadResult | None:
    """The result stored in ``data``, if it is one of ``source`` by this kiosk and (``check_files``)
    every file it rests on is as it was."""
    try:
        stored = _Unpickler(io.BytesIO(data)).load()
        if not isinstance(stored, dict) or stored.get("format") != FORMAT or stored.get("python") != _python():
            return None
        if stored["source"] != os.path.abspath(source) or (check_files and _changed(stored["files"])):
            return None
        exhibition = stored["exhibition"]
        problems = _problems(stored["problems"])
    except Exception:  # a damaged or foreign file is only a cache miss
        log.debug("ignoring a remembered load of %s", source, exc_info=True)
        return None
    return LoadResult(source, exhibition, problems, time.time())


def _problems(stored: list[tuple[Any, ...]]) -> tuple[Any, ...]:
    if not stored:
        return ()
    from kiosk.loader.problems import Problem  # light, and only when there are problems to show

    return tuple(Problem(*fields) for fields in stored)


def _changed(files: Files) -> bool:
    for name, remembered in files:
        try:
            now: Fingerprint | None = fingerprint(os.stat(name))
        except OSError:
            now = None
        if now != remembered:
            return True
    return False


class _Unpickler(pickle.Unpickler):
    """Admits the model's classes and a few plain types; refuses everything else."""

    def find_class(self, module: str, name: str) -> Any:
        admitted = (
            module in _ADMITTED_MODULES
            or module.startswith("kiosk.model.")
            or (module == "builtins" and name in _ADMITTED_BUILTINS)
        )
        if admitted:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"a remembered load may not name {module}.{name}")


# --- remembering --------------------------------------------------------------------------------
def _remember(result: LoadResult, consulted: list[Path], file: Path | None, settle_seconds: float) -> LoadResult:
    """Store a full load's result (packed) for the next start, and hand it on as read back."""
    files = None
    if file is not None and not any(_unsettled(problem) for problem in result.problems):
        # Not the exhibition file's folder: the last good copy written beside the file at each
        # start after a change (kiosk/last_good.py) would make the next start load in full again.
        # Every file the model names was consulted by the media checks: no need to walk the model
        # (which took 100 ms for 1,000 panels).
        rests_on = [result.source, *consulted, *_loader_code()]
        files = _fingerprints(rests_on, settle_seconds)  # None: a file changed a moment ago
    stored = {
        "format": FORMAT,
        "python": _python(),
        "source": os.path.abspath(result.source),
        "files": files or (),
        "problems": [(p.severity, p.file, p.line, p.column, p.path, p.message) for p in result.problems],
        "exhibition": None if result.exhibition is None else result.exhibition.packed(),
    }
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(stored)
    data = buffer.getvalue()
    if file is not None:
        if files is None:
            _forget(file)
        else:
            try:
                from kiosk.atomic import write_atomically

                file.parent.mkdir(parents=True, exist_ok=True)
                write_atomically(file, data)
            except Exception:  # a cache that cannot be written is not an error
                log.debug("could not remember the load of %s", result.source, exc_info=True)
    # What the kiosk holds is read back from those bytes, made once the load's tens of thousands
    # of objects are gone: among their leftovers it would pin them in the allocator (some 6 MiB
    # for 1,000 panels, docs/performance.md).
    source, loaded_at = result.source, result.loaded_at
    del result, stored, buffer
    again = _stored_result(source, data, check_files=False)
    if again is None:  # cannot be for bytes just made
        raise RuntimeError("a load could not be read back from what was just stored")
    return dataclasses.replace(again, loaded_at=loaded_at)


def _unsettled(problem: Any) -> bool:
    """A problem that may pass without any file changing: a fault of the kiosk itself, a file that
    could not be read (a passing input/output error; the media-check cache does not keep those
    either), a time zone the system's database lacks (installing tzdata fixes it). Such a load is
    not remembered."""
    from kiosk.loader.load import INTERNAL_ERROR

    message = problem.message
    return bool(
        message.startswith(INTERNAL_ERROR) or "cannot be read (" in message or problem.path == "schedule.timezone"
    )


def _forget(file: Path) -> None:
    with contextlib.suppress(OSError):
        file.unlink(missing_ok=True)


def _fingerprints(paths: list[Path], settle_seconds: float) -> Files | None:
    settled = time.time() - settle_seconds
    files: dict[str, Fingerprint | None] = {}
    for path in paths:
        name = os.path.abspath(path)
        if name in files:
            continue
        try:
            status = os.stat(name)
        except OSError:
            files[name] = None
            continue
        if status.st_mtime > settled or status.st_ctime > settled:
            return None
        files[name] = fingerprint(status)
    return tuple(files.items())


def _loader_code() -> Iterator[Path]:
    for name, module in list(sys.modules.items()):
        if name == "kiosk" or name.split(".")[0:2] in ([*package.split(".")] for package in LOADER_PACKAGES):
            file = getattr(module, "__file__", None)
            if file:
                yield Path(file)


def _python() -> str:
    return f"{sys.implementation.cache_tag}"


def _read_only(mapping: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    return MappingProxyType(mapping)


class _Pickler(pickle.Pickler):
    """Pickles the model's read-only mappings as the dicts they wrap."""

    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, MappingProxyType):
            return _read_only, (dict(obj),)
        return NotImplemented
