"""Claims on texts written for the test: attribution forms, carry-over, flags, event types."""

from __future__ import annotations

from storyline.extract import analyze_articles
from storyline.model import Article, Claim, content_hash


def _claims(nlp, body: str) -> list[Claim]:  # type: ignore[no-untyped-def]
    article = Article(id=Article.make_id(body), body=body, content_hash=content_hash(body))
    (analysis,) = analyze_articles([article], nlp=nlp)
    for claim in analysis.claims:
        assert body[claim.span[0]:claim.span[1]] == claim.text
        assert claim.id == f"{article.id}:{claim.sentence}"
    return analysis.claims


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
