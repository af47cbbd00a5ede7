"""The shader packs the film's render node loads on a graphics card (kiosk/ui/video/i420_rhi_node.py):
baked from the sources beside them, for every backend Qt Quick may draw with."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QShader, QShaderVersion

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import build_shaders  # noqa: E402  (tools/ is not a package)

STAGES = {".vert": QShader.Stage.VertexStage, ".frag": QShader.Stage.FragmentStage}
#: (source, version, OpenGL ES) of each variant the packs must hold.
VARIANTS = {
    (QShader.Source.SpirvShader, 100, False),
    (QShader.Source.GlslShader, 100, True),
    (QShader.Source.GlslShader, 120, False),
    (QShader.Source.GlslShader, 150, False),
    (QShader.Source.HlslShader, 50, False),
    (QShader.Source.MslShader, 12, False),
}


def test_the_packs_were_baked_from_the_sources_as_they_are() -> None:
    """A shader changed and not baked again: run tools/build_shaders.py."""
    assert build_shaders.sources(), "no shader sources found"
    assert build_shaders.RECORD.read_text() == build_shaders.record()


@pytest.mark.parametrize("source", build_shaders.sources(), ids=lambda path: path.name)
def test_each_pack_holds_every_backends_variant(source: Path) -> None:
    shader = QShader.fromSerialized(source.with_name(source.name + ".qsb").read_bytes())
    assert shader.isValid()
    assert shader.stage() == STAGES[source.suffix]
    es = QShaderVersion.Flag.GlslEs
    held = {
        (key.source(), key.sourceVersion().version(), bool(key.sourceVersion().flags() & es))
        for key in shader.availableShaders()
    }
    assert held >= VARIANTS


def test_a_changed_source_is_noticed(tmp_path: Path) -> None:
    (tmp_path / "a.frag").write_text("void main() {}\n")
    before = build_shaders.record(tmp_path)
    (tmp_path / "a.frag").write_text("void main() { }\n")
    assert build_shaders.record(tmp_path) != before
