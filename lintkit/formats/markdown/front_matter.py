"""YAML front matter: its metadata, where each key stands, and the text with it blanked.

python-frontmatter strips the text, which would shift every line; it is used
for the metadata only, and the front matter is replaced by spaces of the same
length so offsets, lines and the Markdown parse of the body are unchanged.
"""

from __future__ import annotations

import re

import frontmatter
import yaml

from lintkit.model import FrontMatter, LineIndex, Span
from lintkit.problems import input_problem

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_TOP_LEVEL_KEY = re.compile(r"^([^\s#:][^:]*?)\s*:(?:\s|$)")


def split_front_matter(path: str, text: str, lines: LineIndex) -> tuple[FrontMatter, str, list]:
    """The front matter, and the text with its characters blanked so offsets and lines survive."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return FrontMatter({}, {}), text, []
    block = match.group(0)
    line_count = block.count("\n") + (0 if block.endswith("\n") else 1)
    body = re.sub(r"[^\n]", " ", block) + text[match.end() :]
    span = Span(1, 1, line_count, 4)
    key_lines = {}
    for number, line in enumerate((match.group(1) or "").split("\n"), start=2):
        key = _TOP_LEVEL_KEY.match(line)
        if key:
            key_lines[key.group(1).strip("'\"")] = number
    try:
        data = frontmatter.loads(block).metadata
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        column = mark.column + 1 if mark is not None else 1
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        problem = input_problem(
            "LK903", path, Span.point(line, column), f"the front matter is not valid YAML: {reason}"
        )
        return FrontMatter({}, key_lines, span), body, [problem]
    except Exception as error:  # python-frontmatter raises plain errors for odd documents
        problem = input_problem("LK903", path, Span.point(1), f"the front matter cannot be read: {error}")
        return FrontMatter({}, key_lines, span), body, [problem]
    if not isinstance(data, dict):
        data = {}
    return FrontMatter(dict(data), key_lines, span), body, []
