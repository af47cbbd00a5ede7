"""Panels kept packed until a chapter is shown, so that memory follows the screen, not the file.

A running kiosk shows one chapter at a time and an attract loop of a few panels; an exhibition of
a thousand panels held as objects costs a few MiB of Python objects and, with what building them
left behind in the allocator, some 17 MiB of resident memory (docs/performance.md). A checked
exhibition is therefore held with each chapter's panels packed (:class:`ChapterPanels`: the
panels' ids, and the panels pickled); they are unpacked when read, and only the chapters read
last stay unpacked (:data:`KEPT_UNPACKED`). What the screen shows stays alive through the view
models that hold its panels.

Packed data is read back with an unpickler that makes nothing but the model's own classes and
plain values (:func:`unpack`), so a damaged or foreign cache file cannot run code.
No Qt here.
"""

from __future__ import annotations

import io
import pickle
import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from types import MappingProxyType
from typing import Any, overload

#: A panel of the model (kiosk.model.exhibition imports this module, so it is not named here).
Panel = Any

#: How many chapters stay unpacked after being read: the open chapter, the one before it, and the
#: chapters of the attract loop's panels (whose panels the loop's model holds in any case).
KEPT_UNPACKED = 3
_PROTOCOL = 5
#: Modules whose classes packed data may make; anything else is refused when unpacking.
_ALLOWED_MODULES = ("kiosk.model.",)
_ALLOWED_GLOBALS = frozenset({("pathlib", "PosixPath"), ("pathlib", "WindowsPath"), ("pathlib", "Path")})


class UnpackError(ValueError):
    """Packed data that is damaged, or names something other than the model's classes."""


def frozen_mapping(items: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    """Rebuilds a read-only mapping (a MappingProxyType does not pickle by itself)."""
    return MappingProxyType(items)


def _reduce_mapping(mapping: MappingProxyType[Any, Any]) -> tuple[Any, tuple[dict[Any, Any]]]:
    return frozen_mapping, (dict(mapping),)


def pack(value: object) -> bytes:
    """``value`` (model objects, plain values) as bytes that :func:`unpack` reads back."""
    stream = io.BytesIO()
    pickler = pickle.Pickler(stream, protocol=_PROTOCOL)
    pickler.dispatch_table = {MappingProxyType: _reduce_mapping}
    pickler.dump(value)
    return stream.getvalue()


class _ModelUnpickler(pickle.Unpickler):
    """Makes the model's classes and plain values only (the pickle documentation's "restricting globals")."""

    def find_class(self, module: str, name: str) -> Any:
        if module == __name__ and name in ("frozen_mapping", "ChapterPanels"):
            return globals()[name]
        if module.startswith(_ALLOWED_MODULES) or (module, name) in _ALLOWED_GLOBALS:
            return super().find_class(module, name)
        raise UnpackError(f"packed data names {module}.{name}, which is not part of the model")


def unpack(data: bytes) -> Any:
    """What :func:`pack` made; raises :class:`UnpackError` for damaged or foreign data."""
    try:
        return _ModelUnpickler(io.BytesIO(data)).load()
    except UnpackError:
        raise
    except Exception as error:  # a truncated or damaged file raises many kinds
        raise UnpackError(f"damaged packed data ({type(error).__name__}: {error})") from None


_recent: OrderedDict[int, tuple[ChapterPanels, tuple[Panel, ...]]] = OrderedDict()
_recent_lock = threading.Lock()


class ChapterPanels(Sequence[Panel]):
    """A chapter's panels, packed: reads like the tuple it stands for, unpacks on first use.

    The ids are kept unpacked, so finding a panel by id, counting and listing a chapter's panels
    (the visit's shape, the home screen's tiles) never unpack anything.
    """

    __slots__ = ("_blob", "ids")

    def __init__(self, blob: bytes, ids: tuple[str, ...]) -> None:
        self._blob = blob
        self.ids = ids

    @classmethod
    def of(cls, panels: Sequence[Panel]) -> ChapterPanels:
        return cls(pack(tuple(panels)), tuple(panel.id for panel in panels))

    @property
    def unpacked(self) -> bool:
        """Whether the panels are unpacked now (among the chapters read last)."""
        with _recent_lock:
            return id(self) in _recent

    @property
    def packed_size(self) -> int:
        return len(self._blob)

    def panels(self) -> tuple[Panel, ...]:
        """The panels as objects; the same objects while the chapter is among those read last."""
        key = id(self)
        with _recent_lock:
            entry = _recent.get(key)
            if entry is not None:
                _recent.move_to_end(key)
                return entry[1]
        panels: tuple[Panel, ...] = unpack(self._blob)
        with _recent_lock:
            # The entry holds this object too, so its id cannot be reused while it is remembered.
            _recent[key] = (self, panels)
            while len(_recent) > KEPT_UNPACKED:
                _recent.popitem(last=False)
        return panels

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, index: int) -> Panel: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Panel, ...]: ...

    def __getitem__(self, index: int | slice) -> Panel | tuple[Panel, ...]:
        return self.panels()[index]

    def __iter__(self) -> Iterator[Panel]:
        return iter(self.panels())

    def __contains__(self, value: object) -> bool:
        return value in self.panels()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ChapterPanels):
            return self.ids == other.ids and (self._blob == other._blob or self.panels() == other.panels())
        if isinstance(other, tuple):
            return self.panels() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._blob)

    def __add__(self, other: tuple[Panel, ...]) -> tuple[Panel, ...]:
        return self.panels() + tuple(other)

    def __repr__(self) -> str:
        return f"ChapterPanels({len(self.ids)} panels, {len(self._blob):,} bytes packed)"

    def __reduce__(self) -> tuple[Any, tuple[bytes, tuple[str, ...]]]:
        return ChapterPanels, (self._blob, self.ids)


def panel_ids(panels: Sequence[Panel]) -> tuple[str, ...]:
    """The ids of a chapter's panels, without unpacking packed ones."""
    return panels.ids if isinstance(panels, ChapterPanels) else tuple(panel.id for panel in panels)


def forget_unpacked() -> None:
    """Drops every unpacked chapter (tests; a reload that replaces the exhibition)."""
    with _recent_lock:
        _recent.clear()
