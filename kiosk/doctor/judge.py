"""Turning the probe's facts into findings: pure functions, tested without Qt or libVLC."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kiosk.cpu_renderers import named_as_cpu_renderer
from kiosk.doctor.findings import Finding, Status

#: The keys a video engine's probe() may use for the same fact.
_VLC_KEYS = {
    "available": ("available", "ok", "found", "usable"),
    "version": ("version", "libvlc_version"),
    "library": ("library", "lib_path", "library_path", "libvlc", "path", "dll"),
    "plugins": ("plugin_path", "plugins", "plugin_dir", "module_path", "plugins_path"),
    "error": ("error", "problem", "reason", "message"),
}


def _pick(data: Mapping[str, Any], fact: str) -> Any:
    for key in _VLC_KEYS[fact]:
        if data.get(key) not in (None, ""):
            return data[key]
    return None


def _inside(path: str | None, root: str | None) -> bool:
    if not path or not root:
        return False
    try:
        return Path(path).resolve().is_relative_to(Path(root).resolve())
    except (OSError, ValueError):
        return False


def judge_vlc(facts: Mapping[str, Any] | None, *, frozen: bool) -> Finding:
    title = "libVLC"
    if facts is None:
        return Finding(
            "libvlc",
            title,
            Status.FAIL,
            "the check crashed before reporting",
            advice="Run `kiosk doctor --probe` to see the crash.",
        )
    if facts.get("engine_missing"):
        return Finding("libvlc", title, Status.FAIL, "the video engine is not part of this build", details=dict(facts))
    if facts.get("error"):
        return Finding(
            "libvlc",
            title,
            Status.FAIL,
            f"cannot load libVLC: {facts['error']}",
            advice=_vlc_advice(frozen),
            details=dict(facts),
        )
    probe = facts.get("probe") or {}
    env = facts.get("env") or {}
    library = _pick(probe, "library") or env.get("PYTHON_VLC_LIB_PATH")
    plugins = _pick(probe, "plugins") or env.get("VLC_PLUGIN_PATH")
    version = _pick(probe, "version")
    available = _pick(probe, "available")
    if available is None:
        available = bool(version)
    bundle_root = facts.get("bundle_root")
    from_bundle = _inside(library, bundle_root) and (plugins is None or _inside(plugins, bundle_root))
    origin = "from the bundle" if from_bundle else "from the system"
    details = {
        "version": version,
        "library": library,
        "plugins": plugins,
        "from_bundle": from_bundle,
        "probe": probe,
        "env": env,
    }
    if not available:
        reason = _pick(probe, "error") or "no usable libVLC instance"
        return Finding(
            "libvlc", title, Status.FAIL, f"not usable: {reason}", advice=_vlc_advice(frozen), details=details
        )
    summary = f"libVLC {version or '(version unknown)'} {origin}" + (f" ({library})" if library else "")
    if frozen and not from_bundle:
        return Finding(
            "libvlc",
            title,
            Status.WARN,
            summary,
            advice="The bundle should use its own libVLC: is PYTHON_VLC_LIB_PATH set by hand?",
            details=details,
        )
    return Finding("libvlc", title, Status.OK, summary, details=details)


def _vlc_advice(frozen: bool) -> str:
    if frozen:
        return "Reinstall the kiosk package: the bundle's libVLC or its plugins are damaged."
    return "Install libVLC with its codecs: apt-get install --no-install-recommends libvlc5 vlc-plugin-base."


def judge_platform(qt: Mapping[str, Any] | None, session: Mapping[str, str], crash: str = "") -> Finding:
    title = "Qt platform"
    if qt is None:
        return Finding(
            "qt_platform",
            title,
            Status.FAIL,
            f"Qt could not start here{': ' + crash if crash else ''}",
            advice="Run doctor inside the kiosk's graphical session (as the kiosk user), "
            "and check the Qt xcb libraries (packaging/README.md).",
            details={"session": dict(session), "error": crash},
        )
    platform = qt.get("platform", "?")
    details = {"platform": platform, "qt_version": qt.get("qt_version"), "session": dict(session)}
    where = session.get("WAYLAND_DISPLAY") or session.get("DISPLAY") or ""
    summary = f"{platform}" + (f" on {where}" if where else "") + f", Qt {qt.get('qt_version', '?')}"
    if platform in ("offscreen", "minimal"):
        return Finding(
            "qt_platform",
            title,
            Status.WARN,
            summary + " (no screen: nothing is shown)",
            advice="Run doctor from the kiosk's graphical session to check the real screen; "
            "over SSH, export DISPLAY=:0 (X11) or WAYLAND_DISPLAY first.",
            details=details,
        )
    return Finding("qt_platform", title, Status.OK, summary, details=details)


def judge_scene_graph(qt: Mapping[str, Any] | None) -> Finding:
    title = "Scene graph"
    graph = (qt or {}).get("scene_graph")
    if not graph:
        return Finding("scene_graph", title, Status.FAIL, "not checked: Qt did not start")
    api = graph.get("graphics_api", "?")
    renderer = graph.get("gl_renderer") or graph.get("device")  # OpenGL's own name, else the RHI's
    summary = f"{api} ({graph.get('backend', 'default')} backend)" + (f", renderer {renderer}" if renderer else "")
    if not graph.get("rendered"):
        return Finding(
            "scene_graph",
            title,
            Status.FAIL,
            summary + ": no frame was drawn",
            advice="Try QT_QUICK_BACKEND=software in the kiosk's environment.",
            details=dict(graph),
        )
    summary += f", first frame in {graph.get('first_frame_ms', '?')} ms"
    if "films_as_planes" in graph:
        # docs/decisions/0072: a card converts each film's I420 planes; a device on the CPU does not.
        summary += ", films sent as I420 planes" if graph["films_as_planes"] else ", films sent as RGB textures"
    if graph.get("device_on_cpu") or (renderer and named_as_cpu_renderer(renderer)):
        return Finding(
            "scene_graph",
            title,
            Status.WARN,
            summary,
            advice=f"{api} is emulated on the CPU: set QT_QUICK_BACKEND=software "
            "(about a third of the CPU for video), or install the GPU driver.",
            details=dict(graph),
        )
    return Finding("scene_graph", title, Status.OK, summary, details=dict(graph))


def _inches(mm: list[int]) -> str:
    diagonal = (mm[0] ** 2 + mm[1] ** 2) ** 0.5 / 25.4
    return f'{mm[0]}x{mm[1]} mm ({diagonal:.0f}")'


def judge_screens(qt: Mapping[str, Any] | None) -> Finding:
    title = "Screens"
    if qt is None:
        return Finding("screens", title, Status.FAIL, "not checked: Qt did not start")
    screens = qt.get("screens") or []
    if qt.get("platform") in ("offscreen", "minimal"):
        return Finding(
            "screens",
            title,
            Status.INFO,
            "not checked: no real screen is visible from here",
            details={"screens": screens},
        )
    if not screens:
        return Finding(
            "screens",
            title,
            Status.FAIL,
            "no screen found",
            advice="Connect the screen and check the cable and its input source.",
        )
    parts = []
    for screen in screens:
        mm = screen.get("physical_mm") or [0, 0]
        size = _inches(mm) if mm[0] and mm[1] else "physical size unknown"
        hz = f" @{screen['refresh_hz']:g} Hz" if screen.get("refresh_hz") else ""
        mark = " (primary)" if screen.get("primary") and len(screens) > 1 else ""
        parts.append(f"{screen.get('name') or '?'} {screen['width']}x{screen['height']}{hz}, {size}{mark}")
    summary = f"{len(screens)} screen{'s' if len(screens) > 1 else ''}: " + "; ".join(parts)
    small = [s for s in screens if s["width"] * s.get("pixel_ratio", 1) < 1280]
    if small:
        return Finding(
            "screens",
            title,
            Status.WARN,
            summary,
            advice="The kiosk is laid out for 1280x720 and up; check the screen's resolution.",
            details={"screens": screens},
        )
    return Finding("screens", title, Status.OK, summary, details={"screens": screens})


def judge_touch(qt: Mapping[str, Any] | None, kernel: list[str] | None) -> Finding:
    title = "Touch"
    qt_touch = [d["name"] for d in (qt or {}).get("input_devices", []) if d.get("type") == "TouchScreen"]
    details = {"qt": qt_touch, "kernel": kernel}
    if qt_touch:
        return Finding(
            "touch", title, Status.OK, "touchscreen seen by the kiosk: " + ", ".join(qt_touch), details=details
        )
    if kernel:
        return Finding(
            "touch",
            title,
            Status.WARN,
            "the system has a touchscreen (" + ", ".join(kernel) + ") but Qt does not see it here",
            advice="Check from the kiosk's own session; on X11 the touchscreen must be an "
            "XInput2 device (xinput list).",
            details=details,
        )
    return Finding(
        "touch",
        title,
        Status.WARN,
        "no touchscreen found",
        advice="Visitors need touch: check the touchscreen's USB cable. A mouse works for previews.",
        details=details,
    )


def judge_fonts(qt: Mapping[str, Any] | None) -> Finding:
    title = "Fonts"
    fonts = (qt or {}).get("fonts")
    if not fonts:
        return Finding("fonts", title, Status.FAIL, "not checked: Qt did not start or no exhibition")
    languages = {key: value for key, value in fonts.items() if isinstance(value, dict)}
    if not languages:
        return Finding("fonts", title, Status.WARN, "no exhibition text to check", details=dict(fonts))
    failing, warning, parts = [], [], []
    for code, info in languages.items():
        name = info.get("name", code)
        if info.get("uncovered"):
            failing.append(f"{name}: no font draws {info['uncovered'][:20]!r}")
            continue
        if not info.get("installed"):
            requested = ", ".join(info.get("requested", []))
            warning.append(f"{name}: {requested} not installed, {info.get('primary')} used instead")
        parts.append(f"{name} {info.get('primary')} ({info.get('characters', 0)} chars)")
    details = dict(fonts)
    if failing:
        return Finding(
            "fonts",
            title,
            Status.FAIL,
            "; ".join(failing),
            advice="Install fonts for every exhibition language: apt-get install fonts-noto-core.",
            details=details,
        )
    summary = "every language covered: " + "; ".join(parts)
    if warning:
        return Finding(
            "fonts",
            title,
            Status.WARN,
            summary + ". " + "; ".join(warning),
            advice="Install the theme's fonts (fonts-noto-core) or change theme fonts in the YAML.",
            details=details,
        )
    return Finding("fonts", title, Status.OK, summary, details=details)
