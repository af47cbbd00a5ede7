"""The software bill of materials of a built bundle (CycloneDX 1.6, JSON).

Usage: python packaging/licences/sbom.py BUNDLE OUTPUT.cdx.json
Needs BUNDLE/licenses/components.json (gather.py). The Python part is CycloneDX's own tool
(``cyclonedx-py environment``) run on the build environment, keeping only the distributions that
really are in the bundle (not PyInstaller's build tools or the test tools); the components it
cannot see (the Python runtime, the Debian packages whose libraries and plugins were copied in,
ICU inside the Qt wheel) are added from components.json. The result is validated against the
CycloneDX schema by cyclonedx-python-lib before it is written.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from cyclonedx.schema import OutputFormat, SchemaVersion
from cyclonedx.validation.json import JsonStrictValidator
from license_expression import get_spdx_licensing

ROOT = Path(__file__).resolve().parents[2]


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _licences(expression: str) -> list[dict[str, object]]:
    """A valid SPDX expression as such; anything else (Debian's short names) as a named licence."""
    licensing = get_spdx_licensing()
    try:
        parsed = licensing.parse(expression, validate=True, strict=True)
        if parsed is not None and not licensing.unknown_license_keys(parsed):
            return [{"expression": str(parsed)}]
    except Exception:  # license_expression raises several kinds for what is not SPDX
        pass
    return [{"license": {"name": expression}}]


def python_part() -> dict[str, object]:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "cyclonedx_py",
            "environment",
            "--pyproject",
            str(ROOT / "pyproject.toml"),
            "--output-reproducible",
            "--of",
            "JSON",
            "-o",
            "-",
            sys.executable,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    bom: dict[str, object] = json.loads(done.stdout)
    return bom


def build(bundle: Path) -> dict[str, object]:
    inventory = json.loads((bundle / "licenses" / "components.json").read_text(encoding="utf-8"))["components"]
    bundled_python = {c["key"] for c in inventory if c["kind"] == "python" and ":" not in c["key"]}
    bom = python_part()
    components = [c for c in bom.get("components", []) if _normal(c["name"]) in bundled_python]  # type: ignore[union-attr]
    concluded = {c["key"]: c for c in inventory}
    for component in components:
        # What the metadata declares can be coarse (PyInstaller's classifier says GPL-2.0-only for its
        # GPL-2+ bootloader with an exception): the licence written in licenses/copyright goes beside it.
        item = concluded[_normal(component["name"])]
        component.setdefault("properties", []).append({"name": "kiosk:licence", "value": item["licence"]})
        component["properties"].append({"name": "kiosk:files", "value": str(len(item["files"]))})
    kept = {c["bom-ref"] for c in components}
    missing = bundled_python - {_normal(c["name"]) for c in components}
    if missing:
        raise SystemExit(f"sbom: cyclonedx-py did not list {', '.join(sorted(missing))}")
    root = bom["metadata"]["component"]  # type: ignore[index]
    root_ref = root["bom-ref"]
    root.setdefault("version", next(c["version"] for c in inventory if c["key"] == "kiosk"))
    for item in inventory:
        if (item["kind"] == "python" and ":" not in item["key"]) or item["kind"] in ("kiosk", "generated"):
            continue
        ref = f"{item['kind']}:{item['key']}"
        component = {
            "type": "library",
            "bom-ref": ref,
            "name": item["name"],
            "version": item["version"],
            "licenses": _licences(item["licence"]),
            "properties": [
                {"name": "kiosk:licence", "value": item["licence"]},
                {"name": "kiosk:files", "value": str(len(item["files"]))},
                {"name": "kiosk:source", "value": item["source"]},
            ],
        }
        if item["purl"] and item["kind"] != "python":
            component["purl"] = item["purl"]
        components.append(component)
        kept.add(ref)
    bom["components"] = components
    bom["dependencies"] = [
        {"ref": root_ref, "dependsOn": sorted(kept)},
        *[
            {"ref": d["ref"], "dependsOn": [r for r in d.get("dependsOn", []) if r in kept]}
            for d in bom.get("dependencies", [])  # type: ignore[union-attr]
            if d["ref"] in kept
        ],
    ]
    return bom


def validate(text: str) -> None:
    error = JsonStrictValidator(SchemaVersion.V1_6).validate_str(text)
    if error is not None:
        raise SystemExit(f"sbom: not valid CycloneDX 1.6: {error}")


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    bom = build(Path(argv[1]))
    text = json.dumps(bom, indent=1)
    validate(text)
    Path(argv[2]).write_text(text, encoding="utf-8")
    print(f"sbom: {argv[2]} ({len(bom['components'])} components, CycloneDX 1.6, {OutputFormat.JSON.name})")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
