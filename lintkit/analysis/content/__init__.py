"""Content parity: what a translation lost, added or changed inside its blocks.

The analyses here are shared by the LK7xx rules and by LK206: prose runs of a
block with placeholders blanked (`prose.py`), numbers read in any locale's
notation (`numbers.py`), code spans compared as multisets (`inline_code.py`),
code split into tokens (`code_tokens.py`) and the runs of blocks that have no
counterpart on the other side (`blocks.py`).
"""
