"""`coplanner portfolio`: build prints one line per skipped file, serve and metadata check their input."""

import json
import socket

from planner.cli import main


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_build_reports_each_skipped_file_on_one_line(capsys, council, tmp_path):
    """The build says which files it skipped and why, one line each, and what it published."""
    code, out, err = run(capsys, "portfolio", "build", council.plans, council.published,
                         "-o", tmp_path / "portfolio.db")
    assert code == 0 and err == ""
    lines = out.splitlines()
    skipped = [line for line in lines if line.startswith("skipped ")]
    assert len(skipped) == 3
    assert any(line.startswith("skipped plans/damaged.coplan: ") for line in skipped)
    assert lines[-1].startswith(f"Wrote {tmp_path / 'portfolio.db'}: 8 plans (8 read, 0 unchanged")
    code, out, _ = run(capsys, "portfolio", "build", council.plans, council.published,
                       "-o", tmp_path / "portfolio.db")
    assert "8 plans (0 read, 8 unchanged, 0 removed), 3 skipped" in out


def test_serve_refuses_a_file_that_is_not_a_portfolio(capsys, council):
    """Serving a plan file instead of a portfolio is one clear error, exit 2."""
    code, out, err = run(capsys, "portfolio", "serve", council.plans / "tackley.coplan", "--port", "1")
    assert code == 2 and err.startswith("coplanner: error: ") and "is not a portfolio" in err


def test_serve_on_a_port_in_use_says_so_in_one_line(capsys, council, tmp_path):
    """A port another program listens on is one clear error, exit 2, before Datasette starts."""
    database = tmp_path / "portfolio.db"
    run(capsys, "portfolio", "build", council.published, "-o", database)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, _, err = run(capsys, "portfolio", "serve", database, "--port", port)
    assert code == 2 and f"cannot serve on 127.0.0.1 port {port}" in err and "--port" in err


def test_metadata_prints_datasette_metadata_for_the_file(capsys, council, tmp_path):
    """metadata prints JSON keyed by the database's name, with the canned queries."""
    database = tmp_path / "council.db"
    run(capsys, "portfolio", "build", council.published, "-o", database)
    code, out, _ = run(capsys, "portfolio", "metadata", database)
    assert code == 0
    assert "plans_with_must_fix_findings" in json.loads(out)["databases"]["council"]["queries"]


def test_portfolio_without_an_action_says_what_it_needs(capsys):
    """`coplanner portfolio` alone names the actions."""
    code, _, err = run(capsys, "portfolio")
    assert code == 2 and "build, serve or metadata" in err
