"""``build`` shows progress: one plain line a site in a log, a bar redrawn in place on a terminal."""

from __future__ import annotations

import io

from rettfram.progress import Progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_log_gets_one_plain_line_a_site():
    log = io.StringIO()
    progress = Progress.to(log)
    progress.step(1, 12, "froya: nb, en (1.2 s)")
    progress.step(12, 12, "kvam: nn (0.9 s)")
    assert log.getvalue() == "  [ 1/12] froya: nb, en (1.2 s)\n  [12/12] kvam: nn (0.9 s)\n"


def test_a_terminal_gets_a_bar_redrawn_in_place_and_a_newline_at_the_end():
    terminal = _Terminal()
    progress = Progress.to(terminal)
    progress.step(1, 4, "froya: nb (1.0 s)")
    progress.step(4, 4, "kvam: nn (1.0 s)")
    first, last = terminal.getvalue().split("\r\x1b[2K")[1:]
    assert first == "[1/4] ██████░░░░░░░░░░░░░░░░░░ froya: nb (1.0 s)"
    assert last == "[4/4] ████████████████████████ kvam: nn (1.0 s)\n"


def test_names_cannot_move_the_cursor():
    log = io.StringIO()
    Progress.to(log).step(1, 1, "bad\x1b[2Jname")
    assert "\x1b" not in log.getvalue()
