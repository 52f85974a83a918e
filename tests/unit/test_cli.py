"""The coplanner command line: exit codes, one-line errors, no half-written output."""

import json
import subprocess
import sys

import pytest

from planner import __version__
from planner.cli import main


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys):
    """--version prints the version and exits 0."""
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_new_then_export_json_and_import_back(capsys, tmp_path):
    """new, export to JSON and import give back the same plan title."""
    plan = tmp_path / "p.coplan"
    assert run(capsys, "new", plan, "--title", "Play streets")[0] == 0
    out_json = tmp_path / "p.json"
    assert run(capsys, "export", plan, "-o", out_json)[0] == 0
    assert json.loads(out_json.read_text())["plan"]["title"] == "Play streets"
    copy = tmp_path / "copy.coplan"
    code, out, _ = run(capsys, "import", out_json, "-o", copy)
    assert code == 0 and "Created" in out and copy.exists()


def test_import_refuses_to_overwrite_without_force(capsys, tmp_path, plan_file):
    """import will not replace an existing plan unless --force is given."""
    source = tmp_path / "p.json"
    run(capsys, "export", plan_file, "-o", source, "--include-personal")
    target = tmp_path / "target.coplan"
    target.write_bytes(b"precious")
    code, _, err = run(capsys, "import", source, "-o", target)
    assert code == 2 and err.startswith("coplanner: error:") and "--force" in err
    assert target.read_bytes() == b"precious"
    assert run(capsys, "import", source, "-o", target, "--force")[0] == 0
    assert target.read_bytes().startswith(b"SQLite format 3")


def test_bad_json_import_names_the_place_and_writes_nothing(capsys, tmp_path, plan_file):
    """A dangling owner is refused in one line naming the place; no output file appears."""
    source = tmp_path / "p.json"
    run(capsys, "export", plan_file, "-o", source, "--include-personal")
    doc = json.loads(source.read_text())
    doc["risks"][1]["owner"] = "s9"
    source.write_text(json.dumps(doc))
    target = tmp_path / "new.coplan"
    code, _, err = run(capsys, "import", source, "-o", target)
    assert code == 2
    assert err.strip() == f'coplanner: error: {source}: risks[1].owner: no stakeholder "s9"'
    assert list(tmp_path.glob("*.coplan")) == [plan_file]


def test_csv_export_and_import(capsys, tmp_path, plan_file):
    """Stakeholders exported to CSV import into a new plan."""
    csv_path = tmp_path / "people.csv"
    assert run(capsys, "export", plan_file, "-o", csv_path, "--include-personal")[0] == 0
    assert csv_path.read_bytes().startswith(b"\xef\xbb\xbf")
    code, out, _ = run(capsys, "import", csv_path, "-o", tmp_path / "people.coplan")
    assert code == 0 and "3 stakeholders" in out


def test_csv_with_a_bad_row_is_refused(capsys, tmp_path):
    """A CSV with a bad row is refused naming the row, and no plan is written."""
    csv_path = tmp_path / "people.csv"
    csv_path.write_text("name,influence\nAna,3\nBen,11\n", encoding="utf-8")
    code, _, err = run(capsys, "import", csv_path, "-o", tmp_path / "x.coplan")
    assert code == 2 and "row 3" in err and "influence" in err
    assert not (tmp_path / "x.coplan").exists()


def test_csv_with_an_officers_columns_is_matched_and_says_what_it_leaves_out(capsys, tmp_path):
    """A semicolon, Windows-1252 CSV with Email and Phone imports; the command says how it matched and what it left out."""
    from planner.storage import PlanStore

    csv_path = tmp_path / "people.csv"
    csv_path.write_bytes("Name;Organisation;Email;Phone;Shoe size\r\nJosé Ruiz;Café Cymru;j@example.org;01234;9\r\n"
                         .encode("cp1252"))
    target = tmp_path / "people.coplan"
    code, out, _ = run(capsys, "import", csv_path, "-o", target)
    assert code == 0
    assert "Columns matched: Email → contact, Phone → contact" in out
    assert "Left out: “Shoe size”" in out and '--column "HEADER=FIELD"' in out
    assert "Read as Windows-1252 text separated by semicolons" in out
    with PlanStore.open(target, read_only=True) as store:
        person = store.load().stakeholders[0]
    assert (person.name, person.organisation, person.contact) == ("José Ruiz", "Café Cymru", "j@example.org; 01234")
    code, out, _ = run(capsys, "import", csv_path, "-o", target, "--force",
                       "--column", "shoe size=notes", "--column", "Phone=-")
    assert code == 0 and "Left out: “Phone”" in out
    with PlanStore.open(target, read_only=True) as store:
        person = store.load().stakeholders[0]
    assert (person.contact, person.notes) == ("j@example.org", "9")


