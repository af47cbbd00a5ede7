"""Checks of the machine itself that need neither Qt nor libVLC: bundle, disk, logs, input devices."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kiosk import __version__, paths
from kiosk.doctor.findings import Finding, Status

#: Below this the kiosk may stop writing logs and visit statistics within days.
MIN_FREE_BYTES = 500 * 1024 * 1024
#: Below this it is time to clean up before opening.
LOW_FREE_BYTES = 2 * 1024 * 1024 * 1024


def check_bundle() -> Finding:
    frozen = paths.is_frozen()
    where = str(paths.resource_root())
    details = {"frozen": frozen, "executable": sys.executable, "resources": where, "version": __version__}
    if frozen:
        return Finding(
            "bundle",
            "Bundle",
            Status.INFO,
            f"kiosk {__version__} runs from the installed bundle ({Path(sys.executable).parent})",
            details=details,
        )
    return Finding(
        "bundle",
        "Bundle",
        Status.INFO,
        f"kiosk {__version__} runs from a checkout ({where}), not from the installed bundle",
        details=details,
    )


def check_disk(folders: list[Path], *, minimum: int = MIN_FREE_BYTES, low: int = LOW_FREE_BYTES) -> Finding:
    """Free space on every disk the kiosk writes to (logs) or reads from (exhibition)."""
    disks: dict[int, tuple[Path, int]] = {}
    for folder in folders:
        existing = _existing_parent(folder)
        try:
            device = existing.stat().st_dev
            free = shutil.disk_usage(existing).free
        except OSError:
            continue
        disks.setdefault(device, (existing, free))
    if not disks:
        return Finding(
            "disk",
            "Free disk",
            Status.WARN,
            "could not measure free space",
            details={"folders": [str(f) for f in folders]},
        )
    worst_path, worst_free = min(disks.values(), key=lambda item: item[1])
    details = {"disks": [{"path": str(p), "free_bytes": f} for p, f in disks.values()]}
    summary = f"{_size(worst_free)} free on the disk of {worst_path}"
    if worst_free < minimum:
        return Finding(
            "disk",
            "Free disk",
            Status.FAIL,
            summary,
            advice=f"Free at least {_size(minimum)}: the kiosk must be able to write its logs.",
            details=details,
        )
    if worst_free < low:
        return Finding(
            "disk",
            "Free disk",
            Status.WARN,
            summary,
            advice="Free some space before opening: logs and statistics grow every day.",
            details=details,
        )
    return Finding("disk", "Free disk", Status.OK, summary, details=details)


def check_log_folder(folder: Path) -> Finding:
    """Can the kiosk write its rotating log here? Tried for real: create, write, delete a file."""
    details = {"path": str(folder)}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".doctor-", delete=True) as probe:
            probe.write(b"ok")
            probe.flush()
    except OSError as error:
        return Finding(
            "logs",
            "Log folder",
            Status.WARN,
            f"{folder} is not writable: {error.strerror or error}",
            advice=f"Let the kiosk's user write to {folder} (or set KIOSK_LOG_DIR); "
            "without it, errors only reach the journal.",
            details=details,
        )
    return Finding("logs", "Log folder", Status.OK, f"{folder} is writable", details=details)


def _existing_parent(path: Path) -> Path:
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate
    return path


def _size(count: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if count < 1024 or unit == "GB":
            return f"{count:.0f} {unit}" if unit in ("B", "KB") else f"{count:.1f} {unit}"
        count /= 1024
    return f"{count:.1f} TB"


# --- touch devices as the kernel sees them (Linux) ---------------------------------------------------
_ABS_MT_POSITION_X = 0x35
_BTN_TOUCH = 0x14A


@dataclass(frozen=True, slots=True)
class InputDevice:
    name: str
    handlers: tuple[str, ...]
    touch: bool


def _has_bit(bitmap: str, bit: int) -> bool:
    """The kernel prints capability bitmaps as space-separated hex words, most significant first."""
    words = bitmap.split()
    word_bits = 64 if sys.maxsize > 2**32 else 32  # the kernel's unsigned long, as wide as ours
    index = bit // word_bits
    if index >= len(words):
        return False
    return bool(int(words[-1 - index], 16) >> (bit % word_bits) & 1)


def parse_input_devices(text: str) -> list[InputDevice]:
    """Devices listed in /proc/bus/input/devices; touch = multitouch position + BTN_TOUCH."""
    devices = []
    for block in text.strip().split("\n\n"):
        name, abs_bits, key_bits = "", "", ""
        handlers: tuple[str, ...] = ()
        for line in block.splitlines():
            if line.startswith("N: Name="):
                name = line.split("=", 1)[1].strip().strip('"')
            elif line.startswith("H: Handlers="):
                handlers = tuple(line.split("=", 1)[1].split())
            elif line.startswith("B: ABS="):
                abs_bits = line.split("=", 1)[1]
            elif line.startswith("B: KEY="):
                key_bits = line.split("=", 1)[1]
        if not name:
            continue
        touch = bool(abs_bits) and _has_bit(abs_bits, _ABS_MT_POSITION_X) and _has_bit(key_bits, _BTN_TOUCH)
        devices.append(InputDevice(name, handlers, touch))
    return devices


def kernel_touch_devices(source: Path = Path("/proc/bus/input/devices")) -> list[str] | None:
    """Names of the touchscreens the kernel knows, or None when this is not Linux."""
    try:
        text = source.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    return [device.name for device in parse_input_devices(text) if device.touch]


def session_facts() -> dict[str, str]:
    """The graphical session this process can reach, from its environment."""
    keys = ("DISPLAY", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE", "QT_QPA_PLATFORM", "QT_QUICK_BACKEND", "INVOCATION_ID")
    return {key: os.environ[key] for key in keys if os.environ.get(key)}


# --- sound ------------------------------------------------------------------------------------------


def parse_sound_cards(text: str) -> list[str]:
    """Card names from /proc/asound/cards (" 0 [PCH            ]: HDA-Intel - HDA Intel PCH")."""
    cards = []
    for line in text.splitlines():
        head = line.strip()
        if head[:1].isdigit() and "]:" in head:
            cards.append(head.split("]:", 1)[1].split(" - ", 1)[-1].strip())
    return cards


def check_sound(
    cards_file: Path = Path("/proc/asound/cards"), runtime_dir: str | None = None, vlc_options: str | None = None
) -> Finding:
    """Is there a sound card, and a sound server in this session? Films play silent without one."""
    title = "Sound"
    if not sys.platform.startswith("linux"):
        return Finding("sound", title, Status.INFO, "not checked on this system")
    options = os.environ.get("KIOSK_VLC_OPTIONS", "") if vlc_options is None else vlc_options
    try:
        cards = parse_sound_cards(cards_file.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        cards = []
    runtime = runtime_dir if runtime_dir is not None else os.environ.get("XDG_RUNTIME_DIR", "")
    server = bool(runtime) and (Path(runtime, "pulse", "native").exists() or Path(runtime, "pipewire-0").exists())
    details = {"cards": cards, "sound_server": server, "vlc_options": options}
    if "--aout=adummy" in options:
        return Finding(
            "sound", title, Status.INFO, "silent on purpose (KIOSK_VLC_OPTIONS=--aout=adummy)", details=details
        )
    if not cards:
        return Finding(
            "sound",
            title,
            Status.WARN,
            "no sound card: films will play without sound",
            advice="Connect speakers (HDMI or jack), or, for a silent booth, set "
            "KIOSK_VLC_OPTIONS=--aout=adummy so that libVLC stops logging audio errors.",
            details=details,
        )
    where = "through the session's sound server" if server else "straight to ALSA (no sound server in this session)"
    return Finding("sound", title, Status.OK, f"{', '.join(cards)}; {where}", details=details)
