"""Claims on texts written for the test: attribution forms, carry-over, flags, event types."""

from __future__ import annotations

from storyline.extract import analyze_articles
from storyline.model import Article, Claim, PublishedDate, TimeExpr, content_hash


def _claims(nlp, body: str) -> list[Claim]:  # type: ignore[no-untyped-def]
    article = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body))
    (analysis,) = analyze_articles([article], nlp=nlp)
    for claim in analysis.claims:
        assert body[claim.span[0]:claim.span[1]] == claim.text
        sentence_claim = f"{article.id}:{claim.sentence}"
        assert claim.id == sentence_claim if claim.parent is None else claim.parent == sentence_claim
        if claim.trigger is not None:
            assert claim.span[0] <= claim.trigger[0] < claim.trigger[1] <= claim.span[1]
    return [c for c in analysis.claims if c.parent is None]


def _find(claims: list[Claim], needle: str) -> Claim:
    found = [c for c in claims if needle in c.text]
    assert found, f"no claim contains {needle!r}: {[c.text for c in claims]}"
    return found[0]


def test_reporting_frames(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "According to the Chilean navy, two fishing boats sank off the coast on Sunday.\n\n"
        "The Peruvian foreign ministry said that 40 sailors had been rescued.\n\n"
        "\"Nobody was left behind,\" stated the coastguard commander.\n\n"
        "Independent monitors estimate that more than 300 vessels operate in the area."
    )
    claims = _claims(nlp, body)
    assert _find(claims, "sank").attribution == "the Chilean navy"
    rescued = _find(claims, "rescued")
    assert rescued.attribution == "The Peruvian foreign ministry"
    assert rescued.predicate == "rescue"
    assert "coastguard commander" in (_find(claims, "Nobody").attribution or "")
    vessels = _find(claims, "vessels")
    assert vessels.attribution == "Independent monitors"
    assert [(q.low, q.high, q.unit) for q in vessels.quantities] == [(300, None, "vessel")]


def test_pronoun_speaker_and_carry_over(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Finance Minister Maria Lopez arrived in Lima on Monday. She said that the government would "
        "release 2,000 tonnes of grain. Moreover, another 500 tonnes will be shipped next month."
    )
    claims = _claims(nlp, body)
    grain = _find(claims, "grain")
    assert grain.attribution == "Maria Lopez"
    assert grain.modality == "future"
    more = _find(claims, "Moreover")
    assert more.attribution == "Maria Lopez"
    assert more.quantities and more.quantities[0].increment


