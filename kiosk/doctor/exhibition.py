"""The exhibition as the doctor sees it: valid or not, its media readable, the text each language shows."""

from __future__ import annotations

import dataclasses
import os
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kiosk.doctor.findings import Finding, Status
from kiosk.model.languages import is_right_to_left, language_name
from kiosk.model.localized import ANY_LANGUAGE, Localized
from kiosk.model.media import MediaFile

#: How many problems the plain report quotes before pointing at ``kiosk validate``.
QUOTED_PROBLEMS = 5


def _walk(value: Any) -> Iterator[Any]:
    """Every value inside a model object: dataclass fields, tuples, mappings."""
    yield value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            if item.metadata.get("internal"):
                continue
            yield from _walk(getattr(value, item.name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _walk(item)
    elif isinstance(value, dict) or (hasattr(value, "items") and callable(value.items)):
        for item in value.values():
            yield from _walk(item)


def media_files(exhibition: Any) -> list[MediaFile]:
    seen: dict[Path, MediaFile] = {}
    for value in _walk(exhibition):
        if isinstance(value, MediaFile):
            seen.setdefault(value.path, value)
    return list(seen.values())


def text_by_language(exhibition: Any) -> dict[str, str]:
    """All visitor-facing text of each exhibition language (a universal text counts for all)."""
    languages = list(exhibition.languages)
    texts: dict[str, list[str]] = {language: [] for language in languages}
    for value in _walk(exhibition):
        if isinstance(value, Localized):
            for language, text in value.texts:
                targets = languages if language == ANY_LANGUAGE else [language]
                for target in targets:
                    texts.setdefault(target, []).append(text)
    return {language: "\n".join(parts) for language, parts in texts.items()}


def characters(text: str) -> str:
    """The distinct characters a font must draw: no spaces, controls or formatting marks."""
    wanted = {ch for ch in text if not ch.isspace() and unicodedata.category(ch)[0] not in ("C", "Z")}
    return "".join(sorted(wanted))


def font_request(exhibition: Any) -> dict[str, Any]:
    """What the font check needs to know: per language, the theme font and the characters."""
    theme = exhibition.info.theme
    request = {}
    for language, text in text_by_language(exhibition).items():
        rtl = is_right_to_left(language)
        request[language] = {
            "name": language_name(language),
            "fonts": [theme.arabic_font] if rtl else [theme.font, theme.heading_font],
            "characters": characters(text),
        }
    return request


def check_exhibition(path: Path) -> tuple[Finding, Any]:
    """Load the exhibition the kiosk would show; return the finding and the exhibition (or None)."""
    title = "Exhibition"
    if not path.is_file():
        return Finding(
            "exhibition",
            title,
            Status.FAIL,
            f"{path} not found",
            advice="Give the exhibition file as CONFIG, or set KIOSK_EXHIBITION.",
            details={"path": str(path)},
        ), None
    from kiosk.loader import load_exhibition  # the loader is light, but only this check needs it

    result = load_exhibition(path)
    problems = [str(problem) for problem in result.problems]
    details = {"path": str(path), "errors": len(result.errors), "warnings": len(result.warnings), "problems": problems}
    exhibition = result.exhibition
    if exhibition is not None:
        details["languages"] = list(exhibition.languages)
        details["chapters"] = len(exhibition.chapters)
    if not result.ok:
        quoted = "; ".join(str(problem) for problem in result.errors[:QUOTED_PROBLEMS])
        return Finding(
            "exhibition",
            title,
            Status.FAIL,
            f"{path}: {len(result.errors)} error(s): {quoted}",
            advice=f"Run `kiosk validate {path}` and fix every line it lists.",
            details=details,
        ), exhibition
    assert exhibition is not None
    languages = ", ".join(exhibition.languages)
    summary = f"{path}: valid, {len(exhibition.chapters)} chapters, languages {languages}"
    if result.warnings:
        return Finding(
            "exhibition",
            title,
            Status.WARN,
            f"{summary}, {len(result.warnings)} warning(s)",
            advice=f"Run `kiosk validate {path}` to read the warnings.",
            details=details,
        ), exhibition
    return Finding("exhibition", title, Status.OK, summary, details=details), exhibition


def check_media(exhibition: Any) -> Finding:
    """Every media file present and readable by the user the kiosk runs as."""
    title = "Media files"
    files = media_files(exhibition)
    unreadable: list[str] = []
    total = 0
    for media in files:
        if media.problem:
            unreadable.append(f"{media.relative}: {media.problem}")
            continue
        try:
            with media.path.open("rb") as stream:
                stream.read(1)
            total += media.path.stat().st_size
        except OSError as error:
            unreadable.append(f"{media.relative}: {error.strerror or error}")
    details = {
        "count": len(files),
        "bytes": total,
        "unreadable": unreadable,
        "folder": str(exhibition.media_root),
        "user": _user(),
    }
    if unreadable:
        return Finding(
            "media",
            title,
            Status.FAIL,
            f"{len(unreadable)} of {len(files)} cannot be read: " + "; ".join(unreadable[:QUOTED_PROBLEMS]),
            advice=f"Copy the missing files into {exhibition.media_root} and make them readable "
            f"by the kiosk's user ({_user()}).",
            details=details,
        )
    return Finding(
        "media",
        title,
        Status.OK,
        f"{len(files)} files readable ({total / 1e6:.0f} MB) in {exhibition.media_root}",
        details=details,
    )


def _user() -> str:
    try:
        import getpass

        return getpass.getuser()
    except (ImportError, KeyError, OSError):
        return str(os.getuid()) if hasattr(os, "getuid") else "?"
