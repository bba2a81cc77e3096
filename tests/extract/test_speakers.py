"""Who speaks: a speaker named once in full and then by surname before a colon, a teller set
in the middle of a sentence between commas. Invented sentences, the real spaCy model."""

from __future__ import annotations

from storyline.extract import analyze_articles
from storyline.model import Article, Claim, PublishedDate, content_hash


def _claims(body: str, nlp) -> list[Claim]:  # type: ignore[no-untyped-def]
    article = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body), path="x01_live.txt",
                      published=PublishedDate("2031-05-06", "metadata", "2031-05-06", "2031-05-06"))
    (analysis,) = analyze_articles([article], nlp=nlp)
    return [c for c in analysis.claims if c.parent is None]


def test_a_surname_before_a_colon_is_the_person_named_so_in_full(nlp) -> None:  # type: ignore[no-untyped-def]
    """A live page names "Interior Minister Petra Valdane" and then quotes 'Valdane: "..."': the
    quote is hers."""
    claims = _claims("Interior Minister Petra Valdane has given the first evacuation figure. She said about 6,400 "
                     "people had been taken out of the zone overnight.\n\nValdane: \"Nobody will go back until the army "
                     "tells us it is safe.\"", nlp)
    quote = next(c for c in claims if "Nobody will go back" in c.text)
    assert quote.attribution is not None and "Valdane" in quote.attribution, quote.attribution


def test_a_surname_and_how_they_spoke_before_a_colon_is_the_person_named_so(nlp) -> None:  # type: ignore[no-untyped-def]
    """'Valdane, over the noise: "..."': a surname, a comma and how the person spoke, then the
    quote: the person the page names in full."""
    claims = _claims("Interior Minister Petra Valdane spoke to the crowd outside the town hall.\n\nValdane, over the "
                     "noise: \"Nobody will go back until the army tells us it is safe.\"", nlp)
    quote = next(c for c in claims if "Nobody will go back" in c.text)
    assert quote.attribution is not None and "Petra Valdane" in quote.attribution, quote.attribution
    # a live entry's bullet and time stamp before the name, the person named in full further down
    claims = _claims("- 15:12 Valdane, over the noise: \"Nobody will go back until the army tells us it is safe.\"\n\n"
                     "- 14:50 Interior Minister Petra Valdane has arrived at the town hall.", nlp)
    quote = next(c for c in claims if "Nobody will go back" in c.text)
    assert quote.attribution is not None and "Petra Valdane" in quote.attribution, quote.attribution


def test_a_teller_between_commas_tells_the_speech_act_before_it(nlp) -> None:  # type: ignore[no-untyped-def]
    """"A former instructor warned the academy in writing in 2029, a source close to the inquiry
    said, and ...": the warning is what the source tells."""
    (claim, *_) = _claims("A former instructor at the academy warned its leadership in writing about the ritual in "
                          "2029, a source close to the inquiry said, and the letter is among the documents the "
                          "committee has requested.", nlp)
    assert claim.attribution is not None and "source close to the inquiry" in claim.attribution, claim.attribution


def test_who_counts_a_figure_is_its_source(nlp) -> None:  # type: ignore[no-untyped-def]
    """"In Braskvik, police counted 54,000 marchers": the count is the police's, as a reporting
    verb's subject is the source of what it reports; a count of no figure credits nobody."""
    (claim,) = _claims("In Braskvik, police counted 54,000 marchers on the route to the square.", nlp)
    assert claim.attribution is not None and "police" in claim.attribution.lower(), claim.attribution
    (claim,) = _claims("Officials counted the ballots on Monday.", nlp)
    assert claim.attribution is None, claim.attribution



def test_a_quote_before_said_and_a_name_whose_role_reads_as_a_verb_is_the_names(nlp) -> None:  # type: ignore[no-untyped-def]
    """'"...," said Tessa Holvik, campaigns director of X': the parser reads "campaigns" as a verb
    with the name its subject; the quote is still hers."""
    claims = _claims('"Forty per cent is not a refund, it is a discount on a disaster," said Tessa Holvik, '
                     'campaigns director of the Fair Fares Alliance.', nlp)
    quote = next(c for c in claims if "not a refund" in c.text)
    assert quote.attribution == "Tessa Holvik", quote.attribution


