"""Reading a content rule's settings: the default is the one declared in `config.KEYS`."""

from __future__ import annotations

from typing import Any

from lintkit.config import setting
from lintkit.model import FilePair


def option(pair: FilePair, key: str) -> Any:
    """The configured value of `key`, or its declared default when the pair was built without it (tests)."""
    return setting(pair, key)
