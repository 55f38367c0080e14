from pathlib import Path

from seminar_plan.watch import stamps, wait_for_change


def test_no_change_means_no_return_before_the_polls_run_out(tmp_path: Path) -> None:
    plan = tmp_path / "seminar.toml"
    plan.write_text("a = 1\n", encoding="utf-8")
    slept: list[float] = []
    assert wait_for_change([plan], interval=0.25, sleep=slept.append, polls=3) is False
    assert slept == [0.25, 0.25, 0.25]


def test_a_save_an_atomic_replace_and_a_removal_are_changes(tmp_path: Path) -> None:
    plan = tmp_path / "seminar.toml"
    plan.write_text("a = 1\n", encoding="utf-8")

    def save(_: float) -> None:
        plan.write_text("a = 22\n", encoding="utf-8")

    assert wait_for_change([plan], sleep=save, polls=1) is True

    def replace(_: float) -> None:
        new = tmp_path / "new.toml"
        new.write_text("a = 333\n", encoding="utf-8")
        new.replace(plan)

    assert wait_for_change([plan], sleep=replace, polls=1) is True
    assert wait_for_change([plan], sleep=lambda _: plan.unlink(), polls=1) is True
    assert stamps([plan]) == {plan: None}


def test_a_file_that_appears_is_a_change(tmp_path: Path) -> None:
    include = tmp_path / "people.toml"

    def create(_: float) -> None:
        include.write_text("", encoding="utf-8")

    assert wait_for_change([include], sleep=create, polls=1) is True
