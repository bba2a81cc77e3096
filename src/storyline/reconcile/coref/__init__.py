"""Learned cross-document event coreference: which event mentions are the same happening.

A pairwise model scores blocked candidate pairs; average-link agglomerative clustering over the
scores groups the mentions. The model (``storyline/data/coref_model.json``, written by
``scripts/train_coref.py``) standardises 26 pair features and averages five small MLPs trained
from different seeds; the architecture and the treatment of unscored pairs were chosen on the
ECB+ dev topics, then the networks were retrained on the training and dev topics and the threshold
chosen by cross-validation by topic over them. It also carries a lemma-pair lexicon counted on
those topics (how often 'kill'/'murder' or 'say'/'say' corefer there). Run time
needs numpy only: no spaCy or torch import happens here (``mention_from_span`` takes an already
parsed spaCy span and imports the numpy-only :mod:`storyline.extract.embed` lazily).

Public API:
- :class:`CorefMention`: a trigger (text, lemma, POS), its sentence, an optional unit ``vector``
  (the static MiniLM word vector of the trigger's lemma, :func:`storyline.extract.embed.word_vector`),
  optional ``context`` (the sentence's static embedding), ``participants`` (canonical keys of the
  entities and argument heads in its sentence), ``arguments`` (lemmas of the trigger's own
  subject/object heads), ``places``, ``interval`` (earliest/latest ISO day of its time) and
  ``sentence_index`` (kept for callers; not a feature: a headline/lead feature lowered the dev
  score);
- :func:`pair_probability` (a, b) -> P(coreferent); :func:`pair_probabilities` for many pairs;
- :data:`THRESHOLD`, chosen by cross-validation over the training and dev topics;
- :func:`cluster` (mentions, pairs=None, threshold) -> a cluster label per mention (0..k-1);
  ``pairs=None`` uses :func:`candidate_pairs` (same derivational stem, or nearest lemma vectors),
  never all pairs;
- :func:`mention_from_span`: build a :class:`CorefMention` from a parsed trigger token.

Why the features (the set was kept or dropped by the dev score): a shared lemma or derivational
stem is the strongest evidence, and the lexicon says how far to trust it for this word; the
static vectors catch synonyms ('shooting'/'shot', 'fired'/'sacked') and the sentence's topic;
shared participants and arguments separate two arrests of different people; places and disjoint
time intervals separate two quakes in different places or years; a pair in one sentence is rarely
the same event. Tried and dropped on dev: a local-window vector, stem-level lexicon backoff, a
headline/lead feature, the sentence's noun chunks as participants, wider blocking (20 neighbours),
training pairs across whole topics. More tried and dropped: ``scripts/train_coref.py``.

Layout: :mod:`.mention` (the mention view and building it from a parse), :mod:`.features` (pair
features, lexicon), :mod:`.model` (the MLP ensemble, loading, probabilities), :mod:`.clustering`
(blocking, average-link); this package re-exports their public names.
"""

from storyline.reconcile.coref.clustering import average_link, candidate_pairs, cluster
from storyline.reconcile.coref.features import (
    FEATURES,
    Lexicon,
    lexicon_key,
    pair_feature_matrix,
    pair_features,
)
from storyline.reconcile.coref.mention import CorefMention, entities_by_sentence, lemma_key, mention_from_span
from storyline.reconcile.coref.model import (
    MODEL_PATH,
    Model,
    Net,
    load_model,
    pair_probabilities,
    pair_probability,
    shipped_threshold,
)


def __getattr__(name: str) -> float:
    """``THRESHOLD``: the shipped model's threshold, read on first use."""
    if name == "THRESHOLD":
        return shipped_threshold()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), "THRESHOLD"])


__all__ = [
    "FEATURES",
    "MODEL_PATH",
    "THRESHOLD",
    "CorefMention",
    "Lexicon",
    "Model",
    "Net",
    "average_link",
    "candidate_pairs",
    "cluster",
    "entities_by_sentence",
    "lemma_key",
    "lexicon_key",
    "load_model",
    "mention_from_span",
    "pair_feature_matrix",
    "pair_features",
    "pair_probabilities",
    "pair_probability",
    "shipped_threshold",
]
