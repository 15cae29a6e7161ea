"""Rettfram: honest municipal profile sites and a copy linter that refuses to oversell."""

__version__ = "0.1.0"
