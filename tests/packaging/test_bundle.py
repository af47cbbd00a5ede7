"""The installers, built and run for real: the PyInstaller bundle with the system's libVLC hidden,
and the .deb installed, upgraded and removed on this machine (root, as in CI).

Slow (a build is 30-60 s), so the bundle is built once per session; everything else reuses it.
Measurements (size, build time, first frame) are written to build/packaging-measurements.json.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
MEASUREMENTS = ROOT / "build" / "packaging-measurements.json"
STAFF = Path("/var/lib/kiosk/exhibition")

pytestmark = [pytest.mark.packaging, pytest.mark.slow, pytest.mark.timeout(600)]


def _why_not_buildable() -> str | None:
    if not sys.platform.startswith("linux"):
        return "the bundle test builds the Linux bundle"
    if importlib.util.find_spec("PyInstaller") is None:
        return "PyInstaller is not installed (scripts/setup.sh test installs it)"
    if not any(Path(d, "libvlc.so.5").exists() for d in ("/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib")):
        return "no system libVLC to bundle (apt-get install libvlc5 vlc-plugin-base)"
    if shutil.which("ldd") is None or shutil.which("readelf") is None:
        return "ldd/readelf missing (binutils)"
    return None


def _why_not_root_tools(*tools: str) -> str | None:
    if os.geteuid() != 0:
        return "needs root (mount namespaces, dpkg -i); CI runs as root"
    missing = [tool for tool in tools if shutil.which(tool) is None]
    return f"missing tools: {', '.join(missing)}" if missing else None


def _engine_in_checkout() -> bool:
    return importlib.util.find_spec("kiosk.video") is not None and (ROOT / "kiosk/video/vlc_engine.py").exists()


def _record(**values: object) -> None:
    MEASUREMENTS.parent.mkdir(parents=True, exist_ok=True)
    data = json.loads(MEASUREMENTS.read_text()) if MEASUREMENTS.exists() else {}
    data.update(values)
    MEASUREMENTS.write_text(json.dumps(data, indent=2))
    print(" ".join(f"{key}={value}" for key, value in values.items()))


def _run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **kwargs.pop("env", {})}  # type: ignore[dict-item]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300, **kwargs)  # type: ignore[call-overload]


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    reason = _why_not_buildable()
    if reason:
        pytest.skip(reason)
    dist = tmp_path_factory.mktemp("dist")
    started = time.monotonic()
    done = _run(
        ["bash", str(PACKAGING / "build_bundle.sh")],
        env={"KIOSK_DIST": str(dist), "PYTHON": sys.executable},
        cwd=ROOT,
    )
    seconds = time.monotonic() - started
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    folder = dist / "kiosk"
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    _record(bundle_mib=round(size / 2**20), bundle_build_s=round(seconds, 1))
    return folder


def test_bundle_carries_only_the_listed_vlc_plugins(bundle: Path):
    sys.path.insert(0, str(PACKAGING / "pyinstaller"))
    try:
        import bundle_rules
    finally:
        sys.path.pop(0)
    wanted = {bundle_rules.plugin_file(entry) for entry in bundle_rules.read_plugin_list()}
    plugins = bundle / "_internal" / "vlc" / "plugins"
    found = {str(p.relative_to(plugins)) for p in plugins.rglob("*.so")}
    _libs, system_plugins = bundle_rules.find_system_vlc()
    assert found == {name for name in wanted if (system_plugins / name).exists()}
    assert "codec/libavcodec_plugin.so" in found and "video_output/libvmem_plugin.so" in found
    assert (bundle / "_internal" / "libvlc.so.5").exists()
    # The Qt modules the kiosk does not use stayed out.
    internal = bundle / "_internal"
    assert not list(internal.rglob("libQt6Widgets*")) and not list(internal.rglob("libQt6Designer*"))
    assert not (internal / "PySide6" / "Qt" / "qml" / "QtQuick" / "VirtualKeyboard").exists()


def test_bundle_smoke_with_system_libvlc_hidden(bundle: Path, tmp_path: Path):
    reason = _why_not_root_tools("unshare", "mount")
    if reason:
        pytest.skip(reason)
    hide = str(PACKAGING / "hide_system_vlc.sh")
    # The hiding works: inside, the system's libVLC cannot be loaded.
    probe = _run([hide, sys.executable, "-c", "import ctypes; ctypes.CDLL('libvlc.so.5')"])
    assert probe.returncode != 0, "the system libVLC is still visible"
    shot = tmp_path / "first-frame.png"
    env = {"KIOSK_LOG_DIR": str(tmp_path / "logs"), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("KIOSK_EXHIBITION", None)
    done = _run([hide, str(bundle / "kiosk"), "doctor", "--smoke", "--json", "--screenshot", str(shot)], env=env)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
    report = json.loads(done.stdout)
    steps = {step["name"]: step for step in report["steps"]}
    assert report["frozen"] is True
    assert steps["exhibition"]["status"] == "ok"
    assert steps["first_frame"]["status"] == "ok" and shot.stat().st_size > 10_000
    assert steps["qt_messages"]["details"]["messages"] == []
    if _engine_in_checkout():
        assert steps["video"]["status"] == "ok", steps["video"]
        # The bundle's own libswscale converts large films' pictures (docs/decisions/0067).
        assert steps["video"]["details"]["large_films"] == "as I420 (libswscale)", steps["video"]
    else:
        assert steps["video"]["status"] == "skipped"
    _record(
        first_frame_since_process_start_ms=steps["first_frame"]["details"]["since_process_start_ms"],
        first_frame_since_window_ms=steps["first_frame"]["details"]["since_window_ms"],
        video_step=steps["video"]["summary"],
    )


def test_bundle_doctor_finds_its_own_libvlc(bundle: Path, tmp_path: Path):
    reason = _why_not_root_tools("unshare", "mount")
    if reason:
        pytest.skip(reason)
    env = {"KIOSK_LOG_DIR": str(tmp_path / "logs"), "QT_QPA_PLATFORM": "offscreen"}
    done = _run([str(PACKAGING / "hide_system_vlc.sh"), str(bundle / "kiosk"), "doctor", "--json"], env=env)
    report = json.loads(done.stdout)
    checks = {finding["check"]: finding for finding in report["findings"]}
    assert checks["bundle"]["details"]["frozen"] is True
    assert checks["exhibition"]["status"] == "ok" and checks["fonts"]["status"] == "ok"
    if _engine_in_checkout():
        assert checks["libvlc"]["status"] == "ok", checks["libvlc"]
        assert checks["libvlc"]["details"]["from_bundle"] is True
        assert done.returncode == 0, done.stdout


# --- licences and bill of materials -------------------------------------------------------------------


def _licence_record(bundle: Path) -> list:
    sys.path.insert(0, str(PACKAGING / "licences"))
    try:
        import dep5
    finally:
        sys.path.pop(0)
    return dep5.parse((bundle / "licenses" / "copyright").read_text(encoding="utf-8"))


def _uncovered(bundle: Path, paragraphs: list) -> list[str]:
    """Files of the bundle that no Files paragraph names (a catch-all "*" would not count)."""
    sys.path.insert(0, str(PACKAGING / "licences"))
    try:
        import dep5
    finally:
        sys.path.pop(0)
    files = [p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file() or p.is_symlink()]
    return [f for f in files if dep5.matching_paragraph(paragraphs, f, ignore_catch_all=True) is None]


def test_every_bundled_file_is_covered_by_a_licence_entry(bundle: Path):
    paragraphs = _licence_record(bundle)
    files_paragraphs = [p for p in paragraphs if "Files" in p.fields]
    assert len(files_paragraphs) > 50
    assert _uncovered(bundle, paragraphs) == []
    # Every paragraph says a licence and where its full terms are, and those files are there.
    for paragraph in files_paragraphs:
        assert paragraph.licence, paragraph.files
        terms = paragraph.fields["License"].split("Full terms: ", 1)[1].rstrip(".").split(", ")
        for path in terms:
            assert (bundle / path).is_file(), f"{paragraph.files[0]}: {path} missing"
    # What the record must say: FFmpeg as Debian builds it is GPL, libVLC and Qt are LGPL.
    by_file = {f: p for p in files_paragraphs for f in p.files}
    assert by_file["_internal/libavcodec.so.59"].licence == "GPL-2+"
    assert by_file["_internal/libvlccore.so.9"].licence == "LGPL-2.1+"
    assert any(p.licence == "LGPL-3.0-only" and any("PySide6" in f for f in p.files) for p in files_paragraphs)


@pytest.mark.parametrize("named", ["_internal/libavcodec.so.59", "_internal/libvlc.so.5", "_internal/yaml"])
def test_a_licence_entry_removed_leaves_its_files_uncovered(bundle: Path, named: str):
    """The coverage check above can fail: drop one component's paragraph, and its files show up."""
    paragraphs = _licence_record(bundle)
    dropped = [p for p in paragraphs if any(g == named or g.startswith(named + "/") for g in p.files)]
    assert len(dropped) == 1
    uncovered = _uncovered(bundle, [p for p in paragraphs if p is not dropped[0]])
    assert uncovered and all(any(f == g or f.startswith(g.rstrip("*")) for g in dropped[0].files) for f in uncovered)


