"""The one writer: no overwrite without force, whole or not at all, one clear error line."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from seminar_plan import files
from seminar_plan.files import WriteError, Written, safe_write


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


def test_racing_writers_without_force_exactly_one_wins(tmp_path: Path) -> None:
    import threading

    target = tmp_path / "out.ics"
    outcomes: list[str] = []
    start = threading.Barrier(8)

    def write(number: int) -> None:
        start.wait()
        try:
            safe_write(target, f"writer {number}\n" * 10_000)
            outcomes.append(f"won {number}")
        except WriteError as error:
            outcomes.append(str(error))

    threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winners = [outcome for outcome in outcomes if outcome.startswith("won")]
    assert len(winners) == 1
    assert outcomes.count(f"{target} exists; pass --force to overwrite it") == 7
    assert target.read_text() == f"writer {winners[0].split()[1]}\n" * 10_000
    assert [p.name for p in tmp_path.iterdir()] == ["out.ics"]


RACER = """
import sys
from pathlib import Path
from seminar_plan import files
from seminar_plan.files import WriteError, Written, safe_write
try:
    safe_write(Path(sys.argv[1]), sys.argv[2] * 100_000)
except WriteError:
    sys.exit(3)
"""


def test_racing_processes_without_force_exactly_one_wins(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    racers = [
        subprocess.Popen([sys.executable, "-c", RACER, str(target), letter]) for letter in "abcd"
    ]
    codes = [racer.wait() for racer in racers]
    assert sorted(codes) == [0, 3, 3, 3]
    winner = "abcd"[codes.index(0)]
    assert target.read_text() == winner * 100_000


def test_no_hard_links_falls_back_to_an_exclusive_create(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(*_: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr("os.link", no_links)
    safe_write(tmp_path / "a.txt", "one")
    with pytest.raises(WriteError, match="exists"):
        safe_write(tmp_path / "a.txt", "two")
    assert (tmp_path / "a.txt").read_text() == "one"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_a_dangling_link_needs_force_and_then_the_file_it_names_is_made(tmp_path: Path) -> None:
    link = tmp_path / "out.ics"
    link.symlink_to(tmp_path / "real.ics")
    with pytest.raises(WriteError, match="exists; pass --force"):
        safe_write(link, "x")
    assert link.is_symlink()
    assert not (tmp_path / "real.ics").exists()
    safe_write(link, "x", force=True)
    assert link.is_symlink()
    assert (tmp_path / "real.ics").read_text() == "x"


def test_a_link_to_a_file_is_written_through_with_force(tmp_path: Path) -> None:
    real = tmp_path / "real.ics"
    real.write_text("old")
    link = tmp_path / "out.ics"
    link.symlink_to("real.ics")
    with pytest.raises(WriteError, match="exists"):
        safe_write(link, "new")
    safe_write(link, "new", force=True)
    assert link.is_symlink()
    assert real.read_text() == "new"


def test_a_link_loop_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    with pytest.raises(WriteError, match="symbolic links"):
        safe_write(tmp_path / "a", "x", force=True)


@pytest.mark.parametrize("force", [False, True])
def test_a_fifo_is_written_into_never_replaced(tmp_path: Path, force: bool) -> None:
    import stat
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with fifo.open("rb") as stream:
            received.append(stream.read())

    reader = threading.Thread(target=read)
    reader.start()
    assert safe_write(fifo, "開会\n" * 50_000, force=force) is Written.STREAM
    reader.join()
    assert received == [("開会\n" * 50_000).encode()]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_fifo_nobody_reads_is_refused_not_waited_on_forever(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import stat

    monkeypatch.setattr(files, "FIFO_WAIT_SECONDS", 0.2)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(WriteError, match="is a FIFO and nothing is reading it"):
        safe_write(fifo, "x", force=True)
    assert stat.S_ISFIFO(fifo.stat().st_mode)


@pytest.mark.parametrize("force", [False, True])
def test_a_character_device_is_written_into(force: bool) -> None:
    assert safe_write(Path("/dev/null"), "x", force=force) is Written.STREAM
    assert Path("/dev/null").is_char_device()


def test_a_full_device_is_one_clear_error() -> None:
    with pytest.raises(WriteError) as raised:
        safe_write(Path("/dev/full"), "x")
    assert str(raised.value) == "/dev/full: cannot write (No space left on device)"


def test_dev_stdout_and_dev_fd_write_to_the_open_descriptor(tmp_path: Path) -> None:
    target = tmp_path / "captured"
    code = (
        "import sys; from pathlib import Path; from seminar_plan.files import safe_write;"
        "print('first', flush=True);"
        "safe_write(Path('/dev/stdout'), 'second\\n'); safe_write(Path('/dev/fd/1'), 'third\\n')"
    )
    with target.open("wb") as stream:
        subprocess.run([sys.executable, "-c", code], stdout=stream, check=True)
    # Written at the descriptor's position, after what was printed, not over it.
    assert target.read_text() == "first\nsecond\nthird\n"


def test_a_socket_is_refused(tmp_path: Path) -> None:
    import socket

    place = tmp_path / "s"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(place))
        with pytest.raises(WriteError, match="not a regular file"):
            safe_write(place, "x", force=True)
