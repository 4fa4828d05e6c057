"""What of a link's destination a translation keeps: the address without its locale, and the page it names.

Translations link the source's pages under their own locale (`/fr/docs/x`),
and sometimes the same page by another address (another wiki's language, a
fixed typo): the alignment and the content rules compare links by these.
"""

from __future__ import annotations

import re

_LOCALE_SEGMENT = re.compile(r"^/[a-z]{2,3}(?:-[A-Za-z]{2,4})?(?=/)")


def link_page(url: str) -> str | None:
    """The last part of a link's path (`disruptions` of `/docs/concepts/workloads/pods/disruptions/`): what stays
    when a translation links the same page by another address, or the source has a typo in the rest."""
    path = url.split("#", 1)[0]
    if "?" in path:
        return None  # the query names the page (`watch?v=`), not the path
    last = path.rstrip("/").rsplit("/", 1)[-1]
    return last.lower() if len(last) >= 3 and not last.lower().startswith("index.") else None


def destination_key(url: str) -> str:
    """A link destination as translations keep it: `/fr/docs/x` is the source's `/docs/x`."""
    return _LOCALE_SEGMENT.sub("", url)
