"""PLOVER event types from predicate lemmas (and from the event noun of a light verb).

PLOVER (the successor of CAMEO) gives events a small, politically meaningful type set, which is
what lets reconciliation cluster "signed a pact" and "ratified the treaty" together and keep
"met" apart from "attacked". The mapping is a lexicon of verb and event-noun lemmas per type;
a light verb ("hold", "make", "launch") is typed by its object ("held a summit" -> CONSULT).
"""

from __future__ import annotations

_VERBS: dict[str, tuple[str, ...]] = {
    "AGREE": ("sign", "agree", "ratify", "pledge", "accept", "approve", "endorse", "conclude", "settle",
              "commit", "promise", "vow"),
    "CONSULT": ("meet", "visit", "talk", "call", "phone", "speak", "discuss", "negotiate", "host", "consult",
                "confer", "greet", "receive", "welcome", "travel", "arrive", "tour", "update", "brief"),
    "SUPPORT": ("praise", "support", "back", "hail", "commend", "thank", "reaffirm", "honor", "honour",
                "celebrate", "congratulate", "appreciate", "laud", "salute", "applaud", "commemorate"),
    "COOPERATE": ("cooperate", "ally", "partner", "strengthen", "collaborate", "coordinate", "deepen",
                  "bolster", "unite", "join", "integrate", "exchange"),
    "AID": ("aid", "assist", "help", "provide", "supply", "donate", "deliver", "give", "rebuild", "restore",
            "fund", "finance", "equip", "train", "reconstruct", "demine", "ship"),
    "MOBILIZE": ("deploy", "mobilize", "mobilise", "station", "dispatch", "reinforce", "recruit", "conscript",
                 "mass", "send", "triple", "double", "muster", "position"),
    "FIGHT": ("attack", "strike", "bomb", "shell", "fight", "invade", "repel", "ambush", "capture", "occupy",
              "seize", "liberate", "reclaim", "annihilate", "intercept", "shoot", "launch", "fire", "raid",
              "advance", "recapture", "besiege", "battle", "engage"),
    "ASSAULT": ("kill", "injure", "wound", "torture", "abduct", "kidnap", "execute", "massacre", "murder",
                "assassinate", "die"),
    "COERCE": ("arrest", "detain", "ban", "expel", "censor", "deport", "imprison", "jail", "confiscate",
               "restrict", "block", "suppress", "sentence"),
    "DEMAND": ("demand", "urge", "insist", "press", "call"),
    "ACCUSE": ("accuse", "blame", "allege", "charge", "indict"),
    "DISAPPROVE": ("criticize", "criticise", "condemn", "denounce", "decry", "protest", "deplore", "slam"),
    "REJECT": ("reject", "refuse", "veto", "deny", "dismiss", "oppose", "decline", "rebuff"),
    "THREATEN": ("threaten", "warn", "menace", "intimidate"),
    "PROTEST": ("demonstrate", "rally", "march", "riot", "boycott"),
    "SANCTION": ("sanction", "embargo", "suspend", "freeze", "expel", "sever", "downgrade", "circumvent"),
    "REQUEST": ("request", "ask", "seek", "appeal", "apply", "petition", "invite"),
    "RETREAT": ("withdraw", "retreat", "evacuate", "release", "free", "return", "repatriate", "disarm",
                "pull", "abandon"),
    "CONCEDE": ("acknowledge", "admit", "concede", "apologize", "apologise", "confirm"),
    "INVESTIGATE": ("investigate", "probe", "inspect", "examine", "monitor", "observe"),
}
_NOUNS: dict[str, tuple[str, ...]] = {
    "AGREE": ("agreement", "treaty", "pact", "deal", "accord", "ratification", "pledge", "partnership"),
    "CONSULT": ("summit", "meeting", "talk", "visit", "call", "conversation", "negotiation", "trip",
                "consultation", "discussion", "conference", "delegation"),
    "SUPPORT": ("praise", "support", "gratitude", "tribute", "commemoration", "ceremony", "memorial"),
    "COOPERATE": ("cooperation", "alliance", "exchange", "collaboration", "coordination", "ties"),
    "AID": ("aid", "assistance", "help", "supply", "reconstruction", "donation", "shipment"),
    "MOBILIZE": ("deployment", "mobilization", "mobilisation", "reinforcement", "buildup", "build-up"),
    "FIGHT": ("attack", "strike", "offensive", "battle", "assault", "invasion", "war", "incursion",
              "counteroffensive", "raid", "bombardment", "shelling", "combat", "operation"),
    "ASSAULT": ("killing", "massacre", "execution", "casualty", "death"),
    "COERCE": ("arrest", "ban", "crackdown", "detention", "expulsion"),
    "DEMAND": ("demand", "ultimatum"),
    "ACCUSE": ("accusation", "allegation", "charge"),
    "DISAPPROVE": ("criticism", "condemnation"),
    "REJECT": ("rejection", "refusal", "veto", "denial"),
    "THREATEN": ("threat", "warning"),
    "PROTEST": ("protest", "demonstration", "rally", "march", "riot", "boycott"),
    "SANCTION": ("sanction", "embargo"),
    "REQUEST": ("request", "appeal", "invitation"),
    "RETREAT": ("withdrawal", "retreat", "evacuation", "release", "repatriation"),
    "INVESTIGATE": ("investigation", "probe", "inquiry", "inspection"),
}
LIGHT_VERBS = frozenset(
    {"hold", "have", "make", "take", "conduct", "carry", "stage", "launch", "begin", "start", "open", "host",
     "mark", "undertake", "pay", "lay", "perform", "issue", "express", "sign", "do", "reach", "receive", "get",
     "obtain", "win", "secure"}
)
#: Verbs whose subject is the event itself ("the meeting took place", "the attack occurred").
OCCUR_VERBS = frozenset({"happen", "occur", "unfold", "proceed", "resume", "end", "conclude"})

VERB_TYPE: dict[str, str] = {}
for _type, _lemmas in _VERBS.items():
    for _lemma in _lemmas:
        VERB_TYPE.setdefault(_lemma, _type)
NOUN_TYPE: dict[str, str] = {}
for _type, _lemmas in _NOUNS.items():
    for _lemma in _lemmas:
        NOUN_TYPE.setdefault(_lemma, _type)


def event_type(predicate: str | None, object_lemma: str | None = None) -> str | None:
    """PLOVER type of a predicate; light verbs take the type of their object noun."""
    if predicate is None:
        return None
    p = predicate.lower()
    if p in LIGHT_VERBS and object_lemma and object_lemma.lower() in NOUN_TYPE:
        return NOUN_TYPE[object_lemma.lower()]
    return VERB_TYPE.get(p) or NOUN_TYPE.get(p)
