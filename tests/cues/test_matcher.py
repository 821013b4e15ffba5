import pytest

SEED_PHRASES_NEEDING_DOUBT = [
    "reports have emerged",
    "According to intelligence sources",
    "Analysts suggest",
    "Observers speculate",
    "are said to have been",
    "possibly from Western",
]
SEED_FURNITURE = ["Ad Code", "Post a Comment", "0 Comments", "Close Menu"]
HEADLINE = "Iran Begins Military Evacuation in Syria Amid Rebel Advancements"


def cues_by_sentence(analyzer, text):
    analysis = analyzer.analyse(text)
    found = [[] for _ in analysis.segments]
    for cue in analysis.cues:
        found[cue.sentence].append(cue)
    return [(text[s.start : s.end], found[i]) for i, s in enumerate(analysis.segments)]


@pytest.mark.parametrize("phrase", SEED_PHRASES_NEEDING_DOUBT)
def test_seed_vague_sourcing_and_hedges_are_found(analyzer, seed_text, phrase):
    matching = [cues for sentence, cues in cues_by_sentence(analyzer, seed_text) if phrase in sentence]
    assert matching, f"no sentence contains {phrase!r}"
    for cues in matching:
        assert {c.type for c in cues} & {"anonymous_source", "hedge"}, phrase


@pytest.mark.parametrize("line", SEED_FURNITURE)
def test_seed_page_furniture_is_boilerplate(analyzer, seed_text, line):
    matching = [cues for sentence, cues in cues_by_sentence(analyzer, seed_text) if sentence == line]
    assert matching and all(any(c.type == "boilerplate" for c in cues) for cues in matching)


def test_seed_repeated_headline_is_flagged(analyzer, seed_text):
    copies = [cues for sentence, cues in cues_by_sentence(analyzer, seed_text) if sentence == HEADLINE]
    assert len(copies) == 3
    flagged = [cues for cues in copies if any(c.rule == "boilerplate.repeated_headline" for c in cues)]
    assert len(flagged) >= 2


def test_seed_has_twelve_speculative_modals_and_no_attribution(analyzer, seed_text):
    cues = analyzer.analyse(seed_text).cues
    modals = [seed_text[c.start : c.end].lower() for c in cues if c.type == "speculative_modal"]
    # The seed's speculative modals, counted by hand: "could" 5, "may" 4, "might" 3.
    assert sorted(modals) == sorted(["could"] * 5 + ["may"] * 4 + ["might"] * 3)
    assert not [c for c in cues if c.type == "attribution"]


def test_every_cue_span_is_inside_its_sentence_and_cues_do_not_overlap(analyzer, seed_text):
    analysis = analyzer.analyse(seed_text)
    previous_end = 0
    for cue in analysis.cues:
        sentence = analysis.segments[cue.sentence]
        assert sentence.start <= cue.start < cue.end <= sentence.end
        assert cue.start >= previous_end
        previous_end = cue.end


