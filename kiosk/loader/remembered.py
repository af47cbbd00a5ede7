"""Starting on an exhibition unchanged since the last start without loading it again.

A booth starts the same exhibition every morning and after every restart. Reading its YAML,
checking it, and importing the parser and the checks to do so are most of what the kiosk does
before its first frame that a bare Qt window does not (docs/performance.md). So a start that
loaded a clean exhibition (no error, no warning) keeps the loaded model in the cache folder,
with the fingerprint of every file the result rests on: the exhibition file, every file the
model names (pictures, films, captions, speech), the media folder, and the loader's own code.
The next start looks at those files again (a stat each, well under a millisecond for a booth's
exhibition) and, when every fingerprint holds, reads the model back instead of loading it.
Anything else (a file touched, moved, gone, a new kiosk) loads in full, as before, and is
remembered again.

Only starts use it: ``kiosk validate``, the editor and a live reload always load in full. A
result with problems is never remembered: staff see those again at each start, worked out
afresh. Reading back admits only the model's own classes (an unpickler that refuses any other),
so a cache file can never run code; a file that is missing, damaged or of another format is
ignored and written again. ``KIOSK_MEDIA_CACHE=off`` turns this off with the media-check cache.
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
from collections.abc import Iterator, Mapping
from pathlib import Path, PurePath
from types import MappingProxyType
from typing import Any

from kiosk.loader.media_cache import SETTLE_SECONDS, SWITCH_ENV, Fingerprint, cache_dir, fingerprint
from kiosk.loader.result import LoadResult

log = logging.getLogger(__name__)

#: Raise when what is stored changes shape: older files are then ignored.
FORMAT = 1
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
    """The exhibition at ``path``, read back when nothing it rests on changed, else loaded in full.

    ``folder`` is where remembered loads are kept (default: ``exhibitions`` in the kiosk's cache);
    a load that rests on a file changed in the last ``settle_seconds`` is not remembered (a file
    system whose times are coarse could otherwise hide a file still being written).
    """
    source = Path(path)
    if os.environ.get(SWITCH_ENV, "").strip().lower() in {"off", "0", "no", "false"}:
        return _load(source)
    file = _file_for(source, folder)
    result = _read_back(source, file) if file is not None else None
    if result is not None:
        log.debug("started on the remembered load of %s", source)
        return result
    result = _load(source)
    if file is not None:
        _remember(result, file, settle_seconds)
    return result


def _load(source: Path) -> LoadResult:
    from kiosk.loader.load import load_exhibition  # the parser and the checks, only when needed

    return load_exhibition(source)


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
    try:
        stored = _Unpickler(io.BytesIO(data)).load()
        if not isinstance(stored, dict) or stored.get("format") != FORMAT or stored.get("python") != _python():
            return None
        if stored["source"] != os.path.abspath(source) or _changed(stored["files"]):
            return None
        exhibition = stored["exhibition"]
    except Exception:  # a damaged or foreign file is only a cache miss
        log.debug("ignoring the remembered load %s", file, exc_info=True)
        return None
    return LoadResult(source, exhibition, (), time.time())


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
def _remember(result: LoadResult, file: Path, settle_seconds: float) -> None:
    if result.exhibition is None or result.problems:
        _forget(file)
        return
    try:
        files = _fingerprints([result.source, *_named_files(result.exhibition), *_loader_code()], settle_seconds)
        if files is None:  # a file changed a moment ago: it may still be being written
            return
        stored = {
            "format": FORMAT,
            "python": _python(),
            "source": os.path.abspath(result.source),
            "files": files,
            "exhibition": result.exhibition,
        }
        buffer = io.BytesIO()
        _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(stored)
        from kiosk.atomic import write_atomically

        file.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(file, buffer.getvalue())
    except Exception:  # a cache that cannot be written is not an error
        log.debug("could not remember the load of %s", result.source, exc_info=True)


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


def _named_files(exhibition: Any) -> Iterator[Path]:
    """Every path in the model, and the folders they are in (a file moved in or out of one)."""
    for path in _paths_in(exhibition):
        yield path
        yield path.parent


def _paths_in(value: Any) -> Iterator[Path]:
    if isinstance(value, PurePath):
        yield Path(value)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _paths_in(getattr(value, field.name))
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _paths_in(item)
    elif isinstance(value, (tuple, list, frozenset, set)):
        for item in value:
            yield from _paths_in(item)


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
