"""The JSON Schema staff's editors use: committed, generated from the model, and true to the loader."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from kiosk.loader.problems import ProblemLog
from kiosk.loader.yaml_tree import Node, compose
from kiosk.paths import default_exhibition, schema_file
from kiosk.schema import build_schema, schema_text

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is a test dependency (pip install -e .[test])")

HERE = Path(__file__).parent
REGENERATE = ".venv/bin/kiosk schema --out config/exhibition.schema.json"


def as_json(node: Node) -> Any:
    """A YAML tree as JSON data, the way an editor's YAML 1.2 reader sees it."""
    if node.kind == "map":
        return {key.text: as_json(value) for key, value in node.pairs}
    if node.kind == "seq":
        return [as_json(item) for item in node.items]
    tag = node.tag.rsplit(":", 1)[-1]
    if tag == "null":
        return None
    if tag == "bool" and node.text in ("true", "false"):
        return node.text == "true"
    if tag == "int" and re.fullmatch(r"[-+]?\d+", node.text):
        return int(node.text)
    if tag == "float" and re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?", node.text):
        return float(node.text)
    return node.text


def read(path: Path) -> Any:
    return as_json(compose(path.read_text(encoding="utf-8"), ProblemLog(path)))


@pytest.fixture(scope="module")
def validator() -> Any:
    schema = json.loads(schema_file().read_text(encoding="utf-8"))
    cls = jsonschema.Draft202012Validator
    cls.check_schema(schema)
    return cls(schema)


def test_committed_schema_equals_the_generated_one() -> None:
    committed = schema_file().read_text(encoding="utf-8")
    assert committed == schema_text(), f"config/exhibition.schema.json is stale: run `{REGENERATE}`"


def test_kiosk_schema_cli_prints_the_same(capsys: pytest.CaptureFixture[str]) -> None:
    from kiosk.cli import main

    assert main(["schema"]) == 0
    assert capsys.readouterr().out == schema_file().read_text(encoding="utf-8")


def test_schema_knows_every_panel_kind() -> None:
    from kiosk.model import PANEL_TYPES

    schema = build_schema()
    kinds = {
        schema["$defs"][name]["properties"]["type"]["const"]
        for name in schema["$defs"]
        if name.endswith("Panel") and name != "Panel"
    }
    assert kinds == set(PANEL_TYPES)


def test_schema_accepts_the_full_test_exhibition(validator: Any) -> None:
    errors = sorted(validator.iter_errors(read(HERE / "valid" / "full.yaml")), key=str)
    assert errors == [], [f"{list(e.absolute_path)}: {e.message}" for e in errors]


def test_schema_accepts_the_default_exhibition(validator: Any) -> None:
    config = default_exhibition()
    if not config.exists():
        pytest.skip(f"{config} is not written yet (the content helper is writing it)")
    errors = sorted(validator.iter_errors(read(config)), key=str)
    assert errors == [], [f"{list(e.absolute_path)}: {e.message}" for e in errors]


# Mistakes the schema can see as well as the loader (file contents, references and ids are the loader's alone).
SCHEMA_SEES = [
    "unknown-key-panel",
    "unknown-key-exhibition",
    "unknown-key-attract",
    "unknown-key-theme",
    "unknown-key-top",
    "wrong-type-title-list",
    "wrong-type-volume",
    "wrong-type-chapters",
    "wrong-type-focus",
    "missing-required-alt",
    "missing-required-id",
    "missing-panel-type",
    "timecode-too-many-parts",
    "timecode-words",
    "timecode-negative",
    "timecode-millis-too-long",
    "bad-duration",
    "media-absolute-path",
    "media-dotdot-path",
    "bad-colour",
    "bad-language-code",
    "bad-language-key",
    "focus-out-of-range",
    "volume-out-of-range",
    "version-unknown",
    "unknown-panel-type",
    "empty-text",
    "top-level-list",
    "chapter-no-panels",
]


@pytest.mark.parametrize("name", SCHEMA_SEES)
def test_schema_rejects_what_the_loader_rejects(validator: Any, name: str) -> None:
    assert not validator.is_valid(read(HERE / "invalid" / f"{name}.yaml"))
