"""Checks across the whole exhibition, once every part is read: ids, references, translations."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kiosk.loader.media_check import extension_mismatch
from kiosk.loader.problems import ProblemLog, did_you_mean
from kiosk.loader.yaml_tree import Node
from kiosk.model.exhibition import (
    Exhibition,
    ImagePanel,
    Panel,
    PlaceholderPanel,
    TextPanel,
    TimelinePanel,
    VideoPanel,
)
from kiosk.model.languages import language_name
from kiosk.model.timecode import Timecode
from kiosk.speech.script import has_speakable_text
from kiosk.theme.contrast import TEXT_MINIMUM, contrast_ratio

if TYPE_CHECKING:
    from kiosk.loader.convert import Converter

#: A language tag in a file name, as in ``intro.fr.ogg`` or ``hospital.en.srt``.
_NAME_LANGUAGE = re.compile(r"\.([a-z]{2,3})\.[A-Za-z0-9]+$")


def _child(node: Node | None, *keys: str | int) -> Node | None:
    for key in keys:
        if node is None:
            return None
        if isinstance(key, int):
            node = node.items[key] if node.kind == "seq" and key < len(node.items) else None
        else:
            node = node.get(key) if node.kind == "map" else None
    return node


def cross_check(exhibition: Exhibition, root: Node, converter: Converter, log: ProblemLog) -> None:
    _unique_languages(root, log)
    _unique_ids(exhibition, root, log)
    _attract_references(exhibition, root, log)
    _translations(exhibition, converter, log)
    _captions_and_images(exhibition, root, log)
    _excerpts_within_films(exhibition, root, converter, log)
    _contrast(exhibition, root, log)
    _accessibility(exhibition, root, log)


def _unique_languages(root: Node, log: ProblemLog) -> None:
    languages_node = _child(root, "exhibition", "languages")
    if languages_node is None or languages_node.kind != "seq":
        return
    seen: dict[str, Node] = {}
    for index, item in enumerate(languages_node.items):
        first = seen.setdefault(item.text, item)
        if item.kind == "scalar" and first is not item:
            log.error(
                item.line,
                item.column,
                f"exhibition.languages[{index}]",
                f"'{item.text}' is already in the list (column {first.column}): name each language once",
            )


def _unique_ids(exhibition: Exhibition, root: Node, log: ProblemLog) -> None:
    chapter_ids: dict[str, Node] = {}
    panel_ids: dict[str, Node] = {}
    chapters_node = root.get("chapters")
    for ci, chapter in enumerate(exhibition.chapters):
        id_node = _child(chapters_node, ci, "id")
        if id_node is not None:
            first = chapter_ids.setdefault(chapter.id, id_node)
            if first is not id_node:
                log.error(
                    id_node.line,
                    id_node.column,
                    f"chapters[{ci}].id",
                    f"the chapter id '{chapter.id}' is already used at line {first.line}: ids must be unique",
                )
        for pi, panel in enumerate(chapter.panels):
            node = _child(chapters_node, ci, "panels", pi, "id")
            if node is None or (isinstance(panel, PlaceholderPanel) and panel.id != node.text):
                continue
            first = panel_ids.setdefault(panel.id, node)
            if first is not node:
                log.error(
                    node.line,
                    node.column,
                    f"chapters[{ci}].panels[{pi}].id",
                    f"the panel id '{panel.id}' is already used at line {first.line}: ids must be unique",
                )


def _attract_references(exhibition: Exhibition, root: Node, log: ProblemLog) -> None:
    items_node = _child(root, "attract", "items")
    if items_node is None or items_node.kind != "seq":
        return
    known = [panel.id for _, panel in exhibition.panels()]
    known_set = set(known)
    for index, item in enumerate(items_node.items):
        if item.kind == "scalar" and item.text not in known_set:
            log.error(
                item.line,
                item.column,
                f"attract.items[{index}]",
                f"no panel has the id '{item.text}'{did_you_mean(item.text, known)}",
            )


def _translations(exhibition: Exhibition, converter: Converter, log: ProblemLog) -> None:
    languages = exhibition.languages
    default = exhibition.default_language
    for path, node, text in converter.texts_seen:
        for language in text.missing(languages):
            # The language those visitors see: the first of the exhibition's that has the text, as
            # the kiosk looks (kiosk/text/localize.py), not always the default, which may be the one missing.
            shown = next((other for other in languages if other != language and text.get(other) is not None), default)
            log.warning(
                node.line,
                node.column,
                path,
                f"no {language_name(language)} ({language}) text: visitors reading {language} will see "
                f"the {language_name(shown)} text instead",
            )
        for language in sorted(text.languages - set(languages)):
            log.warning(
                node.line,
                node.column,
                path,
                f"has '{language}' text, but '{language}' is not among the exhibition's languages "
                f"({', '.join(languages)})",
            )


def _captions_and_images(exhibition: Exhibition, root: Node, log: ProblemLog) -> None:
    chapters_node = root.get("chapters")
    for ci, chapter in enumerate(exhibition.chapters):
        for pi, panel in enumerate(chapter.panels):
            node = _child(chapters_node, ci, "panels", pi)
            if node is None:
                continue
            path = f"chapters[{ci}].panels[{pi}]"
            if isinstance(panel, VideoPanel):
                _captions_within_excerpt(panel, node, path, log)
                missing = [lang for lang in exhibition.languages if lang not in panel.captions]
                if missing:
                    where = node.get("captions") or node
                    names = ", ".join(f"{language_name(lang)} ({lang})" for lang in missing)
                    log.warning(
                        where.line,
                        where.column,
                        f"{path}.captions",
                        f"no captions in {names}: visitors who cannot hear will miss this excerpt",
                    )
            images = {
                ImagePanel: ("src",),
                VideoPanel: ("poster",),
                TextPanel: ("image",),
                TimelinePanel: ("image",),
            }.get(type(panel), ())
            for key in images:
                media = getattr(panel, key)
                message = extension_mismatch(media) if media is not None else None
                key_node = node.get(key)
                if message and key_node is not None:
                    log.warning(key_node.line, key_node.column, f"{path}.{key}", f"'{media.relative}' {message}")


def _captions_within_excerpt(panel: VideoPanel, node: Node, path: str, log: ProblemLog) -> None:
    """Captions are timed on the film: a file with no cue inside the excerpt was probably timed on the excerpt."""
    captions_node = node.get("captions")
    for language, track in panel.captions.items():
        if not track.cues:
            continue
        if any(cue.start_ms < panel.end.ms and cue.end_ms > panel.start.ms for cue in track.cues):
            continue
        where = (captions_node.get(language) if captions_node is not None else None) or captions_node or node
        log.warning(
            where.line,
            where.column,
            f"{path}.captions.{language}",
            f"no caption in '{track.file.relative}' falls inside the excerpt ({panel.start} to {panel.end}): "
            "captions are timed on the whole film, not on the excerpt",
        )


def _excerpts_within_films(exhibition: Exhibition, root: Node, converter: Converter, log: ProblemLog) -> None:
    """An excerpt must lie inside its film: a start or end past the film's end would show nothing."""
    durations = converter.media.durations if converter.media is not None else {}
    chapters_node = root.get("chapters")
    for ci, chapter in enumerate(exhibition.chapters):
        for pi, panel in enumerate(chapter.panels):
            if not isinstance(panel, VideoPanel) or not panel.src.usable:
                continue
            length = durations.get(panel.src.path)
            node = _child(chapters_node, ci, "panels", pi)
            if length is None or node is None:
                continue
            film = Timecode(length)
            for key, time in (("start", panel.start), ("end", panel.end)):
                # A few hundredths of slack: films end on a frame, staff round to the second.
                if time.ms > length + 50 and (where := node.get(key)) is not None:
                    log.error(
                        where.line,
                        where.column,
                        f"chapters[{ci}].panels[{pi}].{key}",
                        f"{time} is after the end of the film '{panel.src.relative}', which lasts {film}",
                    )
                    break


