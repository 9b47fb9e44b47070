"""Issue 12, point 11: each static rule has a planted bad line that it must catch.

`make security` runs semgrep on the repository and `semgrep --test` on the planted file; here
bandit (a test dependency) is run on the planted file for real, and every semgrep rule is
checked to have a planted `ruleid:` line, so a rule cannot be added without its proof.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
PLANTED = ROOT / "tests" / "security" / "planted" / "planted_bad.py"


def test_every_semgrep_rule_has_a_planted_bad_line_and_a_good_one():
    rules = [rule["id"] for rule in yaml.safe_load((ROOT / ".semgrep.yml").read_text())["rules"]]
    assert rules == ["no-mark-safe-on-data", "no-sql-string-formatting", "no-fstring-in-gettext"]
    planted = PLANTED.read_text(encoding="utf-8")
    for rule in rules:
        assert re.search(rf"# ruleid: {rule}\n", planted), rule
        assert re.search(rf"# ok: {rule}\n", planted), rule


def test_bandit_catches_the_planted_sql_and_mark_safe():
    result = subprocess.run(
        [sys.executable, "-m", "bandit", "-q", "-f", "json", "-ll", str(PLANTED)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    found = {issue["test_id"] for issue in json.loads(result.stdout)["results"]}
    assert result.returncode == 1
    assert {"B608", "B308", "B703"} <= found
