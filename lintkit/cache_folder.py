"""Where lintkit keeps what it can rebuild but would rather not on every run (the language model, parsed packs).

`LINTKIT_CACHE_DIR`, else `$XDG_CACHE_HOME/lintkit`, else `~/.cache/lintkit`.
Everything kept there is named after what it was built from, so a stale entry
is never read, and every reader falls back to building it when the folder is
missing, damaged or cannot be written.
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_root() -> Path:
    configured = os.environ.get("LINTKIT_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "lintkit"
