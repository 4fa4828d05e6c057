"""py3langid's decision between two languages, computed from the unpacked model without numpy.

py3langid is naive Bayes over byte n-grams: a state machine walks the text's
UTF-8 bytes and counts the features it meets, and a language's score is the
sum of log(1 + count) times that feature's weight for the language, plus the
language's prior. A check only ever asks "source or target?", so only two
columns of the weight table are read (two runs of `ptc.bin`, one value per
feature met), and importing numpy, about a tenth of a second, is not needed
to check one file.

The arithmetic after the sums is done as py3langid does it, in single
precision (scaling by the square root of the length, the softmax, the folding
of a language's second column): a clear decision then saturates to exactly
1.0 as it does there, so two candidate fragments that both read surely as one
language compare equal here as well. The sums themselves are exact in double
precision and rounded once, where numpy's order of summation may round
differently: probabilities can differ from py3langid's in the sixth decimal.
`benchmarks/detector_parity.py` checks, over every fragment the rules score
in the shared corpus, that no decision differs.
"""

from __future__ import annotations

import json
import math
import mmap
import os
import struct
import unicodedata
from array import array
from functools import lru_cache
from pathlib import Path

_SINGLE = struct.Struct("f")
_HALF = struct.Struct("e")


def single(value: float) -> float:
    """`value` rounded to single precision, as numpy's float32 arithmetic stores every result."""
    return _SINGLE.unpack(_SINGLE.pack(value))[0]


_LOG_COUNTS = [single(math.log1p(count)) for count in range(64)]  # a feature is rarely met more often in a fragment


def _log_count(count: int) -> float:
    return _LOG_COUNTS[count] if count < len(_LOG_COUNTS) else single(math.log1p(count))


class UnsupportedModel(Exception):
    """A model of another shape than py3langid 0.4's (weights not float16): py3langid's own code must read it."""


class TwoLanguageScorer:
    """Scores text for one language against another from the model's files in `folder`."""

    def __init__(self, folder: Path) -> None:
        shape = json.loads((folder / "classes.json").read_text(encoding="utf-8"))
        self.classes: list[str] = shape["classes"]
        self.features: int = shape["features"]
        if shape["ptc"] != "float16":
            raise UnsupportedModel(f"the cached model's weights are {shape['ptc']}, not float16")
        codes, sizes = shape["typecodes"], shape["itemsizes"]
        if any(array(codes[name]).itemsize != sizes[name] for name in codes):
            raise UnsupportedModel("the cached model was written with other integer sizes")
        self.languages = frozenset(self.classes)
        self._nextmove = mapped_numbers(folder / "nextmove.bin", codes["nextmove"])
        self._row = mapped_numbers(folder / "row.bin", codes["row"])
        self._output = mapped_numbers(folder / "output.bin", codes["output"])
        self._weights = mapped_bytes(folder / "ptc.bin")
        if len(self._weights) != len(self.classes) * self.features * _HALF.size:
            raise ValueError("the cached model's weights are incomplete")
        priors = array("f")
        priors.frombytes((folder / "pc.bin").read_bytes())
        if len(priors) != len(self.classes):
            raise ValueError("the cached model is incomplete")
        self._priors = priors.tolist()

    def knows(self, language: str) -> bool:
        return language in self.languages

    @lru_cache(maxsize=4096)  # noqa: B019  (one scorer per process: the cache lives as long as the model)
    def probability(self, text: str, language: str, other: str) -> float | None:
        """How likely `text` is in `language` rather than in `other`; None when either is unknown.

        Answers are kept for the last few thousand questions: a site repeats its
        boilerplate, and trimming a fragment asks about the same words again.
        """
        if not (self.knows(language) and self.knows(other)) or language == other:
            return None
        columns = [index for index, label in enumerate(self.classes) if label in (language, other)]
        found, confidence = self._classify(_encoded(text), columns)
        return confidence if found == language else 1.0 - confidence

    def _classify(self, data: bytes, columns: list[int]) -> tuple[str, float]:
        counts = self._feature_counts(data)
        # no feature at all: equal scores, so a uniform answer, as py3langid gives
        raw = [self._score(counts, column) for column in columns] if counts else [0.0] * len(columns)
        scale = single(1.0 / math.sqrt(len(data) or 1))
        scores = [single(score * scale) for score in raw]
        highest = max(scores)
        exponentials = [single(math.exp(single(score - highest))) for score in scores]
        total = 0.0
        for value in exponentials:
            total = single(total + value)
        shares = [single(value / total) for value in exponentials]
        labels = [self.classes[column] for column in columns]
        first_of: dict[str, int] = {}
        for position, label in enumerate(labels):  # a language's second column (srl for sr) folds into its first
            if label in first_of:
                shares[first_of[label]] = single(shares[first_of[label]] + shares[position])
                shares[position] = 0.0
            else:
                first_of[label] = position
        best = max(range(len(shares)), key=shares.__getitem__)  # the first of equal shares, as argmax
        return labels[best], shares[best]

    def _feature_counts(self, data: bytes) -> dict[int, int]:
        nextmove, row, output = self._nextmove, self._row, self._output
        counts: dict[int, int] = {}
        state = 0
        for byte in data:
            state = nextmove[(row[state] << 8) + byte]
            feature = output[state]
            if feature >= 0:
                counts[feature] = counts.get(feature, 0) + 1
        return counts

    def _score(self, counts: dict[int, int], column: int) -> float:
        """The column's log-likelihood: exact products summed in double precision, rounded once."""
        weights, unpack, base = self._weights, _HALF.unpack_from, column * self.features
        total = math.fsum(
            _log_count(count) * unpack(weights, (base + feature) * 2)[0] for feature, count in counts.items()
        )
        return single(single(total) + self._priors[column])


def _encoded(text: str) -> bytes:
    """The bytes py3langid walks: upper-case text lowered, composed (NFC), UTF-8."""
    if text.isupper():
        text = text.lower()
    return unicodedata.normalize("NFC", text).encode("utf8", errors="surrogatepass")


def mapped_bytes(path: Path) -> memoryview:
    """The file's bytes, mapped: only the pages a text walks through are ever read."""
    with open(path, "rb") as stream:
        if os.fstat(stream.fileno()).st_size == 0:
            raise ValueError(f"{path.name} is empty")
        mapped = mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)
    return memoryview(mapped).cast("B")


def mapped_numbers(path: Path, typecode: str) -> memoryview:
    """The file's numbers, indexed in place."""
    view = mapped_bytes(path)
    if len(view) % array(typecode).itemsize:
        raise ValueError(f"{path.name} is cut short")
    return view.cast(typecode)
