"""The progress bar: drawn on a terminal for long runs only, never in CI or into a pipe."""

from __future__ import annotations

import io

from lintkit.cli.progress import MINIMUM_FILES, ProgressBar, progress_bar


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_shown_on_a_terminal_outside_ci() -> None:
    assert isinstance(progress_bar(Terminal(), environ={}), ProgressBar)


def test_never_in_ci_or_when_stderr_is_not_a_terminal() -> None:
    assert progress_bar(Terminal(), environ={"CI": "true"}) is None
    assert progress_bar(io.StringIO(), environ={}) is None


def test_draws_and_erases_itself() -> None:
    stream = Terminal()
    ticks = iter(range(100))
    bar = ProgressBar(stream, clock=lambda: float(next(ticks)))
    bar(5, 20)
    assert stream.getvalue() == "\rchecking [#######-----------------------] 5/20 files"
    bar(20, 20)
    assert stream.getvalue().endswith("\r\x1b[2K")


def test_small_runs_draw_nothing() -> None:
    stream = Terminal()
    bar = ProgressBar(stream)
    for done in range(1, MINIMUM_FILES):
        bar(done, MINIMUM_FILES - 1)
    assert stream.getvalue() == ""


def test_redraws_at_most_every_tenth_of_a_second() -> None:
    stream = Terminal()
    bar = ProgressBar(stream, clock=lambda: 1.0)
    bar(1, 50)
    bar(2, 50)
    assert stream.getvalue().count("\r") == 1
