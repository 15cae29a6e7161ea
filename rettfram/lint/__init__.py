"""The copy linter: Markdown copy against rule packs per language, built from one file per rule
(``rettfram/rules/<rule-id>.yaml``, every language inside it).

Modules, top to bottom:

- ``tokens``: the token syntax rule files use (inflection markers, alternatives, wildcards)
- ``rule``, ``pack``: the rule file model (pydantic) and loading/compiling rule packs
- ``document``, ``markdown``: what the linter reads of the one Markdown parse, masked, with exact offsets
- ``facts``: sentences and the ``unless`` conditions (concrete fact, source)
- ``engine``: one checker per rule kind; ``LintContext`` carries the profile for ``claim`` rules
- ``backing``: whether the profile's data back a claim, one named check per kind of promise
- ``profile_checks``: the checks ``data`` rules name: freshness, unsourced strengths, target groups
- ``page``: lint one Markdown text (pack, config, suppressions): the entry every caller shares
- ``municipality``: a municipality's profile in the context, its data and its own strings
- ``suppress``: ``<!-- rettfram: allow RULE "reason" -->``
- ``config``: ``rettfram.toml`` ``[lint]``
- ``runner``: what a PATH means, findings per run, and the exit code
- ``reference``: rule descriptions for ``explain``, SARIF help and ``docs/rules.md``
"""
