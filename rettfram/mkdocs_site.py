"""The only module that imports MkDocs: one site language, from Markdown folder to HTML folder.

mkdocs-material is in maintenance (end of life announced for 2027); everything that knows about
MkDocs or the theme is here, so moving to another generator is one module. The base
``mkdocs.yml`` is read as YAML 1.2 and merged with each site's settings into a Python dict
(never written back as YAML: ``lang: no`` in YAML 1.1 is False and crashes the search plugin).

Safety and honesty at this stage:
- every Markdown link, image and attribute passes ``SafeTree`` (``sanitize.url_is_safe``), the
  second line of defence: copy arrives already rendered and inert (``rettfram.copy_html``);
- ``SOURCE_DATE_EPOCH`` is set for the build (when the caller has not set it) so the sitemap's
  dates never change between builds; the sitemap itself is removed, as the sites have no
  ``site_url`` to make its addresses right.

Speed at national scale (hundreds of sites in one process):
- the theme's files (style sheets, scripts, the search worker and the stemmers any site needs,
  favicon) are published once, in ``assets/`` beside the sites (:func:`write_shared_assets`),
  and every page links there (``SiteOutput.theme_files`` says which);
- the theme's templates are loaded once per process, in one Jinja environment every site shares
  (compiled once: a bytecode cache in the cache folder, ``disk_cache.TemplateCode``), and its
  folder of 14,000 icons is listed once per process, not on every site;
- a chart's SVG is put into the finished page (``render.Late``), not read by Markdown and search.
"""

from __future__ import annotations

import contextlib
import copy
import html
import logging
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from mkdocs.plugins import BasePlugin
from ruamel.yaml import YAML

from rettfram import disk_cache
from rettfram.palette import Colours
from rettfram.sanitize import url_is_safe

ROOT = Path(__file__).resolve().parent.parent
BASE_CONFIG = ROOT / "mkdocs.yml"
SITE_CSS = ROOT / "site_src" / "css" / "rettfram.css"
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "poster", "data", "srcset")
SHARED = "assets"  # beside the sites: the theme's files, once for every site and language
OWN_CSS = "assets/stylesheets/rettfram.css"  # Rettfram's style sheet, shared like the theme's


class SiteBuildError(Exception):
    """MkDocs could not build a site; the message says why (English: MkDocs' own words)."""


@dataclass(frozen=True)
class SiteSettings:
    """What one site language sets on top of the base config."""

    name: str
    language: str  # mkdocs-material's theme language: nb, nn, en …
    search_lang: list[str]
    description: str
    copyright: str
    nav: list[tuple[str, str]]  # (title, file)
    alternates: list[dict[str, Any]] = field(default_factory=list)  # name, link, lang, current
    colours: Colours | None = None
    epoch: int = 0  # SOURCE_DATE_EPOCH for this build when the environment sets none


def load_base(path: Path = BASE_CONFIG) -> dict[str, Any]:
    data = YAML(typ="safe", pure=True).load(path.read_text("utf-8")) or {}
    theme = data.setdefault("theme", {})
    if "custom_dir" in theme:
        theme["custom_dir"] = str((path.parent / theme["custom_dir"]).resolve())
    return data


def config_dict(base: dict[str, Any], settings: SiteSettings, docs_dir: Path, site_dir: Path) -> dict[str, Any]:
    """The base config with this site's settings; name, description and copyright
    HTML-escaped (the theme prints them without escaping)."""
    config = copy.deepcopy(base)
    config.update(
        site_name=html.escape(settings.name),
        site_description=html.escape(settings.description),
        copyright=html.escape(settings.copyright),
        docs_dir=str(docs_dir),
        site_dir=str(site_dir),
        nav=[{title: file} for title, file in settings.nav],
    )
    config["theme"]["language"] = settings.language
    config.setdefault("extra", {})["alternate"] = settings.alternates or None
    config["plugins"] = [
        {"search": {"lang": settings.search_lang}} if _name(p) == "search" else p for p in config.get("plugins", [])
    ]
    return config


