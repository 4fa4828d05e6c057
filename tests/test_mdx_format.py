"""The MDX format: what it reads as Markdown, what as MDX syntax, and where everything stands."""

from __future__ import annotations

from pathlib import Path

from helpers import document, run_rule

from lintkit.config import Config
from lintkit.rules import builtin_rules
from lintkit.run.engine import Engine

PAGE = """\
---
title: Hello
---
import Since from '~/components/Since.astro';
import { Tabs,
  TabItem } from '@astrojs/starlight/components';
export const year = 2024;

# Start <Since v="4.0.0" />

Hello {props.name}, see `{not.an.expression}`.

<Tabs>
  <TabItem label="npm">
    ```sh
    npm install astro
    ```
  </TabItem>
  <TabItem label="Other tools">
    Run **this** first.

        still a paragraph, not code
  </TabItem>
</Tabs>

:::tip[Read this]
Inside the aside.
:::

<div style={{ color: 'red' }}>
Markdown *right after* a tag.
</div>
"""


def _blocks(text: str = PAGE) -> list[tuple[str, int, int, str]]:
    page = document(text, "en/page.mdx", "en")
    return [(block.kind, block.span.line, block.span.column, block.text) for block in page.blocks]


def test_esm_jsx_and_asides_are_not_prose_and_indentation_is_layout() -> None:
    assert _blocks() == [
        ("front_matter_field", 2, 8, "Hello"),
        ("heading", 9, 1, "Start"),
        ("paragraph", 11, 1, "Hello {props.name}, see {not.an.expression}."),
        ("component", 14, 3, "npm"),
        ("code", 15, 5, "npm install astro\n"),
        ("component", 19, 3, "Other tools"),
        ("paragraph", 20, 5, "Run this first."),
        ("paragraph", 22, 9, "still a paragraph, not code"),
        ("aside", 26, 1, "Read this"),
        ("paragraph", 27, 1, "Inside the aside."),
        ("paragraph", 31, 1, "Markdown right after a tag."),
    ]


def test_expressions_are_placeholders_and_jsx_double_braces_are_not() -> None:
    page = document(PAGE, "en/page.mdx", "en")
    assert [(p.syntax, p.raw, p.span.line, p.span.column) for p in page.placeholders] == [
        ("mdx", "{props.name}", 11, 7)
    ]


def test_components_and_their_attributes_are_positioned() -> None:
    page = document(PAGE, "en/page.mdx", "en")
    since = page.elements[0]
    assert (since.name, since.flow, since.span.line, since.span.column) == ("Since", False, 9, 9)
    assert [(a.name, a.value, a.span.column) for a in since.attributes] == [("v", "4.0.0", 19)]
    div = next(element for element in page.elements if element.name == "div")
    assert [(a.name, a.kind, a.value) for a in div.attributes] == [("style", "expression", "{ color: 'red' }")]


def test_a_changed_expression_is_an_altered_placeholder_at_its_columns() -> None:
    findings = run_rule("LK103", "Hello {props.name}!\n", "Bonjour {props.nom} !\n", format="mdx")
    assert [(f.span.line, f.span.column, f.span.end_column) for f in findings] == [(1, 9, 20)]
    assert "{props.name}" in findings[0].message


def test_nothing_is_reported_on_import_or_export_lines() -> None:
    source = "import A from './a.astro';\nexport const b = 1;\n\nSome text.\n"
    target = "import A from './a.astro';\nexport const b = 1;\n\nDu texte.\n"
    rules = [rule for rule in builtin_rules() if rule.scope == "file" and rule.reads_format("mdx")]
    from helpers import pair_of

    pair = pair_of(source, target, format="mdx")
    lines = {finding.span.line for rule in rules for finding in rule.check(pair)}
    assert not lines & {1, 2}


def test_mdx_suppression_comments_hide_a_finding(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "fr").mkdir()
    (tmp_path / "en" / "page.mdx").write_text(
        "Hello {props.name}, welcome to the [guide](/guide/).\n\nSee you in 2 days, {props.other}.\n"
    )
    (tmp_path / "fr" / "page.mdx").write_text(
        "{/* lintkit-disable-next-line LK101 -- shown by the layout */}\n"
        "Bonjour, bienvenue dans le [guide](/guide/).\n\nÀ dans 2 jours.\n"
    )
    config = Config(tmp_path, tmp_path / "lintkit.toml", {"select": ("LK101",)})
    result = Engine(config, builtin_rules(), cwd=tmp_path).run()
    assert [(f.path, f.span.line, f.code) for f in result.findings] == [("fr/page.mdx", 4, "LK101")]


def test_text_between_blanked_tags_is_found_again_however_wide_the_gap() -> None:
    # The tags are blanked to spaces for the parser: locating the text must not backtrack over the gap.
    line = (
        "**Type:** `(payload: <code>RewritePayload</code>) => Promise<Response>`; see <a href='#x'>x</a> <kbd>y</kbd>\n"
    )
    page = document(line * 3, "en/page.mdx", "en")
    assert [(block.span.line, block.span.column) for block in page.blocks] == [(1, 1)]


def test_a_fence_line_with_an_info_string_inside_code_does_not_close_it() -> None:
    page = document("```ini\n```ini title=\"x\"\nA=1\n```\n\n{\n  'b': 2\n}\n", "en/page.mdx", "en")
    assert (page.blocks[0].kind, page.blocks[0].span.line) == ("code", 1)
    assert [p.span.line for p in page.placeholders] == [6]