def test_the_bill_of_materials_lists_what_is_bundled(bundle: Path):
    from cyclonedx.schema import SchemaVersion
    from cyclonedx.validation.json import JsonStrictValidator

    text = (bundle.parent / "kiosk.cdx.json").read_text(encoding="utf-8")
    assert JsonStrictValidator(SchemaVersion.V1_6).validate_str(text) is None
    bom = json.loads(text)
    assert bom["metadata"]["component"]["name"] == "kiosk" and bom["metadata"]["component"]["version"]
    names = {c["name"].lower().replace("_", "-"): c for c in bom["components"]}
    for bundled in ("pyside6-essentials", "pyyaml", "python-vlc", "pillow", "libavcodec59", "libvlccore9", "python"):
        assert bundled in names, bundled
    # Build and test tools are in the environment, not in the bundle: not in its SBOM either.
    for tool in ("pytest", "cyclonedx-bom", "mypy", "argparse-manpage"):
        assert tool not in names
    assert names["libavcodec59"]["licenses"] == [{"license": {"name": "GPL-2+"}}]
    assert names["libavcodec59"]["purl"].startswith("pkg:deb/debian/libavcodec59@")


# --- the .deb ----------------------------------------------------------------------------------------


@pytest.fixture
def clean_machine():
    """Refuse to touch a machine where kiosk is really installed; undo what the test leaves."""
    installed = _run(["dpkg-query", "-W", "-f=${Status}", "kiosk"])
    if "installed" in installed.stdout and "not-installed" not in installed.stdout:
        pytest.skip("a kiosk package is installed on this machine: not touching it")
    had_staff = Path("/var/lib/kiosk").exists()
    yield
    _run(["dpkg", "--purge", "kiosk"])
    if not had_staff:
        shutil.rmtree("/var/lib/kiosk", ignore_errors=True)


