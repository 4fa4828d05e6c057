"""English loanwords written in katakana and their English words share consonant keys."""

from __future__ import annotations

import pytest

from lintkit.formats.kept_words import english_keys, katakana_keys


@pytest.mark.parametrize(
    ("katakana", "english"),
    [
        ("アバター", "avatar"),  # final r: a long vowel
        ("サーバー", "servers"),  # r before a consonant, v as b, the plural
        ("コンポーネント", "components"),  # m as n
        ("インタラクション", "interaction"),  # -tion
        ("インジケーター", "indicator"),  # di heard as ji
        ("テーマ", "theme"),  # th heard as t
        ("イメージ", "image"),  # a soft g
        ("ターゲット", "target"),  # a hard one
        ("フィーチャー", "feature"),
        ("ローカルファイル", "local files"),  # two words written as one
    ],
)
def test_a_loanword_shares_a_key_with_its_english_word(katakana, english):
    assert katakana_keys(katakana) & english_keys(english)


@pytest.mark.parametrize(
    ("katakana", "english"),
    [("アバター", "server"), ("スピナー", "placeholder"), ("デプロイ", "interaction"), ("モード", "build")],
)
def test_other_words_share_none(katakana, english):
    assert not katakana_keys(katakana) & english_keys(english)


def test_function_words_and_short_words_give_no_key():
    assert english_keys("with them and the", frozenset({"with", "them"})) == frozenset()
    assert katakana_keys("デモ") == frozenset()  # two letters: too short to tell


def test_a_word_in_ing_is_keyed_by_its_bare_word():
    assert katakana_keys("コーディング") & english_keys("how to code")
    assert katakana_keys("ストリング") & english_keys("strings")