def test_a_trailing_teller_before_a_participle_of_comment_tells_the_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    """"X did not pay the interest due on Friday, the trustee, A B, said Monday, making it the
    first ...": the parser takes the trustee for the object of "pay"; the participle after
    "said" comments on what was said and does not hide the teller."""
    (claim, *_) = _claims("The town of Quellby did not pay the 3.1 million crowns of interest that fell due on its "
                          "ferry bonds on Friday, the bondholders' agent, Pelverin Trust Services, said Monday, making it "
                          "the first town in the region to default on its debt.", nlp)
    assert claim.attribution is not None and "Pelverin" in claim.attribution, claim.attribution


def test_an_analyst_who_thinks_a_figure_is_its_source(nlp) -> None:  # type: ignore[no-untyped-def]
    (claim, *_) = _claims("Ysolt Corwen of Orwin Analytics thinks the bill will be closer to 40 million marks "
                          "once the extra crew time is counted.", nlp)
    assert claim.attribution is not None and "Corwen" in claim.attribution, claim.attribution


def test_a_document_filed_by_someone_is_theirs(nlp) -> None:  # type: ignore[no-untyped-def]
    (claim, *_) = _claims("The estate is worth 4.2 billion crowns, according to an inventory filed with the court by "
                          "her lawyer, Idony Wynn.", nlp)
    assert claim.attribution is not None and "Idony Wynn" in claim.attribution, claim.attribution


def test_a_surname_before_a_colon_that_the_article_has_speak_is_a_speaker() -> None:
    """'Quellmar: "..."' on a live page when the tagger took the name for a place (no person named
    so): the page has "Quellmar says ...", and names her in full once."""
    from storyline.extract.colon_speakers import colon_speaker
    body = ('11:24 Quellmar: "In my opinion the signature was not written by the testator." '
            "10:40 Quellmar says she compared the signature with 23 others. "
            "10:05 Ysolt Quellmar, the examiner the court appointed, has taken the stand.")
    line = '11:24 Quellmar: "In my opinion the signature was not written by the testator."'
    assert colon_speaker(line, 0, [], {}, body) == "Ysolt Quellmar"
    # a heading over a quote is no speaker: the page never has it speak
    assert colon_speaker('Verdict: "Not written by the testator."', 0, [], {}, "Verdict: x. Verdict: y.") is None


def test_a_lone_surname_before_a_colon_is_a_speaker_a_heading_word_is_not(nlp) -> None:  # type: ignore[no-untyped-def]
    """A live entry quotes 'Tollehan: "..."' and the page names the speaker only so (the tagger
    reads the surname as a common noun): the quote is Tollehan's. A section's 'Letters: "..."' has
    no speaker."""
    claims = _claims("- 14:20 The union's regional secretary has just spoken to the crowd at the gate.\n\n"
                     "Tollehan: \"We will be back at these gates every morning until they open.\"", nlp)
    quote = next(c for c in claims if "back at these gates" in c.text)
    assert quote.attribution is not None and "Tollehan" in quote.attribution, quote.attribution
    from storyline.extract.colon_speakers import colon_speaker
    assert colon_speaker('Letters: "My block has the same panels."', 0, [], {}, "") is None
    assert colon_speaker('Update: "The road is open again."', 0, [], {}, "") is None


def test_a_trailing_teller_after_a_relative_clause_speaks_a_long_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    """"... but a cupboard that nobody checked for months, regional officer A B, who ..., told the
    bulletin.": the parser hangs both "cupboard" and the name on "told"; the name nearest the verb
    speaks."""
    claims = _claims("The problem was never one porter alone but a cupboard that nobody checked properly for months, "
                     "regional officer Idun Tarrevik, who has represented members on the ward since the suspension on "
                     "3 March, told the bulletin.", nlp)
    assert claims[0].attribution is not None and "Tarrevik" in claims[0].attribution, claims[0].attribution


def test_a_clause_read_as_a_noun_phrase_before_a_participle_of_saying_is_no_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    """"Tollvik Chemie cut production at its plant by 30% on Monday, saying ...": when the parser
    reads the clause as a noun phrase ("cut production"), that phrase, with its day and share, is
    no speaker."""
    claims = _claims("Industry feels the pinch\n\nTollvik Chemie cut production at its Mertzby plant by 30% on Monday, "
                     "saying rail and road could not make up for the feedstock it normally receives by barge.", nlp)
    cut = next(c for c in claims if "cut production" in c.text)
    assert cut.attribution is None or "30%" not in cut.attribution, cut.attribution


