"""The output folder of ``kg build``: one writer at a time, all or nothing.

A build takes an exclusive lock on ``OUTDIR/.kg-build.lock`` (``fcntl.flock``,
released when the process ends, even on SIGKILL), checks that the folder is
writable before any NLP work, removes temporary files that a killed build left
behind, and writes every output file to a temporary file in the same folder
(``.<name>.<random>.tmp``, flushed and fsync'ed) before renaming them all into
place with ``os.replace`` (atomic on POSIX), so a reader sees either the
previous output or the new one, never a half-written file.
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import tempfile
from pathlib import Path

from .errors import KgError


def umask() -> int:
    """The process's file-mode creation mask (``os.umask`` read without changing it)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_temp(folder: Path, name: str, data: bytes) -> Path:
    """Write ``data`` to a new temporary file ``.<name>.<random>.tmp`` in
    ``folder``, flushed and fsync'ed, with the mode ``open()`` would give
    (mkstemp makes 0600); the caller renames it into place.

    Raises:
        OSError: when the folder is not writable or the disk is full; no
            temporary file is left behind.
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    try:
        os.fchmod(fd, 0o666 & ~umask())
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return Path(tmp)


LOCK_NAME = ".kg-build.lock"


def write_error(path: Path, exc: OSError) -> KgError:
    """A :class:`KgError` for a failed write: E036 when the disk (or quota,
    or file-size limit) is full, E037 otherwise."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return KgError("E036", f"{path}: no space left on the device ({exc.strerror}); free some space and "
                       "build again (the previous output is unchanged).")
    return KgError("E037", f"{path}: cannot write ({exc.strerror}); choose a writable output folder "
                   "(the previous output is unchanged).")


class OutputFolder:
    """Exclusive, checked access to an output folder (a context manager).

    Args:
        folder: the output folder; created if missing.

    Raises:
        KgError: E033 when ``folder`` is a file; E036/E037 when it cannot be
            created or written; E038 when another build holds the lock.
    """

    def __init__(self, folder: Path):
        self.folder = folder
        self._fd: int | None = None

    def __enter__(self) -> "OutputFolder":
        return self if self._fd is not None else self.acquire()

    def acquire(self) -> "OutputFolder":
        """Create, lock and check the folder; remove stale temporary files.

        Raises:
            KgError: see the class.
        """
        folder = self.folder
        if folder.exists() and not folder.is_dir():
            raise KgError("E033", f"{folder}: exists and is not a folder.")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise write_error(folder, exc) from exc
        lock = folder / LOCK_NAME
        try:
            self._fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            if not lock.exists():
                raise write_error(folder, exc) from exc
            self._fd = os.open(lock, os.O_RDONLY)  # a read-only folder: lock anyway, fail below
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self._fd)
            self._fd = None
            raise KgError("E038", f"{folder}: another kg build is writing to this folder; wait for it to "
                          "finish or choose another output folder.") from None
        try:
            self._check_writable()
            self._remove_stale()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Release the lock."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def _check_writable(self) -> None:
        try:
            fd, tmp = tempfile.mkstemp(prefix=".kg-check.", suffix=".tmp", dir=self.folder)
            os.close(fd)
            os.unlink(tmp)
        except OSError as exc:
            raise write_error(self.folder, exc) from exc

    def _remove_stale(self) -> None:
        """Delete temporary files and folders of earlier builds that were killed (the lock is ours)."""
        for path in self.folder.iterdir():
            if path.name.startswith(".") and path.name.endswith(".tmp"):
                try:
                    if path.is_dir() and not path.is_symlink():
                        shutil.rmtree(path)
                    elif path.is_file():
                        path.unlink()
                except OSError:
                    pass

    def replace_folder(self, name: str, files: dict[str, bytes]) -> None:
        """Replace the subfolder ``name`` with a new one holding ``files``.

        The files are written to a temporary folder ``.<name>.<random>.tmp``
        first, which then takes the old folder's place (two renames), so no
        file of an earlier build is left in it.

        Args:
            name: the subfolder's name (``texts``).
            files: path relative to the subfolder (``/`` between folders) -> bytes.

        Raises:
            KgError: E033 when ``name`` exists and is not a folder; E036 when
                the disk is full, E037 for any other write error (the old
                folder is kept).
        """
        target = self.folder / name
        if target.exists() and not target.is_dir():
            raise KgError("E033", f"{target}: exists and is not a folder; move it away.")
        tmp = old = None
        try:
            tmp = Path(tempfile.mkdtemp(prefix=f".{name}.", suffix=".tmp", dir=self.folder))
            os.chmod(tmp, 0o777 & ~umask())
            for rel, data in sorted(files.items()):
                path = tmp / rel
                if tmp not in path.parents:
                    raise ValueError(f"{rel!r} is not inside the folder")
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
            if target.exists():
                old = Path(tempfile.mkdtemp(prefix=f".{name}-old.", suffix=".tmp", dir=self.folder))
                os.replace(target, old / name)
            os.replace(tmp, target)
            tmp = None
        except OSError as exc:
            if old is not None and not target.exists():
                os.replace(old / name, target)
            raise write_error(target, exc) from exc
        finally:
            for leftover in (tmp, old):
                if leftover is not None:
                    shutil.rmtree(leftover, ignore_errors=True)

    def write(self, files: dict[str, bytes]) -> None:
        """Write every file to a temporary file first, then rename them all into place.

        Args:
            files: file name (in the folder) -> bytes.

        Raises:
            KgError: E036 when the disk is full, E037 for any other write error;
                no temporary file is left and no earlier file is changed.
        """
        temps: list[tuple[str, Path]] = []
        try:
            for name, data in files.items():
                temps.append((name, write_temp(self.folder, name, data)))
            for name, tmp in temps:
                os.replace(tmp, self.folder / name)
            dir_fd = os.open(self.folder, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
        except BaseException as exc:
            for _, tmp in temps:
                try:
                    tmp.unlink()
                except OSError:
                    pass
            if isinstance(exc, OSError):
                raise write_error(self.folder, exc) from exc
            raise
