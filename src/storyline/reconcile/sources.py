"""Who says what: independent sources, outlet profiles and sensational headline signals."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import PurePosixPath
from urllib.parse import urlparse

from storyline import lexicon
from storyline.model import Article, Claim, Conflict, SourceProfile
from storyline.reconcile import memo

_AGENCY_WORDS = re.compile(rf"\b({lexicon.alternation('sources', 'agency_words')})\b", re.IGNORECASE)
# Words that dramatise rather than report (clickbait and tabloid vocabulary). Plain event words
# that serious outlets use for real events ("destroyed", "disaster", "brutal") are left out.
_LOADED = lexicon.words("sources", "loaded_words")
# An all-caps word this long is shouting, not an acronym (NATO, KCNA, UNSC are shorter).
_SHOUT_LEN = 6
_ACRONYM_IN = re.compile(r"\b[A-Z]{2,6}\b")


def outlet(article: Article) -> str | None:
    if article.site:
        return article.site
    if article.url:
        host = urlparse(article.url).hostname
        if host:
            return host.removeprefix("www.")
    return None


def source_key(claim: Claim, article: Article, canon: Callable[[str | None], str | None] | None = None) -> str:
    """The independent source behind a claim.

    A claim credited to an agency or institution counts as that source, so two outlets that
    both relay the same agency are one source (under any of its names, with ``canon``);
    otherwise the outlet (or the article: its file name, which a reader can find, else its id) is.
    """
    if claim.attribution and (_AGENCY_WORDS.search(claim.attribution) or _ACRONYM_IN.search(claim.attribution)):
        name = canon(claim.attribution) if canon is not None else None
        return "attr:" + (name or re.sub(r"[^a-z0-9]+", " ", claim.attribution.lower()).strip())
    return "outlet:" + (outlet(article) or (PurePosixPath(article.path.replace("\\", "/")).name if article.path else "")
                        or article.id)


def headline_signals(headline: str) -> list[str]:
    """Sensational signals in one headline: shouting in capitals, exclamation marks, loaded words.

    Capitals count as shouting only beyond what acronyms explain: a run of three all-caps words,
    a run of two with a long word in it, or a long all-caps word before a colon or "!".
    """
    signals: list[str] = []
    words = re.findall(r"[A-Za-z][A-Za-z'\-]*", headline)
    runs: list[list[str]] = [[]]
    for w in words:
        if w.isupper() and len(w) >= 2:
            runs[-1].append(w)
        elif runs[-1]:
            runs.append([])
    shouting: list[str] = []
    for run in runs:
        longest = max((len(w) for w in run), default=0)
        if len(run) >= 3 or (len(run) == 2 and longest >= _SHOUT_LEN):
            shouting.extend(run)
    shouting += [
        w for w in words
        if w.isupper() and len(w) >= _SHOUT_LEN and re.search(rf"\b{re.escape(w)}\s*[:!]", headline)
    ]
    if shouting:
        signals.append("all-caps: " + " ".join(dict.fromkeys(shouting)))
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
        if c.section != "body" or c.parent is not None:
            continue  # an event told inside a sentence is part of that sentence's claim
        n_claims[c.article_id] = n_claims.get(c.article_id, 0) + 1
        if c.attribution:
            n_attr[c.article_id] = n_attr.get(c.article_id, 0) + 1
    against: dict[str, int] = {}
    for k in conflicts:
        if not k.best_supported:
            continue
        for v in k.values:
            if v.value != k.best_supported:
                for aid in set(v.article_ids):
                    against[aid] = against.get(aid, 0) + 1
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


# ---------------------------------------------------------------------------------------------
# one source under several names: "the NSIB", "National Security and Intelligence Bureau", "Velmont's spy agency"

_GENERIC_SOURCE = lexicon.words("sources", "generic_source_words")
_INTEL = re.compile(
    r"^(?P<who>.+?)(?:'s|’s|s')?\s+(?P<kind>(?:military|foreign|domestic)\s+)?"
    r"(?:intelligence(?:\s+(?:service|agency|directorate))?|spy\s+(?:agency|service))$",
    re.IGNORECASE,
)
_PAREN_ACRONYM = re.compile(r"^(?P<name>.+?)\s*\((?P<acr>[A-Z]{2,6})\)?\s*$")
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_SMALL = frozenset({"of", "the", "and", "for", "on", "de"})


def _norm_name(text: str) -> str:
    t = re.sub(r"^(?:according\s+to\s+)?(?:the|a|an)\s+", "", text.strip(), flags=re.IGNORECASE)
    t = _DOCUMENT_OF.sub("", t)  # "the preliminary report of the X": X speaks through it
    return re.sub(r"\s+", " ", t.replace("’", "'")).strip(" ,.;:")


#: A document of its author ("preliminary report of the X", "figures from the X", "the data of the
#: X"): the author is the source. Nouns: data/lexicon/reporting.json according_figure_nouns.
_DOCUMENT_OF = re.compile(
    rf"^(?:[A-Za-z-]+\s+){{0,2}}?(?:{'|'.join(sorted(lexicon.words('reporting', 'according_figure_nouns')))})s?"
    r"\s+(?:of|by|from)\s+(?:the\s+)?(?=[A-Z])")


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w\-]*", name) if w.lower() not in _SMALL).upper()


def _intel_country(name: str) -> str | None:
    """'<country adjective or place> intelligence' / "<capital>'s spy agency" -> that country's service."""
    m = _INTEL.match(name)
    if m is None:
        return None
    who = m.group("who").strip()
    try:
        from storyline.extract import gazetteer as gz
    except ImportError:  # pragma: no cover - extraction not installed
        return None
    country = gz.country_from_adjective(who)
    if country is None and gz.capital_of(who):
        country = who  # a country named by its name
    if country is None:
        home = gz.country_of(who)
        cap = gz.capital_of(home) if home else None
        country = home if cap and cap.lower() == who.lower() else None
    if country is None:
        return None
    return f"{(m.group('kind') or '').strip().lower()} intelligence of {country.lower()}".strip()


