"""The language detector's model in the form that is cheapest to load: unpacked once, then mapped from disk.

py3langid ships its model as an LZMA-compressed archive; unpacking it costs
about half a second, more than checking one changed file. The first run that
needs the detector unpacks it into a cache folder (`LINTKIT_CACHE_DIR`, else
`$XDG_CACHE_HOME/lintkit`, else `~/.cache/lintkit`) as plain arrays; every later
run maps those files into memory and reads only the pages it touches: the
state machine's rows the text walks through and the two languages' columns.
The numbers are py3langid's own, unchanged; a run reads them through
`scorer.py`, which needs no numpy. The cache is named after the model file's
size and time, so a new model is unpacked again; when the folder cannot be
written, the model is read from the package by py3langid itself, as before.
"""

from __future__ import annotations

import json
import os
from array import array
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from lintkit.analysis.language.scorer import TwoLanguageScorer, UnsupportedModel, mapped_numbers
from lintkit.cache_folder import cache_root

__all__ = ["cache_root", "load_identifier", "load_scorer"]

_MODEL_FILE = Path("data") / "model.npz.xz"  # py3langid's MODEL_FILE, found without importing py3langid (numpy)

_FORMAT = 1  # bump when the files below change shape


def load_scorer() -> TwoLanguageScorer | None:
    """The numpy-free scorer over the unpacked model (unpacking it first if needed); None when it cannot be had."""
    model = _packaged_model()
    if model is None:
        return None
    folder = _folder_for(model)
    for attempt in range(2):
        try:
            if not (folder / "classes.json").is_file():
                _unpack(model, folder)
            return TwoLanguageScorer(folder)
        except UnsupportedModel:  # a sound copy of a model this scorer does not read: py3langid reads it
            return None
        except (ValueError, KeyError, TypeError):  # a damaged copy (a file cut short): unpack it again, once
            if attempt:
                return None
            _remove(folder)
        except OSError:  # read-only home, full disk: the caller falls back to py3langid's own loading
            return None
    return None


def _remove(folder: Path) -> None:
    """A damaged or half-built copy; shutil is loaded only then."""
    import shutil

    shutil.rmtree(folder, ignore_errors=True)


def _packaged_model() -> Path | None:
    spec = find_spec("py3langid")
    if spec is None or not spec.submodule_search_locations:
        return None
    model = Path(next(iter(spec.submodule_search_locations))) / _MODEL_FILE
    return model if model.is_file() else None


def load_identifier() -> Any:
    """py3langid's identifier with normalised probabilities, from the cache when it can be used."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    model = MODEL_DIR / MODEL_FILE
    folder = _folder_for(model)
    try:
        if not (folder / "classes.json").is_file():
            _unpack(model, folder)
        try:
            return _mapped(folder, LanguageIdentifier)
        except ValueError:  # a damaged copy (a file cut short): unpack it again, once
            _remove(folder)
            _unpack(model, folder)
            return _mapped(folder, LanguageIdentifier)
    except (OSError, ValueError):  # read-only home, full disk, a damaged cache: the package's model still works
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _folder_for(model: Path) -> Path:
    stat = model.stat()
    return cache_root() / f"langid-{_FORMAT}-{stat.st_size}-{stat.st_mtime_ns}"


def _unpack(model: Path, folder: Path) -> None:
    """Write the model's arrays as raw files into a new folder, then move the folder into place in one step."""
    import tempfile

    import numpy as np
    from py3langid.modelio import load_model

    from lintkit.atomic import write_atomic

    ptc, pc, classes, nextmove, row, output = load_model(model)
    folder.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        # One language's scores per row, so that two languages are two contiguous runs of the file.
        write_atomic(building / "ptc.bin", np.ascontiguousarray(np.asarray(ptc).T).tobytes())
        write_atomic(building / "pc.bin", np.asarray(pc, dtype=np.float32).tobytes())
        write_atomic(building / "nextmove.bin", nextmove.tobytes())
        write_atomic(building / "row.bin", row.tobytes())
        write_atomic(building / "output.bin", array("i", output).tobytes())
        shape = {
            "classes": classes,
            "features": int(np.asarray(ptc).shape[0]),
            "ptc": str(np.asarray(ptc).dtype),
            "typecodes": {"nextmove": nextmove.typecode, "row": row.typecode, "output": "i"},
            "itemsizes": {"nextmove": nextmove.itemsize, "row": row.itemsize, "output": array("i").itemsize},
        }
        write_atomic(building / "classes.json", json.dumps(shape))  # written last: its presence means complete
        try:
            os.rename(building, folder)
        except OSError:  # another process finished first: its copy is as good
            if not (folder / "classes.json").is_file():
                raise
    finally:
        _remove(building)


def _mapped(folder: Path, identifier_class: Any) -> Any:
    import numpy as np

    shape = json.loads((folder / "classes.json").read_text(encoding="utf-8"))
    classes, features = shape["classes"], shape["features"]
    by_language = np.memmap(folder / "ptc.bin", dtype=shape["ptc"], mode="r", shape=(len(classes), features))
    codes, sizes = shape["typecodes"], shape["itemsizes"]
    if any(array(codes[name]).itemsize != sizes[name] for name in codes):
        raise ValueError("the cached model was written with other integer sizes")
    pc = np.fromfile(folder / "pc.bin", dtype=np.float32)
    if pc.shape != (len(classes),):
        raise ValueError("the cached model is incomplete")
    return identifier_class(
        by_language.T,  # features x languages, as py3langid holds it; choosing two languages reads two rows
        pc,
        classes,
        mapped_numbers(folder / "nextmove.bin", codes["nextmove"]),
        mapped_numbers(folder / "output.bin", codes["output"]),
        norm_probs=True,
        tk_row=mapped_numbers(folder / "row.bin", codes["row"]),
    )
