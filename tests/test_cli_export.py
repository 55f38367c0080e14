"""The export, init, import people and diff commands: exit codes and exact streams."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import IO

import pytest
from typer.testing import CliRunner

from conftest import plan_text, session
from export_plans import EXAMPLE, GOLDEN, ROOT
from seminar_plan.cli import app

CONFLICTS = ROOT / "examples" / "conflicts" / "seminar.toml"

runner = CliRunner()


def run(*args: str) -> tuple[int, bytes, str]:
    """Exit code, stdout as bytes (the ICS and CSV exports are bytes), stderr."""
    result = runner.invoke(app, list(args), prog_name="seminar-plan")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout_bytes, result.stderr


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty current folder with no plan above it, so paths print as given."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SEMINAR_PLAN", raising=False)
    return tmp_path


# --- export ---------------------------------------------------------------------------------


def test_export_csv_to_stdout_is_the_reviewed_spreadsheet() -> None:
    code, out, err = run("export", str(EXAMPLE), "--format", "csv", "--day", "2", "--lang", "en")
    assert (code, err) == (0, "")
    assert out == (GOLDEN / "export" / "zhengzhou-day2-en.csv").read_bytes()


def test_export_csv_headers_in_korean() -> None:
    code, out, err = run("export", str(EXAMPLE), "--format", "csv", "--day", "2", "--lang", "ko")
    assert (code, err) == (0, "")
    assert out == (GOLDEN / "export" / "zhengzhou-day2-ko.csv").read_bytes()


def test_export_a_day_by_its_date() -> None:
    by_number = run("export", str(EXAMPLE), "--format", "csv", "--day", "2")
    by_date = run("export", str(EXAMPLE), "--format", "csv", "--day", "2025-07-24")
    assert by_number == by_date
    assert by_number[0] == 0


def test_export_ics_to_a_file_then_refuse_to_overwrite_it(here: Path) -> None:
    assert run("export", str(EXAMPLE), "--format", "ics", "-o", "plan.ics") == (
        0,
        b"wrote plan.ics\n",
        "",
    )
    written = (here / "plan.ics").read_bytes()
    assert written.startswith(b"BEGIN:VCALENDAR\r\n")
    assert run("export", str(EXAMPLE), "--format", "ics", "-o", "plan.ics") == (
        2,
        b"",
        "seminar-plan: plan.ics exists; pass --force to overwrite it\n",
    )
    assert (here / "plan.ics").read_bytes() == written
    code, _, _ = run("export", str(EXAMPLE), "--format", "ics", "-o", "plan.ics", "--force")
    assert code == 0


@pytest.mark.usefixtures("here")
def test_export_to_a_missing_folder() -> None:
    assert run("export", str(EXAMPLE), "--format", "json", "-o", "nowhere/plan.json") == (
        2,
        b"",
        "seminar-plan: nowhere/plan.json: the folder nowhere does not exist\n",
    )


@pytest.mark.parametrize(
    ("fmt", "start"),
    [
        ("ics", b"BEGIN:VCALENDAR"),
        ("json", b"{\n"),
        ("frab-xml", b"<?xml version='1.0' encoding='utf-8'?>\n<schedule>"),
        ("schedule-json", b'{\n  "$schema"'),
    ],
)
def test_export_every_format_to_stdout(fmt: str, start: bytes) -> None:
    code, out, err = run("export", str(EXAMPLE), "--format", fmt, "--person", "usui")
    assert (code, err) == (0, "")
    assert out.startswith(start)


def test_export_json_for_one_person() -> None:
    code, out, _ = run("export", str(EXAMPLE), "--format", "json", "--person", "hanaoka")
    assert code == 0
    assert [s["id"] for s in json.loads(out)["sessions"]] == ["pickup-hanaoka", "keynote"]


def test_export_an_unknown_person() -> None:
    code, out, err = run("export", str(EXAMPLE), "--format", "ics", "--person", "yasud")
    assert (code, out) == (2, b"")
    assert err.startswith("seminar-plan: unknown person 'yasud'; did you mean 'yasuda'? (known: ")
    assert err.count("\n") == 1


def test_export_a_day_outside_the_event() -> None:
    assert run("export", str(EXAMPLE), "--format", "csv", "--day", "5") == (
        2,
        b"",
        (
            "seminar-plan: unknown day '5'; did you mean '4'? (the event has days 1-4:"
            " 1 (2025-07-23), 2 (2025-07-24), 3 (2025-07-25), 4 (2025-07-26);"
            " give --day N or --day YYYY-MM-DD)\n"
        ),
    )


def test_export_an_unknown_language() -> None:
    code, _, err = run("export", str(EXAMPLE), "--format", "csv", "--lang", "jp")
    assert code == 2
    assert err.startswith("seminar-plan: unknown language 'jp'; did you mean 'ja'?")


def test_export_needs_a_known_format() -> None:
    code, out, err = run("export", str(EXAMPLE), "--format", "pdf")
    assert (code, out) == (2, b"")
    assert "Invalid value for '--format'" in err
    assert "'pdf' is not one of" in err
    code, _, err = run("export", str(EXAMPLE))
    assert code == 2
    assert "Missing option '--format'" in err


def test_a_plan_with_errors_is_exported_with_a_note() -> None:
    code, out, err = run("export", str(CONFLICTS), "--format", "json")
    assert code == 0
    assert json.loads(out)["sessions"]
    assert err.startswith("seminar-plan: the plan has ")
    assert err.endswith(
        f" error(s), exported all the same; `seminar-plan check {CONFLICTS}` lists them\n"
    )


@pytest.mark.usefixtures("here")
def test_export_with_no_plan() -> None:
    code, out, err = run("export", "--format", "csv")
    assert (code, out) == (2, b"")
    assert err.startswith("seminar-plan: no plan found")


def test_export_a_plan_without_an_event(here: Path) -> None:
    (here / "seminar.toml").write_text("format = 1\n", encoding="utf-8")
    assert run("export", "seminar.toml", "--format", "csv") == (
        2,
        b"",
        (
            "seminar-plan: seminar.toml has no usable [event], so there is nothing to list;"
            " run `seminar-plan check seminar.toml` to see why\n"
        ),
    )


# --- init -----------------------------------------------------------------------------------


def test_init_then_check_then_init_again(here: Path) -> None:
    assert run("init", "my-seminar") == (
        0,
        (
            b"wrote my-seminar/seminar.toml\n"
            b"wrote my-seminar/seminar-plan.schema.json\n"
            b"Next, try:\n"
            b"  seminar-plan check my-seminar/seminar.toml\n"
            b"  seminar-plan agenda my-seminar/seminar.toml\n"
            b"  seminar-plan export my-seminar/seminar.toml --format ics"
            b" -o my-seminar/seminar.ics\n"
        ),
        "",
    )
    assert run("check", "my-seminar/seminar.toml") == (
        0,
        b"my-seminar/seminar.toml: no problems found\n",
        "",
    )
    written = (here / "my-seminar" / "seminar.toml").read_bytes()
    (here / "my-seminar" / "seminar.toml").write_text("# mine\n", encoding="utf-8")
    assert run("init", "my-seminar") == (
        2,
        b"",
        "seminar-plan: my-seminar/seminar.toml exists; pass --force to overwrite it\n",
    )
    assert (here / "my-seminar" / "seminar.toml").read_text(encoding="utf-8") == "# mine\n"
    assert run("init", "my-seminar", "--force")[0] == 0
    assert (here / "my-seminar" / "seminar.toml").read_bytes() == written


def test_init_in_the_current_folder(here: Path) -> None:
    code, out, err = run("init")
    assert (code, err) == (0, "")
    assert out.decode().splitlines()[:4] == [
        "wrote seminar.toml",
        "wrote seminar-plan.schema.json",
        "Next, try:",
        "  seminar-plan check",
    ]
    # Found by looking upward, so named by its full path.
    found = f"{here / 'seminar.toml'}: no problems found\n".encode()
    assert run("check") == (0, found, "")
    assert run("export", "--format", "ics", "-o", "seminar.ics") == (0, b"wrote seminar.ics\n", "")


def test_init_where_a_file_stands(here: Path) -> None:
    (here / "taken").write_text("", encoding="utf-8")
    assert run("init", "taken") == (
        2,
        b"",
        "seminar-plan: taken is a file; name a folder to put seminar.toml in\n",
    )


# --- import people --------------------------------------------------------------------------


SHEET = (
    "\ufeff氏名,氏名（ローマ字）,所属,代表団,言語,受付番号\n"
    "安田,YASUDA Taro,クレア,japan,日本語,1\n"
    "王伟,,郑州市,china,中文,2\n"
)
BAD_SHEET = SHEET + "李,,,china,klingon!,3\n,,,japan,,4\n"


def test_import_people_to_a_file_that_checks_clean(here: Path) -> None:
    (here / "registration.csv").write_text(SHEET, encoding="utf-8")
    assert run("import", "people", "registration.csv", "-o", "people.toml") == (
        0,
        b"wrote people.toml\n",
        (
            "seminar-plan: registration.csv: column '受付番号' is not imported"
            " (to keep it: --map '受付番号=FIELD')\n"
        ),
    )
    base = plan_text(session("talk", "09:00", "10:00", speakers=["yasuda-taro", "person-1"]))
    base = base.split("[people.aoki]")[0] + base[base.index("[[sessions]]") :]
    (here / "seminar.toml").write_text(
        'include = ["people.toml"]\n' + base.replace("format = 1\n", "", 1), encoding="utf-8"
    )
    code, out, err = run("check", "seminar.toml", "--select", "schema,unknown-ref,duplicate-id")
    assert (code, out, err) == (0, b"seminar.toml: no problems found\n", "")
    written = (here / "people.toml").read_text(encoding="utf-8")
    assert '# Add `include = ["people.toml"]` to seminar.toml' in written


def test_import_people_to_stdout(here: Path) -> None:
    (here / "registration.csv").write_text(SHEET, encoding="utf-8")
    code, out, _ = run("import", "people", "registration.csv")
    assert code == 0
    text = out.decode()
    assert text.startswith("# People imported from registration.csv by `seminar-plan import")
    assert '\n[people.yasuda-taro]\ndelegation = "japan"\n' in text
    assert not (here / "people.toml").exists()


def test_import_stops_at_bad_rows_and_writes_nothing(here: Path) -> None:
    (here / "registration.csv").write_text(BAD_SHEET, encoding="utf-8")
    code, out, err = run("import", "people", "registration.csv", "-o", "people.toml")
    assert (code, out) == (2, b"")
    assert err.splitlines()[1:] == [
        (
            "seminar-plan: registration.csv: row 4: language 'klingon!' is not a language code"
            " (use codes such as ja, zh, en)"
        ),
        "seminar-plan: registration.csv: row 5: no name",
        (
            "seminar-plan: registration.csv: 2 row(s) have problems, so nothing was written;"
            " fix them, or pass --skip-bad to import the other rows"
        ),
    ]
    assert not (here / "people.toml").exists()


def test_import_skip_bad_writes_the_good_rows(here: Path) -> None:
    (here / "registration.csv").write_text(BAD_SHEET, encoding="utf-8")
    code, out, err = run("import", "people", "registration.csv", "--skip-bad")
    assert code == 0
    assert "[people.yasuda-taro]" in out.decode()
    assert "[people.person-1]" in out.decode()
    assert "李" not in out.decode()
    assert err.splitlines()[-1] == "seminar-plan: registration.csv: skipped row(s) 4, 5"


def test_import_with_map(here: Path) -> None:
    (here / "sheet.csv").write_text("Participant,Company\nAlex Lee,ACME\n", encoding="utf-8")
    code, out, err = run("import", "people", "sheet.csv", "--map", "Company=organization.en")
    assert (code, err) == (0, "")
    assert "[people.alex-lee]" in out.decode()
    assert '[people.alex-lee.organization]\nen = "ACME"' in out.decode()


def test_import_a_bad_map(here: Path) -> None:
    (here / "sheet.csv").write_text("name\nA\n", encoding="utf-8")
    code, out, err = run("import", "people", "sheet.csv", "--map", "name")
    assert (code, out) == (2, b"")
    assert "'name' is not HEADER=FIELD" in err


def test_import_a_shift_jis_sheet(here: Path) -> None:
    (here / "sheet.csv").write_bytes("name,org\nA,クレア\n".encode("cp932"))
    assert run("import", "people", "sheet.csv") == (
        2,
        b"",
        (
            "seminar-plan: sheet.csv: line 2: the file is not UTF-8 (it looks like Shift_JIS,"
            " Excel's default on Japanese Windows); save it from the spreadsheet as 'CSV UTF-8'"
            " and import that\n"
        ),
    )


@pytest.mark.usefixtures("here")
def test_import_a_missing_file() -> None:
    assert run("import", "people", "missing.csv") == (
        2,
        b"",
        "seminar-plan: missing.csv: no such file\n",
    )


def test_import_a_sheet_with_no_people(here: Path) -> None:
    (here / "sheet.csv").write_text("name\n\n", encoding="utf-8")
    assert run("import", "people", "sheet.csv") == (
        2,
        b"",
        "seminar-plan: sheet.csv: no people to import\n",
    )


# --- diff -----------------------------------------------------------------------------------


def test_diff_reports_exactly_the_one_move(here: Path) -> None:
    shutil.copy(EXAMPLE, here / "old.toml")
    text = EXAMPLE.read_text(encoding="utf-8")
    moved = text.replace('start = "11:05"\nend = "11:55"', 'start = "11:10"\nend = "12:00"')
    assert moved != text
    (here / "new.toml").write_text(moved, encoding="utf-8")
    assert run("diff", "old.toml", "new.toml", "--lang", "en") == (
        0,
        "Changes from old.toml to new.toml: 1\n"
        "  moved  lecture  Lecture: Nara's tourism and community-rooted DX\n"
        "    day 2 11:05–11:55 Main hall → day 2 11:10–12:00 Main hall\n"
        "    delegations: Japanese side, Chinese side\n".encode(),
        "",
    )
    code, out, err = run("diff", "old.toml", "new.toml", "--format", "json")
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert [(c["change"], c["session"]) for c in document["sessions"]] == [("moved", "lecture")]
    assert document["people"] == []


def test_diff_of_a_plan_with_itself(here: Path) -> None:
    shutil.copy(EXAMPLE, here / "a.toml")
    assert run("diff", "a.toml", "a.toml", "--lang", "en") == (
        0,
        b"No changes from a.toml to a.toml.\n",
        "",
    )


def test_diff_with_a_missing_plan(here: Path) -> None:
    shutil.copy(EXAMPLE, here / "a.toml")
    code, out, err = run("diff", "a.toml", "b.toml")
    assert (code, out) == (2, b"")
    assert err.startswith("seminar-plan: b.toml")
    assert err.count("\n") == 1


# --- writing to streams and devices ---------------------------------------------------------


def _process(*args: str, stdout: IO[bytes] | None = None) -> tuple[int, bytes, bytes]:
    """The installed command in a real process (device files need real descriptors)."""
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", "from seminar_plan.entry import main; main()", *args],
        stdout=stdout if stdout is not None else subprocess.PIPE,
        stderr=subprocess.PIPE,
        check=False,
    )
    return result.returncode, result.stdout or b"", result.stderr


def test_export_to_dev_stdout_is_the_same_as_to_standard_output() -> None:
    plain = _process("export", str(EXAMPLE), "--format", "csv", "--day", "2")
    device = _process("export", str(EXAMPLE), "--format", "csv", "--day", "2", "-o", "/dev/stdout")
    assert device == plain
    assert plain[0] == 0


def test_export_to_dev_null_writes_into_it_and_says_nothing() -> None:
    assert _process("export", str(EXAMPLE), "--format", "ics", "-o", "/dev/null", "--force") == (
        0,
        b"",
        b"",
    )
    assert Path("/dev/null").is_char_device()


def test_a_full_disk_is_a_plain_error() -> None:
    with Path("/dev/full").open("wb") as full:
        code, _, err = _process("export", str(EXAMPLE), "--format", "ics", stdout=full)
    assert (code, err) == (
        2,
        b"seminar-plan: cannot write to standard output: No space left on device\n",
    )
    assert _process("export", str(EXAMPLE), "--format", "ics", "-o", "/dev/full") == (
        2,
        b"",
        b"seminar-plan: /dev/full: cannot write (No space left on device)\n",
    )


def test_import_a_shift_jis_sheet_for_one_delegation(here: Path) -> None:
    sheet = "氏名,フリガナ,食事制限\n安田,ヤスダ,ハラール\n安田,ヤスダ,\n"
    (here / "sheet.csv").write_bytes(sheet.encode("cp932"))
    args = ("import", "people", "sheet.csv", "--encoding", "cp932", "--delegation", "japan")
    code, out, err = run(*args, "--id-prefix", "jp-")
    assert code == 2
    assert "row 3: id 'jp-yasuda' is already used by row 2" in err
    assert "warning: row 3: same name as row 2 ('安田')" in err
    code, out, err = run(*args, "--skip-bad")
    assert code == 0
    text = out.decode()
    assert '[people.yasuda]\ndelegation = "japan"\ndiet = [\n    "halal",\n]\n' in text
    assert '[people.yasuda.name]\nja = "安田"\nja-Hrkt = "ヤスダ"\n' in text


def test_import_refuses_a_delegation_that_is_no_id(here: Path) -> None:
    (here / "sheet.csv").write_text("name\nX\n", encoding="utf-8")
    code, out, err = run("import", "people", "sheet.csv", "--delegation", "Japan Side")
    assert (code, out) == (2, b"")
    assert "'Japan Side' is not a delegation id" in err
