"""The shipped alert rules and scrape configuration, checked and unit-tested by Debian's promtool."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.no_qt_log

FOLDER = Path(__file__).resolve().parents[2] / "packaging" / "prometheus"
PROMTOOL = shutil.which("promtool")
needs_promtool = pytest.mark.skipif(PROMTOOL is None, reason="promtool missing (scripts/setup.sh test installs it)")


def promtool(*args: str, cwd: Path = FOLDER) -> subprocess.CompletedProcess[str]:
    assert PROMTOOL is not None
    return subprocess.run([PROMTOOL, *args], cwd=cwd, capture_output=True, text=True, timeout=60, check=False)


@needs_promtool
def test_the_alert_rules_are_valid() -> None:
    checked = promtool("check", "rules", "kiosk-alerts.yml")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "6 rules found" in checked.stdout


@needs_promtool
def test_every_alert_rule_passes_its_promtool_tests() -> None:
    tested = promtool("test", "rules", "kiosk-alerts.test.yml")
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert "SUCCESS" in tested.stdout


def test_every_alert_rule_has_a_test() -> None:
    import yaml

    rules = yaml.safe_load((FOLDER / "kiosk-alerts.yml").read_text())
    names = {rule["alert"] for group in rules["groups"] for rule in group["rules"]}
    tests = yaml.safe_load((FOLDER / "kiosk-alerts.test.yml").read_text())
    tested = {case["alertname"] for test in tests["tests"] for case in test["alert_rule_test"] if case["exp_alerts"]}
    assert names == tested
    wanted = {"KioskDown", "KioskScreenFrozen", "KioskContentBehind", "KioskMemoryGrowing", "KioskDiskNearlyFull"}
    assert wanted <= names


@needs_promtool
def test_a_broken_rule_fails_its_test(tmp_path: Path) -> None:
    """The tests can fail: the same tests against a rule that waits 10 minutes instead of 2."""
    rules = (FOLDER / "kiosk-alerts.yml").read_text().replace("for: 2m", "for: 10m", 1)
    (tmp_path / "kiosk-alerts.yml").write_text(rules)
    shutil.copy(FOLDER / "kiosk-alerts.test.yml", tmp_path)
    tested = promtool("test", "rules", "kiosk-alerts.test.yml", cwd=tmp_path)
    assert tested.returncode != 0
    assert "KioskDown" in tested.stdout + tested.stderr


@needs_promtool
def test_the_scrape_configuration_is_valid(tmp_path: Path) -> None:
    shutil.copy(FOLDER / "prometheus.yml", tmp_path)
    shutil.copy(FOLDER / "kiosk-alerts.yml", tmp_path)
    checked = promtool("check", "config", "prometheus.yml", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
