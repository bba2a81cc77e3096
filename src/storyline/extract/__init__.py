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
- :mod:`storyline.extract.numbers`: ``find_quantities``/``parse_number`` (bounds, approximate,
  increment), plain text processing.
- :mod:`storyline.extract.quantities`: ``attach_units``/``unit_of`` (what a figure counts, from
  the parse: the noun's lemma, a state word as written ("100 dead"), a pronoun's antecedent
  ("8,000 of them") or None, "<Nationality> people" for a nationality plural); the grammar's
  names are importable from it too.
- :mod:`storyline.extract.entities`: mentions (bracketed acronyms link to the name before them
  for the whole corpus), titles and canonical ids.
- :func:`storyline.extract.entities.normalize_title`: the comparable form of a title.
"""

from storyline.extract.analyze import analyze_articles
from storyline.extract.entities import collect_entities

__all__ = ["analyze_articles", "collect_entities"]
