"""Placeholder until the MDX reader lands: reads MDX as Markdown."""

from lintkit.formats.markdown import MarkdownFormat


class MdxFormat(MarkdownFormat):
    name = "mdx"
