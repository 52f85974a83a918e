"""The docs stay true: the README's command lines run, and the format example imports."""

import re
import shlex
import subprocess
import sys
from pathlib import Path

from planner.storage.json_format import loads

ROOT = Path(__file__).resolve().parents[2]


def fenced(markdown: str, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", markdown, flags=re.S)


def test_plan_format_example_imports():
    """The JSON example in docs/plan-format.md is a valid plan document."""
    (example,) = fenced((ROOT / "docs" / "plan-format.md").read_text(encoding="utf-8"), "json")
    plan = loads(example)
    assert plan.target_cell.code == "co/community"
    assert plan.safeguards[0].mitigates == ["r1"]


def test_readme_command_lines_run(tmp_path):
    """Each coplanner example in the README runs: exit 0, or 1 for a check that finds errors."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = [line for block in fenced(readme, "sh") for line in block.splitlines()
                if line.startswith("coplanner ")]
    assert len(commands) >= 8
    for line in commands:
        args = shlex.split(line)[1:]
        result = subprocess.run([sys.executable, "-m", "planner", *args], cwd=tmp_path,
                                capture_output=True, text=True, timeout=120)
        allowed = {0, 1} if args[0] == "check" else {0}
        assert result.returncode in allowed, f"{line}\n{result.stderr}"
    assert (tmp_path / "tackley.pdf").read_bytes().startswith(b"%PDF")


def test_readme_links_point_at_files():
    """Every relative link and image in the README names a file in the checkout."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)#\s]+)\)", readme)
    local = [t for t in targets if "://" not in t]
    assert local, "the README links to its docs"
    missing = [t for t in local if not (ROOT / t).exists()]
    assert missing == []