def write_assets(docs_dir: Path, colours: Colours) -> None:
    """This site's colours, beside its pages (the shared style sheet is in ``assets/``; a file at
    the top of the site, not in a folder: at national scale every folder is one more to make and
    remove on every build)."""
    (docs_dir / "site.css").write_text(_colour_css(colours), encoding="utf-8")


@dataclass(frozen=True)
class SiteOutput:
    warnings: list[str]  # MkDocs' own words
    theme_files: dict[str, str]  # path under assets/ → the theme's file: what the pages link to in the shared folder


def build(config: dict[str, Any], epoch: int, shared: str, late: dict[str, dict[str, str]] | None = None) -> SiteOutput:
    """Build one site in-process; ``shared`` is the way from the site's root to the folder that
    holds ``assets/`` (``../`` for ``froya/``); ``late`` maps a page's Markdown file to its
    markers and the HTML that takes each one's place in the finished page (``render.Late``).
    Raises SiteBuildError."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.exceptions import MkDocsException

    theme = _SharedTheme(shared, _needed_lunr(_search_langs(config)))  # read before MkDocs takes the config over
    with _captured_logs() as messages, _source_date_epoch(epoch):
        cfg = MkDocsConfig(config_file_path=str(BASE_CONFIG))
        cfg.load_dict(config)
        errors, _warnings = cfg.validate()
        if errors:
            raise SiteBuildError("; ".join(f"{name}: {error}" for name, error in errors))
        cfg["markdown_extensions"].append(SafeTreeExtension())
        cfg.plugins["rettfram-shared-theme"] = theme
        cfg.plugins["rettfram-late"] = _LateHtml(late or {})  # after the theme's: nothing rewrites it
        _shared_environment(cfg.theme)
        # No 404.html per site: MkDocs writes its links root-absolute (it can be served at any
        # path), which is wrong for a site below the portal, and static hosts such as GitHub
        # Pages serve only the 404.html at the root of the whole build.
        cfg.theme.static_templates.discard("404.html")
        try:
            cfg.plugins.on_startup(command="build", dirty=False)
            mkdocs_build(cfg)
        except MkDocsException as exc:  # an OSError is a write problem: the build names the file it could not write
            raise SiteBuildError(str(exc) or type(exc).__name__) from exc
        finally:
            cfg.plugins.on_shutdown()
    site_dir = Path(config["site_dir"])
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        (site_dir / name).unlink(missing_ok=True)
    return SiteOutput(messages, theme.moved)


def write_shared_assets(folder: Path, theme_files: dict[str, str]) -> None:
    """The theme's files every page links to, and Rettfram's style sheet, once in ``folder/assets``."""
    for dest, source in sorted(theme_files.items()):
        target = folder / dest
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    (folder / OWN_CSS).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SITE_CSS, folder / OWN_CSS)
    _drop_source_maps(folder / SHARED)


_INPUT = re.compile(r"<input\b[^>]*>")


def _valid_inputs(html_text: str) -> str:
    """The theme's ``<input>`` tags made valid HTML (the W3C checker, tests/sites/test_html_valid.py):
    no ``autocomplete`` on its checkboxes (the drawer and search toggles; it is allowed on text
    inputs only) and no ``autocorrect`` (Safari's, in no HTML standard) on the search box."""

    def fix(match: re.Match[str]) -> str:
        tag = match.group(0).replace(' autocorrect="off"', "")
        return tag.replace(' autocomplete="off"', "") if 'type="checkbox"' in tag else tag

    return _INPUT.sub(fix, html_text)


class _SharedTheme(BasePlugin):
    """MkDocs events for one site: the theme's files are left out of the site (they are in the
    shared folder) and every page's links to them point there."""

    def __init__(self, shared: str, lunr: set[str]):
        self.shared = shared
        self.lunr = lunr  # the search stemmers this site needs (the rest is never requested)
        self.moved: dict[str, str] = {}

    def on_files(self, files, config):  # noqa: ANN001, ANN201 (MkDocs' API)
        dirs = [Path(d) for d in config.theme.dirs]
        for file in list(files):  # Files.remove while iterating a copy
            dest = file.dest_uri
            if (
                file.abs_src_path
                and any(Path(file.abs_src_path).is_relative_to(d) for d in dirs)
                and dest.startswith(SHARED + "/")
            ):
                files.remove(file)
                unused = dest.startswith(LUNR) and dest.removeprefix(LUNR) not in self.lunr
                if not dest.endswith(".map") and not unused:
                    self.moved[dest] = file.abs_src_path
        return files

    def on_post_page(self, output, page, config):  # noqa: ANN001, ANN201
        return _valid_inputs(self._point(output))

    def on_post_template(self, output_content, template_name, config):  # noqa: ANN001, ANN201
        return self._point(output_content)

    def _point(self, html_text: str) -> str:
        """``"assets/…/main.css"`` (an attribute, or the search worker's address in the page's
        settings) becomes ``"../assets/…/main.css"``: exact, quoted paths of the files moved."""
        for dest in [*self.moved, OWN_CSS]:
            html_text = html_text.replace(f'"{dest}"', f'"{self.shared}{dest}"')
        return html_text


class _LateHtml(BasePlugin):
    """Each of a page's markers in the finished page swapped for its HTML (``render.Late``); a
    marker MkDocs did not pass through as it was stops the build rather than publish a page
    without its chart."""

    def __init__(self, late: dict[str, dict[str, str]]):
        self.late = late  # page's Markdown file → marker → HTML

    def on_post_page(self, output, page, config):  # noqa: ANN001, ANN201
        for marker, html_text in self.late.get(page.file.src_uri, {}).items():
            if marker not in output:
                raise SiteBuildError(f"{page.file.src_uri}: a chart's place was lost on the way through MkDocs")
            output = output.replace(marker, html_text)
        return output


_BYTECODE = disk_cache.TemplateCode("theme")
_ENVIRONMENTS: dict[tuple[str, ...], jinja2.Environment] = {}


def _shared_environment(theme: Any) -> None:
    """One Jinja environment per theme (its folders and locale) for the whole process, so every
    site shares its loaded templates, compiled once (the bytecode cache, kept in the cache folder
    between runs: ``disk_cache.TemplateCode``), and the theme's folder of 14,000 icons is listed
    once (MkDocs lists it to find the static files, with the same filter for every site). The
    environment holds nothing of a site: MkDocs passes the site in each template's context, and
    no plugin of ours changes the environment (``on_env``)."""
    make = theme.get_env
    key = (*theme.dirs, str(theme.locale))

    def get_env() -> jinja2.Environment:
        if key not in _ENVIRONMENTS:
            env = make()
            env.bytecode_cache = _BYTECODE
            listing = env.list_templates
            listed: list[str] = []

            def list_templates(extensions=None, filter_func=None):  # noqa: ANN001, ANN202 (Jinja2's signature)
                if not listed:
                    listed.extend(listing(extensions, filter_func))
                return list(listed)

            env.list_templates = list_templates  # one instance: this theme's
            _ENVIRONMENTS[key] = env
        return _ENVIRONMENTS[key]

    theme.get_env = get_env


def _search_langs(config: dict[str, Any]) -> list[str]:
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "search" in plugin:
            return list((plugin["search"] or {}).get("lang") or ["en"])
    return ["en"]


LUNR = "assets/javascripts/lunr/"


def _needed_lunr(langs: list[str]) -> set[str]:
    """mkdocs-material carries search support for 30 languages (960 KB); its search worker loads
    only the stemmers of the site's own search languages, the shared support file when there is
    one, the multi-language file for more than one, and tinyseg/wordcut for ja/th/hi: only those
    are published (paths under ``LUNR``)."""
    needed = {f"min/lunr.{lang}.min.js" for lang in langs if lang != "en"}
    if needed:
        needed.add("min/lunr.stemmer.support.min.js")
    if len(langs) > 1:
        needed.add("min/lunr.multi.min.js")
    needed |= {"tinyseg.js"} if "ja" in langs else set()
    needed |= {"wordcut.js"} if {"th", "hi"} & set(langs) else set()
    return needed


_SOURCE_MAP_LINK = re.compile(rb"\n?(?://# sourceMappingURL=[^\n]*|/\*# sourceMappingURL=[^*]*\*/)\s*$")


def _drop_source_maps(assets: Path) -> None:
    """The theme's source maps (1 MB a site) are for its developers, not for readers: published
    output has none, and no script or style sheet points to one."""
    for path in sorted(assets.rglob("*.map")):
        path.unlink()
    for path in sorted([*assets.rglob("*.js"), *assets.rglob("*.css")]):
        data = path.read_bytes()
        stripped = _SOURCE_MAP_LINK.sub(b"\n", data)
        if stripped != data:
            path.write_bytes(stripped)


class SafeTree(Treeprocessor):
    """Drops event-handler attributes and makes unsafe targets inert in every element MkDocs'
    Markdown makes (a link keeps its ``href``, as ``#``: MkDocs expects every link to have one)."""

    def run(self, root):  # noqa: ANN001 (ElementTree)
        for element in root.iter():
            for attribute in list(element.attrib):
                name = attribute.lower()
                value = element.attrib[attribute]
                link = name in ("href", "xlink:href", "action", "formaction")
                if name.startswith("on"):
                    del element.attrib[attribute]
                elif name in URL_ATTRIBUTES and not url_is_safe(value, embedded=not link):
                    element.attrib[attribute] = "#" if link else ""
        return root


class SafeTreeExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802, ANN001 (Markdown's API)
        md.treeprocessors.register(SafeTree(md), "rettfram_safe_tree", 0)


def _colour_css(colours: Colours) -> str:
    return (
        "/* This site's colours (rettfram.palette); AA against white both ways. */\n"
        ":root, [data-md-color-primary=custom], [data-md-color-accent=custom] {\n"
        f"  --md-primary-fg-color: {colours.primary};\n"
        f"  --md-primary-fg-color--light: {colours.primary};\n"
        f"  --md-primary-fg-color--dark: {colours.dark};\n"
        "  --md-primary-bg-color: #ffffff;\n"
        "  --md-primary-bg-color--light: #ffffffd9;\n"
        f"  --md-accent-fg-color: {colours.dark};\n"
        f"  --md-accent-fg-color--transparent: {colours.primary}1a;\n"
        "  --md-accent-bg-color: #ffffff;\n"
        "  --md-accent-bg-color--light: #ffffffd9;\n"
        f"  --md-typeset-a-color: {colours.primary};\n"
        "}\n"
    )


def _name(plugin: Any) -> str:
    return plugin if isinstance(plugin, str) else next(iter(plugin))


class _ListHandler(logging.Handler):
    def __init__(self, sink: list[str]):
        super().__init__(logging.WARNING)
        self.sink = sink

    def emit(self, record: logging.LogRecord) -> None:
        self.sink.append(record.getMessage())


@contextlib.contextmanager
def _captured_logs() -> Iterator[list[str]]:
    """MkDocs' warnings go to a list, not to the terminal; the caller decides what to show."""
    logger = logging.getLogger("mkdocs")
    messages: list[str] = []
    handler = _ListHandler(messages)
    old_propagate, old_level = logger.propagate, logger.level
    logger.addHandler(handler)
    logger.propagate = False
    logger.setLevel(logging.WARNING)
    try:
        yield messages
    finally:
        logger.removeHandler(handler)
        logger.propagate, logger.level = old_propagate, old_level


@contextlib.contextmanager
def _source_date_epoch(epoch: int) -> Iterator[None]:
    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)
