"""MDX pages (Astro Starlight, Docusaurus, Next.js): Markdown with ESM, JSX and expressions."""

from lintkit.formats.mdx.format import MdxFormat

__all__ = ["MdxFormat"]
