"""Atomic files (:func:`write_atomic`) and the output folder of ``kg build``: one writer at a time, all or nothing.

A build takes an exclusive lock on ``OUTDIR/.kg-build.lock`` (filelock:
``flock`` on POSIX, ``LockFileEx`` on Windows; released when the process ends,
even on SIGKILL; the file is removed when the build ends, so none is left
behind), checks that the folder is
writable before any NLP work, removes temporary files that a killed build left
behind, and writes every output file to a temporary file in the same folder
(``.<name>.<random>.tmp``, flushed and fsync'ed) before renaming them all into
place with ``os.replace`` (atomic on POSIX), so a reader sees either the
previous output or the new one, never a half-written file.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from pathlib import Path

from filelock import FileLock, Timeout

from ..errors import Errors, KgError


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


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder
    and ``os.replace``, so that a reader never sees a half-written file.

    Raises:
        OSError: when the folder is not writable or the disk is full; the
            previous file, if any, is left intact.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = write_temp(path.parent, path.name, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


LOCK_NAME = ".kg-build.lock"


def write_error(path: Path, exc: OSError) -> KgError:
    """A :class:`KgError` for a failed write: E036 when the disk (or quota,
    or file-size limit) is full, E037 otherwise."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return KgError(Errors.E036, path=path, reason=exc.strerror)
    return KgError(Errors.E037, path=path, reason=exc.strerror)


#: Seconds a build waits for the lock: enough to step over a build that is
#: removing its lock file (:meth:`OutputFolder.close`), short enough that a
#: build running in the folder is refused at once.
LOCK_WAIT = 0.25


def _lock(folder: Path, lock: Path) -> FileLock:
    """Take an exclusive lock on ``lock`` (filelock: ``flock`` on POSIX,
    ``LockFileEx`` on Windows), waiting at most :data:`LOCK_WAIT` seconds.

    The holder removes the lock file before releasing it
    (:meth:`OutputFolder.close`); filelock does not count a lock taken on a
    file that was removed meanwhile, and opens the path again.

    Returns:
        The held lock.

    Raises:
        KgError: E038 when another build holds the lock; E036/E037 when the
            lock file cannot be created.
    """
    held = FileLock(lock, timeout=LOCK_WAIT, mode=0o644)
    try:
        held.acquire()
    except Timeout:
        raise KgError(Errors.E038, path=folder) from None
    except OSError as exc:
        raise write_error(folder, exc) from exc
    return held


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
        self._lock_path = folder / LOCK_NAME
        self._held: FileLock | None = None

    def __enter__(self) -> OutputFolder:
        return self if self._held is not None else self.acquire()

    def acquire(self) -> OutputFolder:
        """Create, lock and check the folder; remove stale temporary files.

        Raises:
            KgError: see the class.
        """
        folder = self.folder
        if folder.exists() and not folder.is_dir():
            raise KgError(Errors.E033, path=folder)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise write_error(folder, exc) from exc
        self._held = _lock(folder, self._lock_path)
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
        """Remove the lock file, then release the lock (no lock file is left behind)."""
        if self._held is not None:
            try:
                os.unlink(self._lock_path)  # still ours: a build that locks it now does not count it (see _lock)
            except OSError:
                pass
            self._held.release()
            self._held = None

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

    def write(self, files: dict[str, bytes], folders: dict[str, dict[str, bytes]] | None = None) -> None:
        """Write every file (and every subfolder's files) to temporary files
        first, then rename them all into place.

        A subfolder is written whole to a temporary folder
        ``.<name>.<random>.tmp``, which takes the old subfolder's place (two
        renames, just before the files'), so no file of an earlier build stays
        in it.

        Args:
            files: file name (in the folder) -> bytes.
            folders: subfolder name (``texts``) -> {path relative to it, ``/``
                between folders -> bytes}.

        Raises:
            KgError: E033 when a subfolder's name is taken by a file; E036 when
                the disk is full, E037 for any other write error; no temporary
                file is left and no earlier file is changed.
        """
        temps: list[tuple[str, Path]] = []
        staged: list[tuple[str, Path]] = []
        old: list[tuple[str, Path]] = []
        for name in folders or {}:
            target = self.folder / name
            if target.exists() and not target.is_dir():
                raise KgError(Errors.E033, path=target)
        try:
            for name, tree in (folders or {}).items():
                staged.append((name, _stage_folder(self.folder, name, tree)))
            for name, data in files.items():
                temps.append((name, write_temp(self.folder, name, data)))
            for name, tmp in staged:
                target = self.folder / name
                if target.exists():
                    old.append((name, Path(tempfile.mkdtemp(prefix=f".{name}-old.", suffix=".tmp", dir=self.folder))))
                    os.replace(target, old[-1][1] / name)
                os.replace(tmp, target)
            staged = []
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
            for _, tmp in staged:
                shutil.rmtree(tmp, ignore_errors=True)
            for name, keep in old:  # put an earlier subfolder back if its new one is not in place
                if not (self.folder / name).exists() and (keep / name).exists():
                    os.replace(keep / name, self.folder / name)
            if isinstance(exc, OSError):
                raise write_error(self.folder, exc) from exc
            raise
        finally:
            for _, leftover in old:
                shutil.rmtree(leftover, ignore_errors=True)


def _stage_folder(folder: Path, name: str, tree: dict[str, bytes]) -> Path:
    """Write ``tree`` into a new temporary folder ``.<name>.<random>.tmp`` in
    ``folder`` (the mode ``mkdir`` would give) and return it; removed again
    when a write fails.

    Raises:
        OSError: when a file cannot be written.
        ValueError: when a relative path leads out of the folder.
    """
    tmp = Path(tempfile.mkdtemp(prefix=f".{name}.", suffix=".tmp", dir=folder))
    try:
        os.chmod(tmp, 0o777 & ~umask())
        for rel, data in sorted(tree.items()):
            path = tmp / rel
            if tmp not in path.parents or ".." in Path(rel).parts:
                raise ValueError(f"{rel!r} is not inside the folder")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return tmp
