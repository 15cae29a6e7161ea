"""The copy linter: Markdown copy against rule packs per language (``rettfram/rules/<lang>/``).

Modules, top to bottom:

- ``tokens``: the token syntax rule files use (inflection markers, alternatives, wildcards)
- ``rule``, ``pack``: the rule file model (pydantic) and loading/compiling rule packs
- ``document``, ``markdown``, ``inline``: Markdown to masked prose with exact offsets
- ``facts``: sentences and the ``unless`` conditions (concrete fact, source)
- ``engine``: one checker per rule kind; ``LintContext`` is where a profile plugs in later
- ``suppress``: ``<!-- rettfram: allow RULE "reason" -->``
- ``config``: ``rettfram.toml`` ``[lint]``
- ``runner``: paths to findings (the hook for profile strings and claim checks is here)
- ``reference``: rule descriptions for ``explain``, SARIF help and ``docs/rules.md``
- ``console``: exit-2 messages in Norwegian and English
"""
