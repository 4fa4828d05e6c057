"""The placeholder and heading defects that the corpus README lists are reported at their lines."""

from __future__ import annotations

from functools import cache

import pytest
from helpers import corpus

from lintkit.config import Config
from lintkit.rules import builtin_rules
from lintkit.run.engine import Engine

# (translation, line, code): the defects the corpus README names, in its words.
LISTED = [
    ("de-DE/how-to/2019.md", 92, "LK104"),  # ({{ urls/learn }}})
    ("de-DE/how-to/2019.md", 106, "LK104"),  # ({{ urls/promote_stickers }}})
    ("ar-SA/how-to/public-officials.md", 31, "LK103"),  # {{ promotion/sample_emails }}
    ("ar-SA/how-to/districts.md", 21, "LK103"),  # {{ hoc Logistics plan }}
    ("ar-SA/how-to/districts.md", 17, "LK103"),  # {{promotion / stats_url}} in an <a href>
    ("es-ES/how-to/public-officials.md", 35, "LK104"),  # (%= resolve_url('/promote/press-kit') %)
    ("de-DE/how-to/events.md", 21, "LK104"),  # (%= ... %)
    ("de-DE/how-to/afterschool.md", 84, "LK104"),  # (%= ... %)
    ("es-ES/how-to/public-officials.md", 27, "LK101"),  # (/files/hoc-one-pager.pdf) for the placeholder
    ("ja-JP/how-to/public-officials.md", 29, "LK101"),  # same
    ("de-DE/how-to/afterschool.md", 17, "LK204"),  # ## Wähle eine Lektion (source: ## 2. Choose a tutorial)
    ("ar-SA/how-to/districts.md", 15, "LK205"),  # ### 1- ...
    ("uk-UA/how-to/volunteers.md", 176, "LK103"),  # ({{ promo/resources stickers }})
    ("de-DE/how-to/companies.md", 124, "LK104"),  # ({{{ promote/resources_stickers }})
    ("nl-NL/how-to/parents.md", 19, "LK101"),  # hard-coded PDF link for the placeholder
    ("nl-NL/how-to/parents.md", 98, "LK101"),
    ("he-IL/how-to/parents.md", 19, "LK101"),
    ("he-IL/how-to/parents.md", 98, "LK101"),
    ("nl-NL/how-to/public-officials.md", 29, "LK101"),  # (/files/hoc-one-pager.pdf)
    ("ru-RU/how-to/afterschool.md", 13, "LK104"),  # (%= codeorg_url('/volunteer/local') %)
    ("zh-CN/how-to/afterschool.md", 84, "LK104"),  # (%= codeorg_url('/learn/beyond') %)
    ("ko-KR/how-to/afterschool.md", 84, "LK104"),
    ("pt-BR/how-to/afterschool.md", 84, "LK104"),
    ("ja-JP/how-to/parents.md", 43, "LK203"),  # <h2>  2）事前準備  </h2>
    ("ja-JP/how-to/parents.md", 65, "LK205"),  # ## 3）
    ("he-IL/how-to/afterschool.md", 64, "LK205"),  # ## 5. then ## 6)
    ("he-IL/how-to/companies.md", 76, "LK205"),
]


@cache
def _reported() -> frozenset[tuple[str, int, str]]:
    folder = corpus() / "hourofcode"
    config = Config(folder, None, {"select": ("LK1", "LK2", "LK9")})
    result = Engine(config, builtin_rules(), cwd=folder).run()
    return frozenset((finding.path, finding.span.line, finding.code) for finding in result.findings)


@pytest.mark.parametrize(("path", "line", "code"), LISTED, ids=[f"{p}:{line}" for p, line, _ in LISTED])
def test_listed_defect_is_reported_at_its_line(path: str, line: int, code: str) -> None:
    assert (path, line, code) in _reported()


def test_kubernetes_shortcode_defects() -> None:
    folder = corpus() / "kubernetes"
    config = Config(folder, None, {"select": ("LK1", "LK2")})
    found = {(f.path, f.span.line, f.code) for f in Engine(config, builtin_rules(), cwd=folder).run().findings}
    page = "fr/docs/concepts/workloads/pods/pod-qos.md"
    assert (page, 11, "LK103") in found  # text="Containers » term_id="container »
    assert (page, 61, "LK103") in found  # {{% rubrique « whatsnext » %}}
    assert (page, 1, "LK207") in found  # titre: and poids: instead of title: and weight:


# The pages the corpus README lists as mostly untranslated English, and the line of their one LK401 finding.
MOSTLY_ENGLISH = [
    ("fr-FR/how-to/public-officials.md", 7),
    ("ja-JP/how-to/public-officials.md", 9),
    ("pt-BR/how-to/public-officials.md", 27),
    ("fr-FR/how-to/districts.md", 7),
    ("ja-JP/how-to/districts.md", 9),
    ("ar-SA/how-to/virtual.md", 7),
    ("hi-IN/how-to/public-officials.md", 7),
    ("hi-IN/how-to/events.md", 7),
    ("he-IL/how-to/virtual.md", 2),
    ("he-IL/how-to/parents.md", 7),
    ("nl-NL/how-to/parents.md", 7),
    ("zh-CN/how-to/index.md", 9),
    ("vi-VN/how-to/index.md", 9),
    ("ko-KR/how-to/index.md", 9),
    ("tr-TR/how-to/index.md", 9),
    ("ru-RU/how-to/index.md", 9),
    ("uk-UA/how-to/events.md", 7),
]


@cache
def _untranslated() -> dict[str, list[tuple[int, str]]]:
    folder = corpus() / "hourofcode"
    config = Config(folder, None, {"select": ("LK401",)})
    found: dict[str, list[tuple[int, str]]] = {}
    for finding in Engine(config, builtin_rules(), cwd=folder).run().findings:
        found.setdefault(finding.path, []).append((finding.span.line, finding.message))
    return found


@pytest.mark.parametrize(("path", "line"), MOSTLY_ENGLISH, ids=[path for path, _ in MOSTLY_ENGLISH])
def test_a_mostly_english_page_is_one_finding_at_its_first_english_block(path: str, line: int) -> None:
    findings = _untranslated()[path]
    assert findings[0][0] == line
    assert findings[0][1].startswith("page is largely untranslated: ")
    assert [message for _, message in findings].count(findings[0][1]) == 1