@memo.pure(16384)
def _name_key(text: str) -> tuple[str, str | None, str | None]:
    """The key of a source's name, the name it makes proper (an organisation's own name or
    acronym, lower-cased) if any, and the name before a bracketed acronym ("Velmont's military
    intelligence (HUR)"). A pure function of the text and the gazetteer, so kept per text: a
    story names its sources the same way in most of its articles, and every update read them all
    again (half of ``SourceNames`` on a story of 1,000 articles)."""
    name = _norm_name(text)
    m = _PAREN_ACRONYM.match(name)
    if m:
        return m.group("acr"), m.group("acr").lower(), m.group("name")
    if _ACRONYM.match(name):
        return name, name.lower(), None
    intel = _intel_country(name)
    if intel:
        return intel, None, None
    tokens = re.findall(r"[A-Za-z][\w\-']*", name)
    if len(tokens) >= 2 and all(w[0].isupper() for w in tokens if w.lower() not in _SMALL):
        # a proper name ("National Intelligence Service"): its initials count
        return name.lower(), name.lower(), None
    words = [w for w in re.findall(r"[a-z][a-z\-]*", name.lower()) if w not in _GENERIC_SOURCE]
    return " ".join(sorted(words)), None, None



#: An organisation's name with the acronym it goes by in brackets ("Vantrix Water Board (VWB)",
#: "the Rail Safety Office (RSO)"): the text defines the acronym, whatever letters it takes.
_DEFINED_ACRONYM = re.compile(
    r"(?<![\w'’])(?P<name>[A-Z][\w'’&-]*(?:\s+(?:(?:of|the|for|and|de)\s+)*[A-Z][\w'’&-]*){1,6})\s+\((?P<acr>[A-Z]{2,6})\)")


def defined_acronyms(body: str) -> list[str]:
    """Every "Name (ACR)" a text writes, as one source's two names ("Vantrix Water Board (VWB)")."""
    return [f"{m.group('name')} ({m.group('acr')})" for m in _DEFINED_ACRONYM.finditer(body)]