def test_a_closing_comment_on_a_figure_is_no_teller_of_the_clause_before_it(nlp) -> None:  # type: ignore[no-untyped-def]
    """"X told LPA that 3,000 tractors were on the road on Tuesday, a figure police did not confirm":
    the parser, after a paragraph before it, makes "did not confirm" the root and the telling its
    complement; the comment's subject phrase opens with "a figure", so X still tells the claim."""
    (*_, claim) = _claims("Police said they arrested 14 people.\n\nLFF president Joran Haszel told LPA that "
                          "3,000 tractors were still on the ring road on Tuesday, a figure police did not confirm.", nlp)
    assert claim.attribution == "Joran Haszel", claim.attribution


def test_a_name_the_parser_hangs_on_the_clauses_last_noun_speaks_before_told(nlp) -> None:  # type: ignore[no-untyped-def]
    """"..., judging by the mud lines and the debris caught in the alders, Emil Drach, a hydrologist at
    X, told Stormdesk": the parser makes "debris" the subject of "told" and the name its appositive;
    the name speaks."""
    (claim, *_) = _claims("The water at the old bridge site reached at least 5.3 metres, judging by the mud lines "
                          "and the debris caught in the alders on both banks, Emil Drach, a hydrologist at Prennick "
                          "Technical University, told Stormdesk.", nlp)
    assert claim.attribution == "Emil Drach", claim.attribution


def test_whose_role_a_subject_names_is_not_its_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    """"The head of Gessling's health service told lawmakers ...": the parser tags "Gessling" a
    person, but the name after "of" says whose head it is; the role speaks. A name set off after
    the role's object ("a spokesperson for the mayor, Ilse Drach") still does."""
    (claim, *_) = _claims("PORT ANNICK, May 6 (CPW) - The head of Gessling's health service told lawmakers on Tuesday "
                          "that a 2023 software upgrade had been checked against the wrong test cases.", nlp)
    assert claim.attribution is not None and claim.attribution.startswith("The head of"), claim.attribution
    (claim, *_) = _claims("A spokesperson for the mayor, Ilse Drach, said the bridge would reopen.", nlp)
    assert claim.attribution is not None and "Ilse Drach" in claim.attribution, claim.attribution


def test_a_second_source_set_against_the_first_is_credited_with_its_own_figure(nlp) -> None:  # type: ignore[no-untyped-def]
    """"Police said about 18,000 people took part, while the coalition, which organised the march,
    put the number at 40,000": the 40,000 is the coalition's word, in a claim of its own; the
    18,000 stays the police's."""
    body = ("Police said about 18,000 people took part, while the Free Screens coalition, which organised the march, "
            "put the number at 40,000.")
    article = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body), path="x01_live.txt",
                      published=PublishedDate("2031-05-06", "metadata", "2031-05-06", "2031-05-06"))
    (analysis,) = analyze_articles([article], nlp=nlp)
    claims = analysis.claims
    by_figure = {q.text: c.attribution for c in claims for q in c.quantities}
    assert by_figure.get("about 18,000") == "Police", by_figure
    assert "coalition" in (by_figure.get("40,000") or ""), by_figure


def test_a_tail_teller_the_parser_coordinates_with_the_first_clause_tells_the_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    """"Papers and laptops were taken from both sites, and no arrests have been made, police said.":
    the parser makes "said" a conjunct of "taken"; the police tell it all."""
    claims = _claims("Papers and laptops were taken from both sites, and no arrests have been made, police said.", nlp)
    assert claims[0].attribution is not None and "police" in claims[0].attribution, claims[0].attribution


def test_a_closing_teller_whose_verb_the_tagger_reads_as_a_noun_tells_the_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    """"The contracts cost the city at least 12 million euros, the state auditor's office estimates,
    a figure that ...": the tagger reads "estimates" as a noun; the office is the teller."""
    claims = _claims("The contracts cost the city at least 12 million euros, the state auditor's office estimates, "
                     "a figure that includes the interest.", nlp)
    assert claims[0].attribution is not None and "auditor" in claims[0].attribution, claims[0].attribution


def test_a_speaker_the_parser_apposed_to_a_fronted_phrase_still_speaks(nlp) -> None:  # type: ignore[no-untyped-def]
    """"Outside the council chamber, Dr Oddrun Tessivar, president of the vets' union, told
    reporters that ...": the parser hangs the name on "chamber" and leaves "told" without a
    subject; the name before the verb is who told."""
    claims = _claims("Outside the council chamber, Dr Oddrun Tessivar, president of the Brannet Union of Veterinary "
                     "Surgeons, told reporters that the vote was \"a reckless policy dressed up as caution\".", nlp)
    assert claims and claims[0].attribution is not None and "Tessivar" in claims[0].attribution, \
        [(c.predicate, c.attribution) for c in claims]


