"""Faults while writing: SIGKILL, SIGINT, a read-only folder, a full disk and
two builds at once never lose or mix earlier output (issue 6, item 9)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.cli import app

from ..conftest import CONFLICT_ARTICLES, ROOT, write_corpus

OLD = {"old": "Velloran Group has banned its staff from using the chatbot Brisko from June 2, 2025.\n"}


def _start(corpus: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(corpus), "-o", str(out), "-q"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _holds_lock(proc: subprocess.Popen, out: Path, timeout: float = 60) -> None:
    """Wait until proc holds the output folder's lock (it is past start-up and checks)."""
    lock = str((out / ".kg-build.lock").resolve())
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        try:
            for fd in os.listdir(f"/proc/{proc.pid}/fd"):
                if os.readlink(f"/proc/{proc.pid}/fd/{fd}") == lock:
                    # open is not enough: wait for the flock (listed in fdinfo)
                    if "FLOCK" in Path(f"/proc/{proc.pid}/fdinfo/{fd}").read_text():
                        return
        except OSError:
            pass
        time.sleep(0.02)
    raise AssertionError("the build never took the lock")


def _snapshot(out: Path) -> dict[str, bytes]:
    """Every file under out but the lock, by its path relative to out (texts/ included)."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != ".kg-build.lock"}


def _stray(name: str) -> bool:
    """A temporary file or a file in a temporary folder (``.texts.x.tmp/a.txt``)."""
    return name.split("/")[0].endswith(".tmp")


@pytest.fixture(scope="module")
def old_and_new(tmp_path_factory):
    """Output of a small corpus (old) and of another corpus (new), built once."""
    root = tmp_path_factory.mktemp("faults")
    old_corpus = write_corpus(root / "old", OLD)
    new_corpus = write_corpus(root / "new", CONFLICT_ARTICLES)
    for corpus, out in ((old_corpus, root / "old-out"), (new_corpus, root / "new-out")):
        result = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(corpus), "-o", str(out), "-q"],
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
    return root, _snapshot(root / "old-out"), _snapshot(root / "new-out")


@pytest.mark.parametrize("fraction", [0.0, 0.5, 0.95])
def test_sigkill_at_any_point_keeps_the_previous_output(old_and_new, tmp_path, fraction):
    root, old, new = old_and_new
    assert old != new and set(old) == {"graph.ttl", "validation.ttl", "texts/old.txt"}
    out = tmp_path / "out"
    shutil.copytree(root / "old-out", out)
    start = time.monotonic()
    proc = _start(root / "new", out)
    _holds_lock(proc, out)
    # the rest of a build takes about 1-3 s here; kill somewhere in it
    time.sleep(fraction * 2.5)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    got = _snapshot(out)
    stray = [n for n in got if _stray(n)]
    files = {n: b for n, b in got.items() if n not in stray}
    assert files in (old, new), f"mixed or damaged output after {time.monotonic() - start:.2f} s"
    # the next run removes what the killed one left behind
    result = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(root / "new"), "-o", str(out), "-q"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert _snapshot(out) == new


def test_sigkill_during_the_write_leaves_no_mix(old_and_new, tmp_path):
    """Kill as soon as a temporary file appears: the old files are still in place, byte for byte."""
    root, old, new = old_and_new
    out = tmp_path / "out"
    shutil.copytree(root / "old-out", out)
    proc = _start(root / "new", out)
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        if any(p.name.endswith(".tmp") and not p.name.startswith(".kg-check") for p in out.iterdir()):
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait()
    files = {n: b for n, b in _snapshot(out).items() if not _stray(n)}
    assert files in (old, new)


def test_sigint_exits_130_cleanly(old_and_new, tmp_path):
    root, old, _ = old_and_new
    out = tmp_path / "out"
    shutil.copytree(root / "old-out", out)
    proc = _start(root / "new", out)
    _holds_lock(proc, out)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr and "interrupted" in stderr
    assert _snapshot(out) == old


def _mount_tmpfs(path: Path, size: str) -> None:
    path.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN): {result.stderr.strip()}")


def _umount(path: Path) -> None:
    subprocess.run(["umount", "-l", str(path)], capture_output=True)


def test_read_only_output_folder_fails_before_any_nlp_work(runner, old_and_new, tmp_path, monkeypatch):
    root, old, _ = old_and_new
    mnt = tmp_path / "ro"
    _mount_tmpfs(mnt, "4m")
    try:
        out = mnt / "out"
        shutil.copytree(root / "old-out", out)
        remount = subprocess.run(["mount", "-o", "remount,ro", str(mnt)], capture_output=True, text=True)
        assert remount.returncode == 0, remount.stderr
        with pytest.raises(OSError):  # really read-only, even for root
            (out / "probe").write_bytes(b"x")
        import kg.extract.extraction

        def no_nlp(*args, **kwargs):
            raise AssertionError("NLP work started on a read-only output folder")

        monkeypatch.setattr(kg.extract.extraction, "extract", no_nlp)
        result = runner.invoke(app, ["build", str(root / "new"), "-o", str(out)])
        assert result.exit_code == 2, result.output
        assert "E037" in result.output and str(out) in result.output and "Read-only" in result.output
        assert _snapshot(out) == old
        # a read-only parent: the output folder cannot even be created
        result = runner.invoke(app, ["build", str(root / "new"), "-o", str(mnt / "fresh")])
        assert result.exit_code == 2 and "E037" in result.output
    finally:
        _umount(mnt)


def test_full_disk_gives_a_no_space_error_and_keeps_the_old_output(runner, old_and_new, tmp_path):
    root, old, _ = old_and_new
    mnt = tmp_path / "full"
    _mount_tmpfs(mnt, "512k")
    try:
        out = mnt / "out"
        shutil.copytree(root / "old-out", out)
        with (mnt / "filler").open("wb", buffering=0) as fh:  # fill the disk for real
            try:
                while True:
                    fh.write(b"\0" * 4096)
            except OSError as exc:
                assert exc.errno == 28  # ENOSPC
        result = runner.invoke(app, ["build", str(root / "new"), "-o", str(out)])
        assert result.exit_code == 2, result.output
        assert "E036" in result.output and "no space" in result.output
        assert _snapshot(out) == old
    finally:
        _umount(mnt)


def test_two_builds_into_one_folder_never_mix(runner, old_and_new, seeds_build, tmp_path):
    import kg.rdf.indexed, kg.io.output, kg.shacl.validate  # noqa: E401,F401,I001  (so the second build starts at once)

    root, _, _ = old_and_new
    out = tmp_path / "out"
    first = _start(ROOT / "seeds", out)  # five articles: a few seconds of NLP after taking the lock
    _holds_lock(first, out)
    second = runner.invoke(app, ["build", str(root / "old"), "-o", str(out), "-q"])
    still_running = first.poll() is None
    assert first.wait(timeout=120) == 0, first.communicate()
    assert still_running, "the first build ended before the second started; the test proves nothing"
    assert second.exit_code == 2, second.output
    assert "E038" in second.output and "another kg build" in second.output and str(out) in second.output
    assert _snapshot(out) == _snapshot(seeds_build)


def test_outputs_get_the_mode_the_umask_gives(runner, tmp_path):
    """Temporary files are made 0600; the files kg writes end with the mode open() would give."""
    import os

    old = os.umask(0o027)
    try:
        result = runner.invoke(app, ["build", str(ROOT / "seeds"), "-o", str(tmp_path / "out"), "-q", "--no-cache"])
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    for name in ("graph.ttl", "validation.ttl"):
        assert (tmp_path / "out" / name).stat().st_mode & 0o777 == 0o640, name
    assert (tmp_path / "out" / "texts").stat().st_mode & 0o777 == 0o750
    assert (tmp_path / "out" / "texts" / "000_ddf72b6adfb36dd5.txt").stat().st_mode & 0o777 == 0o640
