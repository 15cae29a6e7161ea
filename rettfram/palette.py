"""Each site's colours: one dark primary colour per municipality, AA against white both ways.

The profile has no colour field yet, so a municipality gets a colour from this list by a hash
of its number (stable across builds). Every colour here has at least 4.5:1 contrast with white,
so white header text on it and links in it on a white page both pass WCAG AA (a test checks).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

PRIMARIES = (
    "#1f4e79",  # fjord blue
    "#0b5d6b",  # petrol
    "#2d5e3e",  # spruce green
    "#7a2e39",  # lingonberry
    "#5b3f8c",  # heather
    "#8a4500",  # birch bark
    "#3d4f66",  # slate
    "#6b3a5b",  # plum
)


@dataclass(frozen=True)
class Colours:
    primary: str
    dark: str  # hover and focus accents

    @property
    def chart(self) -> str:
        return self.primary


def colours_for(number: str) -> Colours:
    index = int(hashlib.sha256(number.encode("utf-8")).hexdigest(), 16) % len(PRIMARIES)
    primary = PRIMARIES[index]
    return Colours(primary, darken(primary, 0.25))


def darken(colour: str, amount: float) -> str:
    r, g, b = _rgb(colour)
    return "#" + "".join(f"{round(c * (1 - amount)):02x}" for c in (r, g, b))


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio between two #rrggbb colours."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _luminance(colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
