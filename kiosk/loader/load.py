"""Loading an exhibition file: read, parse, convert, cross-check; every problem reported at once."""

from __future__ import annotations

import gc
import logging
import os
import stat
import time
from pathlib import Path

from kiosk.loader.checks import cross_check
from kiosk.loader.convert import FAIL, Converter, join, type_hints, yaml_fields
from kiosk.loader.media_cache import MediaCheckCache
from kiosk.loader.media_check import MediaChecker
from kiosk.loader.problems import LoadFailed, ProblemLog, did_you_mean
from kiosk.loader.result import LoadResult
from kiosk.loader.yaml_tree import MAX_FILE_BYTES, Node, compose, decode
from kiosk.model.exhibition import Attract, Chapter, Exhibition, ExhibitionInfo, Panel, PlaceholderPanel
from kiosk.model.localized import Localized

logger = logging.getLogger(__name__)
#: Starts the message of a problem the loader itself caused; tests make sure it never appears.
INTERNAL_ERROR = "the kiosk could not finish checking this file (a fault in the kiosk, not in the file)"


def load_exhibition(
    path: Path | str, *, data: bytes | None = None, media_cache: MediaCheckCache | bool = True
) -> LoadResult:
    """Load and check the exhibition file at ``path``; never raises for a bad file.

    ``data`` is the file's content when it is not on disk yet (the editor checks what staff typed
    before it is saved); ``path`` still names it in problems and places its media folder.
    ``media_cache``: True (the default) skips the content check of media files unchanged since an
    earlier load, using the user's cache (media_cache.py); False checks every file; or the cache to use.
    """
    remembered = MediaCheckCache.default() if media_cache is True else None if media_cache is False else media_cache
    return check_file(Path(path), data, remembered)[0]


def check_file(
    source: Path, data: bytes | None, remembered: MediaCheckCache | None
) -> tuple[LoadResult, MediaChecker | None]:
    """:func:`load_exhibition`, with the media checker of the load (None when the load stopped
    before the media folder was known): what it consulted is what the result rests on besides the
    file itself (remembered.py)."""
    log = ProblemLog(source)
    checkers: list[MediaChecker] = []
    exhibition: Exhibition | None = None
    # A load makes tens of thousands of small objects and no reference cycles: without the cyclic
    # garbage collector walking them again and again, a 1,000-panel exhibition loads about 30 % faster.
    collecting = gc.isenabled()
    gc.disable()
    try:
        exhibition = _load(source, log, data, remembered, checkers)
    except LoadFailed:
        exhibition = None
    except (RecursionError, MemoryError):
        log.error(1, 1, "", "the file is too large or too deeply nested to check")
        exhibition = None
    except Exception as error:  # a loader bug must still not show staff a traceback
        logger.debug("loader failed on %s", source, exc_info=True)  # for maintainers; staff see the problem
        log.error(1, 1, "", f"{INTERNAL_ERROR} ({type(error).__name__}: {error}); please report it with this file")
        exhibition = None
    finally:
        if collecting:
            gc.enable()
    if remembered is not None:
        remembered.save()
    problems = sorted(log.problems, key=lambda p: (p.file != log.file, p.file, p.line, p.column))
    return LoadResult(source, exhibition, tuple(problems), time.time()), (checkers[0] if checkers else None)


def _read(source: Path, log: ProblemLog) -> bytes:
    try:
        info = source.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):
            # A device or a pipe (/dev/zero, a FIFO) would never end or never answer.
            log.error(1, 1, "", "is not a regular file: give the exhibition's .yaml file")
            raise LoadFailed
        if info.st_size > MAX_FILE_BYTES:
            log.error(
                1,
                1,
                "",
                f"the file is {info.st_size / 1e6:.1f} MB; an exhibition file is text and stays "
                f"under {MAX_FILE_BYTES // 1_000_000} MB: is this the right file?",
            )
            raise LoadFailed
        with source.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)  # the file may have grown since stat()
        if len(data) > MAX_FILE_BYTES:
            log.error(1, 1, "", f"the file is over {MAX_FILE_BYTES // 1_000_000} MB: is this the right file?")
            raise LoadFailed
        return data
    except IsADirectoryError:
        log.error(1, 1, "", "is a folder: give the exhibition's .yaml file")
    except FileNotFoundError:
        log.error(1, 1, "", "file not found")
    except OSError as error:
        log.error(1, 1, "", f"cannot be read ({error.strerror})")
    raise LoadFailed


