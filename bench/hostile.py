"""How fast each hostile profile is refused (never a pass/fail: it prints figures).

    .venv/bin/python bench/hostile.py
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rettfram.check import check_target  # noqa: E402
from rettfram.discover import Target  # noqa: E402
from tests.foundation.hostile_cases import CASES  # noqa: E402

REPEAT = 5


def main() -> None:
    today = dt.date(2026, 11, 21)
    print(f"{'case':24} {'bytes':>9} {'best ms':>9}  rule")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "5014-froya"
        folder.mkdir()
        path = folder / "profile.yaml"
        for case in CASES:
            path.write_bytes(case.content)
            best = float("inf")
            for _ in range(REPEAT):
                start = time.perf_counter()
                checked = check_target(Target(path, folder), today)
                best = min(best, time.perf_counter() - start)
            rules = ",".join(sorted({f.rule for f in checked.findings}))
            print(f"{case.id:24} {len(case.content):9d} {best * 1000:9.2f}  {rules}")


if __name__ == "__main__":
    main()
