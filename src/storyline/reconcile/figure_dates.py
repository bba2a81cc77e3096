"""When a figure holds: the date its sentence gives it (an "as of", the act its noun names, a dated
report, a plan's statement, the sentence's own time), else its article's writing day
(``written_day``). ``reconcile.quantities`` compares figures at these dates."""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from storyline import lexicon
from storyline.extract import plover
from storyline.extract.attribution import REPORTING
from storyline.model import Article, Quantity, TimeExpr
from storyline.reconcile.frames import Frame
from storyline.reconcile.timeslot import bounds, comparable_value, is_portal, year_of


def _stated_as_of(f: Frame, article: Article, told: Sequence[TimeExpr]) -> str | None:
    """The date a sentence says its figures hold at ("counted 187 homes destroyed as of Thursday
    evening", "as of the evening of 20 August"), whichever of its events the parse hung it on."""
    for t in [f.claim.time, *told]:
        if t is not None and re.search(rf"\bas\s+of\s+(?:\w+\s+){{0,4}}{re.escape(t.text)}", f.claim.text, re.IGNORECASE):
            value = comparable_value(t, article.published)
            if year_of(value):  # a year the text settles ("XXXX-..." has none)
                return value
    return None


#: Between a figure and the act that modifies its noun: the noun's words ("2.9% raise tabled")
_TO_MODIFIER = re.compile(r"(?:\s+[\w%-]+){0,3}\s+")


def _act_as_of(q: Quantity, body: str, article: Article, acts: Sequence[tuple[int, TimeExpr]]) -> str | None:
    """The date of the act that a figure's noun phrase names ("the 2.9% raise tabled on
    Monday", "the 75 engineers sent in on Monday"): the figure is that act's, whatever the
    sentence goes on to say of it and whenever the article repeats it. A date after the
    writing is not when a told act's figure held."""
    for start, t in acts:
        if start > q.end and _TO_MODIFIER.fullmatch(body[q.end : start]):
            value = comparable_value(t, article.published)
            if year_of(value) and not _after_writing(value, article):
                return value
    return None


#: Verbs of making a document public ("the audit, released on 3 June, put ..."): data/lexicon/figures.json.
_PUBLISHING = lexicon.words("figures", "publishing_verbs")


def _issued_as_of(f: Frame, article: Article, issued: tuple[int, TimeExpr] | None) -> str | None:
    """The day the document a sentence's subject names was made public ("the council's audit,
    released on 3 June, put the overspend at ..."; "the review, issued on Monday, found ..."):
    its figures hold then, whenever an article repeats them. Only a publishing told before the
    sentence's own verb, in its subject."""
    if issued is None or f.claim.trigger is None or issued[0] >= f.claim.trigger[0]:
        return None
    value = comparable_value(issued[1], article.published)
    return value if year_of(value) and not _after_writing(value, article) else None


def _planned_as_of(f: Frame, article: Article, said: Mapping[str, TimeExpr]) -> str | None:
    """A plan's figure holds when the plan was told ("on 3 May the receivers said 40 depots
    would shut by the end of August, with the loss of 900 jobs": as of 3 May), not at the plan's
    date; without a dated statement the article's day stands ("": the caller's fallback). None
    for a sentence that tells no plan."""
    if (f.claim.modality or "") not in ("future", "plan"):
        return None
    t = said.get(f.claim.id)
    value = comparable_value(t, article.published) if t is not None else None
    return value if year_of(value) else ""


#: The word before a time that starts the period a figure runs over.
_SINCE = re.compile(r"\bsince\s+(?:(?:the\s+)?(?:early|small|first)\s+hours\s+of\s+|(?:late|early)\s+"
                    r"|the\s+(?:morning|afternoon|evening|night)\s+of\s+)?$", re.IGNORECASE)
#: Words that tell a figure as run up to the time of telling (a time after "since" then only starts it).
_SO_FAR = re.compile(r"\b(?:already|so\s+far|to\s+date|thus\s+far)\b", re.IGNORECASE)
#: Verbs of a state a count of things has been in since a day ("eight schools have been closed
#: since Monday" is Monday's count too); a count of what acts were done to since a day ("214
#: people have been detained since Sunday") is run up to the telling: data/lexicon/figures.json.
_STATE_SINCE = lexicon.words("figures", "state_since_verbs")
#: A figure that is the subject of a present perfect of an act ("six people have died", "19 have
#: been admitted"): counted up to the telling, however its clause's role reads.
_PERFECT_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?(?:has|have)\s+(?:(?:now|already|all)\s+)?(?:been\s+)?(?!been\b)[a-z]+(?:ed|en|wn)\b",
                            re.IGNORECASE)