def _load(
    source: Path,
    log: ProblemLog,
    data: bytes | None = None,
    remembered: MediaCheckCache | None = None,
    checkers: list[MediaChecker] | None = None,
) -> Exhibition:
    root = compose(decode(_read(source, log) if data is None else data, log), log)
    if root.kind != "map":
        log.error(
            root.line,
            root.column,
            "",
            "an exhibition file is a group of keys: 'exhibition:', 'attract:' and 'chapters:'",
        )
        raise LoadFailed
    converter = Converter(log)
    fields = {f.name: f for f in yaml_fields(Exhibition)}
    hints = type_hints(Exhibition)
    for key_node, _ in root.pairs:
        if key_node.text not in fields:
            log.error(
                key_node.line,
                key_node.column,
                key_node.text,
                f"unknown key '{key_node.text}'{did_you_mean(key_node.text, fields)}",
            )
    missing = [name for name in ("exhibition", "attract", "chapters") if root.get(name) is None]
    for name in missing:
        log.error(root.line, root.column, "", f"missing required key '{name}'")
    info_node = root.get("exhibition")
    info = FAIL if info_node is None else converter.convert(info_node, ExhibitionInfo, "exhibition")
    # Without a readable 'exhibition' section there is nothing sensible to show, but the rest is still
    # checked, so that staff see every problem at once.
    media = info.media if info is not FAIL else _media_as_written(info_node)
    media_root = _media_root(source, media)
    if not media_root.is_dir():
        where = (info_node.get("media") or info_node) if info_node is not None else root
        log.error(
            where.line,
            where.column,
            "exhibition.media",
            f"the media folder '{media}' does not exist (it is looked for beside this file)",
        )
    converter.media = MediaChecker(media_root, shown_root=os.path.join(source.parent, media), remembered=remembered)
    if checkers is not None:
        checkers.append(converter.media)

    values: dict[str, object] = {"exhibition": info}
    for name in ("version", "schedule"):
        node = root.get(name)
        if node is not None and name in fields:
            value = converter.convert(node, hints[name], name, fields[name].metadata)
            if value is not FAIL:
                values[name] = value
    chapters_node = root.get("chapters")
    chapters = () if chapters_node is None else _chapters(converter, chapters_node)
    if info is FAIL or not chapters:
        attract_node = root.get("attract")
        if attract_node is not None:
            converter.convert(attract_node, Attract, "attract")  # for its problems only
        raise LoadFailed
    values["chapters"] = chapters
    attract_node = root.get("attract")
    attract = FAIL if attract_node is None else converter.convert(attract_node, Attract, "attract")
    values["attract"] = attract if attract is not FAIL else _fallback_attract(chapters)
    exhibition = Exhibition(**values, source=source.resolve(), media_root=media_root)  # type: ignore[arg-type]
    cross_check(exhibition, root, converter, log)
    return exhibition


def _media_as_written(info_node: Node | None) -> str:
    """The media folder named in an 'exhibition' section that could not be read as a whole."""
    node = info_node.get("media") if info_node is not None and info_node.kind == "map" else None
    if node is not None and node.kind == "scalar" and node.text.strip() and not node.is_null:
        return node.text
    return "media"


def _media_root(source: Path, media: str) -> Path:
    try:
        return (source.parent / media).resolve()
    except (OSError, RuntimeError, ValueError):  # a symlink loop; a NUL in the name
        return source.parent / media.replace("\0", "")


def _chapters(converter: Converter, node: Node) -> tuple[Chapter, ...]:
    if node.kind != "seq" or not node.items:
        converter.error(node, "chapters", "should be a list of chapters (lines starting with '- ')")
        return ()
    chapters = []
    for index, chapter_node in enumerate(node.items):
        path = join("chapters", index)
        errors_before = converter.log.error_count
        chapter = converter.convert(chapter_node, Chapter, path)
        if chapter is FAIL:
            # Keep the booth lit: a chapter tile that tells staff what is wrong, with the panels
            # that could be read (a chapter without a title still has good panels).
            id_node = chapter_node.get("id") if chapter_node.kind == "map" else None
            chapter_id = (
                id_node.text
                if id_node is not None and id_node.kind == "scalar" and id_node.text
                else f"chapter-{index + 1}"
            )
            problems = tuple(converter.log.errors_since(errors_before))
            title = Localized.of(f"⚠ {chapter_id}")
            panels = _salvage_panels(converter, chapter_node, path)
            chapter = Chapter(
                chapter_id, title, panels or (PlaceholderPanel(f"{chapter_id}-problems", problems, title),)
            )
        chapters.append(chapter)
    return tuple(chapters)


def _salvage_panels(converter: Converter, chapter_node: Node, path: str) -> tuple[Panel, ...]:
    """The panels of a chapter that failed, converted again with their problems (already reported) muted."""
    panels_node = chapter_node.get("panels") if chapter_node.kind == "map" else None
    if panels_node is None or panels_node.kind != "seq":
        return ()
    quiet = Converter(ProblemLog(converter.log.file), converter.media)
    panels = quiet.convert(panels_node, type_hints(Chapter)["panels"], join(path, "panels"))
    return () if panels is FAIL else tuple(panels)


def _fallback_attract(chapters: tuple[Chapter, ...]) -> Attract:
    """An attract loop over the first panels, when the exhibition's own cannot be read."""
    items = tuple(chapter.panels[0].id for chapter in chapters if chapter.panels)
    return Attract(items=items, invitation=Localized.of("Touch the screen · Touchez l'écran · المس الشاشة"))
