"""``rettfram.toml``, section ``[lint]``: which rules run and what fails the build.

Keys (all optional):

- ``min_level``: "info" | "warning" | "error": findings below it are not reported (default "info")
- ``fail_on``: "error" | "warning": the lowest severity that fails the run (default "error")
- ``max_warnings``: integer >= 0: more warnings than this fails the run too (default: no limit)
- ``disable``: rule ids or categories ("cliche") to switch off
- ``enable``: rule ids or categories to switch on (rules with ``enabled: false`` are off until
  enabled); a rule id beats a category, and disable beats enable at the same level
- ``strength_max_age``: integer >= 0: a strength whose ``year`` is more years back than this
  gets an ``evidence.strength-old`` warning (default 5)

Validation collects every problem (MkDocs-style) with what was expected and what was received,
instead of stopping at the first.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from rettfram import safe_read
from rettfram.errors import UserError
from rettfram.findings import Category, Severity
from rettfram.lint.pack import CompiledRule
from rettfram.lint.profile_checks import STRENGTH_MAX_AGE
from rettfram.text import Text, join_lines

CONFIG_NAME = "rettfram.toml"
MAX_CONFIG_BYTES = 64 * 1024
KEYS = ("min_level", "fail_on", "max_warnings", "disable", "enable", "strength_max_age")


@dataclass(frozen=True)
class ConfigError:
    key: str
    expected: str
    received: str
    path: str = CONFIG_NAME

    def message(self) -> Text:
        return Text(
            nb=f"{self.path}: [lint].{self.key}: forventet {self.expected}, fikk {self.received}",
            nn=f"{self.path}: [lint].{self.key}: venta {self.expected}, fekk {self.received}",
            en=f"{self.path}: [lint].{self.key}: expected {self.expected}, received {self.received}",
        )


@dataclass(frozen=True)
class LintConfig:
    min_level: Severity = Severity.INFO
    fail_on: Severity = Severity.ERROR
    max_warnings: int | None = None
    disable: tuple[str, ...] = ()
    enable: tuple[str, ...] = ()
    strength_max_age: int = STRENGTH_MAX_AGE
    path: Path | None = None

    def is_active(self, rule: CompiledRule) -> bool:
        category = rule.rule.category.value
        if rule.id in self.disable:
            return False
        if rule.id in self.enable:
            return True
        if category in self.disable:
            return False
        if category in self.enable:
            return True
        return rule.rule.enabled


def _show(value: object) -> str:
    return repr(value) if not isinstance(value, bool) else str(value).lower()


def _severity(data: dict, key: str, allowed: tuple[str, ...], errors: list[ConfigError], path: str) -> Severity | None:
    if key not in data:
        return None
    value = data[key]
    if value in allowed:
        return Severity(value)
    errors.append(ConfigError(key, " | ".join(f"'{a}'" for a in allowed), _show(value), path))
    return None


def _count(data: dict, key: str, errors: list[ConfigError], path: str) -> int | None:
    value = data.get(key)
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        errors.append(ConfigError(key, "et heltall >= 0 / an integer >= 0", _show(value), path))
        return None
    return value


def _id_list(data: dict, key: str, known: Collection[str], errors: list[ConfigError], path: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        errors.append(ConfigError(key, "en liste med regel-id-er / a list of rule ids", _show(value), path))
        return ()
    names = set(known) | {c.value for c in Category}
    for item in value:
        if item not in names:
            close = difflib.get_close_matches(item, sorted(names), n=1, cutoff=0.6)
            hint = f" (mente du / did you mean '{close[0]}'?)" if close else ""
            errors.append(
                ConfigError(key, f"en kjent regel eller kategori / a known rule or category{hint}", _show(item), path)
            )
    return tuple(value)


def parse_config(
    data: object, known_ids: Collection[str], path: str = CONFIG_NAME
) -> tuple[LintConfig, list[ConfigError]]:
    """Validate the whole ``[lint]`` table; every problem becomes one :class:`ConfigError`."""
    errors: list[ConfigError] = []
    if not isinstance(data, dict):
        errors.append(ConfigError("(lint)", "en tabell / a table", _show(data), path))
        return LintConfig(), errors
    for key in data:
        if key not in KEYS:
            close = difflib.get_close_matches(key, KEYS, n=1)
            hint = f" (mente du / did you mean '{close[0]}'?)" if close else ""
            errors.append(
                ConfigError(key, "en av / one of " + ", ".join(KEYS) + hint, "ukjent nøkkel / unknown key", path)
            )
    min_level = _severity(data, "min_level", ("info", "warning", "error"), errors, path)
    fail_on = _severity(data, "fail_on", ("error", "warning"), errors, path)
    max_warnings = _count(data, "max_warnings", errors, path)
    strength_max_age = _count(data, "strength_max_age", errors, path)
    config = LintConfig(
        min_level=min_level or Severity.INFO,
        fail_on=fail_on or Severity.ERROR,
        max_warnings=max_warnings,
        disable=_id_list(data, "disable", known_ids, errors, path),
        enable=_id_list(data, "enable", known_ids, errors, path),
        strength_max_age=STRENGTH_MAX_AGE if strength_max_age is None else strength_max_age,
    )
    return config, errors


def find_config(start: Path) -> Path | None:
    """The nearest ``rettfram.toml`` in ``start`` or a parent folder."""
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


def usable_config(path: Path | None, known_ids: Collection[str]) -> LintConfig:
    """:func:`load_config`, for a command: every error in the file, a line each, raised as one
    UserError (the command cannot run)."""
    config, errors = load_config(path, known_ids)
    if errors:
        raise UserError(join_lines([error.message() for error in errors]))
    return config


def load_config(path: Path | None, known_ids: Collection[str]) -> tuple[LintConfig, list[ConfigError]]:
    """Read ``[lint]`` from ``path`` (defaults when ``path`` is None or has no such section)."""
    if path is None:
        return LintConfig(), []
    shown = str(path)
    try:
        data = tomllib.loads(safe_read.read_below(path, path.parent, MAX_CONFIG_BYTES).decode("utf-8"))
    except safe_read.Unsafe as exc:
        return LintConfig(), [
            ConfigError("(fil / file)", "en vanlig, lesbar fil / a regular, readable file", exc.reason.en, shown)
        ]
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        return LintConfig(), [ConfigError("(fil / file)", "gyldig TOML / valid TOML", str(exc), shown)]
    config, errors = parse_config(data.get("lint", {}), known_ids, shown)
    return LintConfig(**{**config.__dict__, "path": path}), errors