def test_quote_continuation(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "“We will rebuild every bridge,” the mayor said. “The work starts in spring.”"
    claims = _claims(nlp, body)
    assert _find(claims, "work starts").attribution == _find(claims, "rebuild").attribution == "the mayor"


def test_flags(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Rebels allegedly seized the airport in Goma on Friday.\n\n"
        "The army did not confirm the report.\n\n"
        "The ministry is preparing to deploy 3,000 troops.\n\n"
        "Will the ceasefire hold?\n\n"
        "Heavy Fighting In The East"
    )
    claims = _claims(nlp, body)
    seized = _find(claims, "seized")
    assert seized.hedged and seized.event_type == "FIGHT"
    assert seized.place == "Goma"
    assert _find(claims, "did not confirm").negated
    deploy = _find(claims, "preparing")
    assert (deploy.predicate, deploy.modality, deploy.event_type) == ("deploy", "plan", "MOBILIZE")
    assert not [c for c in claims if "ceasefire" in c.text]  # a question asserts nothing
    assert not [c for c in claims if "Heavy Fighting" in c.text]  # nor does a heading


def test_event_types_and_checkworthiness(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "The two presidents signed a trade agreement in Nairobi on March 3, officials said.\n\n"
        "Some observers think the mood was rather pleasant."
    )
    claims = _claims(nlp, body)
    signed = _find(claims, "signed")
    assert signed.event_type == "AGREE"
    assert signed.attribution == "officials"
    mood = _find(claims, "mood")
    assert signed.checkworthiness > mood.checkworthiness


def test_an_object_decides_a_verbs_type_or_that_it_has_none() -> None:
    """"lost their lives" is a death, "lost money" a loss, "lost contact" neither: an act of no
    type of its own (as "vanished" is), which the day-off reading may then join to the happening
    another outlet tells in other words."""
    from storyline.extract.plover import event_type

    assert event_type("lose", "life") == "CASUALTY"
    assert event_type("lose", "money") == "ECONOMIC"
    assert event_type("lose", "contact") is None


def test_more_reporting_frames(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "The army lost 300 tanks, said Defense Minister John Carter.\n\n"
        "Russia has sent up to 12,000 troops, Kyiv says.\n\n"
        "The ministry was quoted as saying that 40 bridges were destroyed.\n\n"
        "The spokesman denied that troops had crossed the border.\n\n"
        "The talks collapsed, Reuters reported, citing two diplomats."
    )
    claims = _claims(nlp, body)
    assert _find(claims, "collapsed").attribution == "Reuters, citing two diplomats"
    assert "John Carter" in (_find(claims, "tanks").attribution or "")
    assert _find(claims, "12,000").attribution == "Kyiv"
    bridges = _find(claims, "bridges")
    assert (bridges.attribution, bridges.predicate) == ("The ministry", "destroy")
    denied = _find(claims, "denied")
    assert denied.negated and denied.attribution == "The spokesman"


def test_quotes_spanning_sentences_and_paragraphs(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "“The dam held through the night. Nobody was hurt,” the engineer said.\n\n"
        "“We will inspect it again tomorrow.”"
    )
    claims = _claims(nlp, body)
    assert _find(claims, "dam held").attribution == "the engineer"
    assert _find(claims, "inspect").attribution == "the engineer"


def test_unnamed_reports_as_source(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(nlp, "Reports emerged on Monday that rebels had seized the port.")
    seized = _find(claims, "seized")
    assert (seized.predicate, seized.attribution, seized.hedged) == ("seize", "Reports", True)


def test_first_person_inside_a_quote_is_the_quoted_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "“I said that the shelter would stay open. It will,” the governor told reporters."
    claims = _claims(nlp, body)
    assert _find(claims, "shelter").attribution == "the governor"


def test_time_from_coordinated_verbs_and_participle_modifiers(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "The mayor toured the flooded district and opened a shelter in the old school on Wednesday.\n\n"
        "The council's first estimate, published in May, was about 200 homes.\n\n"
        "The bridge, which was built in 1990, collapsed.\n\n"
        "The treaty, signed in 2019, was ratified by parliament."
    )
    claims = _claims(nlp, body)
    toured = _find(claims, "toured")
    assert toured.time is not None and toured.time.text == "Wednesday"
    estimate = _find(claims, "first estimate")
    assert estimate.time is not None and estimate.time.text == "May"
    assert estimate.attribution == "The council"  # the owner of an estimate is its source
    assert _find(claims, "bridge").time is None  # a relative clause's time is its own event's
    assert _find(claims, "ratified").time is None  # and so is a participle's, under an event verb


def test_attribution_outside_the_main_frame(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "The announcement followed remarks by the army chief, Jonas Berg, who said on Friday that the bridge "
        "had been rebuilt.\n\n"
        "Minister Ana Ruiz landed in Quito on Monday and told reporters afterwards that 300 doctors would follow.\n\n"
        "Chile has disputed that the border was crossed.\n\n"
        "The coastguard said on Sunday that 12 boats had sunk. Its previous count put the missing at about 40.\n\n"
        "Several were reported to have been injured by debris.\n\n"
        "Peru's weather service (SENAMHI) said that the river would rise."
    )
    claims = _claims(nlp, body)
    assert _find(claims, "rebuilt").attribution == "Jonas Berg"
    landed = _find(claims, "landed")
    assert landed.attribution == "Ana Ruiz"  # the name, not the title written with it
    assert landed.time is not None and landed.time.text == "Monday"
    disputed = _find(claims, "disputed")
    assert (disputed.attribution, disputed.negated) == ("Chile", True)
    count = _find(claims, "previous count")
    assert count.attribution == "The coastguard"
    assert [(q.unit, q.approximate) for q in count.quantities] == [("missing", True)]
    injured = _find(claims, "Several")
    assert (injured.attribution, injured.hedged) == (None, True)
    assert _find(claims, "river").attribution == "Peru's weather service (SENAMHI)"


def test_a_quote_belongs_to_its_speaker_not_to_people_inside_it(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "“Luis Vega acted far too late,” said a historian at a Lima university who studies floods. "
        "“Until May he would not even admit the river had risen.”"
    )
    claims = _claims(nlp, body)
    assert _find(claims, "Until May").attribution == "a historian at a Lima university"


def test_a_dateline_paragraph_is_never_a_source(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "LIMA, March 3 (Andina) --\n\nHeavy rain flooded 300 homes in the north on Sunday.\n\n"
        "QUITO —\n\nThe ministry said 40 sailors were rescued."
    )
    claims = _claims(nlp, body)
    assert _find(claims, "flooded").attribution is None
    assert _find(claims, "sailors").attribution == "The ministry"
    assert not [c for c in claims if c.attribution and ("LIMA" in c.attribution or "QUITO" in c.attribution)]


def test_negated_reporting_verbs(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "The army has never confirmed that its units are in the valley.\n\n"
        "The ministry refused to confirm that the dam had failed.\n\n"
        "The ministry confirmed that the road had reopened."
    )
    claims = _claims(nlp, body)
    assert _find(claims, "never confirmed").negated
    refused = _find(claims, "refused")
    assert refused.negated and refused.attribution == "The ministry"
    assert not _find(claims, "reopened").negated


def test_hedges_only_count_over_the_claim(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Armed men had appeared near the border crossing on Sunday.\n\n"
        "The storm killed 40 people, a toll that suggests the warnings came too late.\n\n"
        "The minister will visit Lima next week, provided the airport could reopen.\n\n"
        "The convoy appeared to be heading north.\n\n"
        "Officials said the dam may fail.\n\n"
        "The rebels sent perhaps 200 fighters to the hills."
    )
    claims = _claims(nlp, body)
    assert not _find(claims, "Armed men").hedged
    assert not _find(claims, "storm killed").hedged
    assert not _find(claims, "provided").hedged
    assert _find(claims, "convoy").hedged
    assert _find(claims, "dam may").hedged
    assert _find(claims, "perhaps 200").hedged  # a hedge on the claim's figure


def test_a_negated_modal_of_ability_is_no_hedge(nlp) -> None:  # type: ignore[no-untyped-def]
    """"could not be accounted for" states what did not happen; "may not" and "could" still guess."""
    body = (
        "In total, 4,310 ballot papers could not be accounted for.\n\n"
        "The divers cannot reach the wreck.\n\n"
        "The count may not be complete.\n\n"
        "The toll could rise to 300.\n\n"
        "The mayor said he could not rule out that the hole would grow."
    )
    claims = _claims(nlp, body)
    assert not _find(claims, "4,310").hedged
    assert not _find(claims, "cannot reach").hedged
    assert _find(claims, "may not").hedged
    assert _find(claims, "could rise").hedged
    assert _find(claims, "rule out").hedged  # a possibility left open


def test_time_on_an_infinitive_complement(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "One guard about to be arrested last week shouted for help and ran off, the police said."
    claims = _claims(nlp, body)
    shouted = _find(claims, "shouted")
    assert shouted.attribution == "the police"
    assert shouted.time is not None and shouted.time.text == "last week"


def test_a_named_subject_is_the_name_not_its_possessor(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Governor Ruth Ames's spokesman Carl Lind said that the levee held."
    claims = _claims(nlp, body)
    assert _find(claims, "levee").attribution == "Carl Lind"


def test_a_descriptive_participle_passes_its_time_to_the_main_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "The president received a trade mission led by the deputy minister Anna Berg in Oslo on Friday, "
        "the agency reported, in a sign that ties now run deep.\n\n"
        "The accord, signed in 2019, was ratified by parliament."
    )
    claims = _claims(nlp, body)
    received = _find(claims, "trade mission")
    assert received.predicate == "receive"
    assert received.time is not None and received.time.text == "Friday"
    assert received.attribution == "the agency"
    # a participle narrating its own earlier event keeps its date to itself
    assert _find(claims, "ratified").time is None


def test_attribution_boundaries(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "According to Norway's PST, foreign agents and hackers are now active in the north, "
        "although that could not be verified.\n\n"
        "Some 200 agents operate in the region, according to Norway's PST, the security service, "
        "which said they were recruited online.\n\n"
        "The ministry called the report a fabrication, and the country's intelligence agency said that "
        "some 300 sailors are believed to have drowned.\n\n"
        "By May at least 4,000 workers had been hired, according to estimates published by Lagos and Accra.\n\n"
        "The palace has declined to confirm or deny that the envoy is in the capital, saying only that "
        "its talks are a private matter."
    )
    claims = _claims(nlp, body)
    assert _find(claims, "hackers").attribution == "Norway's PST"
    attribution = _find(claims, "Some 200 agents").attribution or ""
    assert "Norway's PST" in attribution and attribution.lower().count("security service") <= 1
    drowned = _find(claims, "drowned")
    assert drowned.attribution == "the country's intelligence agency"
    assert drowned.hedged
    assert [(q.low, q.high) for q in drowned.quantities] == [(270, 330)]
    assert _find(claims, "4,000 workers").attribution == "Lagos and Accra"
    palace = _find(claims, "palace")
    assert palace.attribution == "The palace" and palace.negated


def test_consensus_guesses_are_hedged_but_schedules_are_not(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "The minister is widely expected to resign, but no date has been set.\n\n"
        "Dozens of divers are believed to be trapped in the cave.\n\n"
        "The minister is expected to visit the port on Saturday, her office said."
    )
    claims = _claims(nlp, body)
    assert _find(claims, "widely expected").hedged
    assert _find(claims, "divers").hedged
    assert not _find(claims, "visit the port").hedged


def test_a_source_after_a_long_clause_at_the_end_of_the_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Crews kept up the search for the missing fishermen in the estuary on Friday, when they found an "
        "upturned skiff near the north jetty, Capt. Mara Lindqvist, the harbour master, said Friday.\n\n"
        "The strike ended after talks led by the mayor of Tessel, regional television reported late Sunday.\n\n"
        "The strike ended on Sunday, he said."
    )
    claims = _claims(nlp, body)
    assert "Mara Lindqvist" in (_find(claims, "upturned skiff").attribution or "")
    assert _find(claims, "talks led by").attribution == "regional television"
    assert _find(claims, "ended on Sunday").attribution != "regional television"


def test_a_speaker_after_a_closing_quote_tells_the_outlet_and_a_titled_one_after_a_long_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    """'...," a neighbour, Jon Ekberg, told the Courier': the Courier is whom it was told to, not the
    speaker (so is it when the parser hangs the attribution on the quote's last verb); ", Ada
    Morrow, chair of the Tessel Ferry Board, told reporters": the name before a title speaks."""
    body = (
        "\"She always paid in cash, even for a loaf of bread, and she always tipped too much,\" a neighbour, "
        "Jon Ekberg, told the Courier.\n\n"
        "The timetable is provisional, does not yet include the winter sailings that reach the islands by Monday "
        "and will be confirmed only after every harbour complaint has been dealt with, Ada Morrow, chair of the "
        "Tessel Ferry Board, told reporters in Vell."
    )
    claims = _claims(nlp, body)
    assert "Ekberg" in (_find(claims, "loaf of bread").attribution or "")
    assert "Ada Morrow" in (_find(claims, "winter sailings").attribution or "")


def test_a_speaker_described_by_a_relative_clause_after_a_long_clause_speaks(nlp) -> None:  # type: ignore[no-untyped-def]
    """', Chief Inspector Lena Brask, who led the inquiry, told reporters': the relative clause
    describes the speaker named before it."""
    body = ("The thieves used the stolen key card of an outside cleaner to reach an unlocked archive room and "
            "copied files from it repeatedly for nine weeks before the museum's night staff noticed an open door, "
            "Deputy Inspector Lena Brask, who led the inquiry, told reporters.")
    claims = _claims(nlp, body)
    assert "Lena Brask" in (_find(claims, "copied files").attribution or "")


def test_an_unnamed_teller_at_the_end_tells_what_the_first_source_holds(nlp) -> None:  # type: ignore[no-untyped-def]
    """"Investigators believe X moved money abroad, a source close to the investigation told the
    Herald": the unnamed teller at the end is who told the outlet, citing the investigators."""
    claims = _claims(nlp, "Investigators believe Brandt moved at least 3 million crowns into accounts abroad last "
                          "year, a source close to the investigation told the Herald.")
    moved = _find(claims, "3 million")
    assert moved.attribution == "a source close to the investigation, citing Investigators", moved.attribution


def test_an_unnamed_source_close_to_a_named_person_is_not_that_person(nlp) -> None:  # type: ignore[no-untyped-def]
    """"a source close to the Selle campaign" speaks; Selle, whom the article names, does not."""
    claims = _claims(nlp, "Interior Minister Arvid Selle will face the front-runner in a vote of members.\n\n"
                          '"She has done a deal for a big job," a source close to the Selle campaign told the Gazette.')
    deal = _find(claims, "done a deal")
    assert deal.attribution == "a source close to the Selle campaign", deal.attribution


def test_a_source_set_off_in_the_middle_of_the_sentence_speaks(nlp) -> None:  # type: ignore[no-untyped-def]
    """", Harbour Review understands," between commas is the sentence's source; a relative clause
    there (", which engineers inspected,") is none."""
    claims = _claims(nlp, "The reason nobody noticed, Harbour Review understands, is that the alarm had been "
                          "switched off during maintenance.\n\nThe dam, which engineers inspected, held.")
    assert _find(claims, "switched off").attribution == "Harbour Review"
    assert _find(claims, "dam, which").attribution is None


def test_a_single_quoted_quote_over_two_sentences_is_the_speakers(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("'About 40 boats have sunk. That includes the ferry's lifeboats, which were moored at the pier,' "
            "said Ines Varga, a harbour official.\n\n"
            "The harbour's owners said nothing.")
    claims = _claims(nlp, body)
    assert "Ines Varga" in (_find(claims, "About 40 boats").attribution or "")
    assert _find(claims, "harbour's owners").attribution != "Ines Varga"


def test_a_second_statement_in_the_sentence_is_its_own_speakers(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Most residents back the plan, the Larkin Institute found, whereas the Tessel Survey said on Friday "
            "that support had fallen to 31%.")
    article = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body))
    (analysis,) = analyze_articles([article], nlp=nlp)
    said = [c for c in analysis.claims if c.parent is not None and c.predicate == "say"]
    assert said and "Tessel Survey" in (said[0].attribution or "")
    assert said[0].time is not None and said[0].time.text == "Friday"
    main = next(c for c in analysis.claims if c.parent is None)
    assert "Larkin Institute" in (main.attribution or "")


def test_a_coordinated_clause_with_its_own_subject_is_its_own_event(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The mayor closed the harbour on 3 May 2030, and on 5 May 2030 the council reopened it. "
            "Crews cleared and reopened the road on 6 May 2030.")
    article = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body))
    (analysis,) = analyze_articles([article], nlp=nlp)
    told = [c for c in analysis.claims if c.parent is not None]
    reopened = [c for c in told if c.predicate == "reopen"]
    assert len(reopened) == 1 and reopened[0].time is not None and reopened[0].time.value == "2030-05-05"
    main = next(c for c in analysis.claims if c.parent is None and "harbour" in c.text)
    assert main.time is not None and main.time.value == "2030-05-03"
    # a verb sharing the subject ("cleared and reopened") is the sentence's own event, not another
    assert not any(c.parent is not None and "road" in c.text for c in analysis.claims)


