"""Writing a file so that no reader ever sees half of it (the twin of ``safe_read``).

:func:`replace_file` writes to a temporary file in the same folder, flushes it to disk and
renames it over the target: the old file or the new one, never a mix. A file that existed keeps
its permissions; a new file, or a symlink in the target's place (replaced, never followed),
gets ``new_mode``.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def replace_file(path: Path, data: bytes, new_mode: int = 0o644) -> None:
    try:
        info = os.lstat(path)
        mode = new_mode if stat.S_ISLNK(info.st_mode) else info.st_mode & 0o7777
    except FileNotFoundError:
        mode = new_mode
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
