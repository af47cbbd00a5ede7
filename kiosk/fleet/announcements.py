"""An announcement for every screen ("the booth closes at 18:00"), published beside the exhibition.

``announcement.json`` at the root of the publish folder, written atomically, so Syncthing
carries it whole; withdrawing it removes the file. A kiosk shows it over whatever is on
screen, in every language it has, until it expires or is withdrawn. No Qt here: the view
model (:mod:`kiosk.fleet.qt_hook`) reads it through :func:`read_announcement`.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from kiosk.fleet.manifest import write_atomically

ANNOUNCEMENT_NAME = "announcement.json"
FORMAT = 1
LEVELS = ("info", "urgent")
#: Long enough for a real message in three languages, short enough to fit over the screen.
MAX_CHARS = 280
RIGHT_TO_LEFT = ("ar", "fa", "he", "ur", "ps", "ckb", "sd", "ug", "yi")


class AnnouncementError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Announcement:
    id: str
    texts: dict[str, str]
    published_at: float
    expires_at: float
    level: str = "info"

    def active(self, now: float) -> bool:
        return self.published_at - 300 <= now < self.expires_at  # 5 min of clock skew between machines

    def in_order(self, languages: tuple[str, ...] = ()) -> list[tuple[str, str]]:
        """(language, text) pairs: the exhibition's languages first, in its order, then any others."""
        first = [lang for lang in languages if lang in self.texts]
        rest = sorted(lang for lang in self.texts if lang not in first)
        return [(lang, self.texts[lang]) for lang in first + rest]

    def as_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "id": self.id,
            "level": self.level,
            "published_at": self.published_at,
            "expires_at": self.expires_at,
            "texts": dict(self.texts),
        }

    @classmethod
    def from_dict(cls, data: Any) -> Announcement:
        try:
            if data.get("format") != FORMAT:
                raise AnnouncementError(f"announcement format {data.get('format')!r}, expected {FORMAT}")
            texts = {str(k): str(v) for k, v in data["texts"].items()}
            announcement = cls(
                id=str(data["id"]),
                texts=texts,
                published_at=float(data["published_at"]),
                expires_at=float(data["expires_at"]),
                level=str(data.get("level", "info")),
            )
        except AnnouncementError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise AnnouncementError(f"not an announcement ({type(error).__name__}: {error})") from None
        check_texts(announcement.texts)
        if announcement.level not in LEVELS:
            raise AnnouncementError(f"level {announcement.level!r}: one of {', '.join(LEVELS)}")
        return announcement


def check_texts(texts: dict[str, str]) -> None:
    if not texts:
        raise AnnouncementError("an announcement needs a text in at least one language")
    for language, text in texts.items():
        if not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})?", language):
            raise AnnouncementError(f"{language!r} is not a language code such as fr, en or ar")
        if not text.strip():
            raise AnnouncementError(f"the {language} text is empty")
        if len(text) > MAX_CHARS:
            raise AnnouncementError(f"the {language} text has {len(text)} characters; {MAX_CHARS} at most")


def parse_until(text: str, now: datetime | None = None) -> datetime:
    """``18:00`` (today, or an error if past), ``2026-12-07T18:00``, or a duration ``90m``/``2h``/``1d``."""
    now = now or datetime.now().astimezone()
    duration = re.fullmatch(r"\s*(\d+)\s*([smhd])\s*", text)
    if duration:
        unit = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}[duration.group(2)]
        return now + timedelta(**{unit: int(duration.group(1))})
    clock = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", text)
    if clock:
        hour, minute = int(clock.group(1)), int(clock.group(2))
        if hour > 23 or minute > 59:
            raise AnnouncementError(f"{text!r} is not a time of day")
        until = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
        if until <= now:
            tomorrow = until.date() + timedelta(days=1)
            raise AnnouncementError(f"{text} has passed today; give a date, e.g. {tomorrow}T{text}")
        return until
    try:
        until = datetime.fromisoformat(text.strip())
    except ValueError:
        raise AnnouncementError(
            f"{text!r}: write a time (18:00), a date and time (2026-12-07T18:00) or a duration (90m, 2h, 1d)"
        ) from None
    if until.tzinfo is None:
        until = until.astimezone()
    if until <= now:
        raise AnnouncementError(f"{text} is in the past")
    return until


def write_announcement(
    folder: Path, texts: dict[str, str], until: datetime, *, level: str = "info", now: float | None = None
) -> Announcement:
    check_texts(texts)
    if level not in LEVELS:
        raise AnnouncementError(f"level {level!r}: one of {', '.join(LEVELS)}")
    announcement = Announcement(
        uuid.uuid4().hex[:12], dict(texts), time.time() if now is None else now, until.timestamp(), level
    )
    text = json.dumps(announcement.as_dict(), ensure_ascii=False, indent=1) + "\n"
    write_atomically(Path(folder) / ANNOUNCEMENT_NAME, text.encode("utf-8"))
    return announcement


def withdraw(folder: Path) -> bool:
    path = Path(folder) / ANNOUNCEMENT_NAME
    existed = path.exists()
    path.unlink(missing_ok=True)
    return existed


def read_announcement(folder: Path) -> Announcement | None:
    """The announcement in ``folder`` (expired or not), None if there is none; AnnouncementError if unreadable."""
    path = Path(folder) / ANNOUNCEMENT_NAME
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise AnnouncementError(f"{path}: cannot be read ({error})") from None
    try:
        return Announcement.from_dict(json.loads(text))
    except json.JSONDecodeError as error:
        raise AnnouncementError(f"{path}: not JSON ({error})") from None