def test_an_infinitive_complement_and_a_relative_clause_of_an_event_noun_tell_no_event_of_their_own(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("County officials ordered residents to leave their homes on 4 May 2030.\n\n"
            "The explosion that ripped through the depot on 2 May 2030 was heard for miles.")
    article = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body))
    (analysis,) = analyze_articles([article], nlp=nlp)
    order = next(c for c in analysis.claims if c.parent is None and "ordered" in c.text)
    assert order.time is not None and order.time.value == "2030-05-04"
    assert not any(c.parent == order.id for c in analysis.claims)  # "to leave" is the order's content
    told = [c for c in analysis.claims if c.parent is not None and "explosion" in c.text]
    assert len(told) == 1 and told[0].trigger is not None
    assert body[told[0].trigger[0]:told[0].trigger[1]] == "explosion"
    assert told[0].time is not None and told[0].time.value == "2030-05-02"


def test_the_station_is_the_news_organisation_named_just_before(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("KQRV 12 was first with the story on Monday. The station reported that the ferry had been sold.\n\n"
            "The harbour board met for an hour. The company said the ferry would sail again.")
    claims = _claims(nlp, body)
    assert (_find(claims, "ferry had been sold").attribution or "").startswith("KQRV")
    # "the company" after another organisation is not taken for it
    assert _find(claims, "sail again").attribution != "The harbour board"


def test_a_coordinated_verb_on_another_day_is_its_own_event_on_the_same_day_it_is_not(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The minister flew to Corlan on 12 March 2030 and met the families the following day.\n\n"
            "The keeper fell ill on the morning of 3 April 2030 and died that night.")
    article = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body))
    (analysis,) = analyze_articles([article], nlp=nlp)
    met = [c for c in analysis.claims if c.parent is not None and c.predicate == "meet"]
    assert len(met) == 1 and met[0].time is not None and met[0].time.value == "2030-03-13"
    assert not any(c.parent is not None and "keeper" in c.text for c in analysis.claims)


def test_a_day_written_before_the_reported_clauses_subject_dates_the_saying(nlp) -> None:  # type: ignore[no-untyped-def]
    """'said on Monday it would close': the parser hangs the day on "close", but the clause's
    subject comes after it, so Monday is when it was said, not when the depot closes."""
    body = "The Orvale firm said on Monday it would close its depot by the end of the year."
    article = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body),
                      published=PublishedDate(value="2031-06-04", source="metadata"))
    (analysis,) = analyze_articles([article], nlp=nlp)
    said = [c for c in analysis.claims if c.time is not None and c.time.text == "Monday"]
    assert said and all(c.time.value == "2031-06-02" for c in said if c.time), [(c.predicate, c.time) for c in said]


def test_a_name_inside_the_subjects_modifier_is_not_its_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The column of trucks heading for the port carries some 300 drivers led by harbour captain Dmitri Varlov, "
            "a source familiar with the union's plans said on Monday.")
    claims = _claims(nlp, body)
    who = _find(claims, "300 drivers").attribution or ""
    assert who.startswith("a source familiar") and "Varlov" not in who


