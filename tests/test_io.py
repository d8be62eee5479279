import errno
import os
import stat

import pytest

from geomap._io import atomic_write
from geomap.exceptions import ExportError


def test_writes_text_and_bytes(tmp_path):
    assert atomic_write(tmp_path / "a.txt", "héllo").read_text(encoding="utf-8") == "héllo"
    assert atomic_write(tmp_path / "b.bin", b"\x00\x01").read_bytes() == b"\x00\x01"


def test_disk_full_keeps_the_old_file_and_leaves_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "report.html"
    target.write_text("old report", encoding="utf-8")

    def full(fd):
        # Data reaches the disk at fsync; a full disk fails there.
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ExportError, match="report.html.*No space left"):
        atomic_write(target, "x" * 100_000)
    monkeypatch.undo()
    assert target.read_text(encoding="utf-8") == "old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_missing_folder_is_named(tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        atomic_write(tmp_path / "nope" / "x.html", "x")


def test_a_new_file_gets_the_usual_mode_and_a_rewritten_one_keeps_its_own(tmp_path):
    # An exported map must be readable by whoever the umask lets read new files (a web
    # server publishing reports), not only by its writer.
    umask = os.umask(0o022)
    try:
        fresh = atomic_write(tmp_path / "map.html", "<html></html>")
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
        os.chmod(fresh, 0o600)
        atomic_write(fresh, "<html>again</html>")
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o600
    finally:
        os.umask(umask)