# (sentence, types that must be found, types that must not be found)
GOLDEN = [
    ("The Syrian defence ministry said in a statement that forces had withdrawn.", {"attribution"}, {"anonymous_source"}),
    ("According to figures published by the UN, 48,000 people fled.", {"attribution"}, {"anonymous_source"}),
    ("Chen told reporters the plant would close.", {"attribution"}, {"speculative_modal"}),
    ('"We will not retreat," said Ahmed Khan, the commander.', {"attribution"}, set()),
    ('"We will not retreat," she said.', {"attribution"}, set()),
    ("Sources said the talks had collapsed.", {"anonymous_source"}, {"attribution"}),
    ("Officials said the bridge was unsafe.", {"anonymous_source"}, {"attribution"}),
    ("U.S. officials said the strike was planned for weeks.", {"anonymous_source"}, {"attribution"}),
    ("A spokesman said the company was reviewing the matter.", {"anonymous_source"}, {"attribution"}),
    ("A spokesman for the ministry said the review was over.", {"attribution"}, {"anonymous_source"}),
    ("Two officials, who spoke on condition of anonymity, described the plan.", {"anonymous_source"}, set()),
    ("People familiar with the matter say a deal is close.", {"anonymous_source"}, set()),
    ("It is believed the convoy left at dawn.", {"anonymous_source"}, set()),
    ("Some say the mayor knew.", {"anonymous_source"}, set()),
    ("A source close to the singer denied the story.", {"anonymous_source"}, set()),
    ("Insiders claim the merger is off.", {"anonymous_source"}, set()),
    ("The vote could be delayed.", {"speculative_modal"}, set()),
    ("Prices might rise again next year.", {"speculative_modal"}, set()),
    ("The festival takes place in May.", set(), {"speculative_modal"}),
    ("Theresa May visited the site.", set(), {"speculative_modal"}),
    ("May 5 is the deadline.", set(), {"speculative_modal"}),
    ("The mayor could not be reached for comment.", {"verification"}, {"speculative_modal"}),
    ("The company said it would release figures next week.", {"attribution"}, {"speculative_modal"}),
    ("The claims could not be independently verified.", {"verification"}, {"speculative_modal"}),
    ("The minister reportedly resigned.", {"hedge"}, set()),
    ("It is unclear whether the ceasefire will hold.", {"hedge"}, set()),
    ("Whether it works remains to be seen.", {"hedge"}, set()),
    ("Everyone knows the truth they don't want you to know.", {"certainty"}, set()),
    ("You won't believe what happened next.", {"sensational"}, set()),
    ("The council approved the budget on Tuesday.", set(), {"anonymous_source", "hedge", "speculative_modal", "certainty"}),
    # A count that is imprecise is not a claim held at arm's length.
    ("Several people were injured and a few cars were damaged.", set(), {"hedge", "anonymous_source"}),
    ("The bridge has been closed for many years.", set(), {"hedge"}),
    ("Many believe the mayor knew.", {"anonymous_source"}, set()),
    ("Most experts expect a cut.", {"anonymous_source"}, set()),
    ("It is argued that the reform failed.", {"anonymous_source"}, set()),
    ("There is a widespread belief that the dam is unsafe.", {"anonymous_source"}, set()),
    ("One story has it that the mayor knew.", {"anonymous_source"}, set()),
    ("He is considered one of the finest surgeons in the region.", {"anonymous_source"}, set()),
    ("The merger remains hotly debated.", {"hedge"}, set()),
    # "would" in reported speech states a plan, however far the verb of saying stands from it.
    (
        "The ministry said in a statement that it was studying the judgment and would decide within days.",
        {"attribution"},
        {"speculative_modal"},
    ),
    ("The merger would cut 2,000 jobs.", {"speculative_modal"}, set()),
    # A vague source keeps its post-modifier: the verb's subject is the head further back.
    ("Experts who inspected the bridge say the cracks are recent.", {"anonymous_source"}, {"attribution"}),
    ("Officials in the regional capital insist the dam is safe.", {"anonymous_source"}, {"attribution"}),
    (
        "Mara Okoye, who worked as a poll watcher for the party in two elections, told reporters she saw nothing.",
        {"attribution"},
        {"anonymous_source"},
    ),
    # Quotation marks as British and older American copy write them, and subjects set off by commas.
    ("'We will not retreat,' said Ahmed Khan, the commander.", {"attribution"}, {"anonymous_source"}),
    ("''We will not retreat,'' said Ahmed Khan.", {"attribution"}, {"anonymous_source"}),
    ("Sen. Jack Reed (D-R.I.), said after a lunch that he had not read it.", {"attribution"}, set()),
    ("Prices will keep rising this winter, said Angie Holan, the bank's economist.", {"attribution"}, set()),
    ("The workers refused the offer, saying they feared for their jobs.", set(), {"attribution"}),
    ("Mrs. Clinton has since said she would support it.", {"attribution"}, set()),
    ("Supporters of tighter rules here say there is a link.", {"anonymous_source"}, {"attribution"}),
    ("Fares could double, with industry watchers warning that the carrier may fold.", {"anonymous_source"}, set()),
    ("A spokeswoman for the club, Luciana Prado, said the talks were over.", {"attribution"}, {"anonymous_source"}),
    # Told, not telling.
    ("Residents were told to leave their homes by noon.", set(), {"anonymous_source", "attribution"}),
]


@pytest.mark.parametrize("sentence, present, absent", GOLDEN, ids=[g[0][:40] for g in GOLDEN])
def test_golden_sentences(analyzer, sentence, present, absent):
    found = {cue.type for cue in analyzer.analyse(sentence).cues}
    assert present <= found, f"missing {present - found} in {found}"
    assert not (absent & found), f"unexpected {absent & found}"


def test_cue_text_is_exactly_the_document_span(scorer, seed_text):
    record = scorer.score_text(seed_text).to_dict()
    for sentence in record["sentences"]:
        assert seed_text[sentence["start"] : sentence["end"]] == sentence["text"]
        for cue in sentence["cues"]:
            assert seed_text[cue["start"] : cue["end"]] == cue["text"]