def test_a_figure_put_closer_to_a_number_is_the_putters_estimate(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(nlp, "Sheriff Nella Prask put the number closer to 3,000 when asked at the same briefing.")
    assert "Prask" in (_find(claims, "closer to 3,000").attribution or "")


def test_a_bare_count_put_at_a_number_is_the_putters_however_the_tagger_reads_it(nlp) -> None:  # type: ignore[no-untyped-def]
    """"put the number of stoppages at 27, blaming ..." is the guild's figure, though the
    entity tagger takes a bare 27 for a day; a meeting put at a clock time is no estimate."""
    claims = _claims(nlp, "The Vantrix Guild put the number of stoppages at 27, blaming the carriers for the rest.")
    assert "Vantrix Guild" in (_find(claims, "at 27").attribution or "")
    assert _find(_claims(nlp, "The board put the meeting at 3 p.m. on Friday."), "meeting").attribution is None
    # the parser may hang "at N" on a word of a long object it took for a second verb
    claims = _claims(nlp, "Vantrix Bank put the total cost to the club, including fines and lost gate money over "
                          "the next season, at 17 million crowns.")
    assert "Vantrix Bank" in (_find(claims, "17 million").attribution or "")


def test_a_participle_of_saying_on_an_act_of_telling_has_its_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    """"A friend of X offered another account, saying ...": the friend says it; a
    participle on another act ("shelled the town, saying ...") does not make its doer the source."""
    claims = _claims(nlp, "A friend of the Vantrix family offered another account, saying the minister had "
                          "fainted just after 9 p.m. The army shelled the town, saying militants were hiding there.")
    assert (_find(claims, "fainted").attribution or "").startswith("A friend of")
    assert _find(claims, "shelled").attribution is None


def test_a_quote_after_a_pronouns_utterance_and_a_colon_is_that_persons(nlp) -> None:  # type: ignore[no-untyped-def]
    """'Her message was simple: "..."' after a sentence about Dana Velt is Velt's quote;
    a colon after a noun that is no utterance ("Her car was red: ...") credits nobody."""
    claims = _claims(nlp, 'Dana Velt, the mayor of Pellvane, launched her campaign on Sunday in the port. Her message '
                          'was simple after a month of rows: "I will answer every letter within a week, whoever '
                          'writes it." Her car was parked outside: "Nobody moved it for hours," a neighbour recalled.')
    assert _find(claims, "answer every letter").attribution == "Dana Velt"
    assert _find(claims, "Her car").attribution != "Dana Velt"


def test_a_quote_after_a_clause_and_a_colon_is_the_clause_subjects(nlp) -> None:  # type: ignore[no-untyped-def]
    """A clause with any verb, a colon, a quote: the quote is the subject's when the subject can
    speak ("A was blunt:", "She put it plainly:", "The head of X, A B, spoke to the radio after
    the vote:"), the name set off after a role first ("A's lawyer, B C, was blunt:" is B C's);
    "The result was clear:" credits nobody."""
    claims = _claims(nlp, 'Housing Minister Dana Velt toured the flooded estate on Sunday. She put it plainly: '
                          '"Nobody will be charged rent for a flat they cannot live in." '
                          'Velt\'s lawyer, Piet Orlen, was blunt: "The audit never asked my client a single question." '
                          'The firm\'s head of sales, Ansa Kreel, spoke to Radio Pellvane after the vote: "We will '
                          'refund every deposit." The result was clear: "No" won in every ward.')
    assert _find(claims, "charged rent").attribution == "Dana Velt"
    assert _find(claims, "single question").attribution == "Piet Orlen"
    assert _find(claims, "refund every deposit").attribution == "Ansa Kreel"
    assert _find(claims, "every ward").attribution is None
    # a surname alone the tagger does not read as a name, of a person named in full before
    claims = _claims(nlp, 'His lawyer, Hedda Quarn, filed the appeal on Friday. Quarn was blunt: "The panel never '
                          'heard my client. It is a verdict in search of a vote."')
    assert _find(claims, "search of a vote").attribution == "Hedda Quarn"
    # a named subject speaks itself, not a name inside the role set off after it (the tagger may
    # read a firm's name there as a person's)
    claims = _claims(nlp, 'Anna Berg, Veltro\'s chief executive, told the committee: "Staff at two of our offices '
                          'shared pricing information with a rival."')
    assert _find(claims, "pricing information").attribution == "Anna Berg"


def test_a_figure_a_participle_of_saying_gives_is_the_subjects_who_put_the_number_higher(nlp) -> None:  # type: ignore[no-untyped-def]
    """"A residents' group put the number far higher, saying as many as 30 people ...": the group
    gives the figure, as "the union put the figure higher, saying ..." does."""
    claims = _claims(nlp, "The agency said 18 people were missing. A residents' group in the harbour district put the "
                          "number far higher, saying as many as 30 people could still be under the rubble.")
    assert (_find(claims, "as many as 30").attribution or "").startswith("A residents' group")


def test_a_figure_a_relative_clause_places_is_its_subjects(nlp) -> None:  # type: ignore[no-untyped-def]
    """"smaller than Saturday's rally, which police put at about 6,000": the figure is the
    police's; "which engineers put into service in 1998" places no figure."""
    claims = _claims(nlp, "The crowd looked smaller than Saturday's rally, which police put at about 6,000 people. "
                          "The dam, which engineers put into service in 1998, held.")
    assert _find(claims, "6,000").attribution == "police"
    assert _find(claims, "The dam").attribution is None


def test_the_role_a_wire_writes_before_the_name_is_that_persons(nlp) -> None:  # type: ignore[no-untyped-def]
    """Wire style: "the country's transport minister on Monday ordered ..." and then "Ada Venn
    told parliament ...": "The minister told parliament:" is Venn's, and so is the quote's next
    sentence; a role no sentence wrote before ("The mayor") stays as written."""
    claims = _claims(nlp, "Norland's transport minister on Monday ordered an inquiry into the loss of the ferry Aster. "
                          "Ada Venn told parliament that a retired judge would chair it. The minister told parliament: "
                          '"Six families have lost someone. They are entitled to know what happened." '
                          "The mayor said the harbour would reopen on Friday.")
    assert _find(claims, "Six families").attribution == "Ada Venn"
    assert _find(claims, "entitled to know").attribution == "Ada Venn"
    assert _find(claims, "harbour would reopen").attribution == "The mayor"


def test_a_label_line_over_a_quote_names_its_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    """A release's "Words from the Director of the Port, Ada Quesk:" on its own line, the quote
    under it: every sentence of the quote is Quesk's; the paragraph after it is nobody's."""
    body = ('Some 400 berths were closed for the week.\n\nWords from the Director of the Port, Ada Quesk:\n'
            '"Every crew is entitled to a safe berth. We owe it to the dockers to find out what went wrong."'
            '\n\nThe Port expects to report within four weeks.')
    claims = _claims(nlp, body)
    assert _find(claims, "entitled").attribution == "Ada Quesk"
    assert _find(claims, "We owe it").attribution == "Ada Quesk"
    assert _find(claims, "expects to report").attribution is None


def test_a_statement_that_introduces_a_question_after_a_colon_asserts_what_it_tells(nlp) -> None:  # type: ignore[no-untyped-def]
    """"The petition lodged last Thursday asks the board one thing: may ...?" tells the lodging
    on its day; a question before the colon asserts nothing."""
    body = ("The petition lodged last Thursday by 45 councillors asks the board one thing: may a mayor serve "
            "twice in a row? Who lodged it last Thursday: the councillors or the clerks?")
    article = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body),
                      published=PublishedDate("2031-03-11", "metadata", "2031-03-11", "2031-03-11"))
    (analysis,) = analyze_articles([article], nlp=nlp)
    lodged = [c for c in analysis.claims if c.predicate == "lodge"]
    assert [c.time.value for c in lodged if c.time] == ["2031-03-06"], [(c.text, c.time) for c in analysis.claims]


