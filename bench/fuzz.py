"""Fuzz the loader with 10,000 generated inputs and print what it found.

    .venv/bin/python bench/fuzz.py [N]

Prints how many inputs were refused by which rule, how many loaded cleanly, the slowest input,
and any crash (an exception escaping check_target, or a finding without a position).
"""

from __future__ import annotations

import collections
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import HealthCheck, given, settings  # noqa: E402

from tests.foundation.fuzzing import any_input, assert_well_formed, check_bytes  # noqa: E402


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    rules: collections.Counter[str] = collections.Counter()
    crashes: list[tuple[bytes, str]] = []
    slowest = (0.0, b"")
    clean = 0

    with tempfile.TemporaryDirectory() as tmp:

        @settings(max_examples=n, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        @given(any_input)
        def run(content: bytes) -> None:
            nonlocal slowest, clean
            start = time.perf_counter()
            try:
                checked = check_bytes(Path(tmp), content)
                assert_well_formed(checked)
            except Exception as exc:  # report, don't stop: the point is to count
                crashes.append((content, f"{type(exc).__name__}: {exc}"))
                return
            elapsed = time.perf_counter() - start
            if elapsed > slowest[0]:
                slowest = (elapsed, content)
            if not checked.findings:
                clean += 1
            rules.update({f.rule for f in checked.findings})

        started = time.perf_counter()
        run()
        total = time.perf_counter() - started

    print(f"inputs: {n}  time: {total:.1f} s  ({total / n * 1000:.2f} ms each)")
    print(f"loaded without findings: {clean}")
    print(f"slowest input: {slowest[0] * 1000:.1f} ms ({len(slowest[1])} bytes)")
    print("inputs per rule:")
    for rule, count in rules.most_common():
        print(f"  {count:6d}  {rule}")
    print(f"crashes: {len(crashes)}")
    for content, error in crashes[:10]:
        print(f"  {error}\n    input: {content[:200]!r}")
    return 1 if crashes else 0


if __name__ == "__main__":
    raise SystemExit(main())
