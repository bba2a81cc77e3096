"""Extraction: entities, quantities and attributed claims from cleaned article bodies."""

from storyline.extract.analyze import analyze_articles
from storyline.extract.entities import collect_entities

__all__ = ["analyze_articles", "collect_entities"]
