"""`storyline eval stories`: the real stories of ../shared/data/stories and our own in tests/data/stories.

The scorer is checked against the stories' own scorer (../shared/eval/score_story.py) on the same
report. The issue's bars (every must check, recall >= 0.85, fragmentation <= 1.3, merge >= 0.75,
size <= 2.5): the shared stories reach them; ``test_every_story_of_ours_reaches_the_bar`` is expected to fail until the event
layer reaches them, and ``FLOORS`` hold what it reaches today, so that no change goes backwards.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from storyline.evaluation import stories as ev

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
STORY_DIRS = [*(sorted((SHARED / "data" / "stories").glob("*/")) if (SHARED / "data" / "stories").is_dir() else []),
              *sorted((ROOT / "tests" / "data" / "stories").glob("*/"))]
#: Every story is analysed once, in one module fixture whose time grows with the corpus (195
#: stories: about 4 minutes alone on this machine, more beside other work): above the suite's
#: 300 s per test.
pytestmark = pytest.mark.timeout(900)
#: story -> (most must checks failing, least recall, most fragmentation, least merge, largest size)
FLOORS = {
    # (session 40: a clock time told apart from its day dates the act to the minute; the glacier
    # rescue's tellings cluster otherwise, merge 0.86 -> 0.85 and fragmentation 1.15 -> 1.31; the ICU
    # fire's recall 0.94 -> 1.00 with size 0.94 -> 1.00 since a bare figure subject counts its noun.)
    # (session 31, everywhere: an untyped act does not lend its date to an act its sentence names as its anchor
    # ("shut down on 15 July after tests found ..."), and a coordinated verb in another tense does not type the
    # act: day-off disputes found in five stories, lost in two (a fire chief relieved, a strike's start; hesper
    # 2 -> 3, hollin 0 -> 1). Floors loosened by an event or two of size or merge in 19 stories: brennmoor,
    # caldrin, ambrel, veskaria, krasnel, calvessa, nordweil, vorlaine, hadderby, quendaria and oberzinnach
    # size; kestrel-park, ardent, kalvik, hesper, halvenna, pirrevik, obelwick merge; carvenna-stabbing,
    # quillmere fragmentation; recall 0.99 -> 0.90/0.91 in vaultmere, halvane and dunmirra, 0.79 -> 0.73 in
    # tolmerby, 0.92 -> 0.85 in obelwick (one gold event of 13-15 each). Musts held above today's count are set
    # to it.)
    # (session 31, later: independent clauses joined by a semicolon are sentences of their own;
    # "has agreed to hear ... on Tuesday" and a day "set ... as the start" are ahead; a required
    # number ("a majority of 101 votes") is no count; a verb's single consonant before -ed keeps
    # its stem's e ("fined": fine); an ISO header date gives a yearless wire dateline its year.
    # Loosened: drevany, kelmarra, ardent merge; ardent, quillmoor size; recall 0.92 -> 0.85 in
    # jelmstad (a claim and its echo a day later no longer joined once the semicolon split their
    # sentence), 0.85 -> 0.79 in oberzinnach (a governor's landing, one article).)
    # (session 18, everywhere: a partitive's part is compared with parts of a group of that size,
    # and its whole is another slot; the government-falls story's vote count had passed by accident,
    # through a whole of 24 deputies set against the 105 votes in a sentence that also held 104: 1 -> 2)
    # (session 12, everywhere: a live entry's clock time falls on the page's day, not the day an
    # earlier entry talked about; entries now on their real day are told apart from that day's
    # happenings: the cyclone's fragmentation 1.23 -> 1.54 and its landfall dispute lost, five
    # stories' size up by one event or two; two outlets' exact counts contradict, 61 -> 55 musts)
    # (session 9, everywhere: the learned same-day join of reconcile/sameday.py cut fragmentation
    # and size and raised merge; the figures below are today's, the comments the first scores)
    "air-india-171": (0, 0.90, 1.05, 0.84, 1.41),
    "key-bridge-2024": (0, 0.85, 1.13, 0.91, 1.34),
    "martial-law-2024": (0, 0.99, 1.05, 0.80, 1.12),
    "wagner-2023": (0, 0.92, 1.13, 0.83, 1.19),
    "brackenford-blast-2025": (0, 0.91, 1.05, 0.82, 1.43),
    "greywater-ransomware-2025": (0, 0.82, 1.15, 0.71, 1.30),
    "quarrenton-dam-breach-2026": (0, 0.91, 1.30, 0.85, 1.67),  # session 10: the join retrained on 24 stories
    "ashcombe-cider-outbreak-2027": (0, 0.91, 1.14, 0.91, 1.85),
    # (session 10: a figure in a clause of its own is that clause's event's: the recount's first
    # count is found in one more article but as one more event: fragmentation 1.25 -> 1.33)
    "calderport-mayoral-recount-2025": (0, 0.91, 1.05, 0.95, 1.43),
    # written blind in session 5, first scored with the code of commit 28a41ef
    # (session 27: testimony told to the court stands on the timeline: recall 0.87 -> 0.93, a gold
    # event matched whose best event joins fewer of its articles: merge 0.97 -> 0.94)
    "ferrow-bank-fraud-trial-2025": (0, 0.86, 1.20, 0.93, 1.72),
    # hollin and skarnvik: since pages dated only by a wire dateline without its year take the
    # story's year, their recaps' events are dated and on the timeline (right), and not all of
    # them join their happening yet: size and fragmentation rose from 3.0 and 2.38
    # (session 21: a begun act is real now ('began dredging the channel'), a happening of its own on the timeline: fragmentation 1.13 -> 1.16, size 1.74 -> 1.78)
    # (session 23: a statement two outlets date to the day is on the timeline: size 1.78 -> 1.86)
    "hollin-port-strike-2026": (1, 0.99, 1.16, 0.86, 1.86),  # session 14: a when-clause's own event crowds the strike's day
    # written blind late in session 5, first scored with the code of commit a2b032b
    # (session 19: the flight home of a body recovered that day is told apart from the recovery,
    # one more event that day: fragmentation 1.31 -> 1.38, size 1.46 -> 1.54)
    # (session 21: a begun act is real now ('began dredging the channel'), a happening of its own on the timeline: fragmentation 1.43 -> 1.47, size 1.59 -> 1.63)
    "skarnvik-glacier-rescue-2026": (1, 0.99, 1.47, 0.84, 1.63),
    # written blind in session 6, first scored (5 musts, 1.00, 1.83, 0.58, 2.58) with the code of
    # commit 24b6162 plus the tagger's "later than" veto
    "calvessa-minister-resignation-2026": (0, 0.99, 1.22, 0.77, 1.38),
    # written blind in session 6, first scored (3 musts, 0.79, 1.82, 0.65, 2.86) with commit 4066935
    # plus the live-entry and <time>-element changes of the next commit
    # (session 23: a statement two outlets date to the day is on the timeline: size 1.69 -> 1.72)
    "drennock-wildfire-2026": (2, 0.78, 1.14, 0.74, 1.72),
    # written blind in session 7, first scored with the code of commit 3603adf: prison escape
    # 6 musts failed, recall 1.00, fragmentation 1.69, merge 0.80, size 2.77; takeover battle
    # 3 musts, 0.93, 1.77, 0.58, 2.14
    # (the escape: the live blog's stamps and the radio page's outlet-and-date line now read, 3
    # musts; its dated entries are not all joined yet: fragmentation 1.69 -> 1.77, size 2.85)
    "tolvern-prison-escape-2026": (0, 0.91, 1.13, 0.94, 1.67),
    "marrowgate-takeover-2026": (0, 0.92, 1.05, 0.85, 1.19),
    # written blind late in session 7, first scored with commit 9c768d7: 5 musts, 0.92, 1.64, 0.58, 2.17
    "veskar-doping-case-2026": (2, 0.91, 1.05, 0.68, 1.47),
    # written blind late in session 7, first scored with commit d04b51e: 4 musts, 1.00, 1.86, 0.81, 2.93
    # (then a "when" clause dating its main act: the committee hearing's day read, 4 -> 3 musts,
    # its apology not yet joined to the hearing: merge 0.81 -> 0.77, size 2.93 -> 3.00)
    "corvale-airline-collapse-2026": (1, 0.92, 1.13, 0.87, 1.44),
    # written blind in session 8, first scored with commit 7880207: museum heist 2 musts failed,
    # recall 0.85, fragmentation 2.09, merge 0.77, size 3.23; border ceasefire 7 musts, 1.00, 1.58,
    # 0.71, 3.42; cyclone 4 musts, 0.93, 1.69, 0.66, 4.93
    # (session 8, everywhere: once-told minor details in the background by the learned model of
    # reconcile/detail.py trade a little recall for size: key-bridge and wagner recall 0.93 -> 0.86)
    # (session 23: a statement two outlets date to the day is on the timeline: size 1.28 -> 1.32)
    "veyrholt-museum-heist-2026": (1, 0.84, 1.14, 0.93, 1.40),
    "sarrow-border-ceasefire-2026": (2, 0.99, 1.22, 0.85, 2.18),
    # (session 19: a weekend compares as its week, not its month: one fragment of a landfall day
    # joins another happening, fragmentation 1.54 -> 1.46, merge 0.82 -> 0.805)
    "merrowan-cyclone-2026": (1, 0.92, 1.59, 0.80, 2.62),
    # written blind in session 9, first scored with commit 8b0b06d: stadium crush 3 musts failed,
    # recall 0.86, fragmentation 2.00, merge 0.74, size 2.43; derailment 6 musts, 0.85, 1.73, 0.72,
    # 2.08; launch failure 4 musts, 0.85, 1.18, 0.78, 1.54. The learned same-day join
    # (reconcile/sameday.py, trained on the 21 other stories, not these) then: crush 1.83 / 0.79 /
    # 2.14, derailment 1.45 / 0.77 / 1.85, launch 1.18 / 0.80 / 1.54
    # (session 24: the same-day join retrained on 131 stories (from 51; threshold 0.65 by the same held-out precision rule): a day's happenings joined that the old model kept apart, and a few wrongly: size 1.62 -> 1.65)
    "brennmoor-stadium-crush-2026": (1, 0.85, 1.38, 0.91, 1.72),
    # (session 24: the same-day join retrained on 131 stories (from 51; threshold 0.65 by the same held-out precision rule): a day's happenings joined that the old model kept apart, and a few wrongly: fragmentation 1.23 -> 1.28)
    "talvenmoor-derailment-2026": (3, 0.84, 1.28, 0.91, 1.78),
    "corvel-launch-failure-2026": (2, 0.91, 1.05, 0.88, 1.74),
    # written blind in session 10, first scored with commit 3cf86de: earthquake 6 musts failed,
    # recall 0.86, fragmentation 1.33, merge 0.75, size 1.64; ferry capsizing 3 musts, 0.85, 1.45,
    # 0.87, 2.00; drug recall 3 musts, 1.00, 1.38, 0.83, 2.08
    # (then its page dated by a byline's date line is read: 6 -> 4 musts, and its events reach the
    # timeline: fragmentation 1.33 -> 1.42, size 1.64 -> 1.86)
    # (session 23: a weekday of a named week ("Thursday last week") is that day: size 1.55 -> 1.58)
    # (session 24: the same-day join retrained on 131 stories (from 51; threshold 0.65 by the same held-out precision rule): a day's happenings joined that the old model kept apart, and a few wrongly: size 1.58 -> 1.65)
    "caldrin-earthquake-2026": (2, 0.85, 1.32, 0.75, 2.01),
    # (session 22: booked present acts leave the timeline and 'question' is an act of investigation, so events regroup: size 1.9 -> 1.93)
    "merrow-star-ferry-2026": (2, 0.84, 1.14, 0.94, 1.93),
    # (session 24: the same-day join retrained on 131 stories (from 51; threshold 0.65 by the same held-out precision rule): a day's happenings joined that the old model kept apart, and a few wrongly: fragmentation 1.05 -> 1.09)
    "febrinol-drug-recall-2026": (1, 0.99, 1.09, 0.91, 1.67),
    # written blind late in session 10, first scored with commit a5814ae: government falls 3 musts
    # failed, recall 0.93, fragmentation 1.62, merge 0.75, size 2.07; mine collapse 3, 1.00, 1.43,
    # 0.73, 2.14; chemical spill 5, 1.00, 1.50, 0.79, 1.86 (then, with f013edd's evening clock
    # times, the spill's production stop splits three ways: fragmentation 1.71, size 2.21)
    "tarvonia-government-falls-2026": (1, 0.85, 1.20, 0.84, 1.76),
    # (session 21: 'beyond the fall' (of rock) is no autumn now; its tellings join otherwise: fragmentation 1.12 -> 1.15)
    "tollack-mine-collapse-2026": (1, 0.99, 1.15, 0.79, 1.76),
    "tolmere-chemical-spill-2026": (2, 0.99, 1.26, 0.84, 1.69),
    # written blind at the end of session 10 and first scored with its last code, 74f9bee (the
    # session's held-out measure): network outage 2 musts failed, recall 0.85, fragmentation
    # 1.73, merge 0.80, size 2.23; river floods 3, 1.00, 1.54, 0.81, 3.00; exchange hack 4,
    # 1.00, 1.54, 0.84, 2.54
    # (session 11, everywhere: the same-day join asks every pair of a day, not only those whose
    # doers and places agree; the outage's revised count, told by two articles in other words,
    # is no longer joined, and each telling alone is a minor detail: recall 0.85 -> 0.77)
    # (session 24: a weekday told 'the Tuesday' is the narrated week's (an outlet's 'restored by 17:45 on the Tuesday', quoted beside the regulator's Wednesday, now dated right; the date dispute had passed through its wrong date): must 2 -> 3, recall 0.84 -> 0.76)
    "arvane-network-outage-2026": (2, 0.76, 1.50, 0.81, 1.74),
    # (session 24: a weekday told 'the Tuesday' is the narrated week's: fragmentation 1.05 -> 1.09)
    "ostrel-river-floods-2026": (1, 0.99, 1.09, 0.87, 2.36),
    "vaultmere-exchange-hack-2026": (1, 0.9, 1.2, 0.87, 1.97),
    # written blind in session 11 and first scored with 50c1150 (the session's held-out measure):
    # bank siege 4 musts failed, recall 0.92, fragmentation 1.25, merge 0.75, size 1.69; tower fire
    # 1, 1.00, 1.23, 0.83, 2.00; volcano 3, 1.00, 1.50, 0.79, 2.21
    # (session 24: the same-day join retrained on 131 stories (from 51; threshold 0.65 by the same held-out precision rule): a day's happenings joined that the old model kept apart, and a few wrongly: fragmentation 1.22 -> 1.26)
    "brantis-bank-siege-2026": (1, 0.91, 1.26, 0.72, 1.48),
    # (session 38: "the fire was brought under control at 1.40pm Wednesday" is a clock time now, and its
    # article's statement of the next day, told beside it, joins the fire's happening: recall 1.00 -> 0.92)
    "harlow-court-tower-fire-2026": (0, 0.90, 1.13, 0.87, 1.67),
    # (session 21: a begun act is real now ('began dredging the channel'), a happening of its own on the timeline: fragmentation 1.34 -> 1.37)
    "pellmar-volcano-eruption-2026": (1, 0.99, 1.37, 0.81, 2.26),
    # written blind later in session 11 and first scored with 7b08523 (the session's second
    # held-out measure): landslide 3 musts failed, recall 0.93, fragmentation 1.54, merge 0.86,
    # size 1.71; kidnapping 5, 0.62, 1.38, 0.57, 2.00; heatwave 3, 0.92, 1.25, 0.79, 2.15
    "corran-valley-landslide-2026": (2, 0.92, 1.43, 0.87, 1.76),
    "dravosk-aid-workers-kidnapping-2026": (1, 0.91, 1.30, 0.80, 1.90),
    "telmark-heatwave-blackout-2026": (0, 0.91, 1.30, 0.84, 1.97),
    # written blind at the end of session 11 and first scored with its last code, 6375c1c (the
    # session's final held-out measure): CEO ouster 4 musts failed, recall 0.92, fragmentation
    # 1.17, merge 0.86, size 1.31; measles 1, 1.00, 1.08, 0.81, 2.38; tanker spill 1, 1.00, 1.15,
    # 0.79, 1.85
    "halvard-ceo-ouster-2026": (2, 0.91, 1.13, 0.88, 1.36),
    "ostermark-measles-outbreak-2026": (1, 0.99, 1.05, 0.82, 2.05),
    # (session 21: a begun act is real now ('began dredging the channel'), a happening of its own on the timeline: fragmentation 1.13 -> 1.16)
    "skerrow-tanker-spill-2026": (0, 0.99, 1.16, 0.85, 1.90),
    # written blind in session 12 and first scored with 2b02c4f (the session's held-out measure):
    # avian flu 2 musts failed, recall 1.00, fragmentation 1.31, merge 0.80, size 2.23; match
    # fixing 2, 1.00, 1.23, 0.92, 1.69; boat capsizing 3, 1.00, 1.21, 0.83, 1.50
    # (session 21: a begun act is real now ('began dredging the channel'), a happening of its own on the timeline: size 2.05 -> 2.09)
    # (session 24: a weekday told 'the Tuesday' is the narrated week's: size 2.09 -> 2.16)
    "harnvik-avian-flu-2026": (2, 0.99, 1.20, 0.84, 2.16),
    "valdmark-match-fixing-2026": (0, 0.99, 1.20, 0.91, 1.59),
    "corsel-strait-capsizing-2026": (1, 0.99, 1.26, 0.88, 1.62),
    # written blind in session 13 and first scored with 39feab1 (the session's held-out measure):
    # spy expulsions 2 musts failed, recall 0.93, fragmentation 1.31, merge 0.83, size 1.71;
    # referendum 4, 0.93, 1.23, 0.86, 1.79; canal grounding 3, 0.92, 1.33, 0.82, 1.92
    # (session 21: a later conjunct with its own subject keeps its date, so one more happening is
    # dated and found: recall 0.93 -> 1.00, size 1.71 -> 1.79)
    "kelmora-spy-expulsions-2026": (0, 0.92, 1.36, 0.82, 1.80),
    # (session 22: booked present acts leave the timeline: merge 0.88 -> 0.85)
    # (session 23: a statement two outlets date to the day is on the timeline: size 1.69 -> 1.72)
    # (session 24: a statement left in the background joins the happening of its day it tells, which may be another fragment of a gold event or split a gold event's articles differently: fragmentation 1.28 -> 1.3)
    "ostravia-referendum-2026": (1, 0.92, 1.30, 0.84, 1.72),
    # (session 23: a statement two outlets date to the day is on the timeline: size 1.9 -> 1.93)
    "varrow-canal-grounding-2026": (0, 0.84, 1.32, 0.81, 1.93),
    # written blind late in session 13 and first scored with cf668a8, the session's code (its second
    # held-out measure): cable car 2 musts failed, recall 0.92, fragmentation 1.08, merge 0.81, size
    # 1.62; fuel protests 3, 0.92, 1.17, 0.80, 2.54; currency crisis 3, 0.85, 1.45, 0.88, 2.31
    # (session 19: a clock time before "the following day" is on that day: one entry more on the
    # day after the fall, 1.08 -> 1.17)
    "brenvald-cable-car-2026": (1, 0.91, 1.22, 0.83, 1.74),
    # (session 23: a statement two outlets date to the day is on the timeline: merge 0.87 -> 0.83)
    "morvisk-fuel-protests-2026": (0, 0.91, 1.13, 0.83, 2.28),
    # (session 22: booked present acts leave the timeline and 'question' is an act of investigation, so events regroup: fragmentation 1.32 -> 1.37, size 2.13 -> 2.16)
    "tessaly-currency-crisis-2026": (2, 0.84, 1.37, 0.87, 2.16),
    # written blind in session 14 and first scored with 6f0a6f8, the session's starting code (its
    # held-out measure): turbulence flight 2 musts failed, recall 1.00, fragmentation 1.23, merge
    # 0.77, size 1.54; reactor leak 5, 0.85, 1.45, 0.85, 2.38; prisoner swap 5, 0.93, 1.08, 0.79, 1.79
    "aldermoor-turbulence-flight-2026": (0, 0.99, 1.13, 0.79, 1.51),
    "keswyn-reactor-leak-2026": (1, 0.84, 1.32, 0.84, 2.20),
    "solvane-prisoner-swap-2026": (2, 0.92, 1.05, 0.84, 1.62),
    # written blind later in session 14 and first scored with 9628c8a, the session's code (its
    # second held-out measure): coach crash 2 musts failed, recall 1.00, fragmentation 1.08, merge
    # 0.80, size 1.85; airport drones 2, 0.92, 1.33, 0.88, 2.46; zoo escape 4, 0.92, 1.17, 0.81, 2.08
    "ferrand-pass-coach-crash-2026": (0, 0.99, 1.13, 0.79, 1.82),
    "halsgrove-airport-drones-2026": (1, 0.91, 1.38, 0.89, 2.43),
    "marrenby-zoo-escape-2026": (2, 0.91, 1.38, 0.83, 2.36),
    # written blind in session 15 and first scored with 5a641b7, the session's code when they came
    # (its held-out measure): sinkhole 1 must failed, recall 1.00, fragmentation 1.15, merge 0.91,
    # size 1.46; ship hijack 4, 1.00, 1.15, 0.83, 1.85; exam leak 2, 0.85, 1.09, 0.81, 1.62
    "linmere-sinkhole-2026": (1, 0.99, 1.28, 0.90, 1.51),
    "corvath-ship-hijack-2026": (2, 0.99, 1.20, 0.90, 2.05),
    # (session 22: booked present acts leave the timeline and 'question' is an act of investigation, so events regroup: merge 0.83 -> 0.82, size 1.67 -> 1.7)
    "drevany-exam-leak-2026": (1, 0.84, 1.14, 0.8, 1.7),
    # written blind later in session 15 and first scored with 976f44f, the session's code when they
    # came (its second held-out measure): balloon crash 2 musts failed, recall 0.92, fragmentation
    # 1.08, merge 0.90, size 1.62; cruise outbreak 2, 1.00, 1.23, 0.89, 2.00; permits bribery 3,
    # 1.00, 1.23, 0.88, 2.00
    "sellwick-balloon-crash-2026": (1, 0.99, 1.20, 0.90, 1.82),
    # (session 24: the same-day join retrained on 131 stories (from 51; threshold 0.65 by the same held-out precision rule): a day's happenings joined that the old model kept apart, and a few wrongly: merge 0.9 -> 0.88)
    "aurelle-cruise-outbreak-2026": (1, 0.99, 1.28, 0.88, 1.90),
    "kestrow-permits-bribery-2026": (1, 0.99, 1.28, 0.87, 2.05),
    # written blind in session 16 and first scored with 31ce4ff, the session's starting code (its
    # held-out measure): plant closure 3 musts failed, recall 0.92, fragmentation 1.17, merge 0.90,
    # size 1.69; tornado 2, 1.00, 1.08, 0.83, 1.46; data-protection fine 3, 0.85, 1.09, 0.89, 1.15
    "hollenfurt-plant-closure-2026": (1, 0.91, 1.22, 0.89, 1.82),
    "grenby-tornado-2026": (0, 0.99, 1.13, 0.82, 1.43),
    # (session 21: a begun act is real now ('began dredging the channel'), a happening of its own on the timeline: merge 0.88 -> 0.84, size 1.13 -> 1.16)
    # (session 22: booked present acts leave the timeline and 'question' is an act of investigation, so events regroup: fragmentation 1.05 -> 1.09, merge 0.84 -> 0.81, size 1.16 -> 1.24)
    "vossly-data-fine-2026": (1, 0.84, 1.09, 0.81, 1.24),
    # written blind later in session 16 and first scored with 8cf32d5, the session's code when they
    # came (its second held-out measure): club insolvency 2 musts failed, recall 0.93,
    # fragmentation 1.08, merge 0.76, size 1.64; avalanche 1, 1.00, 1.31, 0.86, 2.00; riots 1,
    # 1.00, 1.15, 0.86, 2.15
    "calverholm-club-insolvency-2026": (1, 0.92, 1.13, 0.75, 1.76),
    "tollevane-avalanche-2026": (1, 0.99, 1.36, 0.85, 2.05),
    "sennick-riots-2026": (0, 0.99, 1.20, 0.85, 2.20),
    # written blind in session 17 and first scored with 08661e3, the session's starting code (its
    # held-out measure): water contamination 0 must checks failed, recall 0.93, fragmentation
    # 1.08, merge 0.86, size 1.64; submersible loss 1, 1.00, 1.07, 0.77, 1.57; annulled runoff 2,
    # 0.93, 1.08, 1.00, 1.71
    "brisenholm-water-contamination-2026": (0, 0.92, 1.13, 0.85, 1.69),
    # (session 20: a disclosure told apart from the recording it disclosed: size 1.50 -> 1.57)
    # (session 23: a statement two outlets date to the day is on the timeline: size 1.62 -> 1.65)
    "halvane-submersible-loss-2026": (0, 0.91, 1.12, 0.76, 1.65),
    # (session 21: a begun act is real now ('began dredging the channel'), a happening of its own on the timeline: fragmentation 1.13 -> 1.16, size 1.76 -> 1.8)
    "talvenia-runoff-annulled-2026": (1, 0.92, 1.16, 0.99, 1.80),
    # written blind later in session 17 and first scored with dabf68c, the session's code when they
    # came (its second held-out measure): accounting scandal 5 must checks failed, recall 0.92,
    # fragmentation 1.08, merge 0.88, size 1.62; tunnel fire 2, 1.00, 1.00, 0.78, 1.77; wrongful
    # conviction 2, 0.85, 1.00, 0.86, 1.54
    "meridel-accounting-scandal-2026": (2, 0.91, 1.13, 0.91, 1.74),
    # (session 19: a fire "put out at 04:40 the next morning" is now on that day, an entry of its own: 1.08 -> 1.15)
    # size 1.71 -> 1.78 in session 36: the fire's happening is clustered anew once a figure's unit is one
    # however spelt and a perfect's day dates its event noun; a request for witnesses' footage that rode
    # along in it is now a timeline entry of its own
    "korvel-tunnel-fire-2026": (1, 0.99, 1.20, 0.73, 1.78),
    "vesterlund-wrongful-conviction-2026": (1, 0.84, 1.23, 0.91, 1.28),
    # written blind at the end of session 17 and first scored with c00af5d, the session's code when
    # they came (its third held-out measure): marathon in a heatwave 2 must checks failed, recall
    # 1.00, fragmentation 1.54, merge 0.81, size 2.15; bank run 2, 0.86, 1.33, 0.86, 1.79; locust
    # swarm 1, 0.86, 1.08, 0.83, 1.86
    # (session 24: a weekday told 'the Tuesday' is the narrated week's: size 2.2 -> 2.24)
    "saldren-marathon-heat-2026": (1, 0.99, 1.59, 0.80, 2.24),
    "alvedra-bank-run-2026": (1, 0.85, 1.38, 0.81, 1.76),
    # (session 20: "a day after the revised damage estimate" and "four days later" now dated, and the
    # estimate's raising of that week is joined with an earlier raising: recall 0.86 -> 0.79)
    "ambrel-locust-swarm-2026": (0, 0.78, 1.13, 0.81, 1.94),
    # written blind in session 18 and first scored with 17afe21, the session's starting code (its
    # held-out measure): aircraft search 1 must check failed, recall 1.00, fragmentation 1.31,
    # merge 0.81, size 2.54; nurses' strike 3, 1.00, 1.21, 0.76, 1.86; drug trial halt 2, 1.00,
    # 1.14, 0.85, 2.29
    "harnwick-aircraft-search-2026": (1, 0.99, 1.36, 0.80, 2.59),
    "tarrow-nurses-strike-2026": (1, 0.99, 1.26, 0.75, 1.84),
    "kestrel-trial-halt-2026": (1, 0.99, 1.19, 0.86, 2.34),
    # written blind later in session 18 and first scored with 461df4f, the session's code when they
    # came (its second held-out measure; the starting code 17afe21 scores them the same): blizzard
    # 4 must checks failed, recall 0.92, fragmentation 1.50, merge 0.89, size 1.62; party
    # leadership contest 4, 1.00, 1.07, 0.91, 2.00; brake recall 2, 1.00, 1.08, 0.87, 1.75
    "draskel-pass-blizzard-2026": (2, 0.91, 1.55, 0.88, 1.67),
    # (session 21: a begun act is real now ('began dredging the channel'), a happening of its own on the timeline: size 2.05 -> 2.08)
    "civic-renewal-leadership-2026": (1, 0.99, 1.12, 0.90, 2.08),
    "ordella-brake-recall-2026": (1, 0.99, 1.13, 0.86, 1.80),
    # written blind later still in session 18 and first scored with 30748a6, the session's committed
    # code when they came (its third held-out measure): tariff dispute 2 must checks failed,
    # recall 0.93, fragmentation 1.15, merge 0.81, size 2.00; maternity deaths review 2, 1.00,
    # 1.00, 0.82, 1.17; drought 2, 0.85, 1.18, 0.83, 1.92
    # (session 21: a begun act is real now ('began dredging the channel'), a happening of its own on the timeline: fragmentation 1.2 -> 1.24, size 2.05 -> 2.15)
    # (session 26: "are due to take effect on Monday 16 March" is read as the taking effect, a plan
    # the same-day join then joins to the writing day's statement and dates that day: size 2.14 -> 2.21)
    "halvenia-tariff-dispute-2026": (2, 0.92, 1.24, 0.80, 2.22),
    # (session 24: the same-day join retrained on 131 stories (from 51; threshold 0.65 by the same held-out precision rule): a day's happenings joined that the old model kept apart, and a few wrongly: size 1.22 -> 1.26)
    "ysolde-maternity-review-2026": (1, 0.99, 1.05, 0.84, 1.26),
    # (session 20: "did not let up until Monday" is the rain stopping on Monday: size 1.92 -> 2.00)
    "orrin-valley-drought-2026": (1, 0.84, 1.23, 0.82, 2.05),
    # written blind at the end of session 18 and first scored with 1d55793, the session's committed
    # code when they came (its fourth held-out measure): expenses scandal 1 must check failed,
    # recall 1.00, fragmentation 1.15, merge 0.91, size 1.92; club takeover 2, 0.85, 1.18, 0.91,
    # 1.62; flooded rail tunnel 2, 0.85, 1.09, 0.81, 1.77
    "estmarra-expenses-scandal-2026": (1, 0.99, 1.20, 0.90, 1.97),
    "stellbrook-club-takeover-2026": (1, 0.84, 1.23, 0.90, 1.67),
    "velden-tunnel-flood-2026": (1, 0.84, 1.14, 0.80, 1.82),
    # written blind in session 19 and first scored with 62f472e, the session's starting code (its
    # held-out measure): fleet grounding 5 must checks failed, recall 1.00, fragmentation 1.23,
    # merge 0.57, size 1.85; opposition leader's detention 4, 1.00, 1.25, 0.80, 2.08; crane collapse
    # 3, 0.92, 1.36, 0.77, 2.17; whale stranding 4, 1.00, 1.00, 0.68, 2.00 (dates read right since
    # spread two days' events apart: fragmentation up on the first two)
    # (session 21: a begun act is real now ('began dredging the channel'), a happening of its own on the timeline: size 1.9 -> 1.93)
    "sellavia-grounding-2026": (1, 0.99, 1.43, 0.58, 1.93),
    "kolmane-detention-2026": (2, 0.99, 1.47, 0.79, 2.30),
    "drasken-crane-2026": (1, 0.91, 1.41, 0.76, 2.22),
    "skarra-whales-2026": (3, 0.99, 1.05, 0.68, 2.13),
    # written blind later in session 19 and first scored with 2d31c2c, the session's committed code
    # when they were asked for (its second held-out measure): census dispute 4 must checks failed,
    # recall 0.92, fragmentation 1.17, merge 0.75, size 1.54; child lost in a forest 5, 0.86, 1.08,
    # 0.77, 1.71; river fish kill 4, 0.92, 1.25, 0.64, 1.92; candidate stabbed 6, 0.85, 1.09, 0.65, 1.77
    "aldavia-census-2026": (2, 0.91, 1.22, 0.76, 1.51),
    # (session 24: a statement left in the background joins the happening of its day it tells, which may be another fragment of a gold event or split a gold event's articles differently: merge 0.78 -> 0.74)
    "brannock-forest-2026": (3, 0.92, 1.17, 0.74, 1.98),
    "oskel-fish-kill-2026": (1, 0.91, 1.30, 0.63, 1.97),
    # (session 24: a statement left in the background joins the happening of its day it tells, which may be another fragment of a gold event or split a gold event's articles differently: merge 0.67 -> 0.64)
    "carvenna-stabbing-2026": (5, 0.84, 1.18, 0.64, 1.86),
    # written blind at the end of session 19 and first scored with 662b431, the session's final
    # code (its third held-out measure; nothing changed for them): auction forgery 6 must checks
    # failed, recall 0.69, fragmentation 1.00, merge 0.77, size 0.92; snow in a capital 3, 1.00,
    # 1.00, 0.63, 2.21; lottery rigging 4, 0.92, 1.17, 0.73, 1.77
    # (session 20: the brief's dashed header and the explainer's dated headings read: recall 0.69 ->
    # 0.85, with it size 0.92 -> 1.15 and merge 0.77 -> 0.73; the must checks 6 -> 3)
    "marrow-forgery-2026": (2, 0.84, 1.09, 0.68, 1.63),
    # (session 20: "did not stop until Sunday morning" is the snow stopping then: size 2.21 -> 2.29)
    # (session 24: the same-day join retrained on 131 stories (from 51; threshold 0.65 by the same held-out precision rule): a day's happenings joined that the old model kept apart, and a few wrongly: fragmentation 1.05 -> 1.08)
    "kelmarra-snow-2026": (1, 0.99, 1.16, 0.62, 2.34),
    "lottery-rigging-2026": (1, 0.91, 1.22, 0.72, 1.82),
    # written blind at the start of session 20 and first scored with 6ac747d, the session's
    # starting code: runway collision 3 must checks failed, recall 1.00, fragmentation 1.08, merge
    # 0.76, size 1.42; a head of state's death and succession 6, 1.00, 1.00, 0.65, 1.79; refinery
    # fire 4, 1.00, 1.00, 0.80, 2.00; exchange flash crash 6, 0.86, 1.25, 0.74, 1.79
    "carvenna-runway-2026": (1, 0.99, 1.13, 0.75, 1.51),
    "kelmar-succession-2026": (0, 0.99, 1.05, 0.65, 1.84),
    # (session 20 after its first score: the fire put out is its own family now, an event apart: merge 0.80 -> 0.76)
    "kesmar-refinery-fire-2026": (1, 0.99, 1.05, 0.75, 2.05),
    # (session 20 after its first score: the plunge, "48 hours after" and the wire's Tuesday dated, more
    # events of their own: size 1.79 -> 1.93)
    "maravel-flash-crash-2026": (2, 0.85, 1.13, 0.73, 1.98),
    # written blind later in session 20 and first scored with 9917151, the session's committed code
    # when they came (its second held-out measure): bridge closed for cracks 4 must checks failed,
    # recall 0.75, fragmentation 1.33, merge 0.58, size 1.67; airport baggage failure 5, 0.83, 1.40,
    # 0.68, 2.58; crowd trouble at a match 2, 0.77, 1.20, 0.85, 1.15
    # (session 21: a begun act is real now ('began dredging the channel'), a happening of its own on the timeline: merge 0.57 -> 0.54, size 1.72 -> 1.76)
    # (session 22: booked present acts leave the timeline and 'question' is an act of investigation, so events regroup: size 1.76 -> 1.84)
    "halvard-bridge-2026": (1, 0.74, 1.38, 0.54, 1.84),
    # (session 20 after its first score: a wire whose writing year "runs until 2041" had left open
    # now dated, its tellings joined otherwise: merge 0.68 -> 0.65)
    # (session 21: a later conjunct's date no longer dates the clause before it, "set up a fund, and
    # its portal opened on 30 March": the portal's event loses the fund sentence it had glued: merge 0.65 -> 0.63)
    # (session 21: a begun act is real now ('began dredging the channel'), a happening of its own on the timeline: merge 0.62 -> 0.6, size 2.63 -> 2.68)
    # (session 21, all its changes together: merge 0.65 -> 0.58, the fund and its portal apart)
    "vesk-baggage-2026": (2, 0.82, 1.45, 0.57, 2.68),
    # (session 28: an announced inquiry and a committee hearing stand on the timeline: recall
    # 0.77 -> 0.85, the gold event now matched joins fewer of its articles: merge 0.86 -> 0.80)
    "kestrel-park-2026": (0, 0.84, 1.25, 0.78, 1.2),  # session 21: "a 40-minute stoppage" compared
    # written blind at the start of session 21 and first scored with ebec24d, the session's
    # starting code: a record cigarette haul at a port 3 must checks failed, recall 0.92,
    # fragmentation 1.17, merge 0.59, size 1.15; an extradition battle 2, 0.93, 1.15, 0.68, 2.07; a
    # gas explosion in a block of flats 1, 0.93, 1.08, 0.72, 1.50; a sports federation's
    # embezzlement 4, 0.93, 1.08, 0.69, 1.57
    # (session 21 after their first scores: a wire whose year "since January 2025" under a future verb
    # had left open is dated, sections under dated headings are dated, adjectival durations and a
    # bare vote tally are compared; musts 3, 2, 4 -> 1, 1, 2, and the port story's size 1.15 -> 1.23,
    # the federation story's 1.57 -> 1.64: the dated wire's and sections' events on the timeline)
    # (session 38: British clock times such as "9.15am" are read, and one more dated act is on the timeline:
    # size 1.31 -> 1.38)
    "velmar-cigarettes-2026": (1, 0.92, 1.17, 0.60, 1.39),
    "strand-extradition-2026": (0, 0.92, 1.16, 0.71, 2.08),
    "ravel-street-2026": (1, 0.92, 1.08, 0.73, 1.65),
    "vff-youth-fund-2026": (0, 0.92, 1.08, 0.71, 1.65),
    # written blind at the start of session 22 and first scored with 2ef85ee, the session's
    # starting code: a methanol poisoning at a village fair 3 must checks failed, recall 0.92,
    # fragmentation 1.25, merge 0.78, size 1.77; a trawler lost in a storm 3, 0.93, 1.15, 0.78, 1.71;
    # a governor's impeachment 6, 0.93, 1.08, 0.70, 1.50; a gas pipeline explosion 4, 1.00, 1.08,
    # 0.62, 1.92
    # (session 22: a simple present act on a bare weekday is booked ahead: the poisoning story's
    # merge 0.78 -> 0.76, the trawler story's size 1.71 -> 1.64)
    # (session 22 after their first scores: quotes after a clause and a colon, a figure a relative
    # clause places, a fund raised weeks later, a running count that fell, a verb's duration:
    # musts 3, 3, 6, 4 -> 2, 1, 3, 2)
    "brennick-methanol-2026": (1, 0.91, 1.26, 0.75, 1.78),
    "ardent-gull-2026": (1, 0.92, 1.16, 0.73, 1.72),
    "sarvoy-impeachment-2026": (2, 0.92, 1.09, 0.69, 1.51),
    # (session 23: a statement two outlets date to the day is on the timeline: size 1.93 -> 2.01)
    "oszta-pipeline-2026": (1, 0.99, 1.09, 0.61, 2.01),
    # written blind late in session 22 and first scored with fa624d3, the session's code after its
    # main changes (d395fa5 gives the same reports): a prison riot with hostages 4 must checks
    # failed, recall 0.93, fragmentation 1.08, merge 0.77, size 2.00; a fire in a maternity wing 2,
    # 1.00, 1.00, 0.78, 1.77; a central bank governor's sacking 2, 0.93, 1.08, 0.74, 1.64; a yacht
    # lost in an ocean race 5, 0.86, 1.17, 0.65, 1.79
    # (session 22 after their first scores: a page dated by a masthead or a labelled date above
    # its headline, "is to meet on Friday" ahead: musts 4, 2 -> 3, 1; the prison story's dated
    # feature puts its acts on the timeline: fragmentation 1.08 -> 1.15, merge 0.77 -> 0.74, size 2.00 -> 2.29)
    "varnholt-prison-2026": (3, 0.92, 1.16, 0.73, 2.30),
    "linden-wing-fire-2026": (0, 0.99, 1.01, 0.77, 1.93),
    # (session 24: the same-day join retrained on 131 stories (from 51; threshold 0.65 by the same held-out precision rule): a day's happenings joined that the old model kept apart, and a few wrongly: fragmentation 1.09 -> 1.16, size 1.72 -> 1.8)
    "velmora-governor-2026": (0, 0.92, 1.25, 0.73, 2.16),
    # (session 22: a column dated by its sign-off at the foot of its last paragraph: musts 5 -> 4)
    "marisol-vane-2026": (4, 0.85, 1.18, 0.64, 1.80),
    # written blind in session 23 and first scored with 57b71a7, the session's starting code (must
    # checks failed, recall, fragmentation, merge, size): a murder followed to its sentence 5, 0.93,
    # 1.15, 0.63, 2.21; an apartment block's collapse 7, 1.00, 1.21, 0.80, 1.36; a supermarket
    # price-fixing case 4, 0.58, 1.00, 0.59, 1.42; a hailstorm in a wine region 3, 0.92, 1.17, 0.82,
    # 1.85; a second batch first scored with a47c734 (the session's code after most of its changes):
    # a military helicopter lost at night 2, 0.92, 1.00, 0.83, 1.33; an air traffic controllers'
    # strike 4, 0.92, 1.33, 0.61, 2.62; a trawler seized by a neighbour's coastguard 2, 0.86, 1.17,
    # 0.57, 1.79. Floors from the session's final code (1e45869).
    "marrowby-murder-2026": (2, 0.92, 1.24, 0.68, 2.01),
    "korvel-house-2026": (5, 0.99, 1.22, 0.83, 1.44),
    "grocery-cartel-2026": (3, 0.82, 1.01, 0.59, 1.68),
    "aubrenne-hail-2026": (0, 0.91, 1.18, 0.82, 1.94),
    "merrow-strait-2026": (1, 0.91, 1.01, 0.82, 1.34),
    "atc-strike-calvenia-2026": (3, 0.91, 1.26, 0.61, 2.55),
    "kestrel-dawn-2026": (2, 0.85, 1.18, 0.56, 1.80),
    # written blind in session 24 and first scored with 124ef3c, the session's starting code (must
    # checks failed, recall, fragmentation, merge, size): a failed coup 3, 0.92, 1.25, 0.83, 1.92; a
    # lost teenage hiker's search and the inquiry 6, 0.86, 1.42, 0.60, 2.71; a gas platform's blowout
    # 3, 1.00, 1.23, 0.74, 2.00; a university admissions bribery case 3, 0.92, 1.08, 0.77, 1.31.
    # Floors from the session's final code.
    "kestrava-coup-2026": (1, 0.91, 1.35, 0.82, 1.78),
    "sarvik-search-2026": (3, 0.92, 1.09, 0.61, 2.51),
    "selka-alpha-2026": (1, 0.99, 1.25, 0.77, 1.86),
    "serenth-admissions-2026": (2, 0.91, 1.01, 0.81, 1.16),
    # written blind in session 25 and first scored with 7e2df96, the session's starting code (must
    # checks failed, recall, fragmentation, merge, size): an assassination attempt at a rally and
    # its manhunt 2, 1.00, 1.07, 0.82, 1.57; shark attacks and a contested cull 3, 1.00, 1.14,
    # 0.72, 1.71; a leak of defence-ministry papers 3, 1.00, 1.08, 0.74, 1.62; an embassy stormed
    # and the standoff after it 4, 1.00, 1.00, 0.74, 1.17. Floors from the session's final code.
    # (session 28: a police announcement told by three outlets is dated and on the timeline: size
    # 1.57 -> 1.64; halvard-bank 1.85 -> 1.92)
    "kalvik-rally-2026": (1, 0.99, 1.16, 0.79, 1.8),
    "solenne-shark-cull-2026": (1, 0.99, 1.15, 0.71, 1.72),
    "veskaria-arms-leak-2026": (1, 0.99, 1.09, 0.73, 1.78),
    "selmark-embassy-2026": (3, 0.99, 1.01, 0.73, 1.26),
    # a second batch written blind in session 25 and first scored with bcd4b62 (the session's code
    # after its transposed digits, sources and durations): a toxic algae bloom and a town's water 3,
    # 0.93, 1.15, 0.87, 1.71; a hospital records system down for days 1, 0.92, 1.17, 0.84, 1.38; a
    # fire aboard a navy ship in dry dock 3, 0.92, 1.08, 0.78, 1.69; an exam-grading algorithm and
    # its U-turn 2, 0.92, 1.25, 0.69, 1.54. Floors from the session's final code (the same figures).
    # (session 28: a live entry's "said on Monday" dates the statement, no longer the entry's
    # stamp: the dog count told two ways in Monday's statement is disputed, 3 -> 2 musts, and the
    # statement, told by two outlets, stands on the timeline: size 1.71 -> 1.86, fragmentation
    # 1.15 -> 1.23)
    "tiervo-algae-2026": (2, 0.92, 1.24, 0.85, 1.94),
    "vessmar-caregrid-2026": (1, 0.91, 1.18, 0.83, 1.39),
    "hesper-fire-2026": (3, 0.91, 1.09, 0.75, 1.7),
    "kestria-grades-2026": (2, 0.91, 1.26, 0.68, 1.78),
    # written blind in session 26 and first scored with ae0e6ef, the session's starting code (must
    # checks failed, recall, fragmentation, merge, size): an explosion at an ammunition depot 7,
    # 1.00, 1.00, 0.65, 1.71; a cadet's death after a hazing ritual 4, 0.93, 1.00, 0.79, 1.50; a
    # fishing dispute between two countries 4, 1.00, 1.00, 0.76, 1.85; a tsunami and the sirens
    # that stayed silent 3, 0.93, 1.08, 0.83, 1.71. Floors from the session's final code.
    "krasnel-depot-2026": (2, 0.99, 1.01, 0.69, 1.72),
    "senna-academy-2026": (2, 0.92, 1.01, 0.78, 1.59),
    "halvard-bank-2026": (2, 0.99, 1.01, 0.83, 2.01),
    "calvessa-tsunami-2026": (2, 0.92, 1.09, 0.83, 2.08),
    # written blind in session 27, in two batches, each first scored with the session's committed
    # code of its moment (must checks failed, recall, fragmentation, merge, size): first batch, with
    # 40d1f85 (the starting code): a frigate and a container ship colliding at night 4, 0.93, 1.07,
    # 0.94, 1.40; a research fraud at a university 3, 0.93, 1.00, 0.81, 1.13; a fire in a hospital's
    # intensive care unit 7, 0.94, 1.00, 0.80, 0.81; a general strike against a pension reform 4,
    # 0.93, 1.00, 0.89, 1.36; second batch, with b9da7f0 (after the session's page-date, time,
    # speaker and figure changes): a libel trial 7, 0.53, 1.25, 0.74, 1.60; a police chase that
    # killed two bystanders 3, 0.87, 1.08, 0.79, 1.00; a stadium roof collapsing under snow 3, 0.88,
    # 1.21, 0.88, 1.06; containers and plastic pellets lost in a storm 3, 0.94, 1.00, 0.93, 1.31.
    # Floors from the session's final code.
    "saltmere-frigate-collision-2026": (1, 0.92, 1.08, 0.92, 1.41),
    # (session 28: "four weeks ago" names a day: two acts so told are dated and on the timeline,
    # size 1.13 -> 1.27; halvenna 1.36 -> 1.43)
    "brannholm-lab-fraud-2026": (2, 0.92, 1.01, 0.80, 1.28),
    "korvel-icu-fire-2026": (2, 0.93, 1.14, 0.87, 1.0),
    # (session 30: a live blog dated only by a top bar of more than twelve words is dated, its
    # entries on the timeline: halvenna size 1.43 -> 1.57, and its many entries of the decree's day
    # leave one column's day-off telling of the decree unjoined, must 1 -> 2; orvenna size 1.07 ->
    # 1.20 with must unchanged, a dispute lost and one gained)
    "halvenna-pension-strike-2026": (2, 0.99, 1.01, 0.92, 1.58),
    "korsby-libel-trial-2026": (2, 0.79, 1.09, 0.75, 1.68),
    "orvenna-chase-2026": (3, 0.86, 1.09, 0.78, 1.35),
    "tolmerby-stadium-roof-2026": (2, 0.73, 1.22, 0.87, 1.07),
    "vesterhal-pellets-2026": (1, 0.99, 1.07, 0.96, 1.51),
    # written blind in session 28, in two batches, each first scored with the session's committed
    # code of its moment (must checks failed, recall, fragmentation, merge, size): first batch, with
    # f45b09c (the starting code): an apartment block partly collapsing during renovation 2, 0.87,
    # 1.00, 0.85, 1.13; a government shutdown over a budget 5, 1.00, 1.07, 0.75, 1.53; a meningitis
    # outbreak at a university 1, 0.93, 1.00, 0.71, 1.00; an air ambulance crash in mountains 3,
    # 0.87, 1.08, 0.82, 1.00; second batch, with a603640 (after the session's entity, time, live
    # entry, figure and undated-page changes): a festival stage brought down by a storm 4, 0.81,
    # 1.23, 0.90, 1.19; a child missing from a campsite 2, 0.93, 1.07, 0.97, 1.13; an escalator
    # collapsing at rush hour 4, 0.73, 1.00, 0.85, 1.13; a research ship trapped in sea ice 1, 0.87,
    # 1.00, 0.83, 1.13. Floors from the session's final code.
    "nordweil-block-collapse-2026": (2, 0.86, 1.01, 0.81, 1.28),
    "norvaska-shutdown-2026": (3, 0.99, 1.28, 0.74, 1.68),
    "ulvaholt-meningitis-2026": (1, 0.92, 1.01, 0.82, 1.15),
    "vorlaine-air-ambulance-2026": (3, 0.78, 1.09, 0.79, 1.08),
    "quillmoor-festival-storm-2026": (2, 0.8, 1.24, 0.87, 1.39),
    "quillmere-missing-child-2026": (2, 0.92, 1.14, 0.93, 1.28),
    "wendrath-escalator-2026": (3, 0.79, 1.01, 0.86, 1.21),
    "pirrevik-icebound-2026": (1, 0.99, 1.08, 0.78, 1.48),
    # written blind in session 29, in two batches, each first scored with the session's committed
    # code of its moment (must checks failed, recall, fragmentation, merge, size): first batch, with
    # 1ddbfe9 (the starting code): a motorway pile-up in fog 2, 0.94, 1.07, 0.96, 1.44; a city
    # council out of money 5, 0.93, 1.00, 0.85, 1.47; food poisoning at school canteens 3, 0.94,
    # 1.00, 0.80, 1.44; a wildlife smuggling bust at an airport 3, 1.00, 1.07, 0.76, 1.36; second
    # batch, with 69ba267 (after the session's first two commits): an air leak on an orbital
    # station 4, 0.79, 1.18, 0.86, 1.21; a bear attack on hikers 2, 0.93, 1.07, 0.80, 1.33; a
    # university president's plagiarism 4, 0.87, 1.08, 0.85, 1.13; a disputed will 6, 0.93, 1.14,
    # 0.87, 1.47. Floors from the session's final code. (Session 29, everywhere: a list between an
    # article's paragraphs stays in its body, so four official reports' "Main findings" are read:
    # two stories' size up by one event; the government-falls story's tabling of the motion, which
    # only a misdated vote event had matched, is unmatched once the vote is on its day.)
    "hadderby-fog-pileup-2026": (0, 0.92, 1.14, 0.95, 1.64),
    "dunmarsh-budget-2026": (1, 0.92, 1.01, 0.86, 1.48),
    "dunmerrick-canteen-2026": (1, 0.92, 1.08, 0.86, 1.45),
    "dunmirra-wildlife-2026": (0, 0.91, 1.09, 0.78, 1.3),
    "ilvara-station-leak-2026": (2, 0.77, 1.2, 0.84, 1.37),
    "rosvanger-bear-attack-2026": (2, 0.92, 1.09, 0.79, 1.41),
    "lisbrane-plagiarism-2026": (2, 0.85, 1.09, 0.83, 1.15),
    "jelmstad-will-2026": (3, 0.85, 1.16, 0.85, 1.55),
    # a third batch written blind in session 29, scored once with 7a30837's committed code (this
    # session's changes but the last): a clash over fishing rights at sea 2, 0.94, 1.27, 0.91, 1.19;
    # an opposition leader barred from an election 8, 0.79, 1.09, 0.85, 1.43; a wrongful arrest
    # caught on video 2, 0.93, 1.07, 0.84, 1.47; a shortage of a childhood vaccine 3, 0.93, 1.14,
    # 0.93, 1.40. Floors from the session's final code.
    "ennisvald-trawlers-2026": (1, 0.92, 1.28, 0.89, 1.39),
    "zelvoria-election-2026": (4, 0.84, 1.10, 0.90, 1.51),
    "obelwick-arrest-2026": (1, 0.85, 1.09, 0.82, 1.54),
    "fennmark-mmr-shortage-2026": (3, 0.92, 1.23, 0.92, 1.68),
    # written blind in session 30, in three batches, each scored once with the session's committed
    # code of its moment (must checks failed, recall, fragmentation, merge, size): first batch, with
    # 7ee3e7e (the starting code): a head of state's sudden illness 2, 1.00, 1.00, 0.95, 1.25; a
    # container ship on fire 3, 1.00, 1.00, 0.94, 1.38; a jailed activist's hunger strike 2, 0.94,
    # 1.00, 0.77, 1.25; a car-plant lockout 5, 0.93, 1.00, 0.98, 1.57; second batch, with ee9dc0b: a
    # stadium ban after fan violence 5, 0.79, 1.09, 0.88, 1.43; babies swapped at birth 3, 1.00,
    # 1.06, 0.83, 1.31; opioids missing from a hospital ward 5, 0.93, 1.14, 0.82, 1.20; a river too
    # low to ship on 5, 0.69, 1.00, 0.87, 1.44; third batch, with b904d88: a vote-buying sting 2,
    # 0.88, 1.00, 0.87, 1.44; a Legionnaires' outbreak 2, 0.75, 1.00, 0.76, 1.31; a rockfall cutting
    # off a village 4, 0.81, 1.00, 0.87, 1.06; a satellite's uncontrolled re-entry 3, 0.80, 1.08,
    # 0.92, 1.33. Floors from the session's final code. (Session 30, everywhere: the minor-detail
    # model retrained on 171 stories, its threshold 0.25 -> 0.125: once-told happenings stay on
    # more timelines, recall up and size up by an event or two in many stories, floors follow.)
    "quendaria-president-illness-2026": (1, 0.98, 1.01, 0.93, 1.51),
    "gullhaven-ship-fire-2026": (3, 0.98, 1.01, 0.92, 1.39),
    "dremholt-hunger-strike-2026": (3, 0.91, 1.08, 0.76, 1.33),
    "gratzenau-lockout-2026": (4, 0.9, 1.01, 0.94, 1.66),
    "gavrenholt-stadium-ban-2026": (4, 0.76, 1.11, 0.86, 1.30),
    "gilmarsk-babyswap-2026": (3, 0.98, 1.14, 0.82, 1.51),
    "uppenbrook-ward-opioids-2026": (3, 0.91, 1.23, 0.83, 1.28),
    "wessaline-lowwater-2026": (4, 0.79, 1.01, 0.84, 1.58),
    "castrevia-sting-2026": (1, 0.85, 1.01, 0.86, 1.32),
    "ebbersfield-legionnaires-2026": (1, 0.73, 1.09, 0.75, 1.45),
    "oberzinnach-rockfall-2026": (2, 0.79, 1.08, 0.82, 1.26),
    "pernvale-satellite-reentry-2026": (2, 0.91, 1.09, 0.92, 1.48),
    # (session 31, last: a state coordinated with the predicate on a day of its own is told with that
    # day: korvel-icu-fire's merge 0.90 -> 0.885.)
    # written blind in session 31, in three batches, each scored once with the session's committed code of its
    # moment (must checks failed, recall, fragmentation, merge, size): first batch, with 6f1910e (the starting
    # code): a police shooting at a traffic stop 2, 0.93, 1.07, 0.79, 1.53; an informal settlement's eviction 4,
    # 0.88, 1.29, 0.81, 1.31; a fuel tanker exploding on a motorway 2, 0.81, 1.08, 0.95, 1.19; a parliament
    # deadlocked over its speaker 4, 1.00, 1.06, 0.85, 1.50; second batch, with b218eeb: cavers trapped by a
    # flood 3, 0.94, 1.27, 0.93, 1.62; a central bank governor dismissed 3, 0.87, 1.15, 0.81, 1.47; a ticket
    # sale fiasco 3, 0.94, 1.00, 0.86, 1.12; a capital's smog 3, 0.81, 1.08, 0.77, 1.50; third batch, with
    # cbf6676: a screening programme's missed letters 5, 0.67, 1.10, 0.77, 0.80; an internet shutdown 4, 0.79,
    # 1.00, 0.93, 1.43; a hostage-taking on a train 3, 0.94, 1.00, 0.83, 1.06; a cathedral fire 4, 0.75, 1.08,
    # 0.66, 0.94. Floors from the session's final code.
    "pallisford-shooting-2026": (2, 0.91, 1.08, 0.78, 1.54),
    "kilnfield-eviction-2026": (3, 0.85, 1.3, 0.8, 1.32),
    "oxbeck-tanker-blast-2026": (2, 0.79, 1.15, 0.94, 1.2),
    "tavrenia-speaker-deadlock-2026": (4, 0.98, 1.07, 0.84, 1.51),
    "tornagh-cave-rescue-2026": (3, 0.98, 1.26, 0.92, 1.7),
    "belmaris-central-bank-2026": (2, 0.85, 1.16, 0.8, 1.54),
    "vauquier-tickets-2026": (2, 0.85, 1.01, 0.87, 1.14),
    "istrelin-smog-2026": (2, 0.79, 1.16, 0.77, 1.51),
    "elsmoor-screening-2026": (3, 0.71, 1.18, 0.75, 0.94),
    "rudavia-shutdown-2026": (3, 0.84, 1.09, 0.91, 1.51),
    "durnovec-train-siege-2026": (2, 0.92, 1.14, 0.85, 1.32),
    # size 1.07 -> 1.13 in session 35: "became clearer on Thursday, when the chief architect was lifted above
    # the crossing in a crane" now tells the lifting, a dated happening of the story the gold does not list
    "lauremont-cathedral-fire-2026": (3, 0.79, 1.01, 0.7, 1.13),
    # written blind in session 32, in four batches, each scored once with the session's committed code of its
    # moment (must checks failed, recall, fragmentation, merge, size): first and second batches, with ebd1b13
    # (the starting code): a landfill fire 3, 0.81, 1.00, 0.91, 1.12; a fairground ride accident 2, 0.94, 1.07,
    # 0.83, 1.31; a referendum and its recount 2, 0.87, 1.23, 1.00, 1.27; a campus occupation 2, 1.00, 1.20,
    # 0.94, 1.87; a border crossing closed 3, 1.00, 1.19, 0.94, 2.25; a tractor blockade 4, 0.93, 1.07, 0.85,
    # 1.40; a solar storm 4, 1.00, 1.36, 0.91, 1.71; a wine fraud 3, 0.80, 1.08, 1.00, 1.07; third batch, with
    # 5c3c49a: a tram collision 3, 0.79, 1.27, 0.97, 1.57; a coach sacked over a recording 4, 0.73, 1.00, 0.98,
    # 1.20; a fish kill 3, 0.81, 1.08, 0.85, 1.25; a ferry adrift after a fire 1, 0.94, 1.20, 0.83, 1.12;
    # fourth batch, with 5291357: a maternity unit closed 4, 0.87, 1.00, 0.85, 1.47; a bridge washed away 6,
    # 0.93, 1.00, 0.83, 1.07; a mayor arrested for bribery 3, 0.87, 1.00, 0.88, 1.47; a cargo plane crash 5,
    # 1.00, 1.20, 0.90, 1.33. Floors from 4dd991f.
    "pelvora-landfill-fire-2026": (1, 0.86, 1.01, 0.93, 1.2),
    "fallowmere-ride-accident-2026": (1, 0.92, 1.08, 0.82, 1.32),
    "dorvania-referendum-2026": (1, 0.85, 1.24, 0.99, 1.28),
    "nivelstad-occupation-2026": (1, 0.98, 1.21, 0.93, 1.88),
    "zabrenka-crossing-2026": (3, 0.98, 1.2, 0.93, 2.26),
    "zarneck-tractor-blockade-2026": (2, 0.91, 1.08, 0.84, 1.41),
    "eskavia-solar-storm-2026": (2, 0.98, 1.37, 0.9, 1.51),
    "grisondel-wine-fraud-2026": (1, 0.78, 1.09, 0.99, 1.01),
    "wyndrecht-tram-collision-2026": (3, 0.77, 1.28, 0.96, 1.58),
    "lestovia-coach-sacking-2026": (4, 0.71, 1.01, 0.97, 1.21),
    "murrelin-fishkill-2026": (3, 0.79, 1.09, 0.84, 1.26),
    "quessel-spirit-ferry-fire-2026": (0, 0.92, 1.21, 0.82, 1.13),
    "wickenhall-maternity-2026": (4, 0.85, 1.01, 0.84, 1.48),
    "mirnavy-bridge-flood-2026": (4, 0.91, 1.01, 0.9, 1.15),
    "aberlune-bribery-2026": (3, 0.85, 1.01, 0.87, 1.48),
    "milvane-cargo-crash-2026": (4, 0.98, 1.21, 0.89, 1.34),
    # written blind in session 33, in one batch, scored once with the session's starting code (6a15576) (must
    # checks failed, recall, fragmentation, merge, size): a chlorine leak at a public pool 2, 0.73, 1.27, 0.83,
    # 1.33; an overdose cluster from tainted pills 5, 0.88, 1.00, 0.89, 1.25; carbon monoxide at a mountain
    # hotel 4, 0.88, 1.07, 0.90, 1.19; a burst water main 4, 0.75, 1.08, 0.78, 1.31; a businessman kidnapped
    # for ransom 4, 1.00, 1.29, 0.75, 1.93; a faked video of a candidate 5, 0.92, 1.17, 0.80, 1.77; a tax
    # authority's wrong letters 3, 0.81, 1.08, 0.89, 1.25; a river cruise boat strikes a bridge 2, 0.93, 1.38,
    # 0.86, 1.71. Floors from 09bc980.
    "pendravel-chlorine-2026": (1, 0.71, 1.28, 0.82, 1.34),
    "idrenport-overdoses-2026": (3, 0.79, 1.01, 0.89, 1.2),
    "gorvenstal-hotel-poisoning-2026": (2, 0.85, 1.08, 0.89, 1.14),
    "rodderhaven-water-main-2026": (3, 0.79, 1.16, 0.75, 1.57),
    "ombrecht-kidnapping-2026": (1, 0.98, 1.22, 0.77, 1.87),
    "lavresse-deepfake-2026": (2, 0.9, 1.18, 0.81, 1.78),
    "vendrassa-tax-letters-2026": (2, 0.85, 1.08, 0.91, 1.32),
    "jarnholm-cruise-crash-2026": (0, 0.91, 1.39, 0.82, 1.72),
    # second batch of session 33, scored once with 1f451f5 (after the first batch's mending): a refinery
    # strike emptying petrol stations 2, 0.81, 1.00, 0.86, 1.44; lightning at a scout camp 0, 0.88, 1.21, 0.86,
    # 1.50; a garment factory fire 3, 0.87, 1.00, 0.87, 1.53; a contested media law's vote and recount 8, 1.00,
    # 1.13, 0.81, 1.20; a lecturers' strike and marking boycott 3, 0.88, 1.00, 0.69, 1.38; arson on railway
    # signal cables 2, 1.00, 1.19, 0.86, 1.19. Floors from the session's final code.
    "gannerby-refinery-strike-2026": (2, 0.79, 1.01, 0.81, 1.45),
    "wrenfold-scout-camp-lightning-2026": (0, 0.85, 1.22, 0.85, 1.51),
    "tezmira-garment-fire-2026": (2, 0.85, 1.01, 0.88, 1.48),
    "porvasca-media-law-2026": (4, 0.98, 1.14, 0.84, 1.21),
    "nevaria-lecturers-strike-2026": (2, 0.73, 1.01, 0.67, 1.26),
    "tamsgard-rail-arson-2026": (1, 0.98, 1.2, 0.85, 1.2),
    # written blind in session 34, first batch, scored once with the session's starting code (25f8f29) (must
    # checks failed, recall, fragmentation, merge, size): a leopard escaped from a wildlife park 3, 0.88, 1.07,
    # 0.80, 1.38; a town-centre sinkhole 1, 0.94, 1.07, 0.93, 1.25; a pilot whale stranding 5, 0.86, 1.17, 0.88,
    # 1.21; a prison riot and mass escape 3, 1.00, 1.13, 0.96, 1.80; a bank's card and cash machine outage 4,
    # 0.93, 1.29, 0.95, 1.40; a doping affair 1, 0.88, 1.00, 0.93, 1.38; heatstroke at a city marathon 1, 0.93,
    # 1.14, 0.92, 1.47; a whistleblower's leak on an armoured vehicle contract 3, 1.00, 1.07, 0.77, 1.53.
    # Floors from the session's first commit.
    "okrevald-leopard-2026": (2, 0.85, 1.08, 0.8, 1.32),
    # (session 37: the town's release, under a deck of highlights, is dated by its place-and-date line now; its
    # days put four more of its events on the timeline, one of them scene-setting: size 1.26 -> 1.51, merge 0.92 ->
    # 0.89, fragmentation 1.08 -> 1.13, recall 0.94 -> 1.00)
    "lumbrecht-sinkhole-2026": (1, 0.92, 1.13, 0.89, 1.51),
    "quellsand-stranding-2026": (4, 0.84, 1.18, 0.87, 1.22),
    "odrassa-prison-escape-2026": (2, 0.98, 1.14, 0.95, 1.74),
    "pavrenia-bank-outage-2026": (2, 0.91, 1.3, 0.94, 1.41),
    "gravonia-doping-2026": (0, 0.85, 1.01, 0.92, 1.39),
    "zornetsk-marathon-2026": (0, 0.91, 1.15, 0.91, 1.48),
    "dalmenor-armour-contract-2026": (3, 0.98, 1.08, 0.76, 1.54),
    # second batch of session 34, scored once with c81327d (after the first batch's mending): a gas
    # explosion in an apartment block 3, 1.00, 1.00, 0.68, 1.62; a festival crowd surge 1, 1.00, 1.00, 0.91,
    # 1.87; a city's leaked social-services files 6, 0.73, 1.00, 0.79, 1.27; plastic pellets from lost
    # containers 5, 0.81, 1.08, 0.90, 1.31; a judge arrested for bribes 2, 0.94, 1.07, 0.79, 1.00; rolling
    # blackouts in a heatwave 3, 1.00, 1.07, 0.99, 1.53; a school bus crash in fog 2, 0.94, 1.07, 0.88, 1.19;
    # a heater recall after house fires 3, 1.00, 1.00, 0.98, 1.47. Floors from the session's final code.
    "quorvane-gas-explosion-2026": (3, 0.98, 1.01, 0.67, 1.64),
    "glimmerfield-festival-surge-2026": (1, 0.98, 1.01, 0.9, 1.88),
    "salvuren-data-leak-2026": (5, 0.71, 1.01, 0.78, 1.21),
    "wexhollow-pellet-spill-2026": (5, 0.79, 1.09, 0.89, 1.32),
    "mendrovic-judge-bribery-2026": (1, 0.92, 1.08, 0.78, 1.01),
    "umbrovia-heatwave-blackouts-2026": (2, 0.98, 1.08, 0.98, 1.54),
    "zudrava-pass-bus-crash-2026": (1, 0.92, 1.08, 0.87, 1.2),
    "emberline-heater-recall-2026": (2, 0.98, 1.01, 0.97, 1.41),
    # session 35, eight stories written blind, scored once with 1b32f48 (the starting code): an offshore wind
    # farm's blade failure and substation fire 1, 1.00, 1.00, 0.95, 1.40; an IVF clinic's embryo mix-up 1, 0.69,
    # 1.00, 0.95, 1.00; an airliner's engine fire and emergency landing 3, 0.87, 1.23, 0.93, 1.13; rabies from a
    # stray dog 3, 0.88, 1.00, 0.96, 1.50; a vote-counting software fault and recount 2, 1.00, 1.00, 0.81, 1.38;
    # a broadcasting mast felled by a storm 2, 1.00, 1.00, 0.93, 1.12; a fake flood-relief charity 2, 0.88,
    # 1.00, 0.94, 1.12; a lift falling in an office tower 2, 0.93, 1.00, 0.89, 1.07. Floors from the session's
    # final code.
    "skelmoy-windfarm-2026": (0, 0.98, 1.01, 0.94, 1.41),
    "quintbury-ivf-2026": (1, 0.67, 1.01, 0.94, 1.01),
    "nessgard-engine-fire-2026": (2, 0.85, 1.24, 0.92, 1.14),
    "tresnica-rabies-2026": (2, 0.85, 1.01, 0.95, 1.51),
    "havrenna-recount-2026": (2, 0.98, 1.01, 0.8, 1.39),
    "skelloch-mast-collapse-2026": (2, 0.98, 1.01, 0.92, 1.14),
    "oddwater-flood-appeal-fraud-2026": (1, 0.85, 1.01, 0.93, 1.14),
    "ylvenport-lift-2026": (1, 0.91, 1.01, 0.88, 1.08),
    # session 36, eight stories written blind, scored once with f5eaf3e (the starting code): a crush at a
    # festival's exit gates 4, 0.93, 1.15, 0.85, 1.64; a rocket's debris on a fishing village 4, 1.00, 1.00, 0.90,
    # 1.50; a night-time jewel theft from a museum 3, 0.92, 1.25, 0.76, 1.46; a research submersible lost and found
    # 2, 0.94, 1.13, 0.88, 1.38; a Legionnaires' outbreak from a cooling tower 4, 0.93, 1.29, 0.83, 1.80; a quarry
    # blast throwing rock onto homes 4, 1.00, 1.14, 0.90, 1.29; a head of state's pardon of an ally 4, 0.79, 1.09,
    # 0.82, 1.43; a run on a savings bank and a deposit freeze 4, 1.00, 1.07, 0.89, 1.47. Floors from the session's
    # final code.
    "sunfold-festival-crush-2026": (3, 0.91, 1.16, 0.84, 1.65),
    "eddrawick-rocket-debris-2026": (4, 0.98, 1.01, 0.89, 1.51),
    "pradelle-jewel-heist-2026": (2, 0.9, 1.26, 0.75, 1.47),
    "myrtevane-submersible-2026": (2, 0.92, 1.14, 0.85, 1.39),
    "grevesund-legionnaires-2026": (4, 0.91, 1.3, 0.82, 1.81),
    "thornacre-quarry-blast-2026": (3, 0.98, 1.15, 0.89, 1.3),
    "ruvenia-pardon-2026": (3, 0.77, 1.1, 0.81, 1.3),
    "thornvale-bank-run-2026": (2, 0.98, 1.08, 0.88, 1.48),
    # session 37, eight stories written blind, scored once with b7cb0c1 (the starting code): a volcanic eruption and
    # an island's evacuation 4, 0.94, 1.33, 0.85, 1.94; a pipeline rupture fouling a river 7, 1.00, 1.12, 0.92, 1.69; a
    # fireworks warehouse blast 3, 1.00, 1.07, 0.94, 1.79; a rally car into spectators 3, 0.93, 1.07, 0.98, 1.53; a
    # passenger train derailing on a curve 4, 0.86, 1.00, 0.80, 1.14; a Ponzi scheme's collapse 2, 1.00, 1.07, 0.92,
    # 1.87; a dengue outbreak 1, 0.93, 1.00, 0.98, 1.73; an illegal demolition of a listed granary 6, 0.93, 1.50,
    # 0.91, 2.07. Floors from the session's final code.
    "grauholm-eruption-2026": (4, 0.92, 1.34, 0.84, 1.95),
    "drusk-pipeline-spill-2026": (5, 0.98, 1.14, 0.91, 1.7),
    "vintresk-fireworks-blast-2026": (1, 0.98, 1.08, 0.93, 1.8),
    "gorsefell-rally-crash-2026": (1, 0.91, 1.08, 0.93, 1.54),
    "hestrop-curve-derailment-2026": (2, 0.91, 1.01, 0.95, 1.22),
    "pemberlake-ponzi-2026": (2, 0.98, 1.08, 0.91, 1.88),
    "miravado-dengue-2026": (0, 0.91, 1.01, 0.97, 1.74),
    "maddenrath-granary-demolition-2026": (4, 0.98, 1.48, 0.91, 2.08),
    # session 38, eight stories written blind (the brief no longer gave example contradictions), scored once with
    # 1b4b70b (the starting code): a nightclub fire with blocked exits 4, 1.00, 1.00, 0.92, 1.43; dead migrants in a
    # lorry 5, 1.00, 1.21, 0.80, 2.07; a foiled bomb plot against a concert 5, 0.93, 1.15, 0.78, 1.36; a surgeon on
    # forged credentials 4, 0.93, 1.00, 0.85, 1.36; a dam quarrel between two countries 6, 0.93, 1.08, 0.79, 1.79; a
    # car park's partial collapse 3, 1.00, 1.07, 0.98, 1.29; a tailings dam burst 4, 1.00, 1.07, 0.85, 1.79; a king's
    # abdication 4, 1.00, 1.14, 0.80, 1.86. Floors from the session's final code.
    "trevanos-nightclub-fire-2026": (1, 0.98, 1.01, 0.91, 1.44),
    "quarlby-layby-lorry-2026": (5, 0.98, 1.22, 0.79, 2.08),
    "halbrecht-stadium-plot-2026": (5, 0.91, 1.16, 0.77, 1.37),
    "vindreth-surgeon-recall-2026": (3, 0.91, 1.01, 0.84, 1.37),
    "tulvar-dam-dispute-2026": (6, 0.91, 1.09, 0.78, 1.8),
    "cobbenhall-car-park-collapse-2026": (2, 0.98, 1.08, 0.97, 1.3),
    "zlatobrod-tailings-dam-2026": (4, 0.98, 1.08, 0.84, 1.8),
    "maelgard-abdication-2026": (3, 0.98, 1.15, 0.79, 1.87),
    # session 39, eight stories written blind (same brief), scored once with b2ab11a (the starting code): a grain
    # silo explosion 3, 1.00, 1.07, 0.82, 1.71; an overnight devaluation 5, 0.93, 1.14, 0.79, 1.87; a cyberattack on
    # a water plant 5, 1.00, 1.19, 0.75, 1.38; a boxer's death after a title fight 4, 1.00, 1.00, 0.89, 1.57; a
    # train stranded in a tunnel 6, 1.00, 1.23, 0.88, 2.00; a brawl in parliament 5, 0.93, 1.14, 0.91, 1.80; a
    # footbridge collapse 4, 1.00, 1.07, 0.95, 1.60; a glacial lake outburst 5, 1.00, 1.29, 0.88, 1.93 (37 musts).
    # Floors from the session's final code.
    "rimavor-silo-explosion-2026": (2, 0.98, 1.08, 0.85, 1.65),
    "sorvenia-lendar-devaluation-2026": (2, 0.91, 1.15, 0.81, 1.81),
    "fardenwick-water-hack-2026": (4, 0.98, 1.2, 0.76, 1.39),
    "mardovek-ring-death-2026": (3, 0.98, 1.01, 0.95, 1.65),
    "gadderhorn-tunnel-stranding-2026": (4, 0.98, 1.24, 0.87, 2.01),
    "lurvenia-chamber-brawl-2026": (2, 0.98, 1.14, 0.97, 1.61),
    "pennowick-footbridge-2026": (4, 0.98, 1.08, 0.94, 1.61),
    "ushtavi-glacial-flood-2026": (4, 0.98, 1.3, 0.86, 1.94),
    # session 40, eight stories written blind (the brief with lower-case file letters), scored once with 40095e2 (the
    # starting code): a fire in an intensive-care ward 3, 1.00, 1.00, 0.86, 1.07; a submarine lost at sea 5, 1.00,
    # 1.00, 0.81, 1.53; asbestos in schools 4, 1.00, 1.07, 0.91, 1.40; a crush at a pilgrimage 3, 1.00, 1.07, 0.84,
    # 2.00; a typhoon's landfall 3, 0.93, 1.14, 0.90, 2.07; a cholera outbreak after floods 5, 1.00, 1.07, 0.88,
    # 2.07; a meteor's airburst 3, 0.93, 1.14, 0.85, 1.80; cheating at a chess championship 3, 1.00, 1.07, 0.89,
    # 1.73 (29 musts). Floors from the session's final code.
    "brossmere-icu-fire-2026": (2, 0.98, 1.01, 0.85, 1.08),
    "galeth-submarine-2026": (4, 0.98, 1.01, 0.8, 1.54),
    "glasvenna-school-asbestos-2026": (3, 0.98, 1.08, 0.9, 1.41),
    "ildmara-vigil-crush-2026": (3, 0.98, 1.08, 0.83, 2.01),
    "lunara-typhoon-2026": (3, 0.91, 1.15, 0.87, 2.08),
    "nemerath-cholera-2026": (2, 0.98, 1.01, 0.89, 2.01),
    "tiskaven-airburst-2026": (3, 0.91, 1.15, 0.84, 1.81),
    "wimberstad-chess-cheating-2026": (2, 0.98, 1.08, 0.88, 1.74),
    # session 41, eight stories written blind (the same brief), scored once with d81f160 (the starting code): a wind
    # turbine's collapse 3, 1.00, 1.07, 0.98, 1.36; a carnival float overturning 3, 1.00, 1.07, 0.96, 1.73;
    # e-scooter battery fires 3, 0.93, 1.00, 0.93, 1.53; a scaffold collapse 4, 1.00, 1.00, 0.85, 1.86; sewage in a
    # bathing lake 5, 0.86, 1.17, 0.74, 1.79; an ultramarathon in a snowstorm 4, 0.94, 1.13, 0.87, 1.31; a lift's
    # fall 5, 1.00, 1.21, 0.92, 2.00; a hostile takeover 4, 1.00, 1.20, 0.83, 1.73 (31 musts; every timeline bar
    # met but the sewage story's merge). Floors from the session's final code. Loosened this session: a helicopter
    # crash's recall (0.87 -> 0.80: a bells-at-noon event joined to the naming of "the three crew members who died",
    # now a count), an earthquake's fragmentation (1.23 -> 1.31: its rescues one family since "pulled alive" is a
    # rescue), a cruise crash's, a rally crash's, a submersible's and a street collapse's merge, a rockfall's size.
    "gwendrith-turbine-collapse-2026": (3, 0.98, 1.08, 0.97, 1.37),
    "mossgrange-float-2026": (3, 0.98, 1.08, 0.95, 1.74),
    "nardovik-scooter-fires-2026": (3, 0.91, 1.01, 0.92, 1.54),
    "quavenholt-scaffold-collapse-2026": (2, 0.98, 1.01, 0.84, 1.87),
    "ruskelmere-sewage-2026": (1, 0.84, 1.18, 0.76, 1.72),
    "skaldhorn-ultramarathon-2026": (1, 0.92, 1.14, 0.86, 1.26),
    "wolstenby-lift-2026": (3, 0.98, 1.22, 0.91, 2.01),
    "wraxholm-takeover-2026": (4, 0.98, 1.21, 0.84, 1.74),
}


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, ev.StoryScore]]:
    # two processes on a machine of two cores: the 265 stories are independent analyses
    done = ev.report_stories(STORY_DIRS, tmp_path_factory.mktemp("reports"), jobs=min(2, os.cpu_count() or 1))
    out = {}
    for story, (path, score, errors) in zip(STORY_DIRS, done, strict=True):
        assert not errors, (story.name, errors)
        out[story.name] = (path, score)
    return out


@pytest.mark.skipif(not (SHARED / "eval" / "score_story.py").is_file(), reason="../shared is not beside the project")
def test_the_scorer_agrees_with_the_stories_own_scorer(scored: dict[str, tuple[Path, ev.StoryScore]]) -> None:
    for name, (path, mine) in scored.items():
        story = next(s for s in STORY_DIRS if s.name == name)
        run = subprocess.run([sys.executable, str(SHARED / "eval" / "score_story.py"), str(story), str(path), "--json"],
                             capture_output=True, text=True, check=False)
        theirs = json.loads(next(line for line in run.stdout.splitlines() if line.startswith("{")))
        assert theirs["must_failed"] == mine.must_failed, name
        assert theirs["passed"] == sum(1 for *_, ok, _ in mine.checks if ok), name
        for figure in ("recall", "fragmentation", "merge", "size"):
            assert theirs[figure] == pytest.approx(mine.figures[figure]), (name, figure)


def test_no_story_goes_backwards(scored: dict[str, tuple[Path, ev.StoryScore]]) -> None:
    assert scored, "no stories found"
    for name, (_, s) in scored.items():
        must, recall, frag, merge, size = FLOORS[name]
        f = s.figures
        assert s.must_failed <= must, (name, [c for c in s.checks if c[0] == "must" and not c[2]])
        assert f["recall"] >= recall and f["merge"] >= merge, (name, f)
        assert f["fragmentation"] <= frag and f["size"] <= size, (name, f)


def _failing(scored: dict[str, tuple[Path, ev.StoryScore]], names: set[str]) -> dict[str, object]:
    return {name: (s.must_failed, s.below_bar()) for name, (_, s) in scored.items()
            if name in names and (s.must_failed or s.below_bar())}


@pytest.mark.skipif(not (SHARED / "data" / "stories").is_dir(), reason="../shared is not beside the project")
def test_every_shared_story_reaches_the_bar(scored: dict[str, tuple[Path, ev.StoryScore]]) -> None:
    shared = {p.name for p in (SHARED / "data" / "stories").glob("*/")}
    assert not _failing(scored, shared)


@pytest.mark.xfail(reason="issue 8: our own stories do not all reach the bars yet", strict=False)
def test_every_story_of_ours_reaches_the_bar(scored: dict[str, tuple[Path, ev.StoryScore]]) -> None:
    ours = {p.name for p in (ROOT / "tests" / "data" / "stories").glob("*/")}
    assert not _failing(scored, ours)


def test_the_command_prints_each_story_and_the_totals(tmp_path: Path) -> None:
    story = tmp_path / "tiny"
    (story / "corpus").mkdir(parents=True)
    (story / "corpus" / "t01_wire.txt").write_text(
        "Harbour closed\n\nThe port authority closed the harbour of Lindqvist on 4 March 2031 after a storm, "
        "the authority said.\n", encoding="utf-8")
    gold = {"checks": [{"id": "date", "level": "must", "kind": "relative_date", "article": "t01",
                        "needle": "closed the harbour", "value": "2031-03-04"}],
            "timeline": [{"id": "closed", "date": "2031-03-04", "articles": ["t01"], "keywords": ["closed"]}]}
    (story / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "storyline.cli.main", "eval", "stories", str(tmp_path)],
                         capture_output=True, text=True, check=False)
    lines = run.stdout.splitlines()
    assert lines[0].startswith("tiny: checks 1/1 passed, must failed 0; recall 1.00, fragmentation 1.00"), run.stdout
    assert lines[-1].startswith("total: 1 stories, must failed 0"), run.stdout
    assert run.returncode == 0, run.stdout + run.stderr

    # Two stories in two processes, their reports kept; the second's must check fails, so status 1.
    shutil.copytree(story, tmp_path / "tiny2")
    gold["checks"][0]["value"] = "2031-03-05"
    (tmp_path / "tiny2" / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    reports = tmp_path.parent / f"{tmp_path.name}-reports"
    run = subprocess.run([sys.executable, "-m", "storyline.cli.main", "eval", "stories", str(tmp_path),
                          "--jobs", "2", "--reports", str(reports)], capture_output=True, text=True, check=False)
    lines = run.stdout.splitlines()
    assert lines[0].startswith("tiny: checks 1/1 passed"), run.stdout + run.stderr
    assert any(line.startswith("tiny2: checks 0/1 passed, must failed 1") for line in lines), run.stdout
    assert lines[-1].startswith("total: 2 stories, must failed 1"), run.stdout
    assert run.returncode == 1
    for name in ("tiny", "tiny2"):
        report = json.loads((reports / name / "report.json").read_text(encoding="utf-8"))
        assert [e["time"]["value"] for e in report["events"] if e["timeline"]] == ["2031-03-04"]
