"""Entity mentions, titles and canonical entities across articles (texts written for the test)."""

from __future__ import annotations

from storyline.extract import analyze_articles, collect_entities
from storyline.extract.entities import normalize_title
from storyline.model import Article, content_hash


def _article(body: str) -> Article:
    return Article(id=Article.make_id(body), body=body, content_hash=content_hash(body))


def test_title_normalisation() -> None:
    assert normalize_title("the Dutch Defence Minister") == "defense minister"
    assert normalize_title("France's top security official") == "top security official"
    assert normalize_title("Minister of Defense") == "defense minister"
    assert normalize_title("Deputy Minister of Defence") == "deputy defense minister"
    assert normalize_title("U.S. President") == normalize_title("president") == "president"
    assert normalize_title("the ambassador to Kenya") == "ambassador to kenya"


def test_name_variants_link_across_articles(nlp) -> None:  # type: ignore[no-untyped-def]
    a = _article("French President Emmanuel Macron met Chancellor Olaf Scholz in Berlin on Monday. "
                 "Macron said the talks were useful.")
    b = _article("Lee Jae-myung spoke to reporters in Seoul. Later, President Lee Jae Myung flew to Tokyo.\n\n"
                 "Emmanuel Macron did not attend.")
    c = _article("Mr. Macron and Scholz will meet again in May, the Elysee said.")
    analyses = analyze_articles([a, b, c], nlp=nlp)
    ids = {m.text: m.entity_id for an in analyses for m in an.mentions}
    assert ids["Macron"] == ids["Emmanuel Macron"]
    assert ids["Lee Jae-myung"] == ids["Lee Jae Myung"]
    assert ids["Scholz"] == ids["Olaf Scholz"]
    entities = {e.id: e for e in collect_entities(analyses)}
    macron = entities[ids["Macron"]]
    assert macron.name == "Emmanuel Macron" and "Macron" in macron.aliases
    berlin = next(e for e in entities.values() if e.name == "Berlin")
    assert berlin.country == "Germany"


def test_roles_from_prefix_and_apposition(nlp) -> None:  # type: ignore[no-untyped-def]
    a = _article("Dutch Defense Minister Rufus Firefly inspected the border on Tuesday.")
    b = _article("The talks were led by Sylvania's top security official, Rufus Firefly, who arrived on Friday. "
                 "Chicolini Trentino, the ambassador to Sylvania, greeted him.")
    analyses = analyze_articles([a, b], nlp=nlp)
    titles = {(r.entity_id, r.title) for an in analyses for r in an.roles}
    firefly = next(m.entity_id for an in analyses for m in an.mentions if m.text == "Rufus Firefly")
    assert (firefly, "defense minister") in titles
    assert (firefly, "top security official") in titles
    assert any(t.startswith("ambassador to") for _, t in titles)
    for an, art in zip(analyses, (a, b), strict=True):
        for r in an.roles:
            assert art.body[r.start:r.end]  # the role's evidence is a span of the body


