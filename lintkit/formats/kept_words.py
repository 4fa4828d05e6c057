"""Words a translation keeps from English when it is written in another script: names, and loanwords.

In Japanese, Russian or Hebrew text, the Latin words are names, commands and
terms kept as they are (`latin_names`). Japanese also borrows most of its
technical terms from English and writes them by sound (アバター avatar,
スピナー spinner, デプロイ deploy): both spellings keep the word's consonants
in order, once the sounds Japanese merges are merged (l and r, b and v, m and
n before a consonant) and what it drops is dropped (an r after a vowel, w and
y, silent gh). `katakana_keys` and `english_keys` give those keys. The share
of its kept words that the other side has ties a block to its translation
where they share no stem (`kept_words`).
"""

from __future__ import annotations

import re

# the consonant each katakana letter begins with; vowels, ー, ッ and small vowels begin with none
_KANA_CONSONANTS = {
    **dict.fromkeys("カキクケコ", "k"),
    **dict.fromkeys("ガギグゲゴ", "g"),
    **dict.fromkeys("サシスセソザズゼゾ", "s"),
    **dict.fromkeys("ジヂ", "j"),
    **dict.fromkeys("タテトツ", "t"),
    "チ": "c",
    **dict.fromkeys("ダデドヅ", "d"),
    **dict.fromkeys("ナニヌネノン", "n"),
    **dict.fromkeys("マミムメモ", "n"),  # m and n are one sound before a consonant (コンポーネント, component)
    **dict.fromkeys("ハヒヘホ", "h"),
    "フ": "f",
    **dict.fromkeys("バビブベボヴ", "b"),
    **dict.fromkeys("パピプペポ", "p"),
    **dict.fromkeys("ラリルレロ", "r"),
}
KATAKANA_WORD = re.compile(r"[\u30a1-\u30fa\u30fc]{3,}")

# English spellings, longest first, and the consonant Japanese hears in each ("" for none)
_ENGLISH = re.compile(r"tion|sion|ture|tch|ch|sh|th|ph|gh|ck|qu|ng|x|[bcdfghjklmnpqrstvwxyz]|[aeiou]")
_ENGLISH_CONSONANTS = {
    "tion": "sn",
    "sion": "sn",
    "ture": "cr",
    "tch": "c",
    "ch": "c",
    "sh": "s",
    "th": "s",
    "ph": "f",
    "gh": "",
    "ck": "k",
    "qu": "k",
    "ng": "ng",
    "x": "ks",
    "c": "k",
    "q": "k",
    "l": "r",
    "v": "b",
    "m": "n",
    "z": "s",
    "w": "",
    "y": "",
}
_VOWELS = frozenset("aeiou")
_VOWEL_SOUNDS = _VOWELS | {"y"}  # y after a consonant sounds as a vowel (query, library)
MIN_CONSONANTS = 2


def katakana_keys(text: str) -> frozenset[str]:
    """The consonant keys of the katakana words of a text, a word in -ing by its bare word (コーディング, code),
    as English words have theirs."""
    keys = set()
    for word in KATAKANA_WORD.findall(text):
        if word.endswith("ング") and len(word) > 4:
            word = word[:-2]
        key = _collapse("".join(_KANA_CONSONANTS.get(letter, "") for letter in word))
        if len(key) >= MIN_CONSONANTS:
            keys.add(key)
    return frozenset(keys)


_ENGLISH_WORD = re.compile(r"[A-Za-z]{4,}")  # shorter words are mostly function words, with short keys
_INFLECTION = re.compile(r"(?:ations?|ings?|ed|es|s)$")  # Japanese borrows the bare word (components, コンポーネント)


