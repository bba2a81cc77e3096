"""Sentence boundaries the pipeline enforces on the parser (texts written for the test)."""

from __future__ import annotations

from storyline.nlp import load_nlp


def test_a_paragraph_starts_a_sentence_and_its_first_word_is_never_one_alone() -> None:
    nlp = load_nlp()
    doc = nlp("The board said that a vote was likely.\n\nWho said what\n\nBrannock said Thursday that she "
              "would vote against it. But on Friday she said no.\n\nAdvertisement\n\nThe vote is on Monday.")
    sents = [s.text.strip() for s in doc.sents]
    assert "Brannock said Thursday that she would vote against it." in sents
    assert "Who said what" in sents and "Advertisement" in sents
    assert not any(len(s.split()) == 1 and s not in ("Advertisement",) for s in sents)


def test_a_date_labelling_its_paragraph_stays_in_its_sentence_and_other_labels_do_not() -> None:
    nlp = load_nlp()
    doc = nlp("How it unfolded\n\n18 March: Ameln announced the Fair Shelf Bill, which would create a pricing "
              "watchdog and ban the passing on of future prices.\n\nTue 3 Feb: The board met.\n\n"
              "The minister spoke plainly: nobody was above the law.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[1].startswith("18 March: Ameln announced"), sents
    assert "Tue 3 Feb: The board met." in sents
    # a colon after words that are not a date is the parser's to read
    assert not any(s.startswith("How it unfolded") and "18 March" in s for s in sents)


def test_lemmas_learnt_in_a_parse_child_are_kept_and_change_no_lemma() -> None:
    """A lemma worked out from the memo a parse child sent back equals one worked out afresh."""
    from storyline.executor import _learn_lemmas
    from storyline.nlp import lemma_cache

    nlp = load_nlp()
    cache = lemma_cache(nlp)
    assert cache is not None
    text = "The councils were closing the bridges after the floods had risen."
    fresh = [t.lemma_ for t in nlp(text)]
    learnt = list(cache.items())
    cache.clear()
    _learn_lemmas(learnt)
    assert len(cache) == len(learnt)
    assert [t.lemma_ for t in nlp(text)] == fresh


def test_two_independent_clauses_joined_by_a_semicolon_are_two_sentences_and_a_list_is_one() -> None:
    nlp = load_nlp()
    doc = nlp("Police put the crowd at about 6,000; the organisers, a coalition of tenants' groups, said more "
              "than 15,000 had marched.\n\nThe count rose: 40 on Monday; 85 on Tuesday.\n\n"
              'He said "we won; they lost" on the steps.')
    sents = [s.text.strip() for s in doc.sents]
    assert "Police put the crowd at about 6,000;" in sents, sents
    assert any(s.startswith("the organisers, a coalition") for s in sents)
    assert "The count rose: 40 on Monday; 85 on Tuesday." in sents
    assert 'He said "we won; they lost" on the steps.' in sents


def test_a_verbs_single_consonant_before_ed_or_ing_keeps_its_stems_e() -> None:
    # the rule lemmatizer finds both "fin" and "fine" among verbs and takes the shorter
    nlp = load_nlp()
    doc = nlp("The watchdog fined the firm, hoped for change and is staging a review; it planned more and hopped on.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert (lemmas["fined"], lemmas["hoped"], lemmas["staging"]) == ("fine", "hope", "stage")
    assert (lemmas["planned"], lemmas["hopped"]) == ("plan", "hop")


def test_a_prefixed_verb_the_index_lacks_takes_the_lemma_of_the_verb_it_prefixes() -> None:
    # the rule lemmatizer guesses "reconnecte" for a form its index lacks
    doc = load_nlp()("Most homes were reconnected on Friday and the plan was redrafted after they rearranged it.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert (lemmas["reconnected"], lemmas["redrafted"], lemmas["rearranged"]) == ("reconnect", "redraft", "rearrange")