def test_gazetteer_fixes_labels(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Troops moved through the Kharkiv region toward Nairobi, officials in Chile said."
    (an,) = analyze_articles([_article(body)], nlp=nlp)
    labels = {m.text: m.label for m in an.mentions}
    assert labels.get("Chile") == "GPE"
    assert labels.get("Nairobi") == "GPE"


def test_three_part_names_and_bracketed_acronyms(nlp) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Span

    from storyline.extract.entities import doc_mentions

    a = _article("North Korean Foreign Minister Mun Sun Hui held talks with officials at the Kremlin on Monday.\n\n"
                 "The Financial Supervisory Service (FSS) said fraud rose. Chile's coastal guard (DIRECTEMAR) "
                 "said 40 boats sank. Lima's flood office (ZQX) said the river rose.")
    b = _article("The FSS said on Friday that it would fine three banks.")
    analyses = analyze_articles([a, b], nlp=nlp)
    mentions = {m.text: m for an in analyses for m in an.mentions}
    assert "Mun Sun Hui" in mentions and "Mun Sun" not in mentions
    long_form = mentions["Financial Supervisory Service"]
    fss = [m for an in analyses for m in an.mentions if m.text == "FSS"]
    assert len(fss) == 2 and all(m.entity_id == long_form.entity_id for m in fss)  # in both articles
    assert mentions["ZQX"].label == "ORG"  # a bracketed acronym the NER missed is an entity
    # an acronym the NER calls a place is an organisation unless it abbreviates a country
    doc = nlp("Officials at ABIN and the US embassy met.")
    doc.ents = [Span(doc, 2, 3, label="GPE"), Span(doc, 5, 6, label="GPE")]
    labels = {r.mention.text: r.mention.label for r in doc_mentions(doc, 0, [0] * len(doc))}
    assert labels == {"ABIN": "ORG", "US": "GPE"}


def test_bracketed_acronym_after_other_entities(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Lima's flood office (ZQX) said on Monday that the river rose near Cusco."
    (analysis,) = analyze_articles([_article(body)], nlp=nlp)
    assert "ZQX" in {m.text for m in analysis.mentions}


def test_a_personal_name_tagged_an_organisation_is_the_person_its_surname_names(nlp) -> None:  # type: ignore[no-untyped-def]
    a = _article("The body of 40-year-old Rony Yasir Canales-Orbe was recovered on Friday.")
    b = _article("Divers found Orbe near the pier on Friday, the harbour police said.")
    c = _article("The Harbour Police Department said Orbe had worked on the crane.")
    analyses = analyze_articles([a, b, c], nlp=nlp)
    ids = {m.text: m.entity_id for an in analyses for m in an.mentions}
    assert ids["Rony Yasir Canales-Orbe"] == ids["Orbe"]
    assert ids["Rony Yasir Canales-Orbe"].startswith("person:")
    assert not ids.get("The Harbour Police Department", "org:").startswith("person:")  # an organisation's words


def test_a_lone_surname_is_the_name_it_ends_not_the_name_it_begins(nlp) -> None:  # type: ignore[no-untyped-def]
    a = _article("The fourth body belonged to Carla Dominga Ruiz, the consulate said.\n\n"
                 "Her cousin Teodoro Ruiz Pardo also died. Ruiz Pardo was 35. Ruiz Pardo had two children.")
    b = _article("Teodoro Ruiz Pardo was found on Friday. Officials said Ruiz was found in the river on Monday.")
    analyses = analyze_articles([a, b], nlp=nlp)
    ids = {m.text: m.entity_id for an in analyses for m in an.mentions}
    assert ids.get("Ruiz") == ids["Carla Dominga Ruiz"], ids


def test_an_organisation_named_by_its_first_word_is_the_one_longer_name_it_begins(nlp) -> None:  # type: ignore[no-untyped-def]
    a = _article("Kettering Holdings raised its offer for Brantwood Instruments on Monday.")
    b = _article("Kettering said on Tuesday that Brantwood had rejected the bid.")
    analyses = analyze_articles([a, b], nlp=nlp)
    ids = {m.text: m.entity_id for an in analyses for m in an.mentions}
    assert ids["Kettering"] == ids["Kettering Holdings"], ids
    # a first word that begins two longer names stays itself
    from storyline.extract.entities import RawMention, resolve
    from storyline.model import Mention

    raw = [RawMention(0, Mention(t, 0, len(t), "ORG"), t.lower(), "org") for t in ("Tarn Capital", "Tarn Logistics", "Tarn")]
    assert resolve(raw) == {0: "org:tarn-capital", 1: "org:tarn-logistics", 2: "org:tarn"}


def test_a_name_tagged_a_place_an_organisation_and_a_person_is_one_place() -> None:
    """The model may call one village a place twice, an organisation once and a person twice
    (a subject of "said"): its place and organisation mentions are one entity, so figures of
    the village meet, whatever the person mentions are."""
    from storyline.extract.entities import RawMention, resolve
    from storyline.model import Mention

    tags = [("Pellworth", "GPE", "place"), ("Pellworth", "GPE", "place"), ("Pellworth", "ORG", "org"),
            ("Pellworth", "PERSON", "person"), ("Pellworth", "PERSON", "person"), ("Pellworth", "PERSON", "person")]
    raw = [RawMention(i, Mention(t, 0, len(t), label), t.lower(), kind) for i, (t, label, kind) in enumerate(tags)]
    ids = resolve(raw)
    assert ids[0] == ids[1] == ids[2] == "place:pellworth", ids


def test_a_surname_tagged_a_nationality_is_the_person_the_story_names_in_full(nlp) -> None:  # type: ignore[no-untyped-def]
    """A live entry's 'Surname: "..."' may be tagged a nationality; the story names the person
    in full elsewhere, and a real nationality stays one."""
    from storyline.extract.entities import RawMention, resolve
    from storyline.model import Mention

    raw = [RawMention(0, Mention("Ilsa Varnquist", 0, 14, "PERSON"), "ilsa varnquist", "person"),
           RawMention(1, Mention("Varnquist", 6, 15, "NORP"), "varnquist", "group"),
           RawMention(1, Mention("Kenyan", 30, 36, "NORP"), "kenyan", "group")]
    ids = resolve(raw)
    assert ids[1] == ids[0], ids
    assert ids[2] != ids[0] and not ids[2].startswith("person:"), ids


def test_a_full_name_tagged_a_place_is_a_person_when_its_surname_is_a_persons() -> None:
    """'Ilse Marrend' tagged a place here and a building there, in a story that calls a
    'Marrend' a person: a person; 'Mount Marrend' stays a place."""
    from storyline.extract.entities import RawMention, resolve
    from storyline.model import Mention

    tags = [("Ilse Marrend", "GPE", "place"), ("Ilse Marrend", "FAC", "facility"),
            ("Marrend", "PERSON", "person"), ("Mount Marrend", "LOC", "place")]
    raw = [RawMention(i, Mention(t, 0, len(t), label), t.lower(), kind) for i, (t, label, kind) in enumerate(tags)]
    ids = resolve(raw)
    assert ids[0] == ids[1] and ids[0].startswith("person:"), ids
    assert ids[3].startswith("place:"), ids


def test_a_name_the_model_missed_is_recovered_from_the_rest_of_the_story() -> None:
    from storyline.extract.entities import RawMention, recover_missed
    from storyline.model import Mention, Sentence

    bodies = ["Police said Idris Halloran and Idris Halloran's brother were seen in Wexby.",
              "Idris Halloran gave himself up. Halloran was unarmed, and Halloran spoke to police. In May, Halloran",
              "Halloran was remanded on Friday."]
    found = [[RawMention(0, Mention("Idris Halloran", 12, 26, "PERSON"), "idris halloran", "person")],
             [RawMention(1, Mention("Halloran", 32, 40, "PERSON"), "halloran", "person")],
             [RawMention(2, Mention("Halloran", 0, 8, "PERSON"), "halloran", "person")]]
    sentences = [[Sentence(0, 0, len(b), 0, b)] for b in bodies]
    recover_missed(found, bodies, sentences)
    texts = [[(r.mention.text, r.mention.start) for r in mine] for mine in found]
    assert ("Idris Halloran", 31) in texts[0]  # the possessive the model missed
    assert ("Idris Halloran", 0) in texts[1]  # a wire's first words
    assert ("Halloran", 58) in texts[1]  # the surname, which the story reads as the person elsewhere
    assert all(label == "PERSON" for mine in found for label in [r.mention.label for r in mine])
