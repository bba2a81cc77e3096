"""Storyline: a sourced, reconciled timeline from news articles about one developing story."""

__version__ = "0.1.0"
