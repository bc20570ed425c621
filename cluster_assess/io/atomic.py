"""Writing files so that nothing is ever destroyed: the one writer every command uses.

- A regular file is replaced atomically: the new content goes to a temporary file with a unique,
  unpredictable name in the same folder (created with O_EXCL by `tempfile.mkstemp`, so a symbolic
  link planted there is never followed), is flushed to disk, and is renamed over the target only
  when all of it was written. A failed or interrupted run leaves the old file as it was.
- The target keeps its permissions, and its owner and group where the system allows (a root run
  does not hand a user's file to root); a new file gets the usual mode, as `open()` would give.
- A symbolic link is written through: the file it points to is replaced, the link stays.
- A device, FIFO or other non-regular target (`/dev/null`, `/dev/stdout`, a named pipe) is
  written directly; it is never renamed over.
- A failure to write (read-only folder, full disk, no permission) is a `UserError` saying
  "cannot write …", with the old file intact.
- Temporary files are removed when the run is stopped by SIGTERM or SIGHUP (Ctrl-C removes them
  through the usual clean-up).

Reading is bounded in `io.files` (`read_regular`): only regular files, and never more than a limit.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from cluster_assess.errors import UserError
from cluster_assess.i18n import msg

# errors that mean "the file could not be written", wherever they surface (write, flush, close)
_WRITE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS, errno.EACCES, errno.EPERM,
                 errno.ENXIO}

_live: set[str] = set()  # temporary files of writes in progress, removed on SIGTERM/SIGHUP
_handlers_installed = False


def _remove_live_and_die(signum: int, frame: Any) -> None:
    for name in list(_live):
        with contextlib.suppress(OSError):
            os.unlink(name)
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


def _install_handlers() -> None:
    """On first use: remove our temporary files when terminated. Only where nobody else has set a
    handler, and only from the main thread (where Python allows it)."""
    global _handlers_installed
    if _handlers_installed or threading.current_thread() is not threading.main_thread():
        return
    _handlers_installed = True
    for name in ("SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is not None and signal.getsignal(signum) == signal.SIG_DFL:
            signal.signal(signum, _remove_live_and_die)


def cannot_write(path: str | Path, exc: OSError, existed: bool) -> UserError:
    from cluster_assess.io.files import os_reason

    return UserError.single(msg("write_failed_kept" if existed else "write_failed", reason=os_reason(exc)),
                            file=str(path))


def real_target(path: str | Path) -> Path:
    """Where writing `path` lands: the file a symbolic link points to (through every link)."""
    return Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)


def _new_file_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether two names are the same file (through links, `..`, hard links); False if either is missing."""
    try:
        sa, sb = os.stat(a), os.stat(b)
    except (OSError, ValueError):
        return False
    return (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino)


def refuse_inputs(output: str | Path, inputs: Iterable[str | Path], option: str = "--output") -> None:
    """An output that is one of the inputs would destroy it: refuse, naming both."""
    if str(output) == "-" or not os.path.exists(output):
        return
    for name in inputs:
        if str(name) != "-" and same_file(output, name):
            raise UserError.single(msg("write_over_input", name=str(name)), file=str(output), field=option)


@contextmanager
def replacing(path: str | Path, *, expect: os.stat_result | None = None) -> Iterator[Path]:
    """Yield a name to write the new content of `path` to; it becomes `path` only if the block succeeds.

    For a device or FIFO the name yielded is the target itself (written directly). With `expect`,
    the rename happens only if the target is still the file `expect` describes (same inode, size and
    modification time): a change by another program in the meantime is refused, not overwritten."""
    with _atomic(path, expect=expect) as (fd, name, _direct):
        if fd is not None:
            os.close(fd)
        yield Path(name)


@contextmanager
def open_atomic(path: str | Path, mode: str = "w", *, encoding: str | None = "utf-8", newline: str | None = "\n",
                expect: os.stat_result | None = None) -> Iterator[IO[Any]]:
    """`open(path, mode)` for writing, done atomically as `replacing` describes."""
    binary = "b" in mode
    with _atomic(path, expect=expect) as (fd, name, direct):
        kwargs: dict[str, Any] = {} if binary else {"encoding": encoding, "newline": newline}
        if direct:
            handle = open(name, "wb" if binary else "w", **kwargs)  # noqa: SIM115 - closed below
        else:
            handle = os.fdopen(fd, "wb" if binary else "w", **kwargs)  # type: ignore[arg-type]
        try:
            yield handle
            handle.flush()
            if not direct:
                os.fsync(handle.fileno())
        finally:
            handle.close()


def write_bytes(path: str | Path, data: bytes, **kw: Any) -> None:
    with open_atomic(path, "wb", **kw) as handle:
        handle.write(data)


def write_text(path: str | Path, text: str, **kw: Any) -> None:
    with open_atomic(path, "w", **kw) as handle:
        handle.write(text)


@contextmanager
def _atomic(path: str | Path, *, expect: os.stat_result | None) -> Iterator[tuple[int | None, str, bool]]:
    shown = str(path)
    target = real_target(path)
    try:
        st: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise cannot_write(shown, exc, False) from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise UserError.single(msg("out_folder"), file=shown)
    if st is not None and not stat.S_ISREG(st.st_mode):
        # a device, FIFO or socket: write to it as it is; renaming over it would destroy it
        try:
            yield None, str(target), True
        except OSError as exc:
            if exc.errno in _WRITE_ERRNOS:
                raise cannot_write(shown, exc, False) from None
            raise
        return
    existed = st is not None
    folder = target.parent
    _install_handlers()
    import tempfile  # here, not at the top: importing it costs start-up time every command pays

    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".part")
    except OSError as exc:
        raise cannot_write(shown, exc, existed) from None
    _live.add(tmp)
    try:
        with contextlib.suppress(OSError, AttributeError):  # no fchmod on Windows: its default is fine
            os.fchmod(fd, stat.S_IMODE(st.st_mode) if st is not None else _new_file_mode())
        if st is not None and hasattr(os, "fchown") and (st.st_uid, st.st_gid) != os.fstat(fd)[4:6]:
            with contextlib.suppress(OSError):  # keep the owner where we may (as root, say)
                os.fchown(fd, st.st_uid, st.st_gid)
        try:
            yield fd, tmp, False
        except OSError as exc:
            if exc.errno in _WRITE_ERRNOS:
                raise cannot_write(shown, exc, existed) from None
            raise
        if expect is not None:
            try:
                now = os.stat(target)
            except OSError:
                now = None
            if now is None or (now.st_dev, now.st_ino, now.st_size, now.st_mtime_ns) != (
                    expect.st_dev, expect.st_ino, expect.st_size, expect.st_mtime_ns):
                raise UserError.single(msg("write_raced"), file=shown)
        try:
            os.replace(tmp, target)
        except OSError as exc:
            raise cannot_write(shown, exc, existed) from None
    finally:
        _live.discard(tmp)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