def test_not_until_a_time_tells_the_act_at_that_time(nlp) -> None:  # type: ignore[no-untyped-def]
    """"loading did not restart until 16:40" tells the restart at 16:40; "did not sail on
    Monday" stays a negated act."""
    body = ("At 09:20 the port stopped all loading, and loading did not restart until 16:40. "
            "The ferry did not sail on Monday.")
    article = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body),
                      published=PublishedDate("2031-03-11", "metadata", "2031-03-11", "2031-03-11"))
    (analysis,) = analyze_articles([article], nlp=nlp)
    claims = analysis.claims
    restarted = next(c for c in claims if c.predicate == "restart")
    assert not restarted.negated and restarted.time is not None and restarted.time.text == "16:40", restarted
    assert _find(claims, "did not sail").negated
    body = ("The report found that the last customers, most of them in the hills, were not reconnected "
            "until 11:05 on Wednesday 4 March, almost 32 hours after the failure began.")
    article = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body),
                      published=PublishedDate("2031-03-11", "metadata", "2031-03-11", "2031-03-11"))
    (analysis,) = analyze_articles([article], nlp=nlp)
    reconnected = next(c for c in analysis.claims if c.predicate and c.predicate.startswith("reconnect"))
    assert not reconnected.negated, reconnected  # a clock time the tagger reads as no entity


def test_an_event_due_on_a_day_is_told_on_that_day(nlp) -> None:  # type: ignore[no-untyped-def]
    """"It sits again on Wednesday, and the ruling is due Friday": the ruling is an event of
    its own, on the coming Friday."""
    body = "The inquiry opened on Tuesday. It sits again on Wednesday, and the ruling is due Friday."
    article = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body),
                      published=PublishedDate("2031-03-11", "metadata", "2031-03-11", "2031-03-11"))
    (analysis,) = analyze_articles([article], nlp=nlp)
    days = {c.predicate: c.time.value for c in analysis.claims if c.time}
    assert days.get("ruling") == "2031-03-14", days


def test_a_markets_plunge_is_a_happening_dated_by_the_day_after_it(nlp) -> None:  # type: ignore[no-untyped-def]
    """"blamed a rogue trade on Wednesday for the currency slump Tuesday": the slump is told
    on its own day, the blaming on Wednesday."""
    body = "The regulator on Wednesday blamed a rogue trade for the currency slump Tuesday that forced a pause."
    article = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body),
                      published=PublishedDate("2031-03-12", "metadata", "2031-03-12", "2031-03-12"))
    (analysis,) = analyze_articles([article], nlp=nlp)
    days = {c.predicate: c.time.value for c in analysis.claims if c.time}
    assert days.get("slump") == "2031-03-11" and days.get("blame") == "2031-03-12", days


def test_a_time_inside_a_relative_time_phrase_dates_its_noun_not_the_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    # "after the vote on 3 May": the vote is dated, the fall is only after it
    body = "The share price has fallen to a record low after the vote on 3 May 2031, a survey showed."
    claims = _claims(nlp, body)
    fallen = _find(claims, "fallen")
    assert fallen.time is None, fallen.time
    # the word "follows last week's trip": a time that is not under a relative preposition still dates
    other = _claims(nlp, "The ceremony follows last week's visit to Osterholm by the minister.")
    assert _find(other, "follows").time is not None


def test_a_bare_time_after_an_event_noun_object_dates_the_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Prosecutors accused the general of abuse of power linked to the curfew declaration last Tuesday."
    article = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body))
    (analysis,) = analyze_articles([article], nlp=nlp)
    dated = [c for c in analysis.claims if c.time is not None and c.time.text == "last Tuesday"]
    assert [body[c.trigger[0]:c.trigger[1]] for c in dated if c.trigger] == ["declaration"], dated


def test_a_passive_subject_is_the_object_a_verb_takes_its_type_from(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(nlp, "The criminal case against the director was archived on Tuesday.")
    assert _find(claims, "archived").event_type == "LEGAL"
    claims = _claims(nlp, "Divers pulled the driver's body out of the river on Friday.")
    assert _find(claims, "pulled").event_type == "RESCUE"
    claims = _claims(nlp, "The army pulled its troops out of the town on Friday.")
    assert _find(claims, "pulled").event_type == "RETREAT"
    claims = _claims(nlp, "Rebel fighters took control of the port on Friday.")
    assert _find(claims, "took").event_type == "FIGHT"


def test_an_untyped_verb_takes_the_type_of_its_coordinated_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(nlp, "Divers spotted a van underwater and found the body inside on Sunday.")
    assert _find(claims, "spotted").event_type == "RESCUE"


def test_a_nouns_descriptive_participle_is_not_an_event_to_date(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "The ship crashed into the bridge spanning the river at 1:30 a.m. on 26 March 2031."
    article = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body))
    (analysis,) = analyze_articles([article], nlp=nlp)
    assert not any(c.predicate == "span" and c.time is not None for c in analysis.claims)
    crashed = next(c for c in analysis.claims if c.predicate == "crash")
    assert crashed.time is not None


def test_a_reduced_relative_participle_acts_on_its_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(nlp, "The fourth body recovered from the river belonged to a welder from Orlin, officials said.")
    recovered = _find(claims, "recovered")
    assert recovered.agents == [] and any("body" in p for p in recovered.patients), recovered


def test_a_verb_takes_its_type_from_its_prepositional_object_or_particle(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(nlp, "The warehouse went up in flames on Monday night.")
    assert _find(claims, "went").event_type == "DISASTER"
    claims = _claims(nlp, "Hackers knocked the council's network offline early on Sunday.")
    assert _find(claims, "knocked").event_type == "CYBER"
    claims = _claims(nlp, "The prices went up in March.")
    assert _find(claims, "went").event_type is None


def test_a_passive_schedule_with_for_is_a_plan(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(nlp, "Her funeral is set for Saturday at the parish church.")
    assert _find(claims, "funeral").modality == "plan"
    claims = _claims(nlp, "Her funeral was held on Saturday at the parish church.")
    assert _find(claims, "funeral").modality is None


def test_a_time_after_the_comma_that_ends_a_subordinate_clause_dates_the_main_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    # the parser hangs "on Thursday" on "collapsed"; the clause ended at its comma
    body = ("Divers found the body of Oskar Lenne, the last man missing after the Varrow weir collapsed, "
            "on Thursday in a tangle of branches downstream.")
    article = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body))
    (analysis,) = analyze_articles([article], nlp=nlp)
    dated = [c for c in analysis.claims if c.time is not None and c.time.text == "Thursday"]
    assert [body[c.trigger[0]:c.trigger[1]] for c in dated if c.trigger] == ["found"], dated
    # without the comma the time is the clause's own ("missing since the weir collapsed on Thursday")
    body = "Three men have been missing since the Varrow weir collapsed on Thursday."
    article = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body))
    (analysis,) = analyze_articles([article], nlp=nlp)
    dated = [c for c in analysis.claims if c.time is not None and c.time.text == "Thursday"]
    assert "collapsed" in [body[c.trigger[0]:c.trigger[1]] for c in dated if c.trigger], dated