def test_a_speaker_the_parser_apposed_to_the_clause_before_a_closing_teller_speaks(nlp) -> None:  # type: ignore[no-untyped-def]
    """"..., his lawyer, Ansel Brodwick, told the Messenger by telephone.": the parser hangs the
    lawyer as an apposition on the clause's last noun and coordinates "told" without a subject;
    the apposed name speaks. With a name first and its role after ("Marta Olvisen, chair of the
    commission, told reporters"), the name speaks, not the role; and a paragraph break after the
    sentence changes nothing."""
    claims = _claims("Dornak, 58, is due to leave the Velsmoor detention centre on Tuesday once the order has been "
                     "published in the State Bulletin, his lawyer, Ansel Brodwick, told the Messenger by telephone.\n\n"
                     "The ministry did not comment.", nlp)
    first = next(c for c in claims if "Velsmoor" in c.text)
    assert first.attribution is not None and "Brodwick" in first.attribution, first.attribution
    claims = _claims("The totals are provisional and will be certified only after every formal complaint has been "
                     "dealt with, Marta Olvisen, chair of the Regional Count Commission, told reporters in Helsby.\n\n"
                     "Turnout was high.", nlp)
    first = next(c for c in claims if "provisional" in c.text)
    assert first.attribution is not None and "Olvisen" in first.attribution, first.attribution


def test_a_teller_the_parser_made_a_conjunct_of_the_clauses_object_speaks_before_wrote(nlp) -> None:  # type: ignore[no-untyped-def]
    """"..., analyst Halvor Restin of Maddow Risk Partners wrote in a note to clients.": the parser
    coordinates the name with the clause's object and leaves "wrote" without a subject; the one
    phrase between the comma and the verb speaks."""
    claims = _claims("Roughly one in six licensed venues in the country would fail a strict exit inspection, analyst "
                     "Halvor Restin of Maddow Risk Partners wrote in a note to clients.\n\nThe ministry did not "
                     "comment.", nlp)
    first = next(c for c in claims if "venues" in c.text)
    assert first.attribution is not None and "Restin" in first.attribution, first.attribution


def test_a_full_name_before_a_colon_speaks_when_the_tagger_sees_only_its_first_word(nlp) -> None:  # type: ignore[no-untyped-def]
    """'Anders Wrede: "We sat in the dark ..."': the tagger reads the surname as a verb and tags
    the first name alone as a person; the whole name before the colon speaks."""
    claims = _claims("Passengers described the wait. Anders Wrede: \"We sat in the dark for hours and no one came "
                     "through the train to tell us anything. It was cold.\"", nlp)
    quote = next(c for c in claims if "We sat in the dark" in c.text)
    assert quote.attribution == "Anders Wrede", quote.attribution


def test_a_name_and_its_title_after_a_quote_speak_with_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    """'"...," Ruth Olsavik, chair of the harbour committee, told reporters': the name speaks, not
    the title set off after it."""
    claims = _claims("\"We heard a great deal of regret and very little explanation,\" Ruth Olsavik, chair of the "
                     "harbour committee, told reporters after the session.", nlp)
    assert claims[0].attribution == "Ruth Olsavik", claims[0].attribution


def test_a_quote_ending_in_a_question_is_told_by_the_teller_in_the_sentence_after(nlp) -> None:  # type: ignore[no-untyped-def]
    """'"We were told the money was safe. ... if not the central bank?" A B, chair of C, told
    reporters.': the question ends the sentence, so the teller stands in a sentence of its own."""
    claims = _claims("\"We were told the money was safe. We believed it, because who else do you believe if not the "
                     "central bank?\" Mirko Daslav, chair of the Pensioners' League, told reporters.", nlp)
    quote = next(c for c in claims if "money was safe" in c.text)
    assert quote.attribution == "Mirko Daslav", quote.attribution


def test_a_body_that_told_something_takes_the_officer_named_in_the_next_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    """"..., police said Tuesday. Colonel A B, head of the district police, said ...": the count is
    the police's and the colonel's; a name in the next sentence that is not one of the body does not."""
    claims = _claims("Nine bodies have been recovered from the mud so far, police said Tuesday. Colonel Ivo Marsk, head "
                     "of the Tessel district police, said rescuers had found most of the victims in the lower village.",
                     nlp)
    assert claims[0].attribution == "police (Ivo Marsk)", claims[0].attribution
    claims = _claims("Nine bodies have been recovered from the mud so far, police said Tuesday. Ivo Marsk, a farmer "
                     "in the lower village, said he had lost his house.", nlp)
    assert claims[0].attribution == "police", claims[0].attribution
