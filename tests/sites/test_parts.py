"""The build's parts on their own: catalogues, colours, charts, rendering, config."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from types import SimpleNamespace

import pytest

from rettfram import chart_specs, i18n, mkdocs_site, palette
from rettfram.charts import ChartRenderer, accessible_svg
from rettfram.check import check_paths
from rettfram.copy_markdown import parse as parse_copy
from rettfram.model import Migration
from rettfram.render import PAGES, SiteRenderer, rules_reference, split_copy
from rettfram.site_build import _alternates
from tests.conftest import REPO
from tests.sites.conftest import SITE_DAY
from tests.sites.htmlscan import find, parse


def test_catalogues_have_the_same_keys():
    reference = i18n.flat_keys("nb")
    for lang in i18n.available():
        assert i18n.flat_keys(lang) == reference, lang


def test_templates_use_only_catalogue_keys_that_exist():
    import re

    keys = i18n.flat_keys("nb")
    used = set()
    for path in (REPO / "templates").rglob("*.j2"):
        used |= set(re.findall(r"""\bt(?:\.plural)?\(\s*["']([a-z_.]+)["']""", path.read_text("utf-8")))
    def known(key: str) -> bool:  # "kinds." ~ kind: a prefix of some key
        prefix = key if key.endswith((".", "_")) else key + "."
        return key in keys or any(k.startswith(prefix) for k in keys)

    assert used and not {key for key in used if not known(key)}


def _plural_groups(node, prefix=""):
    """Every catalogue entry that has plural forms (a mapping with ``other``)."""
    if isinstance(node, dict):
        if "other" in node:
            yield prefix[:-1], set(node)
        for key, value in node.items():
            yield from _plural_groups(value, f"{prefix}{key}.")


@pytest.mark.parametrize("lang", i18n.available())
def test_every_plural_text_has_every_form_its_language_needs(lang):
    """CLDR decides the forms: nb/nn/en one and other; Polish and Ukrainian one, few, many, other."""
    cat = i18n.catalogue(lang)
    needed = set(cat.locale.plural_form.tags) | {"other"}
    for key, forms in _plural_groups(i18n._raw(lang)):
        assert needed <= forms, f"{lang}: {key} lacks {sorted(needed - forms)}"


def test_formats_follow_the_language():
    nb, en = i18n.catalogue("nb"), i18n.catalogue("en")
    assert nb.number(12319) == "12\u00a0319" and en.number(12319) == "12,319"
    assert nb.date(dt.date(2025, 1, 1)) == "1. januar 2025" and en.date(dt.date(2025, 1, 1)) == "1 January 2025"
    assert nb.duration(100) == "1\u00a0t 40\u00a0min" and en.duration(45) == "45\u00a0min"
    assert nb.percent(0.865) == "86,5\u00a0%"
    assert nb.nok(11500, per_month=True) == "11\u00a0500\u00a0kr i måneden"
    assert i18n.catalogue("nn").plural("services.kg_places", 0, date="x") == "Ingen ledige barnehageplassar per x."
    assert nb.get("meta.search_lang") == ["no"], "YAML 1.2: 'no' stays a string"
    assert nb.join(["a", "b", "c"]) == "a, b og c" and en.join(["a", "b", "c"]) == "a, b and c"
    assert nb.percent(-0.052, signed=True) == "\u22125,2\u00a0%" and en.percent(0.1, signed=True) == "+10%"
    assert en.vega_locale()["thousands"] == "," and nb.vega_locale()["decimal"] == ","


@pytest.mark.parametrize("colour", palette.PRIMARIES)
def test_every_site_colour_passes_aa_against_white(colour):
    assert palette.contrast(colour, "#ffffff") >= 4.5
    assert palette.contrast(palette.darken(colour, 0.25), "#ffffff") >= 4.5


def test_population_sentence_calls_a_fall_a_fall():
    nb = i18n.catalogue("nb")
    assert chart_specs.population_sentence([(2015, 1158), (2025, 1070)], nb) == \
        "Folketallet har gått ned fra 1\u00a0158 i 2015 til 1\u00a0070 i 2025, 88 færre (\u22127,6\u00a0%)."
    assert "økt" in chart_specs.population_sentence([(2015, 4869), (2025, 5453)], nb)
    assert chart_specs.population_sentence([], nb) == nb.t("population.none")


def test_the_migration_chart_renders_when_the_data_exist(tmp_path):
    nb = i18n.catalogue("nb")
    migration = Migration.model_validate({"source": "SSB tabell 06913", "as_of": "2025-01-01",
                                          "series": {2024: {"in": 300, "out": 280, "immigration": 60, "emigration": 20}}})
    renderer = ChartRenderer(tmp_path)
    chart = renderer.render(chart_specs.migration(migration, nb), nb.vega_locale())
    svg = find(parse(chart.svg), "svg")[0]
    assert svg.attrs["role"] == "img" and chart.table.rows
    assert "Netto flytting: +20" in chart_specs.migration(migration, nb).description
    assert chart_specs.migration(SimpleNamespace(series={}), nb) is None


def test_every_kind_of_chart_spec_is_valid_vega_lite():
    """The build skips Altair's schema check (chart_specs._finish); this is where it runs."""
    import altair as alt

    nb = i18n.catalogue("nb")
    migration = Migration.model_validate({"source": "SSB tabell 06913", "as_of": "2025-01-01",
                                          "series": {2024: {"in": 300, "out": 280, "immigration": 60, "emigration": 20}}})
    profile = check_paths([str(REPO / "municipalities" / "5014-froya")], SITE_DAY)[0].profile
    specs = [chart_specs.population([(2015, 10), (2025, 12)], "SSB", "1. januar 2025", nb, "#1f4e79"),
             chart_specs.vacancies(profile.jobs.vacancies, nb, "#1f4e79", "nb"),
             chart_specs.listings({"rent": profile.housing.listings[:1], "sale": profile.housing.listings[1:]}, nb, "#1f4e79"),
             chart_specs.migration(migration, nb)]
    for spec in specs:
        alt.Chart.from_dict(spec.spec, validate=True)


def test_a_compiled_shape_with_its_figures_draws_what_the_inline_spec_draws(tmp_path):
    """charts.py compiles a chart's shape once and puts the figures into the Vega spec; the SVG
    must be the one vl-convert draws from the Vega-Lite spec with its figures inline."""
    import vl_convert

    nb, en = i18n.catalogue("nb"), i18n.catalogue("en")
    migration = Migration.model_validate({"source": "SSB tabell 06913", "as_of": "2025-01-01",
                                          "series": {2023: {"in": 310, "out": 290}, 2024: {"in": 300, "out": 280}}})
    profile = check_paths([str(REPO / "municipalities" / "5014-froya")], SITE_DAY)[0].profile
    specs = [chart_specs.population([(2015, 10), (2020, 11), (2025, 12)], "SSB", "1. januar 2025", nb, "#1f4e79"),
             chart_specs.population([(2015, 4210), (2025, 5012)], "SSB", "1 January 2025", en, "#2d5e3e"),
             chart_specs.vacancies(profile.jobs.vacancies, nb, "#1f4e79", "nb"),
             chart_specs.listings({"rent": profile.housing.listings[:1], "sale": profile.housing.listings[1:]}, en, "#1f4e79"),
             chart_specs.migration(migration, nb)]
    renderer = ChartRenderer(None)
    for spec, cat in zip(specs, (nb, en, nb, en, nb), strict=True):
        inline = vl_convert.vegalite_to_svg(spec.drawing.vega_lite(), format_locale=cat.vega_locale())
        assert renderer.svg(spec.drawing, cat.vega_locale()) == inline, spec.id


def test_chart_cache_is_keyed_by_drawing(tmp_path):
    nb = i18n.catalogue("nb")
    renderer = ChartRenderer(tmp_path)
    spec = chart_specs.population([(2015, 10), (2025, 12)], "SSB", "1. januar 2025", nb, "#1f4e79")
    first = renderer.render(spec, nb.vega_locale())
    second = renderer.render(spec, nb.vega_locale())
    assert first.svg == second.svg and (renderer.misses, renderer.hits) == (1, 1)
    assert len(list(tmp_path.rglob("*.svg"))) == 1


def test_a_cached_chart_needs_no_altair(tmp_path):
    """A rebuild of one site spends no half second importing Altair for charts it drew before."""
    script = (
        "import sys; from pathlib import Path; from rettfram import chart_specs, i18n; from rettfram.charts import ChartRenderer;"
        "nb = i18n.catalogue('nb'); renderer = ChartRenderer(Path(sys.argv[1]));"
        "renderer.render(chart_specs.population([(2015, 10), (2025, 12)], 'SSB', '1. januar 2025', nb, '#1f4e79'), nb.vega_locale());"
        "print(renderer.hits, renderer.misses, 'altair' in sys.modules)"
    )
    def run() -> list[str]:
        return subprocess.run([sys.executable, "-c", script, str(tmp_path)], cwd=REPO, capture_output=True, text=True, check=True).stdout.split()

    assert run() == ["0", "1", "True"]
    assert run() == ["1", "0", "False"]


def test_accessible_svg_prefixes_ids():
    svg = accessible_svg('<svg width="10" height="5" viewBox="0 0 10 5"><clipPath id="clip1"/><g clip-path="url(#clip1)"/></svg>', "rf-x", "T <1>", "D & d")
    assert 'id="rf-x-clip1"' in svg and "url(#rf-x-clip1)" in svg
    assert "<title id=\"rf-x-title\">T &lt;1&gt;</title>" in svg and "D &amp; d" in svg
    assert 'role="img"' in svg and 'aria-labelledby="rf-x-title rf-x-desc"' in svg


def test_split_copy_takes_the_heading_and_renders_inert_html():
    copy = split_copy(parse_copy("# Hei <b>du</b>\n\nTekst [x](javascript:y).\n"))
    assert copy.heading == "Hei <b>du</b>", "plain text: the page template escapes it"
    assert copy.body == '<div class="rf-copy">\n<p>Tekst <a href="#">x</a>.</p>\n</div>'
    assert split_copy(None).heading is None


def test_rules_reference_is_optional(tmp_path):
    assert rules_reference(tmp_path / "missing.md") is None
    assert rules_reference(None) is None
    doc = tmp_path / "rules.md"
    doc.write_text("# Slik sjekker vi teksten\n\n## Kategori\n\n### `sos.x`\n\nSkriv <!-- rettfram: allow X \"y\" --> over.\n", encoding="utf-8")
    text = rules_reference(doc)
    assert text.startswith('<div class="rf-copy">\n<h3>Kategori</h3>\n<h4><code>sos.x</code></h4>')
    assert "&lt;&#33;-- rettfram: allow X" in text, "comments in our own docs are shown"


def _profile(name: str = "5626-gamvik"):
    from rettfram.check import check_paths

    return check_paths([str(REPO / "municipalities" / name)], dt.date(2026, 11, 21))[0]


def test_missing_data_render_honest_states_not_crashes(tmp_path):
    checked = _profile()
    profile = checked.profile.model_copy(deep=True)
    profile.contact = None
    profile.jobs.vacancies = []
    profile.housing.listings = []
    profile.housing.updated = None
    profile.services.kindergarten = None
    profile.services.broadband = None
    profile.services.schools = []
    profile.facts.population = None
    profile.travel = []
    profile.needs = []
    profile.strengths = []
    profile.weaknesses = []
    profile.community.meeting_places = []
    profile.community.newcomer_programme = None
    renderer = SiteRenderer(ChartRenderer(tmp_path))
    for lang in ("nb", "nn", "en"):
        pages = {p.name: p.markdown for p in renderer.render(profile, {}, lang, dt.date(2026, 11, 21), palette.colours_for("5626"), "../rules.html")}
        assert set(pages) == {p.name for p in PAGES}
        cat = i18n.catalogue(lang)
        assert cat.t("work.none") in pages["work"]
        assert cat.t("housing.nothing_title") in pages["housing"] and cat.t("housing.nothing_no_contact") in pages["housing"]
        assert cat.t("services.kg_none") in pages["services"] and cat.t("services.broadband_none") in pages["services"]
        assert cat.t("population.none") in pages["home"] and cat.t("new_here.contact_none") in pages["new_here"]
        assert cat.t("about.rules_placeholder") in pages["about"]
        assert not [p for p in renderer.render(profile, {}, lang, dt.date(2026, 11, 21), palette.colours_for("5626"), "../rules.html") if p.late], "no data, no chart"


def test_config_dict_never_goes_through_yaml_and_escapes_the_name(tmp_path):
    settings = mkdocs_site.SiteSettings(name="A <b>", language="nb", search_lang=["no"], description='A "<b>"',
                                        copyright="A <b> kommune", nav=[("Hjem", "index.md")], colours=palette.colours_for("5014"))
    config = mkdocs_site.config_dict(mkdocs_site.load_base(), settings, tmp_path / "docs", tmp_path / "site")
    assert config["site_name"] == "A &lt;b&gt;" and config["copyright"] == "A &lt;b&gt; kommune"
    assert config["site_description"] == "A &quot;&lt;b&gt;&quot;"
    assert config["theme"]["font"] is False and config["theme"]["language"] == "nb"
    assert {"search": {"lang": ["no"]}} in config["plugins"]
    assert config["use_directory_urls"] is False


@pytest.mark.parametrize("marker_kept", [True, False])
def test_a_late_marker_becomes_its_html_or_the_site_is_not_built(tmp_path, marker_kept):
    """render.Late: MkDocs passes the marker through and the finished page has the HTML in its
    place; a marker missing from the finished page stops the build (no page without its chart)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    marker = "<!--rettfram-late:0123456789abcdef:0-->"
    body = f'<div class="rf-chart">\n{marker}\n</div>' if marker_kept else "Ingen figur her."
    (docs / "index.md").write_text(f"# Hjem\n\n{body}\n", encoding="utf-8")
    settings = mkdocs_site.SiteSettings(name="A", language="nb", search_lang=["no"], description="A", copyright="A",
                                        nav=[("Hjem", "index.md")], colours=palette.colours_for("5014"))
    config = mkdocs_site.config_dict(mkdocs_site.load_base(), settings, docs, tmp_path / "site")
    late = {"index.md": {marker: '<svg role="img"><title>T</title></svg>'}}
    if not marker_kept:
        with pytest.raises(mkdocs_site.SiteBuildError, match="index.md: a chart's place was lost"):
            mkdocs_site.build(config, 0, shared="../", late=late)
        return
    mkdocs_site.build(config, 0, shared="../", late=late)
    page = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert '<div class="rf-chart">\n<svg role="img"><title>T</title></svg>\n</div>' in page
    assert "rettfram-late" not in page and "rettfram-late" not in (tmp_path / "site" / "search" / "search_index.json").read_text("utf-8")


def test_language_switch_links():
    assert [a["link"] for a in _alternates(["nn", "en"], "nn")] == ["./", "en/"]
    assert [a["link"] for a in _alternates(["nn", "en"], "en")] == ["../", "./"]
    assert [a["current"] for a in _alternates(["nb", "en", "nn"], "nn")] == [False, False, True]
    assert [a["link"] for a in _alternates(["nb", "en", "nn"], "nn")] == ["../", "../en/", "./"]
