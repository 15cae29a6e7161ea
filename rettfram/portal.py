"""The portal: ``index.html`` beside the sites, listing every municipality built, and
``rules.html``, the rules reference every site's About page links to (published once, not on
every site).

A plain static page (``templates/portal/index.html.j2``): no JavaScript, no external files, in
Norwegian with English alongside (marked ``lang="en"``), with a few figures that can be
compared: population, open vacancies, homes listed, free kindergarten places.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

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


RULES_PAGE = "rules.html"


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
    return _environment().get_template("portal/index.html.j2").render(
        entries=ordered,
        nb=i18n.catalogue("nb"),
        en=i18n.catalogue("en"),
        endonym=lambda lang: i18n.catalogue(lang).t("meta.endonym") if lang in i18n.available() else lang,
    )


def render_rules(rules: Markup | None) -> str:
    """The rules reference (``docs/rules.md``, rendered like copy), published once for every site."""
    return _environment().get_template("portal/rules.html.j2").render(rules=rules, nb=i18n.catalogue("nb"), en=i18n.catalogue("en"))


def write_portal(folder: Path, entries: list[PortalEntry], rules: Markup | None) -> None:
    (folder / "index.html").write_text(render_portal(entries), encoding="utf-8")
    (folder / RULES_PAGE).write_text(render_rules(rules), encoding="utf-8")
