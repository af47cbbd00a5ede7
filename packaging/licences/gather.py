"""Gather the licence of every file in a built bundle, and write them into the bundle.

Usage (build_bundle.sh runs it right after PyInstaller):
    python packaging/licences/gather.py BUNDLE MANIFEST
MANIFEST is the list of what PyInstaller collected and from where, written by kiosk.spec.

Each file of the bundle is traced to where it came from, and from there to a licence:
- a Python distribution (its RECORD): License-Expression, License, classifiers and license files;
- the Python runtime: PSF-2.0 and its LICENSE.txt;
- a Debian package (``dpkg -S``): Debian's copyright record, machine-readable or read by hand into
  known.py; FFmpeg's libraries say their own licence as built (``avcodec_license()``);
- VLC's libraries and plugins: the licence Debian's record gives their source file (known.py);
- the kiosk's own files (code, QML, exhibition, media, FFmpeg stand-ins): MIT.
A file with no known origin or licence stops the build: it cannot be handed on without one.

Writes into BUNDLE/licenses/: ``copyright`` (DEP-5, paths relative to the bundle), ``README.txt``
(what is inside and under which terms), ``SOURCES.txt`` (the written offer and where every copyleft
component's source is), ``components.json`` (for the SBOM), and the texts: texts/, debian/, python/.
"""

from __future__ import annotations

import ctypes
import functools
import importlib.metadata
import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
import dep5  # noqa: E402
import known  # noqa: E402

LICENSES = "licenses"
COMMON_LICENSES = Path("/usr/share/common-licenses")
COPYLEFT = re.compile(r"\b(A?GPL|LGPL)")


def gpl_bound(alternatives: str) -> bool:
    choices = re.split(r"\s+(?:or|OR)\s+", alternatives)
    return all(re.search(r"(?<!L)GPL", c) and not re.search(r"exception|WITH", c, re.I) for c in choices)


#: Full texts a licence name calls for, from licenses/texts/ (Debian's records only point to them).
_TEXT_FOR = (
    (re.compile(r"(?<!L)GPL-2"), "texts/GPL-2"),
    (re.compile(r"(?<!L)GPL-3"), "texts/GPL-3"),
    (re.compile(r"LGPL-2(?!\.1)"), "texts/LGPL-2"),
    (re.compile(r"LGPL-2\.1"), "texts/LGPL-2.1"),
    (re.compile(r"LGPL-3"), "texts/LGPL-3"),
    (re.compile(r"Apache-2"), "texts/Apache-2.0"),
)


def common_texts(licence: str) -> list[str]:
    return [text for pattern, text in _TEXT_FOR if pattern.search(licence)]


class LicenceError(Exception):
    """A bundled file whose origin or licence is unknown: the bundle must not ship."""


@dataclass
class Component:
    key: str
    name: str
    version: str
    licence: str
    kind: str  # kiosk, python, python-runtime, debian, pyinstaller, generated
    copyright: str
    texts: list[str] = field(default_factory=list)  # paths inside licenses/
    comment: str = ""
    source: str = ""  # where its corresponding source is
    purl: str = ""
    files: list[str] = field(default_factory=list)

    @property
    def copyleft(self) -> bool:
        return bool(COPYLEFT.search(self.licence))

    @property
    def gpl_bound(self) -> bool:
        """True when every choice the licence offers is the GPL (not the LGPL, not with an exception
        such as GCC's runtime or PyInstaller's bootloader one): the whole program must then meet it."""
        flat = self.licence.replace("(", "").replace(")", "")
        return any(gpl_bound(part) for part in re.split(r"\s+(?:and|AND)\s+", flat))


# --- where a collected file came from ----------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _python_files() -> dict[Path, importlib.metadata.Distribution]:
    owners: dict[Path, importlib.metadata.Distribution] = {}
    for dist in importlib.metadata.distributions():
        for record in dist.files or []:
            try:
                owners[Path(dist.locate_file(record)).resolve()] = dist
            except OSError:
                continue
    return owners


