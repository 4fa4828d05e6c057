"""Links end to end: local files and anchors through the engine's resolver, configuration, corpus defects."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from helpers import corpus, pair_of

from lintkit.analysis.links.anchors import anchors_of, slug
from lintkit.config import ConfigError, load_config
from lintkit.rules import builtin_rules
from lintkit.run.engine import Engine

LINK_RULES = [rule for rule in builtin_rules() if rule.code.startswith("LK3")]
# A placeholder replaced by a hard-coded link is reported once, by LK101, at the link.
LINK_AND_PLACEHOLDER_RULES = [rule for rule in builtin_rules() if rule.code.startswith(("LK1", "LK3"))]


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


def _link_findings(root: Path) -> list[tuple[str, int, int, str, str]]:
    result = Engine(load_config(cwd=root), LINK_RULES, cwd=root).run()
    return [(f.path, f.span.line, f.span.column, f.code, f.message) for f in result.findings]


def test_local_files_and_anchors_of_other_pages(tmp_path) -> None:
    _write(
        tmp_path,
        {
            "lintkit.toml": 'site-root = "public/{locale}"\n',
            "en/guide.md": """\
                # Guide

                ![Map](img/map.png) and [the kit](/files/kit.pdf).

                See [the first step](steps.md#start) and [the end](steps.md#end).
                """,
            "en/steps.md": "# Steps\n\n## Start\n\n## End\n",
            "en/img/map.png": "png",
            "public/en/files/kit.pdf": "pdf",
            "fr/guide.md": """\
                # Guide

                ![Carte](img/carte.png) et [le kit](/files/kit.pdf).

                Voir [la première étape](steps.md#commencer) et [la fin](steps.md#fin).
                """,
            "fr/steps.md": "# Étapes\n\n## Commencer\n\n## Fin {#end}\n",
        },
    )
    found = [finding for finding in _link_findings(tmp_path) if finding[3] in ("LK310", "LK311")]
    assert [(path, line, code) for path, line, _, code, _ in found] == [
        ("fr/guide.md", 3, "LK310"),  # img/carte.png: neither fr/img nor en/img has it
        ("fr/guide.md", 5, "LK311"),  # fr/steps.md makes #commencer and #end, not #fin
    ]
    assert found[0][4] == "file `img/carte.png` does not exist; the source links to `img/map.png` (source line 3)"
    assert found[1][4] == "anchor `#fin` does not exist in `fr/steps.md`"


def test_root_relative_links_are_not_checked_without_a_site_root(tmp_path) -> None:
    _write(
        tmp_path,
        {
            "lintkit.toml": 'source = "en/{path}"\n',
            "en/page.md": "Get [the kit](/files/kit.pdf).\n",
            "fr/page.md": "Prenez [le kit](/files/kit.pdf).\n",
        },
    )
    assert _link_findings(tmp_path) == []


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('link-map = "https://code.org/"\n', "`link-map` must be a table of strings"),
        ("site-root = 3\n", "`site-root` must be a non-empty string"),
    ],
)
def test_link_configuration_errors(tmp_path, config, message) -> None:
    (tmp_path / "lintkit.toml").write_text(config, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(cwd=tmp_path)


def test_slugs_and_anchors() -> None:
    assert slug("2. Choose a tutorial!") == "2-choose-a-tutorial"
    assert slug("给教育工作者的资源") == "给教育工作者的资源"
    pair = pair_of("# T\n", '## Start\n\n## Start\n\n## Fin {#end}\n\n<a name="top"></a>\n')
    assert set(anchors_of(pair.target)) == {"start", "start-1", "end", "top"}


@pytest.mark.parametrize(
    "target",
    [
        "[[[[[[(((((",
        "]]]]]](((( \\[\\[ ](x",
        "<a href='x\n\n< a\n<img src=\"",
        "[a][b][c][d](e) [f] (g h) ](#) <a <a <a href=>",
        "- [x](" + "(" * 300 + ")" * 300 + ")",
    ],
)
def test_broken_input_gives_findings_not_crashes(target: str) -> None:
    pair = pair_of("Read [the guide](https://example.org/guide) and <a href='/x'>this</a>.\n", target)
    for rule in LINK_RULES:
        list(rule.check(pair))


# Link defects that ../shared/corpus/README.md lists, with the line and the rule that reports each.
CORPUS_DEFECTS = [
    ("hourofcode/ar-SA/how-to/2019.md", 32, "LK309"),  # watch؟v=
    ("hourofcode/ar-SA/how-to/2019.md", 69, "LK302"),  # []({{ urls/inspire }})
    ("hourofcode/es-ES/how-to/afterschool.md", 84, "LK301"),  # http://forum. code. org/
    ("hourofcode/fr-FR/how-to/parents.md", 34, "LK309"),  # editor /? tutorial = music
    ("hourofcode/pl-PL/how-to/index.md", 13, "LK304"),  # <a href="…"</a>
    ("hourofcode/es-ES/how-to/public-officials.md", 27, "LK101"),  # hard-coded one-pager
    ("hourofcode/ja-JP/how-to/public-officials.md", 29, "LK101"),
    ("hourofcode/nl-NL/how-to/public-officials.md", 29, "LK101"),
    ("hourofcode/nl-NL/how-to/parents.md", 19, "LK101"),  # PDF URL for the placeholder
    ("hourofcode/nl-NL/how-to/parents.md", 98, "LK101"),
    ("hourofcode/he-IL/how-to/parents.md", 19, "LK101"),
    ("hourofcode/he-IL/how-to/parents.md", 98, "LK101"),
    ("hourofcode/id-ID/how-to/2019.md", 68, "LK301"),  # watch?v = nKIu9yen5nc
    ("hourofcode/vi-VN/how-to/virtual.md", 38, "LK304"),  # "https: //…"mark ="
    ("hourofcode/uk-UA/how-to/volunteers.md", 123, "LK309"),  # spaces in the medium.com URL
    ("hourofcode/de-DE/how-to/companies.md", 176, "LK304"),  # <a href="https://store.code.org/> … </>
    ("hourofcode/ko-KR/how-to/afterschool.md", 48, "LK302"),  # [](https://www.youtube.com/…)
    ("hourofcode/ko-KR/how-to/afterschool.md", 50, "LK302"),
    ("kubernetes/fr/docs/concepts/overview/working-with-objects/owners-dependents.md", 77, "LK301"),
]


def test_corpus_link_defects_are_reported_at_their_lines() -> None:
    root = corpus()
    reported = set()
    for folder in ("hourofcode", "kubernetes"):
        config = load_config(cwd=root / folder).with_overrides({"source": "en/{path}", "target": "{locale}/{path}"})
        for finding in Engine(config, LINK_AND_PLACEHOLDER_RULES, cwd=root).run().findings:
            reported.add((finding.path, finding.span.line, finding.code))
    missing = [defect for defect in CORPUS_DEFECTS if defect not in reported]
    assert not missing
