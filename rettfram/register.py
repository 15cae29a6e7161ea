"""The municipality register: all 357 Norwegian municipalities as of 2025.

Data: ``data/register/`` (from aprestmo/norway-geodata, MIT; see SOURCE.md and LICENSE there).
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

REGISTER_DIR = Path(__file__).resolve().parent.parent / "data" / "register"
REGISTER_YEAR = 2025
POPULATION_SOURCE = "SSB tabell 07459, via kommuneregisteret 2025"

Standard = Literal["Bokmål", "Nynorsk", "Nøytral"]


@dataclass(frozen=True)
class RegisteredMunicipality:
    number: str
    name: str
    name_official: str  # the official form; a Sami name where that is official
    county: str
    centre: str
    population: int
    standard: Standard
    website: str

    @property
    def language(self) -> Literal["nb", "nn"]:
        """The site's written standard: Nynorsk → nn; Bokmål and Nøytral → nb."""
        return "nn" if self.standard == "Nynorsk" else "nb"

    @property
    def slug(self) -> str:
        """The site's path: the name, and for a name two municipalities share (Herøy, Våler)
        the county too: ``heroy-more-og-romsdal``, ``heroy-nordland``. Unique in the register."""
        base = slugify(self.name)
        return f"{base}-{slugify(self.county)}" if base in _shared_slugs() else base

    @property
    def folder_name(self) -> str:
        return f"{self.number}-{self.slug}"


def slugify(name: str) -> str:
    """``Frøya`` → ``froya``, ``Nord-Aurdal`` → ``nord-aurdal``, ``Våler`` → ``valer``."""
    table = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "ae", "Ø": "o", "Å": "a"})
    ascii_name = unicodedata.normalize("NFKD", name.translate(table)).encode("ascii", "ignore").decode()
    words = "".join(ch if ch.isalnum() else " " for ch in ascii_name.lower()).split()
    return "-".join(words)


@lru_cache(maxsize=1)
def municipalities() -> dict[str, RegisteredMunicipality]:
    counties = {c["id"]: c["name"] for c in json.loads((REGISTER_DIR / "counties-2025.json").read_text("utf-8"))}
    rows = json.loads((REGISTER_DIR / "municipalities-2025.json").read_text("utf-8"))
    return {
        row["id"]: RegisteredMunicipality(
            number=row["id"],
            name=row["name_no"],
            name_official=row["name"],
            county=counties[row["id"][:2]],
            centre=row["adm_center"],
            population=row["population"],
            standard=row["language"],
            website="https://" + row["url"].removeprefix("https://").removeprefix("http://"),
        )
        for row in rows
    }


def lookup(number: str) -> RegisteredMunicipality | None:
    return municipalities().get(number)


@lru_cache(maxsize=1)
def _shared_slugs() -> frozenset[str]:
    """Names (as slugs) that more than one municipality in the register has."""
    counts = Counter(slugify(m.name) for m in municipalities().values())
    return frozenset(slug for slug, n in counts.items() if n > 1)