def test_a_pronoun_never_stands_for_a_person_its_own_clause_names(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("Ilse Marrow ran against the mayor, Piet Oberlin. Oberlin led on election night. "
            "She overtook Oberlin on 6 November 2031 as the count went on.")
    overtook = _find(_claims(nlp, body), "overtook")
    assert overtook.agents and "Oberlin" not in overtook.agents[0], overtook.agents


def test_a_verdict_and_a_plea_are_legal_steps_whatever_the_verb_alone_would_be(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("A jury found the banker guilty of fraud on Wednesday.\n\n"
            "Her deputy pleaded guilty to false accounting on Thursday.\n\n"
            "Divers found the wreck on Friday.")
    claims = _claims(nlp, body)
    assert _find(claims, "jury").event_type == "LEGAL"  # 'found ... guilty': the complement decides
    assert _find(claims, "pleaded").event_type == "LEGAL"
    assert _find(claims, "wreck").event_type == "RESCUE"  # 'find' alone keeps its own type


def test_a_light_verb_takes_the_type_of_the_event_noun_that_names_its_object(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The minister handed in his resignation letter on Wednesday.\n\n"
            "The commissioner opened an inquiry on Thursday.")
    claims = _claims(nlp, body)
    assert _find(claims, "resignation letter").event_type == "RETREAT"  # 'resignation letter': the event noun modifies it
    assert _find(claims, "inquiry").event_type == "INVESTIGATE"


def test_a_spokespersons_own_name_is_the_source_not_whom_they_speak_for(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ('A spokesperson for Mr Halder, Ines Voss, said on Sunday that the minister "has never run the firm".\n\n'
            "The lawyer for Marta Quill, Jonas Brede, said his client would appeal.")
    claims = _claims(nlp, body)
    assert _find(claims, "never run").attribution == "Ines Voss"
    assert _find(claims, "appeal").attribution == "Jonas Brede"


def test_a_name_set_off_right_before_the_reporting_verb_is_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    body = ("The hut warden, Edvin Roaldsen, denied that he had ever been given a return time.\n\n"
            "The mayor, who met Ada Brannock, said the road would reopen.")
    claims = _claims(nlp, body)
    assert _find(claims, "return time").attribution == "Edvin Roaldsen"  # the parser read 'warden' as a verb
    assert _find(claims, "road would reopen").attribution == "The mayor"  # a name inside a relative clause is not


def test_a_group_act_done_by_one_person_is_not_that_act(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(nlp, "About 900 bakers walked out on Tuesday. Mirela Tanase walked out on Wednesday rather than "
                          "sign the deal. She said the board had let her down.")
    assert _find(claims, "900 bakers").event_type == "PROTEST"
    assert _find(claims, "Mirela Tanase walked").event_type == "RETREAT"  # she left


def test_foreseen_counterfactual_and_withdrawn_claims_are_marked(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(nlp, "Temperatures were forecast to fall to minus 9 degrees. The keeper should have called the "
                          "coastguard on Monday. Correction: An earlier version of this article said the fine was 900 euros.")
    assert _find(claims, "forecast").modality == "future"
    assert _find(claims, "should have").modality == "conditional"
    assert _find(claims, "fine was").negated


def test_a_person_captured_or_giving_himself_up_is_arrested_a_town_captured_is_fighting(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(nlp, "Idris Halloran was recaptured on Wednesday near Wexby. Idris Halloran gave himself up on "
                          "Tuesday. Police caught him on Friday. Rebels recaptured the town of Wexby on Monday.")
    assert _find(claims, "was recaptured").event_type == "COERCE"
    assert _find(claims, "gave himself up").event_type == "COERCE"
    assert _find(claims, "caught him").event_type == "COERCE"
    assert _find(claims, "Rebels recaptured").event_type == "FIGHT"


def test_an_event_noun_beginning_or_ending_is_that_event(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(nlp, "The stoppage started at 6 a.m. on Tuesday. The investigation began on Monday. "
                          "Police began an inquiry on Friday. The company started on Monday.")
    assert _find(claims, "stoppage started").event_type == "PROTEST"
    assert _find(claims, "investigation began").event_type == "INVESTIGATE"
    assert _find(claims, "began an inquiry").event_type == "INVESTIGATE"
    assert _find(claims, "company started").event_type is None


def test_a_when_clause_dates_the_act_it_goes_with_not_an_after_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(nlp, "The former chief executive apologised to passengers but defended his board when he "
                          "appeared before the transport committee on Tuesday. The pier fell after the ship hit it on "
                          "Tuesday.")
    apologised = _find(claims, "apologised")
    assert apologised.time is not None and apologised.time.text == "Tuesday"
    assert _find(claims, "pier fell").time is None  # "after" places it, it does not date it


def test_a_speaker_before_a_colon_owns_the_quote_and_an_outlet_that_understands_is_a_source(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Inspector Orla Brenning, Tarrow county police: \"We have found the van. It was burnt out near the quarry.\"\n\n"
        "A fire service spokesman: \"Two crews are still on the hill.\"\n\n"
        "11:05: \"Nothing new yet,\" the live desk wrote.\n\n"
        "The Tarrow Gazette understands that detectives have asked the ports to watch for the paintings.\n\n"
        "Soldiers opened fire on the convoy, and the escort returned fire."
    )
    claims = _claims(nlp, body)
    assert _find(claims, "found the van").attribution == "Orla Brenning"
    assert _find(claims, "burnt out").attribution == "Orla Brenning"  # the quote goes on
    assert "spokesman" in (_find(claims, "Two crews").attribution or "")
    assert _find(claims, "Nothing new").attribution != "11:05"  # a clock time is no speaker
    assert "Tarrow Gazette" in (_find(claims, "detectives").attribution or "")
    assert _find(claims, "opened fire").event_type == "FIGHT"


def test_who_speaks_when_the_parse_hides_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    """A titled name the tagger missed before a colon; a speaker hung on the sentence as a
    conjunct after a long clause and an audience; a quote's last words before an inverted 'said';
    a quote that closes on another speaker than the one carried from the paragraph before; whom a
    named speaker works for."""
    body = (
        "Warden Pell Ostrand: \"We are staying open. Nobody will be turned away tonight.\"\n\n"
        "The pump failed at noon and the water rose past the second step, when the basement was already "
        "half full and the crew was still on its way, the city's head of drainage, Mira Tolvane, told a "
        "briefing at the town hall.\n\n"
        "\"It was a long night. Nothing at all worked,\" said a night-shift nurse.\n\n"
        "Engineer Hal Brosk said the pump was old.\n\n"
        "\"Somebody ignored the warning light. That is what the inquiry will find,\" a council source told the "
        "Valley Courier.\n\n"
        "The gate gave way before dawn, Chief Engineer Tam Orrel of Lindmark Water Board said."
    )
    claims = _claims(nlp, body)
    assert "Ostrand" in (_find(claims, "turned away").attribution or "")
    assert "Tolvane" in (_find(claims, "pump failed").attribution or "")
    assert _find(claims, "Nothing at all").attribution == "a night-shift nurse"
    assert _find(claims, "ignored the warning").attribution == "a council source"
    assert "Orrel" in (_find(claims, "gate gave way").attribution or "")


def test_a_duration_that_modifies_a_noun_dates_no_event(nlp) -> None:  # type: ignore[no-untyped-def]
    """'a 26-hour standoff' says how long the standoff lasted; the men appeared on Tuesday (the
    parser hangs 'appeared' under 'accused', so the duration sat nearer the claim's root)."""
    claims = _claims(nlp, "Four men accused over a 26-hour hostage standoff at a post office in the port of Elbrig "
                          "appeared Tuesday at the county court.")
    claim = _find(claims, "appeared")
    assert claim.time is not None and claim.time.text == "Tuesday", claim.time


def test_a_quote_closed_by_its_speaker_is_the_speakers_whatever_the_parse(nlp) -> None:  # type: ignore[no-untyped-def]
    """'"...," a source close to the inquiry told the Gazette.': the parser makes 'told' a complement
    of the quote's own verb ('thought'), and the closing quote mark hangs on that verb, not on
    'told'; the unnamed source speaks, not the paper it spoke to."""
    claims = _claims(nlp, "\"He thought he'd hidden the keys,\" a source close to the inquiry told the Gazette.")
    claim = _find(claims, "hidden the keys")
    assert claim.attribution == "a source close to the inquiry", claim.attribution
    # ... or a conjunct of the quote's last verb ('"She was pale but she held her head up," a source ...')
    claims = _claims(nlp, "\"She was pale but she held her head up,\" a source close to the family told the Gazette.")
    claim = _find(claims, "held her head up")
    assert claim.attribution == "a source close to the family", claim.attribution
    # ... or a title before the speaker's name that the parser takes for the verb ('harbourmaster')
    claims = _claims(nlp, "\"I am not going to apologise for protecting it,\" harbourmaster Ruy Castellan told the Lantern.")
    claim = _find(claims, "apologise for protecting")
    assert claim.attribution == "Ruy Castellan", claim.attribution
    # ... or the quote's last noun taken for the subject of 'told' ('kids ... told the Clarion')
    claims = _claims(nlp, "\"He just wants to see his kids,\" a source close to the developer told the Clarion.")
    claim = _find(claims, "see his kids")
    assert claim.attribution == "a source close to the developer", claim.attribution
    # a quote of three sentences: the one in the middle, without quote marks, is the speaker's too
    claims = _claims(nlp, "\"We had a ship with 3,700 people on board. Marisol has one hospital with 240 beds. "
                          "I will not apologise for protecting it,\" harbourmaster Ruy Castellan told the Lantern.")
    assert {_find(claims, x).attribution for x in ("3,700 people", "240 beds", "apologise")} == {"Ruy Castellan"}


def test_according_to_a_statement_on_someones_page_is_theirs(nlp) -> None:  # type: ignore[no-untyped-def]
    """The owner of the page a statement is posted on states it; officials quoted in a paper
    are still the officials."""
    claims = _claims(nlp, "About 400 permits were issued, according to a statement posted on the ministry's website. "
                          "According to officials quoted in the city's papers, 12 died.")
    assert _find(claims, "permits were issued").attribution == "the ministry"
    assert _find(claims, "12 died").attribution == "officials"


def test_a_teller_closing_its_sentence_after_a_comma_tells_it_however_the_parser_hangs_it(nlp) -> None:  # type: ignore[no-untyped-def]
    """", the interior ministry estimated in a written answer": the parser hangs the verb on the
    figure's noun; a relative clause ("which the ministry estimated last year") tells only itself."""
    claims = _claims(nlp, "The operation cost about 18 million crowns, including overtime, equipment and the repair "
                          "of two damaged coaches, the interior ministry estimated in a written answer to MPs. "
                          "The bridge cost 40 million crowns, which the ministry estimated last year.")
    assert _find(claims, "18 million crowns").attribution == "the interior ministry"
    assert next(c for c in claims if "40 million" in c.text and c.predicate == "cost").attribution is None


def test_according_to_a_norm_is_no_source(nlp) -> None:  # type: ignore[no-untyped-def]
    """"According to their number plates" says how, not who says so: the mayor stays the source."""
    claims = _claims(nlp, "The mayor of Pellburg announced on Friday that cars will be let in only on alternate "
                          "days according to their number plates. Twelve people were hurt, according to the police.")
    assert _find(claims, "alternate days").attribution == "The mayor of Pellburg"
    assert _find(claims, "Twelve people").attribution == "the police"


def test_a_figure_someone_valued_something_at_is_the_valuers_estimate(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(nlp, "Mira Tolk, an analyst at Varden Securities, had valued the landing rights at "
                          "between 55 million and 70 million crowns before the collapse.")
    assert "Mira Tolk" in (_find(claims, "valued").attribution or "")


def test_a_period_opened_by_a_participle_does_not_date_the_act_before_it(nlp) -> None:  # type: ignore[no-untyped-def]
    """"A ban is imposed, commencing on 1 September": the date starts the ban, not the imposing;
    "raided the flat on Tuesday, arresting two men" still dates the raid by its arrest."""
    claims = _claims(nlp, "A ban is imposed on the runner, commencing on 1 September 2031.")
    assert _find(claims, "imposed").time is None
    raid = _claims(nlp, "Police raided the flat, arresting two men on Tuesday 7 October 2031.")
    assert (_find(raid, "raided").time or TimeExpr("", 0, 0, "DATE", "")).value == "2031-10-07"


def test_a_date_the_verb_gives_a_role_does_not_date_the_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    """"On Friday, a judge set 14 September as the opening day": the judge acted on Friday; 14
    September is what was set."""
    claims = _claims(nlp, "Date: 2031-04-06\n\nOn Friday, a judge at Brenn District Court set 14 September as the "
                          "opening day of the trial of the two men.")
    setting = _find(claims, "opening day")
    assert setting.time is not None and setting.time.text == "Friday", setting.time
    # the doer's role ("as auditor") is no role of the date: Monday dates the resignation
    quit_ = _claims(nlp, "Date: 2031-04-08\n\nBrell & Marr resigned Monday as auditor of the retailer, the company said "
                         "Tuesday.")
    resigned = next(c for c in quit_ if c.predicate == "resign")
    assert resigned.time is not None and resigned.time.text == "Monday", resigned.time


def test_a_day_hung_on_an_infinitive_of_purpose_dates_the_act_it_serves(nlp) -> None:  # type: ignore[no-untyped-def]
    # before the statement: what was only intended had no day of its own, the act did
    body = ("Corvin Capital pulled out of talks to invest in the carrier late on 27 January 2030, the airline said on "
            "28 January 2030.\n\n"
            "The envoy flew to the capital to sign the accord on 9 February 2030, officials said on 2 February 2030.")
    article = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body))
    (analysis,) = analyze_articles([article], nlp=nlp)
    pulled = next(c for c in analysis.claims if c.predicate == "pull")
    assert pulled.time is not None and pulled.time.value == "2030-01-27"
    # a later day is the plan's: the flight is not dated by the signing
    flew = next(c for c in analysis.claims if c.predicate == "fly")
    assert flew.time is None or flew.time.value != "2030-02-09"
    # with no dated report, the page is the statement: a day before it dates the act served
    body = "The treasurer quit the board to be a candidate for mayor last night, and backed his deputy."
    article = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body),
                      published=PublishedDate("2031-03-11", "metadata", "2031-03-11", "2031-03-11"))
    (analysis,) = analyze_articles([article], nlp=nlp)
    quit_ = next(c for c in analysis.claims if c.predicate == "quit")
    assert quit_.time is not None and quit_.time.value.startswith("2031-03-10"), quit_.time


def test_a_live_entrys_stamp_gives_way_to_the_sentences_own_time(nlp) -> None:  # type: ignore[no-untyped-def]
    # the stamp heads the entry's first sentence: when it was written, not when the leak was found;
    # "shortly after 2am" is about 2am, not a bound
    body = ("05:48 The agency has declared a zone around the plant. It came into force at 05:30.\n\n"
            "06:20 What we know so far: the leak was detected shortly after 2am yesterday in the second unit.\n\n"
            "07:10 Buses have left the harbour.")
    article = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body),
                      published=PublishedDate("2031-03-11", "metadata", "2031-03-11", "2031-03-11"))
    (analysis,) = analyze_articles([article], nlp=nlp)
    detected = next(c for c in analysis.claims if c.predicate == "detect")
    assert detected.time is not None and detected.time.value == "2031-03-10T02:00", detected.time
    left = next(c for c in analysis.claims if c.predicate == "leave")
    assert left.time is not None and left.time.value == "2031-03-11T07:10"


def test_a_live_entrys_stamp_is_not_the_time_of_the_statement_it_reports(nlp) -> None:  # type: ignore[no-untyped-def]
    # the statement "said on Monday" was made on Monday; the entry was written at 12:15 on Tuesday
    body = ("09:05 Crews are on the shore.\n\n"
            "12:15 Some context on the birds: the wildlife office said on Monday that four swans died "
            "near the weir on Sunday.\n\n13:40 The beach is closed.")
    article = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body),
                      published=PublishedDate("2031-03-11", "metadata", "2031-03-11", "2031-03-11"))
    (analysis,) = analyze_articles([article], nlp=nlp)
    said = next(c for c in analysis.claims if c.predicate == "say" and "swans" in c.text)
    assert said.time is not None and said.time.value == "2031-03-10", said.time
    died = next(c for c in analysis.claims if c.predicate == "die")
    assert died.time is not None and died.time.value == "2031-03-09", died.time


