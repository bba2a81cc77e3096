"""Tellers written after what they tell or set off inside it: "..., the state police
superintendent, said Wednesday.", '"...," a person close to the family told the Herald.', "The
pump, officials said, had failed". The parser often hangs such a teller on the clause before
(a long clause, an apposition, a name beside a misread subject); these readings find it from
the words around the reporting verb. Split from ``storyline.extract.attribution``, whose words
(``data/lexicon/reporting.json``) they read.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from storyline.extract.attribution import (
    _ADDRESSEE_VERBS,
    _AUDIENCE_PREPOSITIONS,
    _SOURCE_LABELS,
    _TIME_TAIL,
    _UNNAMED_SOURCES,
    QUOTES,
    REPORTING,
    _close_to_speaker,
)


def trailing_source(toks: Sequence[Token]) -> str | None:
    """The source of a sentence that ends with its teller (:func:`trailing_teller`), when the
    sentence has no other."""
    found = trailing_teller(toks)
    return found[0] if found is not None else None


def trailing_teller(toks: Sequence[Token]) -> tuple[str, int] | None:
    """(source, reporting verb's index) of a sentence that ends "..., <source>, said Wednesday." or
    "..., <source> reported Saturday evening." when the parser did not make the source the verb's subject (a long
    clause before it, an appositive after the name). The source is the comma-delimited phrase just
    before the verb; an appositive description there ("the state police superintendent") gives way
    to the name before it."""
    words = [t for t in toks if not t.is_space]
    verb_at = next((k for k in range(len(words) - 1, 2, -1) if words[k].lemma_.lower() in REPORTING
                    and words[k].pos_ == "VERB"), None)
    if verb_at is None:
        return None
    verb = words[verb_at]
    # whom and where it was said to ("told a news conference at the spaceport") may follow it
    audience = [c for c in verb.children if (c.dep_ == "dobj" and verb.lemma_.lower() in _ADDRESSEE_VERBS)
                or (c.dep_ == "prep" and c.lower_ in _AUDIENCE_PREPOSITIONS)]
    if any(c.dep_ in ("xcomp", "nsubjpass") or (c.dep_ == "dobj" and c not in audience)
           for c in verb.children):
        return None  # an object is what is said
    heard = {t.i for c in audience for t in c.subtree}
    # ... and a participle's comment on what was said ("..., X said Monday, making it the first")
    heard |= {t.i for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > verb.i
              and verb.doc[c.left_edge.i - 1].text == "," for t in c.subtree}
    tail = words[verb_at + 1:]
    if not all(t.is_punct or t.i in heard or t.ent_type_ in ("DATE", "TIME") or t.lower_ in _TIME_TAIL for t in tail):
        return None
    # '"...," a person close to the family told the Herald.': the words between the quote's
    # closing mark and the verb speak it, whatever the parser hung them on
    closing = next((k for k in range(verb_at - 1, 1, -1) if words[k].text in QUOTES), None)
    if closing is not None and words[closing - 1].text == "," and 0 < verb_at - closing - 1 <= 10:
        speaker = words[closing + 1:verb_at]
        if any(t.ent_type_ == "PERSON" for t in speaker):  # "coroner A B": the name speaks
            speaker = speaker[next(k for k, t in enumerate(speaker) if t.ent_type_ == "PERSON"):]
        if not any(t.is_punct for t in speaker) and any(t.pos_ in ("NOUN", "PROPN") for t in speaker):
            return verb.doc[speaker[0].i : speaker[-1].i + 1].text, verb.i
        cut = next((k for k, t in enumerate(speaker) if t.is_punct), 0)
        if 0 < cut <= 4 and speaker[cut].text == "," and speaker[-1].text == "," \
                and all(t.pos_ == "PROPN" for t in speaker[:cut]):
            # '"...," A B, chair of the X committee, told reporters': the name, not its title
            return verb.doc[speaker[0].i : speaker[cut - 1].i + 1].text, verb.i
    # the subject nearest the verb first: the parser may hang a subject of the clause before on
    # it too ("... but a cabinet that nobody checked, regional officer A B, who ..., told the bulletin")
    subjects = sorted((c for c in verb.children if c.dep_ == "nsubj"), key=lambda c: -c.i)
    close = _close_to_speaker(subjects[0]) if subjects else None
    if close is not None and close.start > 0 and verb.doc[close.start - 1].text == ",":
        return close.text, verb.i  # "..., a source close to Prime Minister A B said."
    if subjects and _named_before(words, verb_at, subjects[0]):
        # "... since the ferry overturned ..., Commander A B of the Coastguard said": the parser
        # took a subject from an earlier clause across the comma; the name before the verb speaks
        subjects = []
    if subjects:
        # the frame read the subject of a main reporting verb; one the parser hung on the
        # sentence as a conjunct ("X detected ... and sent ..., Saffron's chief, A B, told a news
        # conference"), set off by a comma, is the source of the whole sentence
        subject = subjects[0]
        # the subject's own phrase: the words before it up to a comma, and after it its title or
        # appositive, not a relative clause ("A B, who led the inquiry,") nor words the parser
        # hung on it from the clause before
        relative = {t.i for c in subject.children if c.dep_ == "relcl" for t in c.subtree}
        inside = {t.i for t in subject.subtree} - relative
        first = subject.i
        while first > 0 and first - 1 in inside and verb.doc[first - 1].text != "," and verb.doc[first - 1].text not in QUOTES:
            first -= 1
        last = max((i for i in inside if subject.i <= i < verb.i and not verb.doc[i].is_punct), default=subject.i)
        # ... or a title before the name that the parser read as something else ('," coroner A B
        # told the Post': the title taken for the sentence's verb)
        k = first - 1
        while k > 0 and first - k <= 3 and verb.doc[k].is_lower and verb.doc[k].is_alpha:
            k -= 1
        # "..., the debris caught in the alders, Ada Kaddery, a hydrologist at X, told the Post": the
        # parser made the clause's last noun the subject and the name beside it its appositive
        named_appos = next((c for c in subject.children if c.dep_ == "appos" and c.i > subject.i
                            and c.pos_ == "PROPN" and verb.doc[c.left_edge.i - 1].text == ","), None)
        if named_appos is not None and verb.dep_ != "ROOT" and verb.doc[verb.i - 1].text == ",":
            return verb.doc[named_appos.left_edge.i : named_appos.i + 1].text, verb.i
        if verb.dep_ == "ROOT" or first == 0 or (verb.doc[first - 1].text != ","
                                                 and verb.doc[k].text not in QUOTES):
            return None
        named = verb.doc[first : last + 1]
        if not any(t.pos_ == "PROPN" or t.ent_type_ in _SOURCE_LABELS for t in named) and not (
                subject.pos_ == "NOUN" and subject.lemma_.lower() in _UNNAMED_SOURCES):
            return None  # an unnamed teller ("a person close to the inquiry") speaks too
        return named.text, verb.i
    commas = [k for k in range(verb_at) if words[k].text == ","]
    if not commas:
        return None
    last = commas[-1]
    if last == verb_at - 1 and len(commas) >= 2:  # ", X, the superintendent, said": skip the closing comma
        commas, last = commas[:-1], commas[-2]
    chunk = [t for t in words[last + 1:verb_at] if t.text != ","]
    if chunk and chunk[0].lower_ in ("who", "whose") and len(commas) >= 2:
        # ", A B, who led the inquiry, told reporters": the relative clause describes the speaker
        # named before it
        commas, last = commas[:-1], commas[-2]
        chunk = [t for t in words[last + 1:verb_at] if t.text != ","]
        chunk = chunk[:next((k for k, t in enumerate(chunk) if t.lower_ in ("who", "whose")), len(chunk))]
    if not chunk or len(chunk) > 12 or any(t.pos_ in ("VERB", "AUX") for t in chunk):
        return None
    # "the state police superintendent", or a title without an article ("chair of the X Commission")
    described = (chunk[0].lower_ in ("the", "a", "an") or chunk[0].pos_ == "NOUN") \
        and not any(t.ent_type_ == "PERSON" for t in chunk)
    if described and len(commas) >= 2:
        before = list(words[commas[-2] + 1:last])
        if 0 < len(before) <= 6 and all(t.pos_ == "PROPN" or t.is_punct for t in before) and any(
                t.ent_type_ == "PERSON" for t in before):
            chunk = [*before, words[last], *chunk]
    if not any(t.ent_type_ in _SOURCE_LABELS or t.pos_ in ("NOUN", "PROPN") for t in chunk):
        return None
    return chunk[0].doc[chunk[0].i : chunk[-1].i + 1].text, verb.i


def parenthetical_source(toks: Sequence[Token]) -> str | None:
    """The source set off in the middle of a sentence ("Why the gate stayed open, the Gazette
    understands, is that ...", "The pump, officials said, had failed"): a reporting verb with a
    subject and nothing it reports of its own (no object, no clause), between two commas with
    only its subject's words before it. A named subject (or an unnamed teller's noun) speaks."""
    words = [t for t in toks if not t.is_space]
    for k, verb in enumerate(words):
        # the small model may tag the set-off verb a noun ("the Gazette understands,")
        verbal = verb.pos_ == "VERB" or (verb.pos_ == "NOUN" and verb.lower_.endswith(("s", "ed")))
        if verb.lemma_.lower() not in REPORTING or not verbal or k + 1 >= len(words) or words[k + 1].text != ",":
            continue
        if any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children):
            continue
        start = next((j for j in range(k - 1, 0, -1) if words[j].text == ","), None)
        if start is None or not 0 < k - start - 1 <= 8:
            continue
        phrase = words[start + 1:k]
        if any(t.pos_ in ("VERB", "AUX") or t.is_punct for t in phrase):
            continue
        named = any(t.pos_ == "PROPN" or t.ent_type_ in _SOURCE_LABELS for t in phrase)
        unnamed = phrase[-1].pos_ == "NOUN" and phrase[-1].lemma_.lower() in _UNNAMED_SOURCES
        if named or unnamed:
            return verb.doc[phrase[0].i : phrase[-1].i + 1].text
    return None


def _named_before(words: Sequence[Token], verb_at: int, subject: Token) -> bool:
    """Whether a comma-set name that is not the subject stands right before the reporting verb
    (", Commander A B of the Coastguard said") with the subject before that comma: the name is
    the verb's speaker, the subject a misparse from the clause before."""
    commas = [k for k in range(verb_at) if words[k].text == ","]
    if not commas or subject.i >= words[commas[-1]].i:
        return False
    chunk = words[commas[-1] + 1:verb_at]
    return 0 < len(chunk) <= 12 and chunk[0].pos_ == "PROPN" and any(t.ent_type_ == "PERSON" for t in chunk) \
        and not any(t.pos_ in ("VERB", "AUX") for t in chunk)