def _dist_key(dist: importlib.metadata.Distribution) -> str:
    return re.sub(r"[-_.]+", "-", dist.metadata["Name"]).lower()


def _candidates(path: str) -> list[str]:
    """The names dpkg may know a file by (Debian 12 merged /usr: /lib is /usr/lib)."""
    candidates = [path, str(Path(path).resolve())]
    candidates += [c.replace("/usr/lib/", "/lib/", 1) for c in candidates if c.startswith("/usr/lib/")]
    candidates += ["/usr" + c for c in candidates if c.startswith("/lib/")]
    return list(dict.fromkeys(candidates))


def dpkg_owners(paths: list[str]) -> dict[str, str]:
    """path -> the Debian package that installed it, for those dpkg knows (one dpkg call for all)."""
    wanted = {candidate: path for path in paths for candidate in _candidates(path)}
    if not wanted or shutil.which("dpkg") is None:
        return {}
    out = subprocess.run(["dpkg", "-S", *wanted], capture_output=True, text=True, check=False).stdout
    owners: dict[str, str] = {}
    for line in out.splitlines():
        if line.startswith("diversion ") or ": " not in line:
            continue
        packages, found = line.rsplit(": ", 1)
        if found in wanted:
            owners.setdefault(wanted[found], packages.split(",")[0].split(":")[0].strip())
    return owners


