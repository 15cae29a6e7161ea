"""The build, as one sequence of named stages (the way MkDocs reads its own build):

1. ``check``   load and validate every profile; any error stops the build (exit 1);
2. ``out``     the output folder and cache may be written (``publish.check_out``);
3. ``plan``    which sites: a slug, the languages (the municipality's own first), colours;
4. ``site``    per site and language: render the Markdown pages, run MkDocs into the stage;
5. ``portal``  ``index.html`` listing every municipality built;
6. ``publish`` swap the stage in for the output folder (``rettfram.publish``).

Nothing is written where readers look until the last stage: a failed or interrupted build
leaves the previous site in place. The same input gives the same bytes (see README, "Builds").
"""

from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from markupsafe import Markup

from rettfram import i18n, mkdocs_site, portal, publish, register, safe_read
from rettfram.charts import ChartRenderer
from rettfram.check import CheckedProfile, check_paths
from rettfram.discover import DEFAULT_ROOT, DiscoveryError, display_path
from rettfram.findings import Finding, sorted_findings
from rettfram.images import copy_images
from rettfram.palette import Colours, colours_for
from rettfram.register import slugify
from rettfram.render import SiteRenderer, rules_reference
from rettfram.lint.config import LintConfig, find_config, load_config
from rettfram.lint.municipality import lint_checked
from rettfram.lint.pack import Catalog, RuleFileError, load_catalog
from rettfram.lint.runner import exit_code
from rettfram.text import Text

ROOT = Path(__file__).resolve().parent.parent
RULES_DOC = ROOT / "docs" / "rules.md"


@dataclass
class BuildOptions:
    paths: list[str]
    today: dt.date
    out: Path = Path("build/site")
    cache: Path | None = Path("build/cache/charts")
    rules_doc: Path | None = RULES_DOC
    progress: Callable[[int, int, str], None] = lambda done, total, message: None  # after each site (rettfram/progress.py)
    pause: float = 0.0  # seconds to wait after each site (a hook for the interrupted-build test)


@dataclass
class SitePlan:
    checked: CheckedProfile
    slug: str
    languages: list[str]  # the municipality's own language first
    colours: Colours


@dataclass
class SiteResult:
    slug: str
    name: str
    languages: list[str]
    seconds: float
    warnings: list[str] = field(default_factory=list)


@dataclass
class BuildResult:
    out: Path
    sites: list[SiteResult]
    findings: list[Finding]  # warnings and notes (errors stop the build)
    notes: list[Text]
    chart_hits: int
    chart_misses: int
    seconds: float


class BuildStopped(Exception):
    """``check`` found errors: nothing was built (exit 1)."""

    def __init__(self, findings: list[Finding]):
        super().__init__(f"{len(findings)} findings")
        self.findings = findings


class BuildError(Exception):
    """The build could not run (exit 2); ``message`` says why, in every language.
    ``started``: whether it got as far as writing (then the previous output was kept)."""

    def __init__(self, message: Text, started: bool = True):
        super().__init__(message.en)
        self.message = message
        self.started = started


def build(options: BuildOptions) -> BuildResult:
    started = time.perf_counter()
    checked, findings = check_stage(options)
    out_stage(options, checked)
    plans, notes = plan_stage(checked)
    charts = ChartRenderer(options.cache)
    renderer = SiteRenderer(charts)
    rules = rules_reference(options.rules_doc)
    results = []
    try:
        with publish.staged(options.out) as stage, publish.scratch(options.out) as work:
            base = mkdocs_site.load_base()
            for plan in plans:
                results.append(site_stage(plan, renderer, base, stage, work, options.today))
                options.progress(len(results), len(plans), f"{plan.slug}: {', '.join(plan.languages)} ({results[-1].seconds:.1f} s)")
                if options.pause:
                    time.sleep(options.pause)
            portal_stage(plans, stage, options.today, rules)
    except mkdocs_site.SiteBuildError as exc:
        raise BuildError(Text(f"MkDocs kunne ikke bygge sidene: {exc}", f"MkDocs could not build the sites: {exc}",
                              f"MkDocs kunne ikkje byggje sidene: {exc}") + _leftover_note(options.out, " ")) from exc
    except (OSError, safe_read.Unsafe) as exc:
        raise BuildError(_write_problem(exc, options.out) + _leftover_note(options.out, " ")) from exc
    notes += [_leftover_note(options.out)] if publish.leftovers(options.out) else []
    return BuildResult(options.out, results, findings, notes, charts.hits, charts.misses, time.perf_counter() - started)