def test_a_day_named_beside_a_count_of_weeks_ago_dates_the_event(nlp) -> None:  # type: ignore[no-untyped-def]
    # "six weeks ago" is a round count; the day named beside it says which day it was
    body = "Six weeks ago, on Sunday 8 March, a ferry full of pensioners went aground off the point."
    article = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body),
                      published=PublishedDate("2031-04-20", "metadata", "2031-04-20", "2031-04-20"))
    (analysis,) = analyze_articles([article], nlp=nlp)
    went = next(c for c in analysis.claims if c.predicate == "go")
    assert went.time is not None and went.time.value == "2031-03-08", went.time


def test_a_value_that_falls_is_an_economic_move_not_a_disaster(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(nlp, "Shares in the carrier's parent company fell 3.1 percent on Wednesday. "
                          "The dren plunged 11 percent against the dollar. The roof fell onto the platform.")
    assert _find(claims, "Shares in").event_type == "ECONOMIC"
    assert _find(claims, "dren plunged").event_type == "ECONOMIC"
    assert _find(claims, "roof fell").event_type == "DISASTER"


def test_a_rates_unit_dates_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    # "per hour" is the reading's unit; the participle's "Tuesday afternoon" is when it was taken
    claims = _claims(nlp, "The directorate has said that the highest reading at the fence, recorded on Tuesday "
                          "afternoon, was 0.83 microsieverts per hour.")
    claim = _find(claims, "0.83")
    assert claim.time is not None and claim.time.text == "Tuesday afternoon", claim.time


def test_the_owner_of_an_estimate_is_the_organisation_a_plural_possessive_opens(nlp) -> None:  # type: ignore[no-untyped-def]
    # the parser makes "Operators'" the owner of "estimate"; the named association is the source
    claims = _claims(nlp, "The Ostmere Airline Operators' Association estimate, published last Monday, is 13 million "
                          "rendals for its members.")
    assert "Association" in (_find(claims, "13 million").attribution or ""), _find(claims, "13 million").attribution


def test_a_when_clause_with_its_own_subject_tells_its_own_event_at_that_time(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Residents were allowed home when the zone was lifted on 13 March 2031, after two days of normal readings."
    article = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body))
    (analysis,) = analyze_articles([article], nlp=nlp)
    lifted = [c for c in analysis.claims if c.predicate == "lift"]
    assert len(lifted) == 1 and lifted[0].parent is not None, [(c.predicate, c.parent) for c in analysis.claims]
    assert lifted[0].time is not None and lifted[0].time.value == "2031-03-13"


