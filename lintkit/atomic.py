"""Writing files so that a reader never sees half of one: a temporary file beside the target, then a rename.

A run killed while writing, or a full disk, leaves the old file (or none), never
a truncated one that the next run would fail to read.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: str | bytes, encoding: str = "utf-8") -> None:
    """Replace `path` with `data` in one step; the temporary file is removed when anything fails."""
    path = Path(path)
    payload = data.encode(encoding) if isinstance(data, str) else data
    folder = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