def english_keys(text: str, ignored: frozenset[str] = frozenset()) -> frozenset[str]:
    """The consonant keys of the English words of a text, but those whose first four letters are `ignored`
    (function words): each word's, and its bare word's when it is inflected."""
    keys = set()
    previous: set[str] = set()
    for match in _ENGLISH_WORD.finditer(text):
        word = match.group().lower()
        if word[:4] in ignored:
            previous = set()
            continue
        bare = _INFLECTION.sub("", word)
        found = set()
        for form in {word, bare} if len(bare) >= 3 else {word}:
            found.update(_english_keys(form))
        keys.update(key for key in found if len(key) >= MIN_CONSONANTS)
        # two words Japanese writes as one (local files, ローカルファイル)
        keys.update(_collapse(first + second) for first in previous for second in found)
        previous = found if text[match.end() : match.end() + 1] == " " else set()
    return frozenset(keys)


def _english_keys(word: str) -> set[str]:
    """A word's keys: one, or two where Japanese hears a spelling two ways (th as t or s, di as di or ji)."""
    sounds = _ENGLISH.findall(word)
    keys = [""]
    for index, sound in enumerate(sounds):
        if sound in _VOWELS:
            continue
        following = sounds[index + 1] if index + 1 < len(sounds) else ""
        if sound == "c" and following in ("e", "i", "y"):
            heard = ("s",)  # a soft c
        elif sound == "g" and following in ("e", "i"):
            heard = ("j", "g")  # soft in image (イメージ), hard in target (ターゲット)
        elif sound == "r" and index > 0 and sounds[index - 1] in _VOWELS and not _vowel_after(sounds, index):
            continue  # an r after a vowel is a long vowel in Japanese (server, サーバー)
        elif sound == "th":
            heard = ("s", "t")  # thread スレッド, theme テーマ
        elif sound == "d" and following == "i":
            heard = ("d", "j")  # indicator インジケーター
        elif sound == "ture" and index + 1 == len(sounds):
            heard = ("c",)  # feature フィーチャー
        else:
            heard = (_ENGLISH_CONSONANTS.get(sound, sound),)
        keys = [key + option for key in keys for option in heard][:4]
    return {_collapse(key) for key in keys}


def _vowel_after(sounds: list[str], index: int) -> bool:
    """A vowel follows (y after a consonant sounds as one), other than a silent final e."""
    if index + 1 >= len(sounds) or sounds[index + 1] not in _VOWEL_SOUNDS:
        return False
    return not (sounds[index + 1] == "e" and index + 2 == len(sounds))


def _collapse(key: str) -> str:
    """Doubled consonants as one (ッ doubles the next one; English doubles letters)."""
    return _DOUBLED.sub(r"\1", key)


_DOUBLED = re.compile(r"(.)\1+")


_OTHER_SCRIPT_LETTER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f\u1e00-\u1eff]")  # not of the Latin script
_LETTER = re.compile(r"[^\W\d_]")
NAME_WEIGHT = 0.3


def kept_words(source, target) -> float:
    """When one side (the `similarity.Features` of a block) is written in another script than Latin: the share
    of its words kept from English (its Latin names, and the loanwords Japanese writes in katakana) that the
    other side has, weighted."""
    if (target.names or target.loans) and not (source.names or source.loans):
        kept, other = target, source
    elif (source.names or source.loans) and not (target.names or target.loans):
        kept, other = source, target
    else:
        return 0.0
    shared = len(kept.names & other.stems) + (len(kept.loans & other.english_keys()) if kept.loans else 0)
    return NAME_WEIGHT * shared / (len(kept.names) + len(kept.loans))


def latin_names(text: str, block_stems: frozenset[str]) -> frozenset[str]:
    """In text written in another script than Latin (Japanese, Russian, Hebrew...), a quarter of its letters or
    more, the stems of its Latin words: names, commands and terms kept as they are, which the source has too.
    Empty for text in the Latin script."""
    if text.isascii() or _OTHER_SCRIPT_LETTER.search(text) is None:  # French, Polish, Vietnamese...: Latin
        return frozenset()
    other = len(_OTHER_SCRIPT_LETTER.findall(text))
    if 4 * other < len(_LETTER.findall(text)) or not other:
        return frozenset()
    return frozenset(stem for stem in block_stems if stem.isascii())
