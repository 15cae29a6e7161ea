"""The portal: ``index.html`` beside the sites, listing every municipality built.

A plain static page (``templates/portal/index.html.j2``): no JavaScript, no external files, in
Norwegian with English alongside (marked ``lang="en"``), with a few figures that can be
compared: population, open vacancies, homes listed, free kindergarten places.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import jinja2

from rettfram import i18n, site_data
from rettfram.model import Profile
from rettfram.render import TEMPLATES

PORTAL_LANGS = ("nb", "en")


@dataclass(frozen=True)
class PortalEntry:
    summary: site_data.Summary
    slug: str
    languages: tuple[str, ...]

    @classmethod
    def of(cls, profile: Profile, slug: str, languages: list[str], today: dt.date) -> "PortalEntry":
        return cls(site_data.summary(profile, today), slug, tuple(languages))

    def href(self, lang: str) -> str:
        return f"{self.slug}/index.html" if lang == self.languages[0] else f"{self.slug}/{lang}/index.html"


def render_portal(entries: list[PortalEntry]) -> str:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    ordered = sorted(entries, key=lambda e: (e.summary.name, e.summary.number))
    return env.get_template("portal/index.html.j2").render(
        entries=ordered,
        nb=i18n.catalogue("nb"),
        en=i18n.catalogue("en"),
        endonym=lambda lang: i18n.catalogue(lang).t("meta.endonym") if lang in i18n.available() else lang,
    )


def write_portal(path: Path, entries: list[PortalEntry]) -> None:
    path.write_text(render_portal(entries), encoding="utf-8")
