#!/usr/bin/env python3
"""Entry point: ``python build.py <command>`` is the same as the ``rettfram`` script."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rettfram.cli import main  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(main())