def _build_deb(bundle: Path, version: str, *options: str) -> Path:
    done = _run(
        ["bash", str(PACKAGING / "deb" / "build.sh"), "--reuse-bundle", "--fast", "--version", version, *options],
        env={"KIOSK_DIST": str(bundle.parent), "PYTHON": sys.executable},
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    debs = list(bundle.parent.glob(f"kiosk_{version}_*.deb"))
    assert len(debs) == 1
    return debs[0]


def test_deb_follows_debian_rules_lintian_finds_nothing_not_overridden(bundle: Path):
    missing = [tool for tool in ("dpkg-deb", "lintian") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"missing tools: {', '.join(missing)} (scripts/setup.sh test installs them)")
    maintainer = "Exhibit Technician <technician@museum.example.org>"
    deb = _build_deb(bundle, "0.0.3-1", "--maintainer", maintainer)
    fields = _run(["dpkg-deb", "-f", str(deb), "Maintainer"]).stdout.strip()
    assert fields == maintainer
    assert (bundle.parent / "kiosk_0.0.3-1_amd64.cdx.json").exists()
    listing = _run(["dpkg-deb", "-c", str(deb)]).stdout.splitlines()
    paths = {line.split()[-1].lstrip("."): line.split()[0] for line in listing if not line.startswith("l")}
    for needed in (
        "/usr/share/doc/kiosk/copyright",
        "/usr/share/doc/kiosk/changelog.Debian.gz",
        "/usr/share/man/man1/kiosk.1.gz",
        "/usr/share/man/man1/kiosk-validate.1.gz",
        "/usr/share/man/man1/kiosk-doctor.1.gz",
        "/opt/kiosk/licenses/SOURCES.txt",
    ):
        assert needed in paths, needed
    libraries = [mode for path, mode in paths.items() if ".so" in path.rsplit("/", 1)[-1]]
    assert libraries and all(mode == "-rw-r--r--" for mode in libraries)
    # The package's copyright record names every file it installs (the bundle's, rebased to /opt/kiosk).
    record = subprocess.run(
        f"dpkg-deb --fsys-tarfile '{deb}' | tar -xO ./usr/share/doc/kiosk/copyright",
        shell=True,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    sys.path.insert(0, str(PACKAGING / "licences"))
    try:
        import dep5
    finally:
        sys.path.pop(0)
    paragraphs = dep5.parse(record)
    installed = [path.lstrip("/") for path, mode in paths.items() if not mode.startswith("d")]
    assert [p for p in installed if dep5.matching_paragraph(paragraphs, p, ignore_catch_all=True) is None] == []
    # Lintian as Debian runs it, every tag shown: nothing but what is overridden (each with a reason).
    done = _run(["lintian", "--pedantic", str(deb)])
    findings = [line for line in done.stdout.splitlines() if line[:2] in ("E:", "W:")]
    assert findings == [], "\n".join(findings)
    _record(lintian_pedantic=sorted({line.split()[2] for line in done.stdout.splitlines() if line[:2] == "P:"}))
    overrides = (PACKAGING / "deb" / "lintian-overrides").read_text(encoding="utf-8").split("\n\n")
    for block in overrides:
        lines = [line for line in block.splitlines() if line.strip()]
        if any(line.startswith("kiosk:") for line in lines):
            assert lines[0].startswith("#"), f"override without a reason: {lines}"


def test_deb_install_upgrade_remove_keep_the_staff_exhibition(bundle: Path, clean_machine: None, tmp_path: Path):
    reason = _why_not_root_tools("dpkg", "dpkg-deb", "systemd-analyze")
    if reason:
        pytest.skip(reason)
    first = _build_deb(bundle, "0.0.1-1")
    _record(deb_mib=round(first.stat().st_size / 2**20))
    done = _run(["dpkg", "-i", str(first)])
    assert done.returncode == 0, done.stdout + done.stderr
    assert Path("/opt/kiosk/kiosk").exists() and os.access("/usr/bin/kiosk", os.X_OK)
    unit = Path("/usr/lib/systemd/user/kiosk.service")
    assert "Restart=on-failure" in unit.read_text() and "RestartSec=2" in unit.read_text()
    assert Path("/etc/xdg/autostart/kiosk.desktop").exists()
    yaml_file = STAFF / "exhibition.yaml"
    assert yaml_file.exists() and (STAFF / "media").is_dir()
    # Staff may edit it, without any recursive chmod in postinst: set up as the folder was made.
    assert stat.S_IMODE(STAFF.stat().st_mode) == 0o2775 and STAFF.group() == "kiosk"
    for path in [yaml_file, *(STAFF / "media").rglob("*")]:
        assert path.group() == "kiosk" and path.stat().st_mode & stat.S_IWGRP, path
    # The user unit is enabled for every user, as debhelper does it.
    assert Path("/etc/systemd/user/graphical-session.target.wants/kiosk.service").is_symlink()

    # systemd accepts the unit as a user unit.
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    verify = _run(["systemd-analyze", "--user", "verify", str(unit)], env={"XDG_RUNTIME_DIR": str(runtime)})
    assert verify.returncode == 0, verify.stdout + verify.stderr

    # kiosk doctor from the package: the staff's exhibition, its media, libVLC from the bundle.
    env = {"KIOSK_LOG_DIR": str(tmp_path / "logs"), "QT_QPA_PLATFORM": "offscreen"}
    env_clean = {k: v for k, v in os.environ.items() if k != "KIOSK_EXHIBITION"}
    doctor = subprocess.run(
        ["/usr/bin/kiosk", "doctor", "--json"], capture_output=True, text=True, timeout=120, env={**env_clean, **env}
    )
    checks = {finding["check"]: finding for finding in json.loads(doctor.stdout)["findings"]}
    assert checks["exhibition"]["details"]["path"] == str(yaml_file)
    assert checks["exhibition"]["status"] == "ok", checks["exhibition"]
    assert checks["media"]["status"] == "ok", checks["media"]
    assert checks["bundle"]["details"]["frozen"] is True
    if _engine_in_checkout():
        assert checks["libvlc"]["details"]["from_bundle"] is True, checks["libvlc"]
        _record(deb_doctor_libvlc=checks["libvlc"]["summary"])

    # Staff edit their exhibition; an upgrade keeps the edit.
    edited = yaml_file.read_text(encoding="utf-8") + "\n# edited by staff\n"
    yaml_file.write_text(edited, encoding="utf-8")
    (STAFF / "media" / "staff-added.txt").write_text("ours")
    second = _build_deb(bundle, "0.0.2-1")
    done = _run(["dpkg", "-i", str(second)])
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0.0.2-1" in _run(["dpkg-query", "-W", "-f=${Version}", "kiosk"]).stdout
    assert yaml_file.read_text(encoding="utf-8") == edited
    assert (STAFF / "media" / "staff-added.txt").exists()

    # Removal and purge take the program away and leave the exhibition.
    assert _run(["dpkg", "-r", "kiosk"]).returncode == 0
    assert not Path("/opt/kiosk").exists() and not Path("/usr/bin/kiosk").exists()
    assert yaml_file.read_text(encoding="utf-8") == edited
    assert _run(["dpkg", "--purge", "kiosk"]).returncode == 0
    assert yaml_file.read_text(encoding="utf-8") == edited
    assert not Path("/etc/xdg/autostart/kiosk.desktop").exists()


# --- every container the loader accepts plays from the bundle ----------------------------------------

#: name -> ffmpeg output options; each film is a 2 s test pattern with a tone.
FILMS = {
    "h264.mkv": ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac"],
    "vp9.webm": ["-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-c:a", "libopus"],
    "hevc.mp4": [
        "-c:v",
        "libx265",
        "-pix_fmt",
        "yuv420p",
        "-tag:v",
        "hvc1",
        "-x265-params",
        "log-level=error",
        "-c:a",
        "aac",
    ],
    "av1.mp4": ["-c:v", "libsvtav1", "-preset", "12", "-c:a", "aac"],
    "mpeg4.avi": ["-c:v", "mpeg4", "-c:a", "libmp3lame"],
    "theora.ogv": ["-c:v", "libtheora", "-c:a", "libvorbis"],
    "h264.ts": ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac"],
    "mpeg2.mpg": ["-c:v", "mpeg2video", "-c:a", "mp2"],
}


def _films_exhibition(folder: Path) -> Path:
    media = folder / "media"
    (media / "video").mkdir(parents=True)
    (media / "images").mkdir()
    source = [
        "-f",
        "lavfi",
        "-i",
        "testsrc=size=480x270:rate=25",
        "-f",
        "lavfi",
        "-i",
        "sine=frequency=440",
        "-t",
        "2.5",
    ]
    for name, options in FILMS.items():
        done = _run(["ffmpeg", "-v", "error", "-y", *source, *options, str(media / "video" / name)])
        assert done.returncode == 0, f"{name}: {done.stderr}"
    _run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            "testsrc=size=480x270",
            "-frames:v",
            "1",
            str(media / "images" / "poster.png"),
        ]
    )
    panels = "".join(
        f"""
      - id: film-{index}
        type: video
        src: video/{name}
        start: "00:00"
        end: "00:02"
        poster: images/poster.png
        title: {{en: "{name}"}}
"""
        for index, name in enumerate(FILMS)
    )
    config = folder / "films.yaml"
    config.write_text(
        f"""version: 1
exhibition:
  id: films
  title: {{en: Every container}}
  languages: [en]
  media: media
attract:
  items: [intro]
  invitation: {{en: Touch}}
chapters:
  - id: films
    title: {{en: Films}}
    panels:
      - id: intro
        type: text
        title: {{en: Films}}
        body: {{en: One of each kind.}}
{panels}""",
        encoding="utf-8",
    )
    return config


