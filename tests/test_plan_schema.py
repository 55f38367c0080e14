"""The plan's JSON Schema: generated from the parser's known keys, shipped as generated, and
accepted by Taplo (the TOML language server behind VS Code's Even Better TOML)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from seminar_plan.authoring import plan_schema
from seminar_plan.load.parse import schema as keys

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "src" / "seminar_plan" / "authoring" / plan_schema.SCHEMA_FILE
EXAMPLE = ROOT / "examples" / "zhengzhou-2025" / "seminar.toml"
CONFLICTS = ROOT / "examples" / "conflicts" / "seminar.toml"


def test_the_shipped_schema_is_the_generated_one() -> None:
    # After changing a key: python -c "from seminar_plan.authoring import plan_schema as s;
    # open('src/seminar_plan/authoring/seminar-plan.schema.json','w').write(s.render())"
    assert SHIPPED.read_text(encoding="utf-8") == plan_schema.render()


def test_every_table_has_exactly_the_parsers_keys() -> None:
    schema = plan_schema.generate()
    assert list(schema["properties"]) == list(keys.TOP_LEVEL)
    for name, (known, described) in plan_schema.TABLES.items():
        assert set(described) == set(known), name
        assert list(schema["definitions"][name]["properties"]) == list(known)
        assert schema["definitions"][name]["additionalProperties"] is False
    listed = {known for known, _ in plan_schema.TABLES.values()}
    parser_lists = {
        value
        for name, value in vars(keys).items()
        if name.endswith("_KEYS") and isinstance(value, tuple)
    }
    assert parser_lists <= listed, "a table of the parser has no place in the JSON Schema"


def test_every_key_has_hover_help() -> None:
    for name, (_, described) in plan_schema.TABLES.items():
        for key, fragment in described.items():
            assert fragment.get("description"), f"{name}.{key}"


def test_the_schema_is_valid_draft_7() -> None:
    import jsonschema

    jsonschema.Draft7Validator.check_schema(plan_schema.generate())


def _taplo() -> str:
    found = shutil.which("taplo")
    if found is None:
        pytest.skip("the Taplo CLI (pip install taplo, in the test extra) is not installed")
    return found


def taplo_check(plan: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_taplo(), "check", "--schema", SHIPPED.as_uri(), str(plan)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_taplo_accepts_the_example_that_checks_clean() -> None:
    result = taplo_check(EXAMPLE)
    assert result.returncode == 0, result.stderr


def test_the_plan_init_writes_finds_its_schema_by_the_schema_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from seminar_plan.cli import app

    assert CliRunner().invoke(app, ["init", str(tmp_path)]).exit_code == 0
    plan = tmp_path / "seminar.toml"
    assert plan.read_text(encoding="utf-8").startswith("#:schema ./seminar-plan.schema.json\n")
    assert (tmp_path / plan_schema.SCHEMA_FILE).read_text(encoding="utf-8") == plan_schema.render()
    found = subprocess.run(
        [_taplo(), "check", str(plan)], capture_output=True, text=True, check=False, timeout=60
    )
    assert found.returncode == 0, found.stderr
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("[event]", "[event]\ntitel = 'x'", 1),
        encoding="utf-8",
    )
    found = subprocess.run(
        [_taplo(), "check", str(plan)], capture_output=True, text=True, check=False, timeout=60
    )
    assert found.returncode != 0
    assert "'titel' was unexpected" in found.stderr


def test_taplo_rejects_a_misspelt_key(tmp_path: Path) -> None:
    misspelt = tmp_path / "seminar.toml"
    text = EXAMPLE.read_text(encoding="utf-8")
    misspelt.write_text(text.replace("headcount = 57", "headcont = 57", 1), encoding="utf-8")
    result = taplo_check(misspelt)
    assert result.returncode != 0
    assert "'headcont' was unexpected" in result.stderr


def test_taplo_finds_the_conflicts_examples_misspelt_key_and_nothing_else() -> None:
    result = taplo_check(CONFLICTS)
    assert result.returncode != 0
    problems = {line for line in result.stderr.splitlines() if line.startswith("error: ")}
    assert problems == {"error: Additional properties are not allowed ('kindd' was unexpected)"}


def test_the_schema_names_its_draft() -> None:
    document = json.loads(SHIPPED.read_text(encoding="utf-8"))
    assert document["$schema"] == "http://json-schema.org/draft-07/schema#"