def _contrast(exhibition: Exhibition, root: Node, log: ProblemLog) -> None:
    theme = exhibition.info.theme
    theme_node = _child(root, "exhibition", "theme")
    for key in ("text", "muted"):
        ratio = contrast_ratio(getattr(theme, key), theme.background)
        for surface in ("background", "surface"):
            ratio = min(ratio, contrast_ratio(getattr(theme, key), getattr(theme, surface)))
        if ratio < TEXT_MINIMUM:
            node = _child(theme_node, key) or theme_node or root
            log.warning(
                node.line,
                node.column,
                f"exhibition.theme.{key}",
                f"contrast with the background is {ratio:.1f}:1; text needs at least {TEXT_MINIMUM}:1 "
                "to be readable by every visitor",
            )


def _accessibility(exhibition: Exhibition, root: Node, log: ProblemLog) -> None:
    """What visitors who cannot see, hear or read the screen would miss, said to staff at the key."""
    chapters_node = root.get("chapters")
    for ci, chapter in enumerate(exhibition.chapters):
        for pi, panel in enumerate(chapter.panels):
            node = _child(chapters_node, ci, "panels", pi)
            if node is None or isinstance(panel, PlaceholderPanel):
                continue
            path = f"chapters[{ci}].panels[{pi}]"
            if isinstance(panel, TextPanel | TimelinePanel) and panel.image is not None and panel.alt is None:
                where = node.get("image") or node
                log.warning(
                    where.line,
                    where.column,
                    f"{path}.image",
                    "the picture has no 'alt' text: visitors who cannot see it will not know what it shows",
                )
            if not panel.narration and not has_speakable_text(panel, exhibition.languages):
                log.warning(
                    node.line,
                    node.column,
                    path,
                    "this panel has no narration and no text to speak: give it a title, a description "
                    "or a recorded 'narration', or visitors who cannot see the screen hear nothing",
                )
            _by_language(exhibition, panel, node, path, log)


def _by_language(exhibition: Exhibition, panel: Panel, node: Node, path: str, log: ProblemLog) -> None:
    """Narration, sign language and description files: under a language the exhibition speaks, named for it."""
    groups = {"narration": getattr(panel, "narration", {}), "sign_language": getattr(panel, "sign_language", {})}
    if isinstance(panel, VideoPanel):
        groups["audio_description"] = panel.audio_description
    for key, files in groups.items():
        group_node = node.get(key)
        for language, media in files.items():
            where = (group_node.get(language) if group_node is not None else None) or group_node or node
            if language not in exhibition.languages:
                log.warning(
                    where.line,
                    where.column,
                    f"{path}.{key}.{language}",
                    f"'{language}' is not among the exhibition's languages "
                    f"({', '.join(exhibition.languages)}): no visitor will hear or see this file",
                )
            tag = _NAME_LANGUAGE.search(media.relative)
            if tag is not None and tag.group(1) != language and tag.group(1) in exhibition.languages:
                log.warning(
                    where.line,
                    where.column,
                    f"{path}.{key}.{language}",
                    f"'{media.relative}' is named as {language_name(tag.group(1))} ({tag.group(1)}) but "
                    f"given for {language_name(language)} ({language}): check that it is the right file",
                )