def test_bundle_plays_every_container_the_loader_accepts(bundle: Path, tmp_path: Path):
    reason = _why_not_root_tools("unshare", "mount", "ffmpeg")
    if reason:
        pytest.skip(reason)
    if not _engine_in_checkout():
        pytest.skip("the video engine is not in this checkout yet")
    config = _films_exhibition(tmp_path)
    env = {"KIOSK_LOG_DIR": str(tmp_path / "logs"), "QT_QPA_PLATFORM": "offscreen"}
    command = [
        str(PACKAGING / "hide_system_vlc.sh"),
        str(bundle / "kiosk"),
        "doctor",
        "--smoke",
        "--every-film",
        "--json",
        str(config),
    ]
    done = _run(command, env=env)
    report = json.loads(done.stdout)
    videos = [step for step in report["steps"] if step["name"] == "video"]
    played = {step["summary"].split(" (")[1].split(" from")[0]: step["status"] for step in videos}
    assert played == {f"video/{name}": "ok" for name in FILMS}, [s["summary"] for s in videos]
    assert done.returncode == 0


def test_every_subcommand_loads_from_the_bundle(bundle: Path):
    """PyInstaller cannot see modules imported by name: each subcommand must still be in the bundle."""
    from kiosk.cli import SUBCOMMANDS

    listed = _run([str(bundle / "kiosk"), "--help"])
    assert listed.returncode == 0
    for name in SUBCOMMANDS:
        if (ROOT / "kiosk" / "cli" / f"{name}.py").exists():
            done = _run([str(bundle / "kiosk"), name, "--help"])
            assert done.returncode == 0, f"kiosk {name}: {done.stderr[-2000:]}"
    valid = _run([str(bundle / "kiosk"), "validate", str(bundle / "_internal" / "config" / "exhibition.yaml")])
    assert valid.returncode == 0, valid.stdout + valid.stderr


def test_the_bundle_carries_the_shader_packs(bundle: Path):
    """A graphics card draws films with the kiosk's own shaders (kiosk/ui/video/i420_rhi_node.py):
    their packs are data, which PyInstaller takes only when told."""
    packs = sorted((ROOT / "kiosk" / "ui" / "video" / "shaders").glob("*.qsb"))
    assert packs
    for pack in packs:
        bundled = bundle / "_internal" / pack.relative_to(ROOT)
        assert bundled.is_file(), f"{pack.name} is not in the bundle"
        assert bundled.read_bytes() == pack.read_bytes()
