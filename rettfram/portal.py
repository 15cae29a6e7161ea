"""The portal: ``index.html`` beside the sites, listing every municipality built, and
``rules.html``, the rules reference every site's About page links to (published once, not on
every site). ``.rettfram-portal.json`` beside them keeps the portal's lines as data, so that
``merge`` can put the portals of several ``build --shard`` outputs together (``rettfram.merge``).

A plain static page (``templates/portal/index.html.j2``): no JavaScript, no external files, in
Norwegian with English alongside (marked ``lang="en"``), with a few figures that can be
compared: population, open vacancies, homes listed, free kindergarten places.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import typing
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

from rettfram import i18n, site_data
from rettfram.mkdocs_site import SHARED
from rettfram.model import Profile
from rettfram.render import TEMPLATES

PORTAL_LANGS = ("nb", "en")


@dataclass(frozen=True)
class PortalEntry:
    summary: site_data.Summary
    slug: str
    languages: tuple[str, ...]

    @classmethod
    def of(cls, profile: Profile, slug: str, languages: list[str], today: dt.date) -> PortalEntry:
        return cls(site_data.summary(profile, today), slug, tuple(languages))

    def href(self, lang: str) -> str:
        return f"{self.slug}/index.html" if lang == self.languages[0] else f"{self.slug}/{lang}/index.html"

    def as_json(self) -> dict:
        summary = {
            k: v.isoformat() if isinstance(v, dt.date) else v for k, v in dataclasses.asdict(self.summary).items()
        }
        return {"slug": self.slug, "languages": list(self.languages), "summary": summary}

    @classmethod
    def from_json(cls, data: dict) -> PortalEntry:
        """The inverse of :meth:`as_json`; raises ValueError, KeyError or TypeError for anything else."""
        hints = typing.get_type_hints(site_data.Summary)
        values = {}
        for field in dataclasses.fields(site_data.Summary):
            value = data["summary"][field.name]
            if value is not None and dt.date in typing.get_args(hints[field.name]) + (hints[field.name],):
                value = dt.date.fromisoformat(value)
            values[field.name] = value
        slug, languages = data["slug"], data["languages"]
        if not isinstance(slug, str) or not re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug) or slug == SHARED:
            raise ValueError(f"not a site's folder name: {slug!r}")
        if not all(isinstance(lang, str) and re.fullmatch(r"[a-z]{2,3}", lang) for lang in languages):
            raise ValueError(f"not language codes: {languages!r}")
        return cls(site_data.Summary(**values), slug, tuple(languages))


RULES_PAGE = "rules.html"
MANIFEST = ".rettfram-portal.json"


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_portal(entries: list[PortalEntry]) -> str:
    ordered = sorted(entries, key=lambda e: (e.summary.name, e.summary.number))
    return (
        _environment()
        .get_template("portal/index.html.j2")
        .render(
            entries=ordered,
            nb=i18n.catalogue("nb"),
            en=i18n.catalogue("en"),
            endonym=lambda lang: i18n.catalogue(lang).t("meta.endonym") if lang in i18n.available() else lang,
        )
    )


def render_rules(rules: Markup | None) -> str:
    """The rules reference (``docs/rules.md``, rendered like copy), published once for every site."""
    return (
        _environment()
        .get_template("portal/rules.html.j2")
        .render(rules=rules, nb=i18n.catalogue("nb"), en=i18n.catalogue("en"))
    )


def write_portal(folder: Path, entries: list[PortalEntry], rules: Markup | None) -> None:
    (folder / "index.html").write_text(render_portal(entries), encoding="utf-8")
    (folder / RULES_PAGE).write_text(render_rules(rules), encoding="utf-8")
    ordered = sorted(entries, key=lambda e: e.slug)
    (folder / MANIFEST).write_text(
        json.dumps([e.as_json() for e in ordered], ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


def read_entries(folder: Path) -> list[PortalEntry]:
    """The portal's lines a build wrote into ``folder``; raises ValueError when they cannot be read."""
    try:
        data = json.loads((folder / MANIFEST).read_text("utf-8"))
        return [PortalEntry.from_json(item) for item in data]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"{folder / MANIFEST}: {exc}") from exc
