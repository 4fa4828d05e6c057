"""The detector's model read from its unpacked copy decides exactly as the package's own model does."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import SAMPLE_SENTENCES

from lintkit.analysis.language import model_cache

pytest.importorskip("py3langid")

SENTENCES = [*SAMPLE_SENTENCES, "授業が始まる前に、このページをクラスで共有してください。"]
PAIRS = [("en", "fr"), ("en", "de"), ("en", "es"), ("en", "ja"), ("en", "ru"), ("fr", "en")]


def decisions(identifier) -> list[tuple[str, float]]:
    found = []
    for pair in PAIRS:
        identifier.set_languages(list(pair))
        found.extend(identifier.classify(sentence) for sentence in SENTENCES)
    return found


def test_the_unpacked_model_decides_as_the_packaged_one(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    monkeypatch.setenv("LINTKIT_CACHE_DIR", str(tmp_path))
    packaged = decisions(LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True))
    unpacked = decisions(model_cache.load_identifier())  # the first load unpacks
    assert len(list(tmp_path.iterdir())) == 1
    monkeypatch.setattr(model_cache, "_unpack", lambda model, folder: pytest.fail("unpacked twice"))
    identifier = model_cache.load_identifier()  # the second maps the copy
    assert isinstance(identifier.tk_nextmove, memoryview)
    mapped = decisions(identifier)
    assert unpacked == packaged and mapped == packaged
    assert {language for language, _ in packaged} >= {"en", "fr", "ja"}


def test_an_unwritable_cache_falls_back_to_the_package(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("LINTKIT_CACHE_DIR", str(blocked / "cache"))
    identifier = model_cache.load_identifier()
    identifier.set_languages(["en", "fr"])
    assert identifier.classify(SENTENCES[1])[0] == "fr"
    assert blocked.read_text(encoding="utf-8") == "not a folder"


def test_a_damaged_copy_is_unpacked_again(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("LINTKIT_CACHE_DIR", str(tmp_path))
    model_cache.load_identifier()
    (folder,) = tmp_path.iterdir()
    (folder / "pc.bin").write_bytes(b"")
    identifier = model_cache.load_identifier()
    assert isinstance(identifier.tk_nextmove, memoryview)
    identifier.set_languages(["en", "fr"])
    assert identifier.classify(SENTENCES[0])[0] == "en"
    assert (folder / "pc.bin").stat().st_size > 0


def test_the_cache_folder_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("LINTKIT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert model_cache.cache_root() == tmp_path / "lintkit"
    monkeypatch.setenv("LINTKIT_CACHE_DIR", str(tmp_path / "own"))
    assert model_cache.cache_root() == tmp_path / "own"
