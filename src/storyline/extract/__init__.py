"""Extraction: entities, quantities and attributed claims from cleaned article bodies.

Public API:
- :func:`analyze_articles` runs one spaCy pass per body (``storyline.nlp.load_nlp``), the time
  stage (``storyline.time.analyze_times``) and everything below, and returns one
  ``ArticleAnalysis`` per article: sentences (with paragraph index), times, mentions with canonical
  entity ids (resolved over the whole batch), normalised roles, and one claim per asserting
  sentence. Only the body is analysed: headlines, teasers and highlights never become claims.
- :func:`collect_entities` turns the mentions of a set of analyses into ``Entity`` records.
- :mod:`storyline.extract.gazetteer`: ``lookup``, ``capital_of``, ``country_of``,
  ``country_from_adjective``, ``is_sure_place`` over packaged GeoNames data.
- :mod:`storyline.extract.quantities`: ``find_quantities``/``parse_number`` (bounds, approximate,
  increment) and ``attach_units`` (counted noun lemma from the parse).
- :func:`storyline.extract.entities.normalize_title`: the comparable form of a title.
"""

from storyline.extract.analyze import analyze_articles
from storyline.extract.entities import collect_entities

__all__ = ["analyze_articles", "collect_entities"]