def test_csv_column_choice_that_names_nothing_is_refused(capsys, tmp_path):
    """--column naming a header the file lacks, or a field that does not exist, is one clear error."""
    csv_path = tmp_path / "people.csv"
    csv_path.write_text("Name,Email\nAna,a@example.org\n", encoding="utf-8")
    code, _, err = run(capsys, "import", csv_path, "-o", tmp_path / "x.coplan", "--column", "Mobile=contact")
    assert code == 2 and "no column “Mobile”" in err and "Name, Email" in err
    code, _, err = run(capsys, "import", csv_path, "-o", tmp_path / "x.coplan", "--column", "Email=shoe")
    assert code == 2 and "'shoe' is not a field" in err
    assert not (tmp_path / "x.coplan").exists()


def test_check_exit_codes_and_json(capsys, tmp_path, plan_file):
    """check exits 1 when any finding is an error, and --json prints the documented shape."""
    code, out, _ = run(capsys, "check", plan_file, "--json")
    findings = json.loads(out)
    assert all(set(f) == {"rule", "severity", "message", "target"} for f in findings)
    assert all(set(f["target"]) == {"type", "key"} for f in findings)
    assert code == (1 if any(f["severity"] == "error" for f in findings) else 0)
    source = tmp_path / "p.json"
    run(capsys, "export", plan_file, "-o", source, "--include-personal")
    doc = json.loads(source.read_text())
    doc["risks"][0]["shares"] = {"users": 50, "community": 0, "professionals": 0}
    source.write_text(json.dumps(doc))
    bad = tmp_path / "bad.coplan"
    run(capsys, "import", source, "-o", bad)
    code, out, _ = run(capsys, "check", bad, "--json")
    assert code == 1
    assert any(f["rule"] == "shares-total" and f["target"] == {"type": "risk", "key": "r1"} for f in json.loads(out))


def test_export_word_document(capsys, tmp_path, plan_file):
    """export -o PLAN.docx writes a Word document, role labels by default, names on request."""
    import docx

    out = tmp_path / "plan.docx"
    code, said, _ = run(capsys, "export", plan_file, "-o", out)
    assert code == 0 and "Wrote" in said
    text = "\n".join(cell.text for table in docx.Document(str(out)).tables
                     for row in table.rows for cell in row.cells)
    assert "Gwenllian" not in text and "Service user 1" in text
    assert run(capsys, "export", plan_file, "-o", out, "--include-personal")[0] == 0
    document = docx.Document(str(out))
    assert "Contains personal data" in document.sections[0].header.paragraphs[0].text


@pytest.mark.parametrize("args, words", [
    (["check", "{tmp}/missing.coplan"], "no plan at"),
    (["export", "{plan}", "-o", "{tmp}/out.odt"], ".json, .csv, .pdf or .docx"),
    (["import", "{tmp}/nothing.json", "-o", "{tmp}/x.coplan"], "no such file"),
    (["new", "{tmp}/x.txt", "--title", "T"], "must end in .coplan"),
    (["frobnicate"], "invalid choice"),
    ([], "no command"),
])
def test_bad_input_is_one_line_exit_2(capsys, tmp_path, plan_file, args, words):
    """Every bad input gives one 'coplanner: error:' line and exit status 2."""
    args = [a.format(tmp=tmp_path, plan=plan_file) for a in args]
    code, _, err = run(capsys, *args)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("coplanner: error:") and words in err


def test_a_hostile_file_gives_no_traceback(tmp_path):
    """Run as a real process, a non-plan file gives exit 2 and no traceback, and is unchanged."""
    path = tmp_path / "x.coplan"
    path.write_bytes(b"\x00garbage" * 100)
    result = subprocess.run([sys.executable, "-m", "planner", "check", str(path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and result.stderr.startswith("coplanner: error:")
    assert path.read_bytes() == b"\x00garbage" * 100


def test_json_and_csv_copies_of_people_need_the_personal_choice(capsys, tmp_path, plan_file):
    """A plan naming private individuals exports to JSON or CSV only with --include-personal."""
    for suffix in ("json", "csv"):
        out = tmp_path / f"copy.{suffix}"
        code, _, err = run(capsys, "export", plan_file, "-o", out)
        assert code == 2 and "--include-personal" in err and not out.exists()
        assert run(capsys, "export", plan_file, "-o", out, "--include-personal")[0] == 0
