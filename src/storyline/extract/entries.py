"""Live-blog entries: a paragraph that opens with a clock time is an entry written at that time.

A live page ("9:52 a.m. The county reports that the dam has failed. A section of the embankment
has washed out.") stamps each entry once, at its head; the entry's sentences carry no time of
their own, but what they report was known by then. A sentence claim of a stamped paragraph that
has no time takes the stamp's. A page counts as live only when at least ``MIN_STAMPS``
paragraphs open with a clock time: one article paragraph that happens to begin with "10 a.m."
is not an entry.

A done act is dated so (a past or perfect verb), and so is the page's own present ("Strand takes
the oath"), marked with the present tense so that the timeline does not date the happening by it;
a state ("a shelter is open") or an ongoing scene ("traffic is backed up", "crews are loading
buses") was only true at the stamp. Contract: a pure function of the article's claims, sentences, tagged
times and parse; it returns the claims, only ever filling a missing ``time``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from storyline.extract import plover
from storyline.model import Claim, Sentence, TimeExpr

#: Paragraphs opening with a clock time it takes to read a page as a live blog.
MIN_STAMPS = 2
#: How far into its paragraph a stamp may start (a bullet, a dash or a bold marker before it).
LEAD = 3


def entry_stamps(sentences: Sequence[Sentence], times: Sequence[TimeExpr]) -> dict[int, TimeExpr]:
    """Paragraph index -> the stamp of the entry it belongs to, for a page with enough stamped
    paragraphs. An entry opens with a paragraph whose first words are a clock time ("9:52 a.m.
    The county reports...") or that is only a clock time ("16:32" above the entry's text); it
    runs until the next stamp."""
    first: dict[int, Sentence] = {}
    for s in sentences:
        first.setdefault(s.paragraph, s)
    opening: dict[int, TimeExpr] = {}
    for t in times:
        if t.type != "TIME" or "T" not in t.value:
            continue
        for paragraph, s in first.items():
            if s.start <= t.start <= s.start + LEAD:
                opening.setdefault(paragraph, t)
    if len(opening) < MIN_STAMPS:
        return {}
    stamps: dict[int, TimeExpr] = {}
    current: TimeExpr | None = None
    for paragraph in sorted(first):
        current = opening.get(paragraph, current)
        if current is not None:
            stamps[paragraph] = current
    return stamps


def _event_token(doc: Doc, c: Claim) -> Token | None:
    """The head token of the claim's event word, if the parse has it."""
    if c.trigger is None:
        return None
    span = doc.char_span(c.trigger[0], c.trigger[1], alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _done(doc: Doc, c: Claim) -> bool:
    """The claim tells a done act: its event word is a past or a perfect verb ("the dam has
    failed", "crews evacuated"), not an ongoing scene ("traffic is backed up", "crews are
    loading buses") that was only true at the stamp."""
    tok = _event_token(doc, c)
    if tok is None:
        return False
    if tok.tag_ == "VBD":
        return True
    auxes = [a for a in tok.children if a.dep_ in ("aux", "auxpass")]
    return tok.tag_ == "VBN" and any(a.lemma_ == "have" or a.tag_ == "VBD" for a in auxes)  # "has failed"


def _told_live(doc: Doc, c: Claim) -> bool:
    """The live page's own present: an act told as it happens ("Strand takes the oath", "the
    minister rises to answer"), not a state ("a shelter is open") nor a scene going on ("crews
    are loading buses")."""
    tok = _event_token(doc, c)
    if tok is None:
        return False

    def act(t: Token) -> bool:
        return (t.tag_ in ("VBZ", "VBP") and t.pos_ == "VERB" and t.lemma_.lower() not in plover.STATE_VERBS
                and not any(a.dep_ in ("aux", "auxpass") for a in t.children))

    # "Wesseling is back on her feet and accuses Dalquist": the act is the state's coordinated verb
    return act(tok) or (tok.tag_ in ("VBZ", "VBP") and any(c.dep_ == "conj" and act(c) for c in tok.children))


#: Dated headings it takes to read a page as a chronology told under its days.
MIN_HEADINGS = 2
#: A dated heading is short: its day and a label ("THE REPORT - 3 June", "3 June: the report").
HEADING_CHARS = 60
_LABEL = re.compile(r"^[\W\d]*(?:[A-Z][\w'-]*[\W\d]*){0,6}$")


def heading_days(text: str, times: Sequence[TimeExpr]) -> list[tuple[int, int, TimeExpr]]:
    """(start, end, day) of the sections of a page told under dated headings ("THE REPORT - 3
    June" over "The board publishes its report on the weir ..."; at least ``MIN_HEADINGS``): a
    heading is a short line that is a day and a label of capitalised words; its section runs
    from the line after it to the next heading."""
    heads: list[tuple[int, int, TimeExpr]] = []
    days = [t for t in times if t.type == "DATE" and len(t.value) == 10 and t.value[:4].isdigit()]
    for t in days:
        start = text.rfind("\n", 0, t.start) + 1
        end = text.find("\n", t.end)
        end = len(text) if end < 0 else end
        line = text[start:end]
        if len(line.strip()) > HEADING_CHARS:
            continue
        label = text[start:t.start] + " " + text[t.end:end]
        if _LABEL.match(label.strip()) and not (heads and heads[-1][0] == start):
            heads.append((start, end, t))
    if len(heads) < MIN_HEADINGS:
        return []
    return [(end, nxt[0] if nxt else len(text), t) for (_, end, t), nxt in
            zip(heads, [*heads[1:], None], strict=True)]


def _date_sections(claims: Sequence[Claim], times: Sequence[TimeExpr], doc: Doc) -> list[Claim]:
    """Each sentence claim under a dated heading that tells an act without a time of its own
    (and no plan or guess) takes the heading's day, whatever its tense: the section tells that
    day, in the past or in the chronology's historical present ("The board publishes its
    report", "the director resigns"), which is the act's day here, not the reader's."""
    sections = heading_days(doc.text, times)
    if not sections:
        return list(claims)
    out = []
    for c in claims:
        day = next((t for start, end, t in sections if start <= c.span[0] < end), None)
        if day is not None and c.time is None and c.parent is None and c.modality is None:
            c = replace(c, time=day)
        out.append(c)
    return out


def date_entries(claims: Sequence[Claim], sentences: Sequence[Sentence], times: Sequence[TimeExpr],
                 doc: Doc) -> list[Claim]:
    """The claims, each sentence claim of a stamped entry that tells a done act without a time
    of its own dated by the entry's stamp (``entry_stamps``); one told in the page's present
    gets the stamp marked present (the reader's date, not the act's). A page with no stamps but
    dated headings dates its sections' acts by them (``heading_days``)."""
    stamps = entry_stamps(sentences, times)
    if not stamps:
        return _date_sections(claims, times, doc)
    paragraph_of = {s.index: s.paragraph for s in sentences}
    out = []
    for c in claims:
        stamp = stamps.get(paragraph_of.get(c.sentence, -1))
        # "found alive after 20 hours": a duration says how long, not when
        undated = c.time is None or c.time.type in ("DURATION", "SET")
        if stamp is not None and undated and c.parent is None:
            if _done(doc, c):
                c = replace(c, time=stamp)
            elif _told_live(doc, c):
                # dated for what it says, but marked present: the timeline does not date the act by
                # it (stamps dated one-day happenings told across midnight apart: measured)
                c = replace(c, time=replace(stamp, tense="present"))
        elif stamp is not None and c.time is not None and c.parent is None and (c.time.start, c.time.end) == (
                stamp.start, stamp.end) and _told_live(doc, c):
            c = replace(c, time=replace(c.time, tense="present"))  # the entry's opening sentence
        out.append(c)
    return out


def stamped_present(c: Claim) -> bool:
    """The claim's time is its live entry's stamp marked present by ``date_entries`` ("14:48
    Pendry rises to say ..."): the reader's date, not the act's, so the timeline must not date the
    act by it. The stamp stands outside the sentence or at its very start."""
    t = c.time
    return (t is not None and t.tense == "present" and t.type == "TIME"
            and not c.span[0] + LEAD < t.start < c.span[1])


#: What follows a live entry's stamp in its first sentence ("06:20 What we know so far: ..."): a
#: capitalised word or a quote (``opens_entry`` here, ``told`` on the parse).
AFTER_STAMP = re.compile(r"\s+[A-Z\"“‘']")


def opens_entry(t: TimeExpr, c: Claim) -> bool:
    """The clock time that opens the claim's sentence, a live entry's stamp ("12:15 The office
    said on Monday ..."): when the entry was written, which dates the sentence only when it gives
    no time of its own."""
    at = t.start - c.span[0]
    return t.type == "TIME" and 0 <= at <= LEAD and AFTER_STAMP.match(c.text, t.end - c.span[0]) is not None

