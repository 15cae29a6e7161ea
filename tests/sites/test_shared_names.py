"""Municipalities that share a name (Herøy, Våler) get paths of their own, decided by the
register, the same in ``new``, the build and the portal; single names keep their path."""

from __future__ import annotations

import datetime as dt

from rettfram import mkdocs_site, register
from rettfram.site_build import BuildOptions, build

TWINS = {"1515": "heroy-more-og-romsdal", "1818": "heroy-nordland", "3114": "valer-ostfold", "3419": "valer-innlandet"}


def test_every_register_path_is_unique_and_single_names_are_unchanged():
    entries = register.municipalities().values()
    slugs = [entry.slug for entry in entries]
    assert len(set(slugs)) == len(slugs) == 357
    assert {entry.number: entry.slug for entry in entries if entry.number in TWINS} == TWINS
    assert [entry.slug for entry in entries if entry.slug != register.slugify(entry.name)] == sorted(TWINS.values(), key=slugs.index)
    assert register.lookup("5014").slug == "froya" and register.lookup("0301").slug == "oslo"
    assert mkdocs_site.SHARED not in slugs  # the theme's files beside the sites (only a registered number builds)


def test_new_names_the_folders_by_the_register(tmp_path, cli):
    for number, slug in TWINS.items():
        assert cli("new", number, "--into", tmp_path).code == 0
        assert (tmp_path / f"{number}-{slug}" / "profile.yaml").is_file()


def test_the_two_heroys_and_the_two_valers_build_side_by_side(tmp_path, cli):
    municipalities = tmp_path / "municipalities"
    for number in TWINS:
        assert cli("new", number, "--into", municipalities).code == 0
    (municipalities / "1515-heroy-more-og-romsdal").rename(municipalities / "1515-heroy")  # an older folder name: the register still decides
    result = build(BuildOptions(paths=[str(municipalities)], today=dt.date(2026, 11, 21), out=tmp_path / "site", cache=tmp_path / "cache"))
    assert sorted(site.slug for site in result.sites) == sorted(TWINS.values())
    portal = (tmp_path / "site" / "index.html").read_text("utf-8")
    for slug in TWINS.values():
        assert (tmp_path / "site" / slug / "index.html").is_file()
        assert f'href="{slug}/index.html"' in portal
