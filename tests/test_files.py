"""The one writer: no overwrite without force, whole or not at all, one clear error line."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from seminar_plan.files import WriteError, safe_write


def test_writes_text_and_bytes(tmp_path: Path) -> None:
    safe_write(tmp_path / "a.txt", "開会\n")
    safe_write(tmp_path / "b.bin", b"\x00\x01")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "開会\n"
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\x01"


def test_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "sheet.html"
    target.write_text("old")
    with pytest.raises(WriteError, match=r"exists; pass --force to overwrite it"):
        safe_write(target, "new")
    assert target.read_text() == "old"
    safe_write(target, "new", force=True)
    assert target.read_text() == "new"


def test_new_files_get_the_usual_permissions_and_replaced_ones_keep_theirs(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        safe_write(tmp_path / "new.txt", "x")
        assert (tmp_path / "new.txt").stat().st_mode & 0o777 == 0o644
        kept = tmp_path / "kept.txt"
        kept.write_text("old")
        kept.chmod(0o600)
        safe_write(kept, "new", force=True)
        assert kept.stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(umask)


def test_leaves_no_temporary_file(tmp_path: Path) -> None:
    safe_write(tmp_path / "a.txt", "x")
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_folder_and_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="is a folder"):
        safe_write(tmp_path, "x")
    with pytest.raises(WriteError, match="does not exist"):
        safe_write(tmp_path / "no" / "such" / "a.txt", "x")


def test_unwritable_folder_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests may run as root, whom a read-only folder does not stop: fail the way such a folder
    # (or a full disk) does.
    def read_only(*_: object, **__: object) -> tuple[int, str]:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    with pytest.raises(WriteError) as raised:
        safe_write(tmp_path / "a.txt", "x")
    assert (
        str(raised.value)
        == f"{tmp_path / 'a.txt'}: cannot write in {tmp_path} (Read-only file system)"
    )


def test_disk_full_while_writing_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.txt"
    target.write_text("old")

    def full(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("os.fsync", full)
    with pytest.raises(WriteError, match="No space left on device"):
        safe_write(target, "new", force=True)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


KILLED_MID_WRITE = """
import os, signal, sys
from pathlib import Path
from seminar_plan import files

def die(_descriptor):
    os.kill(os.getpid(), signal.SIGKILL)

files.os.fsync = die
files.safe_write(Path(sys.argv[1]), "new" * 1000, force=True)
"""


def test_a_process_killed_mid_write_leaves_the_old_file_intact(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text("old")
    result = subprocess.run([sys.executable, "-c", KILLED_MID_WRITE, str(target)], check=False)
    assert result.returncode == -9
    assert target.read_text() == "old"