class SourceNames:
    """Canonical names of the sources a corpus credits: one key per agency, whatever it is called.

    Built from every attribution and organisation mention of the corpus, with general rules:
    an acronym is the organisation whose initials it spells ("NIS" = "National Intelligence
    Service"); "<Country adjective> intelligence" and "<Capital>'s spy agency" are that
    country's intelligence service; a name followed by its acronym in brackets is that acronym;
    an article that names exactly one country's intelligence service and exactly one
    intelligence organisation by its own name means one agency. Otherwise names that share
    their distinctive words ("regional civil protection service", "civil protection officials")
    are one source, and a shorter common name ("the directorate") is the only organisation whose
    longer names hold all its words.
    """

    def __init__(self, names_by_article: dict[str, list[str]]) -> None:
        self.parent: dict[str, str] = {}
        self.proper: set[str] = set()  # keys that are an organisation's own name or acronym
        named: set[str] = set()
        for names in names_by_article.values():
            for n in names:
                named.add(self._add(n))
        named.discard("")
        self.parent.pop("", None)
        by_initials: dict[str, list[str]] = {}
        for k in named:
            if not _ACRONYM.match(k) and len(k.split()) >= 2:
                by_initials.setdefault(_initials(k), []).append(k)
        for k in named:
            if _ACRONYM.match(k) and len(by_initials.get(k, [])) == 1:
                self._union(k, by_initials[k][0])
        self._bare_heads(named)
        groups: dict[str, list[str]] = {}
        for k in list(self.parent):
            groups.setdefault(self.find(k), []).append(k.lower())
        for names in names_by_article.values():
            roots = {self.find(self._key(n)) for n in names}
            members = {r: groups.get(r, [r.lower()]) for r in roots}
            countries = {r for r in roots if any(" of " in m and "intelligence" in m for m in members[r])}
            own = {r for r in roots - countries
                   if any("intelligence" in m for m in members[r]) and any(m in self.proper for m in members[r])}
            if len(countries) == 1 and len(own) == 1:
                a, b = next(iter(countries)), next(iter(own))
                self._union(a, b)
                groups[self.find(a)] = groups.pop(a, [a.lower()]) + groups.pop(b, [b.lower()])

    def _bare_heads(self, named: set[str]) -> None:
        """A shorter common name is the only organisation whose longer names hold all its words:
        "the civil protection directorate" and "the directorate" are "the National Civil
        Protection Directorate" when the story names no other directorate; with two candidates
        the name stays apart. Longer common names go first, so a short one finds them joined."""
        words_of = {k: set(re.findall(r"[a-z][a-z\-]*", k.lower())) for k in named}
        for k in sorted(named, key=lambda x: (-len(words_of[x]), x)):
            if _ACRONYM.match(k) or k.lower() in self.proper or not words_of[k]:
                continue
            roots = {self.find(o) for o in named
                     if len(words_of[o]) > len(words_of[k]) and words_of[k] <= words_of[o]}
            if len(roots) == 1:
                self._union(k, next(iter(roots)))

    def _key(self, text: str) -> str:
        key, proper, _also = _name_key(text)
        if proper is not None:
            self.proper.add(proper)
        return key

    def _add(self, text: str) -> str:
        k = self._key(text)
        self.parent.setdefault(k, k)
        also = _name_key(text)[2]
        if also is not None:  # "Velmont's military intelligence (HUR)": both names
            other = self._key(also)
            self.parent.setdefault(other, other)
            self._union(k, other)
        return k

    def find(self, k: str) -> str:
        self.parent.setdefault(k, k)
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def _union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # an organisation's own name represents the group, else the longest
            keep, drop = sorted((ra, rb), key=lambda x: (x.lower() not in self.proper, -len(x), x))
            self.parent[drop] = keep

    def canonical(self, text: str | None) -> str | None:
        """The source key of an attribution; None for an anonymous one ("officials")."""
        if not text:
            return None
        k = self._key(text)
        return self.find(k) if k else None
