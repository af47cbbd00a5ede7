"""PySide6's source scan of each imported module, skipped at the kiosk's start (kiosk/ui/import_scan.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# In a process of its own: the skip changes how PySide treats every import after it.
CHILD = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from kiosk.ui.import_scan import skip_feature_source_scan
import PySide6.QtCore  # the hook that scans is PySide6's import of QtCore's
from shibokensupport import feature
import mentions_before  # scanned as PySide6 scans: its source names PySide6
skipped = skip_feature_source_scan()
import mentions_after
print(json.dumps({"skipped": skipped, "before": feature.pyside_feature_dict.get("mentions_before"),
                  "after": feature.pyside_feature_dict.get("mentions_after")}))
"""


def test_modules_imported_after_the_skip_are_not_read(tmp_path: Path) -> None:
    for name in ("mentions_before", "mentions_after"):
        (tmp_path / f"{name}.py").write_text('"""Shown with PySide6."""\n')
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path)], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True
    )
    seen = json.loads(out.stdout)
    # With this project's PySide6 the skip takes (were PySide's internals to change, it would
    # not, and the start would merely be slower: this says so).
    assert seen["skipped"] is True
    assert seen["before"] == 0  # read: "uses PySide6"
    assert seen["after"] == -1  # not read: "uses no feature", as for a module PySide cannot read


def test_no_module_of_the_kiosk_uses_pyside_features() -> None:
    """The skip answers "no feature" for every module: true while none selects one."""
    users = [
        path.relative_to(ROOT)
        for path in sorted((ROOT / "kiosk").rglob("*.py"))
        if "from __feature__" in path.read_text(encoding="utf-8")
    ]
    assert users == []
