"""Gettext catalogs: `scan` (positions), `catalog` (polib values), `plurals` (Plural-Forms),
`documents` (entries as a FilePair the rules read) and `jobs` (what the engine calls)."""
