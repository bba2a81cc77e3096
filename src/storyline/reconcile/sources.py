"""Who says what: independent sources, outlet profiles and sensational headline signals."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from urllib.parse import urlparse

from storyline.model import Article, Claim, Conflict, SourceProfile

_AGENCY_WORDS = re.compile(
    r"\b(agency|agencies|news|times|post|press|tass|reuters|xinhua|yonhap|interfax|kcna|novosti|ria|afp|ap|"
    r"bbc|cnn|sinmun|gazette|herald|journal|tribune|telegraph|guardian|ministry|kremlin|white house|"
    r"intelligence|general staff|government|office|spokes\w*)\b",
    re.IGNORECASE,
)
# words that dramatise rather than report; plain news words ("death", "failed") are left out
_LOADED = frozenset(
    ["shocking", "stunning", "stunned", "bombshell", "explosive", "outrage", "outrageous", "slams", "slammed", "blasts", "blasted", "destroys", "destroyed", "humiliating", "humiliated", "humiliation", "brutal", "horrifying", "horrific", "terrifying", "chilling", "insane", "crazy", "disaster", "disastrous", "catastrophic", "chaos", "meltdown", "nightmare", "slave", "slavery", "morons", "moron", "idiots", "idiot", "unbelievable", "jaw-dropping", "furious", "doomed", "evil", "grind", "cruel", "savage"]
)
_ACRONYM_OK = re.compile(r"^[A-Z]{2,5}$")


def outlet(article: Article) -> str | None:
    if article.site:
        return article.site
    if article.url:
        host = urlparse(article.url).hostname
        if host:
            return host.removeprefix("www.")
    return None


def source_key(claim: Claim, article: Article) -> str:
    """The independent source behind a claim.

    A claim credited to an agency or institution counts as that source, so two outlets that
    both relay the same agency are one source; otherwise the outlet (or the article) is.
    """
    if claim.attribution and _AGENCY_WORDS.search(claim.attribution):
        return "attr:" + re.sub(r"[^a-z0-9]+", " ", claim.attribution.lower()).strip()
    return "outlet:" + (outlet(article) or article.id)


def headline_signals(headline: str) -> list[str]:
    """Sensational signals in one headline: all-caps runs, exclamation marks, loaded words."""
    signals: list[str] = []
    words = re.findall(r"[A-Za-z][A-Za-z'\-]*", headline)
    caps = [w for w in words if w.isupper() and len(w) >= 2]
    run, longest = 0, 0
    for w in words:
        run = run + 1 if w.isupper() and len(w) >= 2 else 0
        longest = max(longest, run)
    shouting = [w for w in caps if not (_ACRONYM_OK.match(w) and longest < 2) and len(w) >= 3]
    if longest >= 2 or any(re.search(rf"\b{re.escape(w)}\s*[:!]", headline) for w in caps if len(w) >= 4):
        signals.append("all-caps: " + " ".join(dict.fromkeys(shouting or caps)))
    if "!" in headline:
        signals.append(f"exclamation marks: {headline.count('!')}")
    loaded = sorted({w.lower() for w in words if w.lower() in _LOADED})
    if loaded:
        signals.append("loaded words: " + ", ".join(loaded))
    return signals


def is_sensational(headline: str) -> bool:
    return bool(headline_signals(headline))


def source_profiles(
    articles: Sequence[Article], claims: Iterable[Claim], conflicts: Sequence[Conflict]
) -> list[SourceProfile]:
    """Per article: claims made, conflicts with the consensus, attribution rate, headline signals."""
    n_claims: dict[str, int] = {}
    n_attr: dict[str, int] = {}
    for c in claims:
        if c.section != "body":
            continue
        n_claims[c.article_id] = n_claims.get(c.article_id, 0) + 1
        if c.attribution:
            n_attr[c.article_id] = n_attr.get(c.article_id, 0) + 1
    against: dict[str, int] = {}
    for k in conflicts:
        if not k.best_supported:
            continue
        for v in k.values:
            if v.value != k.best_supported:
                for a in set(v.article_ids):
                    against[a] = against.get(a, 0) + 1
    out = []
    for a in articles:
        signals = []
        if a.title:
            signals += [f"headline {s}" for s in headline_signals(a.title)]
        for t in a.teasers:
            for s in headline_signals(t.headline):
                signals.append(f"teaser '{t.headline[:60]}' {s}")
        total = n_claims.get(a.id, 0)
        out.append(
            SourceProfile(
                article_id=a.id,
                outlet=outlet(a),
                claims=total,
                conflicts_with_consensus=against.get(a.id, 0),
                attribution_rate=round(n_attr.get(a.id, 0) / total, 3) if total else 0.0,
                sensational_signals=signals,
            )
        )
    return out