def _leftover_note(out: Path, lead: str = "") -> Text:
    """Where a stage is left that could not be removed (say a full disk): the user can delete it."""
    left = ", ".join(display_path(p) for p in publish.leftovers(out))
    if not left:
        return Text("", "")
    return Text(f"{lead}Kunne ikke fjerne {left}; slett den selv.", f"{lead}Could not remove {left}; delete it yourself.",
                f"{lead}Kunne ikkje fjerne {left}; slett henne sjølv.")


def out_stage(options: BuildOptions, checked: list[CheckedProfile]) -> None:
    """The output folder and the chart cache may be written (``publish.check_out``): never the
    working folder, the sources, a file, or a folder Rettfram did not make."""
    sources = [Path(p) for p in options.paths or [str(DEFAULT_ROOT)]]
    sources += [c.target.folder or c.target.profile_path for c in checked]
    try:
        publish.check_out(options.out, sources)
        if options.cache is not None:
            publish.check_out(options.cache, sources, must_be_ours=False)
    except publish.OutRefused as refused:
        raise BuildError(refused.message, started=False) from None


def _write_problem(exc: OSError | safe_read.Unsafe, out: Path) -> Text:
    if isinstance(exc, safe_read.Unsafe):
        return exc.reason
    target = exc.filename2 or exc.filename  # a copy names its source first and the file it writes second
    where = display_path(Path(target)) if target else display_path(out)
    why = exc.strerror or str(exc) or type(exc).__name__
    return Text(f"Kan ikke skrive «{where}»: {why}.", f"Cannot write '{where}': {why}.", f"Kan ikkje skrive «{where}»: {why}.")


def check_stage(options: BuildOptions) -> tuple[list[CheckedProfile], list[Finding]]:
    """Every profile checked and linted (copy rules, claims against the data, the profile's own
    strings). Errors, or whatever ``rettfram.toml`` says fails a lint run, stop the build."""
    try:
        checked = check_paths(options.paths, options.today)
    except DiscoveryError as exc:
        raise BuildError(exc.message) from exc
    findings = [f for c in checked for f in c.findings]
    catalog, config = _lint_setup()
    findings += [f for c in checked for f in lint_checked(c, catalog, config, options.today)]
    findings = sorted_findings(findings)
    if exit_code(findings, config):  # any error, or whatever rettfram.toml makes fail
        raise BuildStopped(findings)
    return checked, findings


def _lint_setup() -> tuple[Catalog, LintConfig]:
    """The rule packs and ``rettfram.toml`` (the nearest, as ``lint`` finds it)."""
    try:
        catalog = load_catalog()
    except RuleFileError as exc:
        raise BuildError(Text(str(exc), str(exc))) from exc
    config, errors = load_config(find_config(Path.cwd()), catalog.ids())
    if errors:
        raise BuildError(Text("\n".join(e.message().nb for e in errors), "\n".join(e.message().en for e in errors)))
    return catalog, config


def plan_stage(checked: list[CheckedProfile]) -> tuple[list[SitePlan], list[Text]]:
    plans, notes, seen = [], [], {}
    catalogues = set(i18n.available())
    for item in checked:
        profile = item.profile
        slug = site_slug(item)
        if slug in seen:
            raise BuildError(Text(
                f"«{seen[slug]}» og «{item.target.display}» ville begge bli build/site/{slug}/; gi mappene ulike navn.",
                f"'{seen[slug]}' and '{item.target.display}' would both become build/site/{slug}/; give the folders different names.",
                f"«{seen[slug]}» og «{item.target.display}» ville begge bli build/site/{slug}/; gi mappene ulike namn.",
            ))
        seen[slug] = item.target.display
        main = profile.municipality.language
        copy_langs = sorted({page.lang for page in item.pages} - {main})
        for lang in copy_langs:
            if lang not in catalogues:
                notes.append(Text(
                    f"{slug}: copy/{lang}/ er ikke bygget; det finnes ingen katalog rettfram/i18n/{lang}.yaml ennå.",
                    f"{slug}: copy/{lang}/ was not built; there is no catalogue rettfram/i18n/{lang}.yaml yet.",
                    f"{slug}: copy/{lang}/ er ikkje bygd; det finst ingen katalog rettfram/i18n/{lang}.yaml enno.",
                ))
        languages = [main] + [lang for lang in copy_langs if lang in catalogues]
        plans.append(SitePlan(item, slug, languages, colours_for(profile.municipality.number)))
    return plans, notes