def _dpkg_fields(package: str) -> dict[str, str]:
    out = subprocess.run(
        ["dpkg-query", "-W", "-f=${source:Package}\t${source:Version}\t${Version}\t${Architecture}", package],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    source, source_version, version, arch = out.split("\t")
    return {"source": source, "source_version": source_version, "version": version, "arch": arch}


def _debian_copyright(package: str) -> Path:
    path = (Path("/usr/share/doc") / package / "copyright").resolve()
    if not path.exists():
        raise LicenceError(f"Debian package {package} has no /usr/share/doc/{package}/copyright")
    return path


def _qt_version() -> str:
    """The Qt the bundled PySide6 carries (its libraries, not the bindings' version)."""
    from PySide6 import QtCore

    return QtCore.qVersion()


def _ffmpeg_licence(library: str) -> str:
    name = re.sub(r"^lib|\.so.*$", "", Path(library).name)
    handle = ctypes.CDLL(library)
    function = getattr(handle, f"{name}_license")
    function.restype = ctypes.c_char_p
    words = function().decode()
    if words not in known.FFMPEG_LICENCE_NAMES:
        raise LicenceError(f"{library}: {name}_license() says {words!r}, which known.py does not name")
    return known.FFMPEG_LICENCE_NAMES[words]


class Gatherer:
    def __init__(self, bundle: Path, manifest: dict[str, list[list[str]]]):
        self.bundle = bundle
        self.manifest = manifest
        self.components: dict[str, Component] = {}
        self.owner: dict[str, str] = {}  # bundle path -> component key
        self._python = _python_files()
        self._vlc_record: list[dep5.Paragraph] | None = None
        self.texts: dict[str, str] = {}  # licenses/<path> -> text
        system = [src for kind in ("binaries", "datas") for _d, src, _k in manifest[kind] if src.startswith("/usr/")]
        system += [src for kind in ("binaries", "datas") for _d, src, _k in manifest[kind] if src.startswith("/lib")]
        self._dpkg = dpkg_owners(system)

    # - components -

    def _add(self, component: Component) -> Component:
        if COMMON_LICENSES.exists():
            component.texts += [t for t in common_texts(component.licence) if t not in component.texts]
        return self.components.setdefault(component.key, component)

    def kiosk(self) -> Component:
        import kiosk

        self.texts["licenses/LICENSE"] = known.MIT_TEXT
        return self._add(
            Component(
                "kiosk",
                "kiosk",
                kiosk.__version__,
                "MIT",
                "kiosk",
                "the kiosk authors",
                ["LICENSE"],
                "The kiosk's code, QML, default exhibition and its media (pictures and film stand-ins the "
                "project makes itself; quotations from the press article are attributed on screen), and "
                "the stand-ins for FFmpeg's unused encoder libraries (docs/packaging.md).",
                source="this repository",
                purl=f"pkg:generic/kiosk@{kiosk.__version__}",
            )
        )

    def python_runtime(self) -> Component:
        version = ".".join(map(str, sys.version_info[:3]))
        stdlib = f"python{sys.version_info[0]}.{sys.version_info[1]}"
        # Linux and macOS builds keep it with the standard library, python.org's Windows one at the top.
        for licence_file in (
            Path(sys.base_prefix) / "lib" / stdlib / "LICENSE.txt",
            Path(sys.base_prefix) / "LICENSE.txt",
        ):
            if licence_file.exists():
                self.texts["licenses/python/cpython/LICENSE.txt"] = licence_file.read_text(encoding="utf-8")
                break
        return self._add(
            Component(
                "python",
                "Python",
                version,
                "PSF-2.0",
                "python-runtime",
                "Python Software Foundation and contributors",
                ["python/cpython/LICENSE.txt"],
                "The Python interpreter (libpython) and standard library.",
                source=f"https://www.python.org/downloads/release/python-{version.replace('.', '')}/",
                purl=f"pkg:generic/cpython@{version}",
            )
        )

    def python_dist(self, dist: importlib.metadata.Distribution) -> Component:
        key = _dist_key(dist)
        if key in self.components:
            return self.components[key]
        meta = dist.metadata
        licence = known.PYTHON_LICENCES.get(key) or meta.get("License-Expression") or ""
        if not licence:
            raw = (meta.get("License") or "").strip()
            if raw and "\n" not in raw and len(raw) < 80:
                licence = raw
        if not licence:
            classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
            licence = " OR ".join(classifiers)
        if not licence:
            raise LicenceError(f"Python distribution {meta['Name']} {dist.version}: no licence in its metadata")
        texts = []
        for record in dist.files or []:
            name = PurePosixPath(str(record)).name.upper()
            if ".dist-info/" in str(record) and name.startswith(("LICENSE", "LICENCE", "COPYING", "NOTICE", "AUTHORS")):
                target = f"python/{key}/{PurePosixPath(str(record)).name}"
                text = Path(dist.locate_file(record)).read_text(encoding="utf-8", errors="replace")
                self.texts[f"licenses/{target}"] = text
                texts.append(target)
        comment = ""
        source = f"https://pypi.org/project/{meta['Name']}/{dist.version}/ (sdist)"
        if key in ("pyside6-essentials", "shiboken6"):
            self.texts["licenses/qt/NOTICE.txt"] = known.QT_NOTICE
            texts += ["qt/NOTICE.txt", "texts/LGPL-3", "texts/GPL-3"]
            comment = "Qt 6 and Qt for Python: see licenses/qt/NOTICE.txt."
            # No source release on PyPI: Qt's own archive has both, under the same version.
            source = (
                f"https://download.qt.io/official_releases/QtForPython/pyside6/ (pyside-setup {dist.version} "
                f"source) and https://download.qt.io/official_releases/qt/ (Qt {_qt_version()} source)"
            )
        if key == "pyinstaller":
            self.texts["licenses/python/pyinstaller/NOTICE.txt"] = known.PYINSTALLER_NOTICE
            texts.append("python/pyinstaller/NOTICE.txt")
        if not texts:
            raise LicenceError(f"Python distribution {meta['Name']} {dist.version}: ships no licence text")
        author = meta.get("Author") or meta.get("Author-email") or meta.get("Maintainer")
        author = author or f"the {meta['Name']} authors"
        return self._add(
            Component(
                key,
                meta["Name"],
                dist.version,
                licence,
                "python",
                author,
                texts,
                comment,
                source=source,
                purl=f"pkg:pypi/{key}@{dist.version}",
            )
        )

    def embedded(self, key: str, name: str, licence: str, parent: Component) -> Component:
        texts = list(parent.texts)
        if "ICU" in name and Path("/usr/share/doc/libicu72/copyright").exists():
            self.texts["licenses/icu/copyright"] = Path("/usr/share/doc/libicu72/copyright").read_text(encoding="utf-8")
            texts = ["icu/copyright"]
        return self._add(
            Component(
                key,
                name,
                parent.version,
                licence,
                parent.kind,
                f"Unicode, Inc. and others (shipped in {parent.name}'s wheel)",
                texts,
                source=parent.source,
                purl=parent.purl,
            )
        )

    def debian(self, package: str, library: str, bundle_path: str) -> Component:
        fields = _dpkg_fields(package)
        record_path = _debian_copyright(package)
        record = record_path.read_text(encoding="utf-8", errors="replace")
        source = fields["source"]
        comment = ""
        licence = ""
        key = package
        if source == "vlc":
            licence, comment = self._vlc_licence(bundle_path, record)
            key = f"{package}:{licence}"
        elif source in known.FFMPEG_SOURCES:
            licence = _ffmpeg_licence(library)
            comment = f"As built by Debian: {Path(library).name} reports {licence} (its *_license() function)."
        elif source in known.DEBIAN_CORRECTIONS:
            licence, why = known.DEBIAN_CORRECTIONS[source]
            comment = f"Licence as corrected in known.py: {why}."
        elif source in known.DEBIAN_SOURCE_LICENCES:
            licence = known.DEBIAN_SOURCE_LICENCES[source]
        elif source in known.DEBIAN_LIBRARY_SOURCES and dep5.is_machine_readable(record):
            paragraph = dep5.matching_paragraph(dep5.parse(record), known.DEBIAN_LIBRARY_SOURCES[source])
            licence = paragraph.licence if paragraph else ""
        elif dep5.is_machine_readable(record):
            main = [p for p in dep5.parse(record) if p.files == ["*"]]
            licence = main[0].licence if main else ""
        if not licence:
            raise LicenceError(
                f"{bundle_path}: from Debian package {package} (source {source}), whose copyright record names "
                f"no licence for its files: read {record_path} and add the source to known.DEBIAN_SOURCE_LICENCES"
            )
        target = f"debian/{package}.copyright"
        self.texts[f"licenses/{target}"] = record
        return self._add(
            Component(
                key,
                package,
                fields["version"],
                licence,
                "debian",
                f"see licenses/{target} (Debian's copyright record of {package})",
                [target],
                comment,
                source=f"Debian source package {source} {fields['source_version']}",
                purl=f"pkg:deb/debian/{package}@{fields['version']}?arch={fields['arch']}&distro=debian-12",
            )
        )

    def _vlc_licence(self, bundle_path: str, record: str) -> tuple[str, str]:
        if self._vlc_record is None:
            self._vlc_record = dep5.parse(record)
        relative = bundle_path.split("vlc/plugins/", 1)[1] if "vlc/plugins/" in bundle_path else Path(bundle_path).name
        source = known.VLC_SOURCES.get(relative)
        if source is None:
            raise LicenceError(f"{bundle_path}: a VLC library or plugin not in known.VLC_SOURCES (which source file?)")
        if source in known.VLC_SOURCE_CORRECTIONS:
            licence, why = known.VLC_SOURCE_CORRECTIONS[source]
            return licence, f"{source}: {why}."
        paragraph = dep5.matching_paragraph(self._vlc_record, source)
        if paragraph is None:
            raise LicenceError(f"{bundle_path}: Debian's vlc record does not cover {source}")
        return paragraph.licence, "Licence of each file: the one Debian's vlc record gives its source file."

    def windows_vlc(self, bundle_path: str, source: Path) -> Component:
        """Windows: libVLC and its plugins come from VideoLAN's VLC install (NOT TESTED HERE: no
        Windows machine; see docs/packaging.md). VideoLAN's build links FFmpeg into its avcodec
        plugin with GPL parts enabled, so the lot is taken as GPL-2+ with VLC's COPYING.txt."""
        sys.path.insert(0, str(ROOT / "packaging" / "pyinstaller"))
        try:
            import bundle_rules
        finally:
            sys.path.pop(0)
        _libs, plugins = bundle_rules.find_system_vlc()
        vlc_dir = plugins.parent
        if not source.is_relative_to(vlc_dir.resolve()):
            raise LicenceError(f"{bundle_path}: copied from {source}, which is neither Python's, a package's nor VLC's")
        for name in ("COPYING.txt", "AUTHORS.txt"):
            if (vlc_dir / name).exists():
                self.texts[f"licenses/vlc/{name}"] = (vlc_dir / name).read_text(encoding="utf-8", errors="replace")
        if "licenses/vlc/COPYING.txt" not in self.texts:
            raise LicenceError(f"{vlc_dir} has no COPYING.txt: which VLC is this?")
        return self._add(
            Component(
                "vlc-windows",
                "VLC media player (VideoLAN's Windows build)",
                "3.0",
                "GPL-2+",
                "vlc",
                "VideoLAN and the VLC authors",
                [f"vlc/{n}" for n in ("COPYING.txt", "AUTHORS.txt") if f"licenses/vlc/{n}" in self.texts],
                source="https://download.videolan.org/pub/videolan/vlc/ (the same version's source)",
                purl="pkg:generic/vlc@3.0",
            )
        )

    def pyinstaller(self) -> Component:
        return self.python_dist(importlib.metadata.distribution("pyinstaller"))

    # - files -

    def classify(self, bundle_path: str, source: str) -> Component:
        """The component a bundled file (copied from ``source``) belongs to."""
        path = Path(source)
        resolved = path.resolve() if path.is_absolute() else path
        if resolved.is_relative_to(ROOT.resolve()) and not resolved.is_relative_to(Path(sys.prefix).resolve()):
            return self.kiosk()
        if "/stubs/" in source and Path(source).name in _stubbed():
            return self.kiosk()
        dist = self._python.get(resolved)
        if dist is not None:
            component = self.python_dist(dist)
            for owner, glob, name, licence in known.PYTHON_EMBEDDED:
                pattern = [dep5.Paragraph({"Files": glob})]
                if owner == component.key and dep5.matching_paragraph(pattern, "/" + bundle_path):
                    return self.embedded(f"{owner}:{name}", name, licence, component)
            return component
        if resolved.is_relative_to(Path(sys.base_prefix).resolve()) and sys.base_prefix != "/usr":
            return self.python_runtime()
        if sys.platform == "win32":
            return self.windows_vlc(bundle_path, resolved)
        package = self._dpkg.get(source)
        if package:
            if package.startswith(("libpython3", "python3")):
                return self.python_runtime()
            return self.debian(package, str(resolved), bundle_path)
        raise LicenceError(f"{bundle_path}: copied from {source}, which no Python distribution or package owns")

    def run(self) -> None:
        internal = "_internal"
        sources: dict[str, str] = {}
        for kind in ("binaries", "datas"):
            for dest, src, typecode in self.manifest[kind]:
                if typecode == "SYMLINK":
                    continue
                sources[f"{internal}/{dest}"] = src
        for path in sorted(self.bundle.rglob("*")):
            if path.is_dir() and not path.is_symlink():
                continue
            rel = path.relative_to(self.bundle).as_posix()
            if rel.startswith(f"{LICENSES}/"):
                continue
            self.owner[rel] = self._owner_of(rel, path, sources).key
        self.components["kiosk-licences"] = Component(
            "kiosk-licences",
            "licence index",
            self.kiosk().version,
            "MIT",
            "generated",
            "the kiosk authors",
            ["LICENSE"],
            "The index files are the kiosk's. The licence texts and copyright records are reproduced "
            "verbatim, as each licence requires, and carry their own terms.",
        )

    def _owner_of(self, rel: str, path: Path, sources: dict[str, str]) -> Component:
        if path.is_symlink():
            target = path.resolve()
            if target.is_relative_to(self.bundle.resolve()) and target.exists():
                return self._owner_of(target.relative_to(self.bundle.resolve()).as_posix(), target, sources)
        if rel in ("kiosk", "kiosk.exe", "kiosk-console.exe"):
            return self.executable()
        if rel == "_internal/base_library.zip":
            return self.python_runtime()  # the standard library modules Python needs to start
        if rel not in sources:
            raise LicenceError(f"{rel}: in the bundle, but PyInstaller's manifest does not say where it came from")
        return self.classify(rel, sources[rel])

    def executable(self) -> Component:
        """PyInstaller's bootloader with the Python modules (the PYZ archive) appended."""
        if "executable" in self.components:
            return self.components["executable"]
        parts = {self.pyinstaller().key: self.pyinstaller()}
        for _name, src, _kind in self.manifest["pure"] + self.manifest["scripts"]:
            if src and Path(src).is_absolute():
                component = self.classify("kiosk", src)
                parts[component.key] = component
        ordered = sorted(parts.values(), key=lambda c: c.key)
        licence = " and ".join(sorted({f"({c.licence})" if " " in c.licence else c.licence for c in ordered}))
        component = Component(
            "executable",
            "kiosk program file",
            self.kiosk().version,
            licence,
            "generated",
            "; ".join(f"{c.name}: {c.copyright}" for c in ordered),
            sorted({t for c in ordered for t in c.texts}),
            "PyInstaller's bootloader and, appended to it, the Python modules of: "
            + ", ".join(f"{c.name} {c.version}" for c in ordered)
            + ".",
        )
        self.components["executable"] = component
        return component

    # - output -

    def write(self) -> None:
        folder = self.bundle / LICENSES
        if folder.exists():
            shutil.rmtree(folder)
        used = {text for key in set(self.owner.values()) for text in self.components[key].texts}
        for name in known.COMMON_TEXTS:
            if (COMMON_LICENSES / name).exists():
                self.texts[f"licenses/texts/{name}"] = (COMMON_LICENSES / name).read_text(encoding="utf-8")
        for rel, text in self.texts.items():
            target = self.bundle / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        missing = sorted(t for t in used if f"licenses/{t}" not in self.texts)
        if missing:
            raise LicenceError("licence texts named but not gathered: " + ", ".join(missing))
        (folder / "copyright").write_text(self.copyright(), encoding="utf-8")
        (folder / "README.txt").write_text(self.readme(), encoding="utf-8")
        (folder / "SOURCES.txt").write_text(self.sources(), encoding="utf-8")
        (folder / "components.json").write_text(json.dumps(self.inventory(), indent=1), encoding="utf-8")

    def _files_by_component(self) -> dict[str, list[str]]:
        files = dict(self.owner)
        for path in (self.bundle / LICENSES).rglob("*"):
            if path.is_file():
                files[path.relative_to(self.bundle).as_posix()] = "kiosk-licences"
        for name in ("copyright", "README.txt", "SOURCES.txt", "components.json"):
            files[f"{LICENSES}/{name}"] = "kiosk-licences"
        by: dict[str, list[str]] = {}
        for path, key in files.items():
            by.setdefault(key, []).append(path)
        self._all_files = files
        return by

    def copyright(self) -> str:
        by = self._files_by_component()
        paragraphs = []
        for key in sorted(by, key=lambda k: (k != "kiosk", k)):
            component = self.components[key]
            globs = dep5.compact_globs(by[key], self._all_files, key)
            body = [f"{component.name} {component.version}".strip()]
            if component.comment:
                body.append(component.comment)
            if component.texts:
                body.append("Full terms: " + ", ".join(f"licenses/{t}" for t in component.texts) + ".")
            paragraph = {
                "Files": "\n".join(globs),
                "Copyright": component.copyright,
                "License": component.licence + "\n" + "\n".join(body),
            }
            paragraphs.append(paragraph)
        header = {
            "Upstream-Name": "kiosk",
            "Upstream-Contact": "the kiosk maintainers (see the package's Maintainer field)",
            "Comment": "Generated at build time from what the bundle really contains (packaging/licences/"
            "gather.py).\nIn the bundle's own copy (licenses/copyright) paths are relative to the bundle "
            "folder; in the Debian package's (/usr/share/doc/kiosk/copyright) they are as installed."
            "\nThe program as a whole includes GPL-2+ components (FFmpeg as built by Debian): see "
            "licenses/SOURCES.txt for the corresponding source.",
        }
        return dep5.write(header, paragraphs)

    def readme(self) -> str:
        lines = [
            "Licences of the kiosk and of everything it carries",
            "===================================================",
            "",
            "The kiosk is MIT-licensed. To run by itself it carries Python, Qt (LGPL-3.0), libVLC and",
            "its plugins (LGPL-2.1+), FFmpeg's libraries and other system libraries. Debian builds",
            "FFmpeg with GPL-only parts enabled, so the program as a whole is distributed under the",
            "terms of the GNU General Public License version 2 or later (GPL-2+): whoever hands this",
            "installer on must also offer its corresponding source (see SOURCES.txt).",
            "",
            "copyright       which file is under which licence (Debian's machine-readable format)",
            "SOURCES.txt     where the source of every copyleft component is, and the written offer",
            "components.json the same list for programs (the SBOM beside the installer is built from it)",
            "texts/          full licence texts; debian/, python/, qt/: each component's own notices",
            "",
            f"{'Component':<38} {'Version':<28} Licence",
        ]
        for component in sorted(self.components.values(), key=lambda c: c.name.lower()):
            if component.key in ("executable", "kiosk-licences"):
                continue
            lines.append(f"{component.name:<38} {component.version:<28} {component.licence}")
        return "\n".join(lines) + "\n"

    def sources(self) -> str:
        copyleft = sorted((c for c in self.components.values() if c.copyleft and c.source), key=lambda c: c.name)
        lines = [
            "Corresponding source",
            "====================",
            "",
            "Written offer. This installer contains software under the GNU General Public License",
            "(GPL-2+, FFmpeg as built by Debian, and others listed below) and the GNU Lesser General",
            "Public License. For at least three years after you received it, whoever gave you this",
            "installer will give you, on request and for no more than the cost of doing so, the",
            "complete corresponding source code of those components, on a medium customarily used for",
            "software interchange. The kiosk project's build produces that source archive with",
            "packaging/fetch_sources.sh (Debian's source packages of exactly these versions).",
            "",
            "The components, and their source:",
            "",
        ]
        for component in copyleft:
            lines.append(f"- {component.name} {component.version} ({component.licence}): {component.source}")
        lines += [
            "",
            "Debian's source packages are kept at https://snapshot.debian.org/ under these exact",
            "versions. Qt's LGPL-3.0 terms also let you replace the Qt libraries: see qt/NOTICE.txt.",
        ]
        return "\n".join(lines) + "\n"

    def inventory(self) -> dict[str, object]:
        return {
            "components": [
                {
                    "key": c.key,
                    "name": c.name,
                    "version": c.version,
                    "licence": c.licence,
                    "kind": c.kind,
                    "purl": c.purl,
                    "source": c.source,
                    "copyleft": c.copyleft,
                    "files": sorted(p for p, k in self.owner.items() if k == c.key),
                }
                for c in sorted(self.components.values(), key=lambda c: c.key)
            ]
        }


def _stubbed() -> set[str]:
    sys.path.insert(0, str(ROOT / "packaging" / "pyinstaller"))
    try:
        import stub_libraries
    finally:
        sys.path.pop(0)
    return set(stub_libraries.STUBBED)


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    bundle, manifest = Path(argv[1]), json.loads(Path(argv[2]).read_text(encoding="utf-8"))
    gatherer = Gatherer(bundle, manifest)
    try:
        gatherer.run()
        gatherer.write()
    except LicenceError as error:
        print(f"licences: FAILED: {error}", file=sys.stderr)
        return 1
    gpl = sorted({c.name for c in gatherer.components.values() if c.gpl_bound and c.key != "executable"})
    print(
        f"licences: {len(gatherer.owner)} files, {len(gatherer.components)} components, "
        f"GPL-only parts (the program is distributed under the GPL): {', '.join(gpl) or 'none'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
