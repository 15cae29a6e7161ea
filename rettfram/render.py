"""Profile + copy → the Markdown pages of one site language, through Jinja2 templates.

``templates/pages/<page>.md.j2`` holds each page type; ``templates/partials/`` the pieces they
share (the sample-data notice, a chart with its table, a data table). Every value a template
prints is text (``markdown_safe``, Jinja's ``finalize``): a profile value can become neither
HTML nor Markdown, wherever it stands. Copy arrives rendered from the one parse
(``rettfram.copy_html``) and is the only markup that is not ours. Words come from the
language's catalogue (``rettfram.i18n``); nothing here is in a particular language.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

from rettfram import accessibility, chart_specs, copy_html, copy_markdown, disk_cache, site_data
from rettfram.charts import Chart, ChartRenderer
from rettfram.copy_html import render_copy
from rettfram.copy_markdown import ParsedCopy, parse
from rettfram.escape import page_text
from rettfram.i18n import Catalogue, catalogue
from rettfram.local_text import LocalText, shown
from rettfram.model import Profile
from rettfram.pages import PAGES
from rettfram.palette import Colours

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@dataclass(frozen=True)
class RenderedPage:
    name: str
    filename: str
    title: str  # the navigation title
    markdown: str
    late: dict[str, str]  # marker in ``markdown`` → the HTML put in its place after MkDocs (``Late``)


class Late:
    """HTML put in a page after MkDocs has made it: a chart's SVG (a third of a page's Markdown)
    need not be read by the Markdown parser nor go into the search index. The template prints a
    marker, an HTML comment with a number and a random key of this renderer's, which Markdown
    passes through as it is; ``mkdocs_site.build`` swaps each marker for its HTML. Copy cannot
    make a marker: it does not know the key, and the output never shows it."""

    def __init__(self) -> None:
        self.key = secrets.token_hex(8)
        self.html: dict[str, str] = {}

    def __call__(self, html: str) -> Markup:
        marker = f"<!--rettfram-late:{self.key}:{len(self.html)}-->"
        self.html[marker] = html
        return Markup(marker)

    def within(self, text: str) -> dict[str, str]:
        """The markers ``text`` holds, with their HTML."""
        return {marker: html for marker, html in self.html.items() if marker in text}


@dataclass(frozen=True)
class Copy:
    heading: str | None
    body: Markup


# copy file name → the page it becomes, so links between copy pages work ("work.md" → "work.html")
COPY_LINKS = {f"{page.copy}.md": page.filename.replace(".md", ".html") for page in PAGES if page.copy}


def split_copy(parsed: ParsedCopy | None) -> Copy:
    """Rendered copy, its first ``# heading`` apart (it becomes the page's heading)."""
    if parsed is None:
        return Copy(None, Markup(""))
    rendered = render_copy(parsed, COPY_LINKS)
    return Copy(rendered.heading, Markup(rendered.body))


def rules_reference(path: Path | None) -> Markup | None:
    """The generated rules page (``docs/rules.md``) for the About page, rendered like copy: its
    own title dropped, headings one level down (its ``##`` sits under our ``##``), comments shown
    as text. None when there is no such file."""
    if path is None or not path.is_file():
        return None
    text = path.read_bytes()

    def render() -> str:
        return render_copy(
            parse(text.decode("utf-8")), show_comments=True, markdown_headings=False, heading_shift=1
        ).body

    code = [
        Path(str(module.__file__)).read_bytes() for module in (copy_html, copy_markdown)
    ]  # the page changes with them too
    return Markup(
        disk_cache.cached("rules-page", path, [text, *code], render)
    )  # kept between runs: a second of every build


