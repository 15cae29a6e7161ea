"""Scaffold a new municipality folder from the register: ``rettfram new NUMBER``.

Writes ``<number>-<slug>/profile.yaml`` (register facts filled in, every other section empty
with a Norwegian comment that says what to fill in and why) and ``copy/<lang>/home.md``.
The folder is written under a temporary name and renamed into place, so a failure leaves
nothing half-written, and an existing folder is never overwritten.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from rettfram import register
from rettfram.errors import UserError
from rettfram.text import Text

REPO = Path(__file__).resolve().parent.parent
TEMPLATES = REPO / "templates" / "scaffold"
SCHEMA = REPO / "schema" / "profile.schema.json"
_YAML_SPECIAL = set(":#'\"{}[],&*!|>%@`")


class ScaffoldError(UserError):
    """The folder cannot be made (an unknown number, a folder that exists)."""


@dataclass(frozen=True)
class Scaffolded:
    folder: Path
    files: list[Path]


def _yaml_text(value: str) -> str:
    if any(ch in _YAML_SPECIAL for ch in value) or value != value.strip():
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return value


def scaffold(number: str, into: Path, today: dt.date) -> Scaffolded:
    entry = register.lookup(number)
    if entry is None:
        raise ScaffoldError(
            Text(
                f"«{number}» er ikke et kommunenummer i registeret (2025). Nummeret har fire siffer, f.eks. 5014.",
                f"'{number}' is not a municipality number in the register (2025). Numbers have four digits, e.g. 5014.",
                f"«{number}» er ikkje eit kommunenummer i registeret (2025). Nummeret har fire siffer, t.d. 5014.",
            )
        )
    folder = into / entry.folder_name
    if folder.exists():
        raise ScaffoldError(
            Text(
                f"«{folder}» finnes allerede; ingenting er endret.",
                f"'{folder}' already exists; nothing was changed.",
                f"«{folder}» finst allereie; ingenting er endra.",
            )
        )
    env = Environment(
        loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, keep_trailing_newline=True, autoescape=False
    )
    context = {
        "m": _Display(entry),
        "today": today.isoformat(),
        "schema_path": Path(os.path.relpath(SCHEMA, folder.resolve())).as_posix(),
        "population_source": register.POPULATION_SOURCE,
        "register_year": register.REGISTER_YEAR,
    }
    files = {
        Path("profile.yaml"): env.get_template(f"profile.{entry.language}.yaml.j2").render(context),
        Path("copy") / entry.language / "home.md": env.get_template("home.md.j2").render(context),
    }
    into.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{entry.folder_name}-", dir=into))
    try:
        for relative, content in files.items():
            (staging / relative).parent.mkdir(parents=True, exist_ok=True)
            (staging / relative).write_text(content, encoding="utf-8")
        staging.rename(folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return Scaffolded(folder, [folder / r for r in files])


class _Display:
    """The register entry as the template needs it: names ready to stand in YAML."""

    def __init__(self, entry: register.RegisteredMunicipality):
        self.number = entry.number
        self.name = _yaml_text(entry.name)
        self.county = _yaml_text(entry.county)
        self.standard = entry.standard
        self.language = entry.language
        self.website = entry.website
        self.population = entry.population
