"""A body that told something, named in the sentence after: "Nine bodies have been recovered,
police said Tuesday. Colonel A B, head of the district police, said rescuers ...". Wire copy
gives the body first and its officer next; the figure is the officer's as much as the force's,
and a reader checking it wants the name. The body's telling becomes "police (A B)": both the
body and the person, so that what the body is credited with elsewhere still reads as the body's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline import lexicon
from storyline.model import Claim, Mention, Sentence

#: Inflected reporting verbs that end the subject phrase of the sentence naming the officer.
_SPEAKS = re.compile(rf"\b(?:{'|'.join(sorted(lexicon.words('reporting', 'reporting_forms')))})\b")
#: The longest body credited without a name ("the district police", "the interior ministry").
_BODY_WORDS = 4


def _body(attribution: str | None) -> str | None:
    """The head word of a body named without a person ("police", "the fire service"): lower-case
    words only, a few of them."""
    if not attribution or attribution != attribution.lower():
        return None
    words = re.findall(r"[a-z]+", attribution)
    return words[-1] if 0 < len(words) <= _BODY_WORDS else None


def name_collective_tellers(claims: Sequence[Claim], sentences: Sequence[Sentence],
                            mentions: Sequence[Mention]) -> None:
    """Give a body's telling the person the next sentence (same paragraph) names as its speaker
    when that sentence's speaker is introduced as one of the body ("Colonel A B, head of the
    district police, said"): the body's word stands in the words before the verb of speaking."""
    own = {c.sentence: c for c in claims if c.parent is None}
    people: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.label == "PERSON" and m.sentence is not None:
            people.setdefault(m.sentence, []).append(m)
    for claim in claims:
        body = _body(claim.attribution)
        nxt = own.get(claim.sentence + 1)
        if body is None or nxt is None or not nxt.attribution or claim.sentence + 1 >= len(sentences) \
                or sentences[claim.sentence + 1].paragraph != sentences[claim.sentence].paragraph:
            continue
        sentence = sentences[claim.sentence + 1]
        speaks = _SPEAKS.search(sentence.text)
        if speaks is None:
            continue
        subject = sentence.text[: speaks.start()]
        person = next((m for m in people.get(sentence.index, []) if m.end - sentence.start <= speaks.start()
                       and (m.text in nxt.attribution or nxt.attribution in m.text)), None)
        if person is None or '"' in subject or "“" in subject \
                or not re.search(rf"\b{re.escape(body)}\b", subject[person.end - sentence.start:], re.I):
            continue
        claim.attribution = f"{claim.attribution} ({nxt.attribution})"