def markdown_safe(value: object) -> object:
    """Jinja's ``finalize``: every value a template prints that is not already markup is text,
    in HTML and in the Markdown around it (``escape.page_text``)."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return Markup(page_text(value))
    return value


def _fill(template: str, **params: object) -> Markup:
    """A catalogue sentence with values filled in, all of it text."""
    return Markup(page_text(template)).format(
        **{key: markdown_safe(str(value) if not isinstance(value, str) else value) for key, value in params.items()}
    )


class SiteRenderer:
    """Renders the pages of a site language; one Jinja environment for the whole build."""

    def __init__(self, charts: ChartRenderer, templates: Path = TEMPLATES):
        self.charts = charts
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates)),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            finalize=markdown_safe,
            bytecode_cache=disk_cache.TemplateCode("pages"),
        )
        self.env.filters["capfirst"] = _capfirst
        self.env.globals["fill"] = _fill

    def render(
        self,
        profile: Profile,
        copy: dict[str, ParsedCopy],
        lang: str,
        today: dt.date,
        colours: Colours,
        rules_href: str,
    ) -> list[RenderedPage]:
        """``copy`` maps a copy page name (home, work …) to its parsed Markdown in ``lang``."""
        cat = catalogue(lang)
        late = Late()
        context = {
            "t": cat,
            "p": profile,
            "name": profile.municipality.name,
            "sample": profile.municipality.sample_data,
            "vacancies": site_data.open_vacancies(profile, today),
            "by_kind": site_data.listings_by_kind(profile),
            "per_month": site_data.PER_MONTH_KINDS,
            "summary": site_data.summary(profile, today),
            "hospitals": site_data.hospital_travel(profile),
            "today": today,
            "coming_events": site_data.coming_events(profile, today),
            "weaknesses": site_data.weaknesses_by_page(profile),
            "upper_secondary": site_data.upper_secondary(profile),
            "population_sentence": chart_specs.population_sentence(site_data.population_points(profile), cat),
            "charts": self._charts(profile, today, cat, colours),
            "links": {page.name: page.filename.replace(".md", ".html") for page in PAGES},
            "a11y": accessibility.measured(),
            "tel": _tel,
            "d": _in_language(lang, profile.municipality.language),
            "langs": lambda codes: cat.join(list(dict.fromkeys(cat.language_name(code) for code in codes))),
            "rules_href": rules_href,
            "late": late,
        }
        pages = []
        for page in PAGES:
            template = self.env.get_template(f"pages/{page.name}.md.j2")
            text = template.render(context, page=page, copy=split_copy(copy.get(page.copy) if page.copy else None))
            markdown = _tidy(text)
            title = cat.t(f"nav.{page.name}")
            pages.append(RenderedPage(page.name, page.filename, title, markdown, late.within(markdown)))
        return pages

    def _charts(self, profile: Profile, today: dt.date, cat: Catalogue, colours: Colours) -> dict[str, Chart | None]:
        population = profile.facts.population
        specs = {
            "population": chart_specs.population(
                site_data.population_points(profile), population.source, cat.date(population.as_of), cat, colours.chart
            )
            if population
            else None,
            "vacancies": chart_specs.vacancies(
                site_data.open_vacancies(profile, today), cat, colours.chart, profile.municipality.language
            ),
            "listings": chart_specs.listings(site_data.listings_by_kind(profile), cat, colours.chart),
            "migration": chart_specs.migration(site_data.migration(profile), cat)
            if site_data.migration(profile)
            else None,
        }
        locale = cat.vega_locale()
        return {key: self.charts.render(spec, locale) if spec else None for key, spec in specs.items()}


def _in_language(lang: str, own: str):
    """Profile text on a page in ``lang``: its text in ``lang`` when the profile gives one
    (``local_text.py``), else the municipality's own text, marked ``<span lang="nn">…</span>``
    on another language's page so screen readers pronounce it right."""

    def mark(text: str | None) -> Markup | str:
        return shown(text, lang, own).in_page(lang) if text else ""

    return mark


def _capfirst(text: str) -> str:
    """The first letter upper case, in every language of a translatable text."""
    if isinstance(text, LocalText):
        return text.map(_capfirst)
    return text[:1].upper() + text[1:]


def _tel(phone: str) -> str:
    """``+47 72 46 00 00`` → ``tel:+4772460000``."""
    return "tel:" + "".join(ch for ch in phone if ch.isdigit() or ch == "+")


def _tidy(text: str) -> str:
    """At most one blank line in a row, and one newline at the end (templates are loose)."""
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