def test_a_correction_note_withdraws_what_the_earlier_version_gave_however_it_is_parsed(nlp) -> None:  # type: ignore[no-untyped-def]
    """"An earlier version of this article gave the fine as 47 million" (no speech verb) and
    "Correction (3/4): An earlier version ... said the plant employs 1,430 people" (the version in
    apposition to "Correction") are both withdrawn tellings; the corrected figure is asserted."""
    claims = _claims(nlp, "Correction, 4 April: An earlier version of this article gave the firm's fine as 47 million "
                          "euros. The correct figure is 74 million euros.\n\nCorrection (3/4): An earlier version of "
                          "this article said the plant employs 1,430 people. The correct figure is 1,340.")
    assert _find(claims, "fine as 47").negated
    assert _find(claims, "employs 1,430").negated
    assert not _find(claims, "74 million").negated


def test_words_a_participle_quotes_are_the_main_clause_subjects(nlp) -> None:  # type: ignore[no-untyped-def]
    """"Minister X rejected a report that ..., calling the files "partly fabricated"": the quoted
    words are the minister's, wherever the parser hangs "calling"."""
    claims = _claims(nlp, "Defence Minister Oskar Brenholm on Wednesday rejected a newspaper report that his ministry "
                          "had favoured a weaker bid, calling the leaked files \"partly fabricated\".")
    assert "Brenholm" in (_find(claims, "partly fabricated").attribution or "")


def test_a_source_close_to_a_named_person_is_the_source_not_the_person(nlp) -> None:  # type: ignore[no-untyped-def]
    """"..., a source close to Prime Minister Tomas Vell said": the parser takes the name for the
    subject of "said"; the teller is the unnamed source, short sentence or long."""
    claims = _claims(nlp, "A trade embargo was rejected, a source close to Prime Minister Tomas Vell said.\n\n"
                          "A fuel levy was considered but dropped because it would have hurt farmers more than the "
                          "government, a source close to Prime Minister Tomas Vell said.")
    for needle in ("trade embargo", "fuel levy"):
        assert (_find(claims, needle).attribution or "").startswith("a source close to"), _find(claims, needle)


def test_a_figure_put_on_the_objects_own_words_or_between_two_values_is_the_putters(nlp) -> None:  # type: ignore[no-untyped-def]
    """"put the total cost of restoring the road at about 9 million florins when he spoke to ...":
    the parser hangs "at" on the object's gerund; "put the likely re-entry between 11 and 14 March"
    is a span of days the putter gives."""
    claims = _claims(nlp, "Tobias Quellner, head of the county road office, put the total cost of restoring the road at "
                          "about 9 million florins when he spoke to a trade weekly last week.")
    assert "Quellner" in (_find(claims, "9 million").attribution or "")
    claims = _claims(nlp, "In the same notice, Orrenby Space put the likely re-entry between 11 and 14 March, a window "
                          "it said would shrink as the orbit decays.")
    assert "Orrenby" in (_find(claims, "re-entry").attribution or "")


def test_a_state_coordinated_on_a_day_of_its_own_is_told_with_that_day(nlp) -> None:  # type: ignore[no-untyped-def]
    """"fell ... on Sunday 8 March 2031 and stayed below 6% throughout the following day": the staying
    has its own day; "fell and stayed low" on one day tells one event."""
    def claims_of(body: str) -> list[Claim]:
        article = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body),
                          published=PublishedDate("2031-03-12", "metadata", "2031-03-12", "2031-03-12"))
        (analysis,) = analyze_articles([article], nlp=nlp)
        return analysis.claims

    claims = claims_of("Our sensors show that connectivity fell to 4% of ordinary levels at 21:14 on Sunday 8 March "
                       "and stayed below 6% throughout the following day.")
    stay = [c for c in claims if c.predicate == "stay"]
    assert stay and stay[0].time is not None and stay[0].time.value.startswith("2031-03-09")
    claims = claims_of("Connectivity fell to 4% on Sunday 8 March and stayed low.")
    assert not [c for c in claims if c.predicate == "stay"]
