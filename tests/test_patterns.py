"""A pattern made with `on_first_use` is compiled when first asked for, once."""

import re

from lintkit.patterns import on_first_use


def test_the_pattern_is_compiled_on_first_call_and_kept(monkeypatch) -> None:
    compiled = []
    real_compile = re.compile
    monkeypatch.setattr(re, "compile", lambda *args: compiled.append(args) or real_compile(*args))
    words = on_first_use(r"[a-z]+", re.IGNORECASE)
    assert compiled == []  # nothing compiled at definition
    assert words().findall("Ab cD") == ["Ab", "cD"]
    assert words() is words()
    assert compiled == [(r"[a-z]+", re.IGNORECASE)]