def _sentence_as_of(f: Frame, article: Article, q: Quantity | None = None) -> str | None:
    """The date a figure holds at: its sentence claim's date (the event's own, else the date of
    the statement that gives it: "said on Tuesday that 4,000 have been killed since October"),
    else its frame's (the caller falls back on the article's date). A figure of another event than a
    planned one ("the motion, signed by 67 deputies, will be put to a vote next Tuesday") does
    not hold at the plan's date, nor does a told act's at a day after the writing."""
    own = _of_the_claim(f, q)
    # a figure that is the subject of a present perfect is counted in the clause the frame's time
    # dates, though its claim is nominal and has none ("figures: nine have died since 7 March")
    perfect = q is not None and bool(_PERFECT_AFTER.match(article.body, q.end))
    t = f.claim.time or (f.time if perfect else None)
    if t is not None and _SINCE.search(article.body[max(0, t.start - 40) : t.start]) \
            and (_SO_FAR.search(f.claim.text) or (_done_to(f, q) and (f.claim.predicate or "").lower() not in _STATE_SINCE)
                 or (perfect and (f.claim.predicate or "").lower() not in _STATE_SINCE)):
        return None  # "has already burned 11,200 hectares since Wednesday": a running figure, as of the writing
    said = comparable_value(f.claim.time, article.published) if f.claim.time is not None and own else None
    for value in (said, f.value if own else None):
        # a date after the writing is not when a told act's figure held: "offered a raise of 2.5%
        # from 1 July" on 3 May was offered then, and holds from a day to come
        if year_of(value) and not _after_writing(value, article):
            return value
    return None


def _done_to(f: Frame, q: Quantity | None) -> bool:
    """The figure counts what the claim's own act was done to ("214 people have been detained
    since Sunday": run up since), not its doers ("4,200 soldiers have been working since
    Wednesday": as many since then), nor what another verb of the sentence does ("had chaired the
    club since 2012 and put 11 million into it")."""
    if q is None or q.role is None or " " not in q.role:
        return False
    role, kind = q.role.split(" ", 1)
    predicate = (f.claim.predicate or "").lower()
    return role == "patient" and kind in (predicate, plover.event_type(predicate) or predicate)


def _after_writing(value: str | None, article: Article) -> bool:
    """Whether a date begins after the day its (dated) article was written."""
    written = written_day(article)
    start = bounds(value)[0]
    return bool(written and start and start[:10] > written)


def written_day(article: Article) -> str | None:
    """The day a dated (non-portal) article was written."""
    p = article.published
    if p.value and (p.source == "metadata" or (p.source == "dateline" and not is_portal(p))):
        return p.value[:10]
    return None


def _of_the_claim(f: Frame, q: Quantity | None) -> bool:
    """The claim's date is the figure's too: the figure is of the claim's own event (or says
    nothing of its event), or the claim tells what happened (a figure of an act told beside it
    held by then); not when the claim is a plan and the figure another act's."""
    if q is None or q.role is None or f.claim.modality not in ("future", "plan"):
        return True
    kind = q.role.split(" ", 1)[1]
    return kind in (f.claim.event_type, (f.claim.predicate or "").lower())


@dataclass
class SentenceTimes:
    """The times a story's frames tell around each sentence, by the sentence's claim id: the times
    of the events it tells, the statement that tells its plan, where each dated act is named and
    the dated publishing of what its subject is."""

    told: dict[str, list[TimeExpr]] = field(default_factory=lambda: defaultdict(list))
    said: dict[str, TimeExpr] = field(default_factory=dict)
    acts: dict[str, list[tuple[int, TimeExpr]]] = field(default_factory=lambda: defaultdict(list))
    issued: dict[str, tuple[int, TimeExpr]] = field(default_factory=dict)

    @classmethod
    def of(cls, frames: Sequence[Frame]) -> SentenceTimes:
        out = cls()
        for f in frames:
            if f.claim.parent is not None and f.claim.time is not None:
                out.told[f.claim.parent].append(f.claim.time)
                if f.claim.trigger is not None:
                    out.acts[f.claim.parent].append((f.claim.trigger[0], f.claim.time))
                if (f.claim.predicate or "").lower() in REPORTING:
                    out.said.setdefault(f.claim.parent, f.claim.time)
                if (f.claim.predicate or "").lower() in _PUBLISHING and f.claim.trigger is not None:
                    out.issued.setdefault(f.claim.parent, (f.claim.trigger[0], f.claim.time))
        return out

    def dated(self, f: Frame, q: Quantity, article: Article) -> str | None:
        """The date a figure holds at by its sentence (None: only its article dates it): the
        sentence's "as of", the act its noun names, a dated publishing, a plan's statement, or
        the sentence's own time."""
        planned = _planned_as_of(f, article, self.said)
        return _stated_as_of(f, article, self.told.get(f.claim.id, ())) \
            or _act_as_of(q, article.body, article, self.acts.get(f.claim.id, ())) \
            or _issued_as_of(f, article, self.issued.get(f.claim.id) or self.issued.get(f.claim.parent or "")) or (
            (planned or None) if planned is not None else _sentence_as_of(f, article, q))

    def said_on(self, f: Frame, article: Article) -> str | None:
        """The day of the statement that tells a sentence's figures ("..., the office said
        Monday"), when the sentence dates its reporting verb; None otherwise."""
        t = self.said.get(f.claim.id)
        value = comparable_value(t, article.published) if t is not None else None
        return value[:10] if value and year_of(value) and len(value) >= 10 else None
