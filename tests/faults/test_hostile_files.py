"""Hostile plan files get one clear line from the command line, exit 2, and stay byte-for-byte unchanged."""

from __future__ import annotations

import subprocess
import sys

import pytest
from faultkit import child_env
from hostile import EXPECTED, PAGE, build, overwritten_page, real_plan, snapshot

from planner import cli


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A folder holding every kind of hostile file, and the real plan they are made from."""
    folder = tmp_path_factory.mktemp("hostile")
    return folder, build(folder)


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    """Run the command line in this process; returns (status, stdout, stderr)."""
    status = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return status, out, err


def assert_refused(status: int, err: str, fragment: str | None = None) -> None:
    """Exit 2 and exactly one line starting ``coplanner: error:``, no traceback."""
    assert status == 2, err
    assert err.startswith("coplanner: error: ") and err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err
    if fragment:
        assert fragment in err


@pytest.mark.parametrize("name", sorted(EXPECTED))
@pytest.mark.parametrize("command", ["check", "export-json", "export-pdf"])
def test_each_hostile_file_gets_its_own_message(hostile, tmp_path, capsys, name, command):
    """check and export refuse each hostile file with its own clear line and touch nothing."""
    folder, files = hostile
    before = snapshot(folder)
    if command == "check":
        args = ["check", files[name]]
    else:
        args = ["export", files[name], "-o", tmp_path / f"out.{command.removeprefix('export-')}"]
    status, out, err = run_cli(capsys, *args)
    assert_refused(status, err, EXPECTED[name])
    assert out == ""
    assert snapshot(folder) == before
    assert list(tmp_path.iterdir()) == []  # no output, no half-written file


def test_every_512_byte_prefix_of_a_plan_is_refused(tmp_path, capsys):
    """A plan cut short at any 512-byte boundary is refused cleanly and left as it was."""
    real = real_plan(tmp_path)
    target = tmp_path / "cut.coplan"
    for size in range(512, len(real), 512):
        target.write_bytes(real[:size])
        status, out, err = run_cli(capsys, "check", target)
        assert_refused(status, err)
        assert target.read_bytes() == real[:size], f"prefix {size} was changed"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["cut.coplan", "real.coplan"]
    # The same damage through export, on a sample of sizes (each is the same open path).
    for size in (512, PAGE, len(real) // 2, len(real) - 512):
        target.write_bytes(real[:size])
        status, out, err = run_cli(capsys, "export", target, "-o", tmp_path / "out.pdf")
        assert_refused(status, err)
        assert not (tmp_path / "out.pdf").exists()


def test_a_plan_with_any_one_page_overwritten_never_crashes(tmp_path, capsys):
    """Overwriting any one page with noise gives a refusal or a sound result, never a traceback."""
    real = real_plan(tmp_path)
    target = tmp_path / "damaged.coplan"
    refused = 0
    for page in range(len(real) // PAGE):
        data = overwritten_page(real, page)
        target.write_bytes(data)
        status, out, err = run_cli(capsys, "check", target, "--json")
        assert "Traceback" not in err
        if status == 2:
            assert_refused(status, err)
            refused += 1
        else:
            assert status in (0, 1) and err == "", err  # damage on a free page is harmless
        assert target.read_bytes() == data, f"page {page}: the damaged file was written to"
    assert refused >= len(real) // PAGE - 2


@pytest.mark.parametrize("name", ["random", "zero-bytes", "newer", "folder"])
def test_real_processes_print_one_line_and_exit_2(hostile, tmp_path, name):
    """As a real process, `coplanner check` and `export` exit 2 with one line and no traceback."""
    folder, files = hostile
    before = snapshot(folder)
    for args in (["check", files[name]], ["export", files[name], "-o", tmp_path / "out.pdf"]):
        proc = subprocess.run([sys.executable, "-m", "planner", *map(str, args)], capture_output=True,
                              text=True, env=child_env(), timeout=60)
        assert_refused(proc.returncode, proc.stderr, EXPECTED[name])
        assert proc.stdout == ""
    assert snapshot(folder) == before
