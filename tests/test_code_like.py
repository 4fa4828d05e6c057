"""Code written as text, which the untranslated-text rules leave alone, and prose, which they judge."""

from __future__ import annotations

import pytest
from helpers import document

from lintkit.analysis.language.names import MAX_COMMAND_WORDS, is_code_like


def _block(text: str):
    blocks = [block for block in document(text).blocks if block.kind != "front_matter_field"]
    assert len(blocks) == 1, blocks
    return blocks[0]


@pytest.mark.parametrize(
    "text",
    [
        "yarn add @acme/widgets@latest",  # a command with a package
        "pnpm dlx create-thing my/app",  # a command with a path
        "npm run build -- --verbose",  # words and options
        "mode=dev theme=dark",  # settings
        "export default defineConfig({ site: { base: '/docs' } })",  # code marks, few letters
        "import Card from '../components/Card.astro'",  # a module line
        "- **[slug].astro**",  # a file's name in a tree
    ],
)
def test_code_written_as_text_is_code_like(text: str) -> None:
    assert is_code_like(_block(text))


@pytest.mark.parametrize(
    "text",
    [
        "Install the package with your manager of choice.",  # prose: its first word is no command's
        "yarn add then wait for it",  # lowercase words, but nothing a command names (no package, no path)
        # as many words as a command may have, and one more: no command, although it names a path
        " ".join(["run"] * MAX_COMMAND_WORDS + ["a/b"]),
        "Open [the guide](https://example.org/guide) and read (carefully) the first part.",  # link marks
        "A well-known name, spelled with a hyphen, is no option.",
    ],
)
def test_prose_is_not_code_like(text: str) -> None:
    assert not is_code_like(_block(text))


def test_a_command_of_the_most_words_allowed_is_code_like() -> None:
    assert is_code_like(_block(" ".join(["run"] * (MAX_COMMAND_WORDS - 1) + ["a/b"])))
