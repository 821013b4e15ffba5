"""Who a cue cites: the whole phrase naming the source, its kind and its role (sources/spans.py)."""

import pytest

# (sentence, [(source phrase, kind, role)] in order)
GOLDEN = [
    ("The Syrian Observatory for Human Rights said the convoy left.", [("The Syrian Observatory for Human Rights", "named", None)]),
    ("Iran's foreign ministry spokesman, Hossein Karimi, said talks were over.",
     [("Iran's foreign ministry spokesman, Hossein Karimi", "named", "foreign ministry spokesman")]),
    ("Dina Esfandiary, a Middle East analyst at the International Crisis Group, said it was early.",
     [("Dina Esfandiary, a Middle East analyst at the International Crisis Group", "named", "Middle East analyst")]),
    ("Two county employees with direct knowledge of the payments, who spoke on condition of anonymity "
     "because they feared losing their jobs, said the money was gone.",
     [("who", "anonymous", "county employees"),  # the relative pronoun stands for them
      ("condition of anonymity", "anonymous", "county employees"),  # the reason describes them too
      ("Two county employees with direct knowledge of the payments", "anonymous", "county employees")]),
    ("The figures were compiled, according to figures published by the UN.", [("figures published by the UN", "named", None)]),
    ("'We will not retreat,' said Ahmed Khan, the commander.", [("Ahmed Khan, the commander", "named", "commander")]),
    ("A spokesman for the ministry said the review was over.", [("A spokesman for the ministry", "named", "spokesman")]),
    ("A spokesman said the company was reviewing the matter.", [("A spokesman", "anonymous", "spokesman")]),
    ("Officials in the host country insist the camp is safe.", [("Officials in the host country", "anonymous", "Officials")]),
    ("Officials in Syria said the road was closed.", [("Officials in Syria", "anonymous", "Officials")]),
    ("Police sources said the man was known to them.", [("Police sources", "anonymous", None)]),
    ("Reports have emerged that the dam is unsafe.", [("Reports", "vague", None)]),
    ("Analysts suggest the rebels had help.", [("Analysts", "vague", "Analysts")]),
    ("Analysts at the central bank expect a cut.", [("Analysts at the central bank", "anonymous", "Analysts")]),
    ("People familiar with the matter say a deal is close.", [("People familiar with the matter", "vague", None)]),
    ("A source close to the singer denied the story.", [("A source close to the singer", "vague", None)]),
    ("It is believed the convoy left at dawn.", [("It is believed", "vague", None)]),
    ("According to local media, the mayor resigned.", [("local media", "vague", None)]),
    ("Studies show that coffee helps.", [("Studies", "vague", None)]),
    ("A report said the dam was unsafe.", [("A report", "vague", None)]),
    ("Sen. Jack Reed (D-R.I.), said he had not read it.", [("Sen. Jack Reed", "named", None)]),
    ("Jeb Bush and Ted Cruz said on Sunday that they opposed it.", [("Jeb Bush and Ted Cruz", "named", None)]),
    ("The United Nations Office for the Coordination of Humanitarian Affairs (OCHA) said 48,500 people fled.",
     [("The United Nations Office for the Coordination of Humanitarian Affairs (OCHA)", "named", None)]),
    ("McConnell was quick to embrace the nominee and said the party would unite.", [("McConnell", "named", None)]),
    ("The workers refused the offer, saying they feared for their jobs.", [("The workers", "anonymous", "workers")]),
    ("Republican senators have vowed to block the nominee.", [("Republican senators", "vague", None)]),
]


@pytest.mark.parametrize("sentence, expected", GOLDEN, ids=[g[0][:40] for g in GOLDEN])
def test_the_whole_phrase_its_kind_and_role(analyzer, sentence, expected):
    found = [
        (sentence[cue.who.start : cue.who.end], cue.who.kind, cue.who.role)
        for cue in analyzer.analyse(sentence).cues
        if cue.who is not None
    ]
    assert found == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Iran's deep investment in Syria suggests it is unlikely to leave.",  # nobody: the writer's inference
        "The minister was reported to have resigned.",  # a passive: the minister is what was reported
        "Residents were told to leave their homes by noon.",  # told, not telling
        "His remarks in this state drew boos.",  # "remarks" and "state" are nouns here
        "The Islamic State claimed the attack.",  # "State" is part of a name
        'He said: "Officials told me the bridge is closed."',  # inside a quotation: the speaker's sourcing
    ],
)
def test_no_source_where_nobody_is_cited(analyzer, sentence):
    cited = [sentence[c.who.start : c.who.end] for c in analyzer.analyse(sentence).cues if c.who is not None]
    assert "Officials" not in " ".join(cited) and not any(
        name in cited for name in ("Syria", "The minister", "Residents", "His remarks", "The Islamic")
    )


def test_source_phrases_are_exact_document_spans(analyzer):
    from scorer.read.decode import read_document

    from ..conftest import ROOT

    for path in sorted((ROOT / "examples").glob("*.txt")):
        text = read_document(path)
        for cue in analyzer.analyse(text).cues:
            if cue.type in ("attribution", "anonymous_source"):
                assert cue.who is not None, (path.name, text[cue.start : cue.end])
                phrase = text[cue.who.start : cue.who.end]
                assert phrase and phrase == phrase.strip() and phrase[-1] not in ",;:"