def site_stage(plan: SitePlan, renderer: SiteRenderer, base: dict, stage: Path, work: Path, today: dt.date) -> SiteResult:
    """One municipality: each language rendered to Markdown, then built by MkDocs."""
    started = time.perf_counter()
    profile = plan.checked.profile
    warnings: list[str] = []
    epoch = int(dt.datetime.combine(profile.updated, dt.time(), dt.timezone.utc).timestamp())
    for lang in plan.languages:  # the main language first: MkDocs empties its site_dir
        cat = i18n.catalogue(lang)
        copy = {page.name: page.parsed for page in plan.checked.pages if page.lang == lang}
        up = "../" if lang == plan.languages[0] else "../../"  # from the site (slug/, slug/<lang>/) to the portal
        pages = renderer.render(profile, copy, lang, today, plan.colours, up + portal.RULES_PAGE)
        docs_dir = work / plan.slug / lang
        docs_dir.mkdir(parents=True)
        for page in pages:
            (docs_dir / page.filename).write_text(page.markdown, encoding="utf-8")
        if plan.checked.target.folder is not None:
            copy_images(plan.checked.target.folder, plan.checked.images, docs_dir / "images")
        mkdocs_site.write_assets(docs_dir, plan.colours)
        main = lang == plan.languages[0]
        settings = mkdocs_site.SiteSettings(
            name=profile.municipality.name,
            language=cat.t("meta.theme_language"),
            search_lang=list(cat.get("meta.search_lang")),
            description=cat.t("site.description", name=profile.municipality.name),
            copyright=cat.t("site.copyright", name=profile.municipality.name),
            nav=[(page.title, page.filename) for page in pages],
            alternates=_alternates(plan.languages, lang) if len(plan.languages) > 1 else [],
            colours=plan.colours,
            epoch=epoch,
        )
        site_dir = stage / plan.slug if main else stage / plan.slug / lang
        warnings += mkdocs_site.build(mkdocs_site.config_dict(base, settings, docs_dir, site_dir), epoch)
    return SiteResult(plan.slug, profile.municipality.name, plan.languages, time.perf_counter() - started, warnings)


def portal_stage(plans: list[SitePlan], stage: Path, today: dt.date, rules: Markup | None) -> None:
    """The portal and the rules reference, once, beside the sites (every About page links to it)."""
    entries = [portal.PortalEntry.of(plan.checked.profile, plan.slug, plan.languages, today) for plan in plans]
    portal.write_portal(stage, entries, rules)


def site_slug(item: CheckedProfile) -> str:
    """The register decides (``register.RegisteredMunicipality.slug``): ``froya``, and for a
    name two municipalities share the county too (``heroy-nordland``), whatever the folder is
    called; outside the register, the folder name without its number."""
    entry = register.lookup(item.profile.municipality.number) if item.profile is not None else None
    if entry is not None:
        return entry.slug
    if item.target.folder is not None:
        name = re.sub(r"^\d{4}-", "", item.target.folder.name)
    else:
        name = item.profile.municipality.name
    return slugify(name) or item.profile.municipality.number


def _alternates(languages: list[str], current: str) -> list[dict]:
    """The language switch: from this language's site root to each language's root."""
    main = languages[0]

    def link(lang: str) -> str:
        if lang == current:
            return "./"
        if current == main:
            return f"{lang}/"
        return "../" if lang == main else f"../{lang}/"

    return [{"name": i18n.catalogue(lang).t("meta.endonym"), "lang": lang, "current": lang == current, "link": link(lang)} for lang in languages]
