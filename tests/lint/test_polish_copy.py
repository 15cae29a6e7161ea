"""The Polish rule pack on real-patterned Polish copy (``corpus/real-pl/``).

The batch was written blind (``corpus/prompts/real.md``, in Polish) and measured once before the
rules learned from it: sos 0.24, cliche 0.65, target 0.15, false alarms 2.1 % (``README.md``,
"Languages"). The rules have learned it since, so these guards keep the pack from losing its
way; they are not a measure of copy the pack has not seen. There is no ``similar`` model for
Polish: the figures are the rules alone."""

from __future__ import annotations

import json

import pytest

from rettfram.lint.config import LintConfig
from rettfram.lint.corpus import CATEGORIES, CORPUS_DIR, load_corpus
from rettfram.lint.measure import lint_entries
from rettfram.lint.pack import load_catalog

GUARDS = {"sos": 0.75, "cliche": 0.8, "target": 0.8}


@pytest.fixture(scope="module")
def tally():
    entries = load_corpus(CORPUS_DIR / "real-pl")
    assert len(entries) >= 150 and {e.lang for e in entries} == {"pl"}
    return lint_entries(entries, load_catalog(), LintConfig())


@pytest.mark.parametrize("category", CATEGORIES)
def test_the_polish_pack_finds_each_category(tally, category):
    assert tally.scores[category].recall >= GUARDS[category]


def test_the_polish_pack_leaves_honest_polish_copy_alone(tally):
    assert tally.false_alarm_rate <= 0.05


def test_lint_lang_pl_flags_polish_sos_and_cliche_and_passes_honest_polish(tmp_path, cli):
    oversold = tmp_path / "zapraszamy.md"
    oversold.write_text("# Zamieszkaj u nas\n\nRatujmy naszą szkołę, zanim będzie za późno!\n\n"
                        "U nas cisza i spokój, a natura na wyciągnięcie ręki.\n", "utf-8")
    honest = tmp_path / "przedszkole.md"
    honest.write_text("# Przedszkole\n\nWnioski o miejsce w przedszkolu przyjmujemy do 1 marca. "
                      "Opłata wynosi 3 000 koron miesięcznie, a autobus do szkoły odjeżdża o 7.40.\n", "utf-8")
    run = cli("lint", "--lang", "pl", "--format", "json", oversold)
    found = {(f["rule"].split(".")[0], f["line"]) for f in json.loads(run.out)["findings"]}
    assert run.code == 1
    assert ("sos", 3) in found and ("cliche", 5) in found
    assert cli("lint", "--lang", "pl", honest).code == 0
    assert cli("lint", "--lang", "pl", "--format", "json", honest).out.count('"rule"') == 0
