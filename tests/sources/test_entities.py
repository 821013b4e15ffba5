"""Who carries on: mentions merged into sources, pronouns and continued quotations resolved (entities.py)."""

import pytest

from ..conftest import FIXTURES, ROOT


def sources(analyzer, text):
    analysis = analyzer.analyse(text)
    return analysis, [(text[e.start : e.end], e.kind, e.sentences) for e in analysis.sources]


def cited_in(analysis, sentence):
    return [cue for cue in analysis.cues if cue.sentence == sentence and cue.who is not None]


def test_a_surname_after_the_full_name_is_the_same_source(analyzer):
    _, found = sources(analyzer, "Omar Haddad said the port was closed. Haddad added that ships were waiting.")
    assert found == [("Omar Haddad", "named", [0, 1])]


def test_a_short_form_of_an_organisation_is_the_same_source(analyzer):
    text = "The Syrian Observatory for Human Rights said 14 villages fell. The Observatory said fighting went on."
    _, found = sources(analyzer, text)
    assert found == [("The Syrian Observatory for Human Rights", "named", [0, 1])]


def test_a_pronoun_refers_to_the_most_recent_person(analyzer):
    text = (
        "The ministry said the talks had stalled. Dina Esfandiary, an analyst at the institute, said it was too early. "
        '"One week does not tell you much," she said.'
    )
    analysis, found = sources(analyzer, text)
    assert [name for name, _, _ in found] == ["The ministry", "Dina Esfandiary, an analyst at the institute"]
    she = cited_in(analysis, 2)[0]
    assert analysis.cue_sources[analysis.cues.index(she)] == 1 and she.type == "attribution"


def test_they_refers_to_an_unnamed_group_and_keeps_its_kind(analyzer):
    analysis, found = sources(analyzer, "Officials said the bridge was unsafe. They said repairs would take months.")
    assert found == [("Officials", "anonymous", [0, 1])]
    they = cited_in(analysis, 1)[0]
    assert (they.type, they.rule) == ("anonymous_source", "anonymous_source.pronoun")


def test_the_researchers_are_the_team_named_before(analyzer):
    text = (
        "A team led by Dr Ana Ruiz at the University of Lisbon found the drug cut relapses by a third. "
        "The researchers said the trial was small."
    )
    analysis, found = sources(analyzer, text)
    assert len(found) == 1 and found[0][1] == "named" and found[0][2] == [0, 1]
    assert all(cue.type == "attribution" for cue in cited_in(analysis, 1))


@pytest.mark.parametrize(
    "text, quoted_sentence",
    [
        ('"Our advisers remain in Syria," the spokesman Esmaeil Baghaei said. "Their mission has not changed."', 1),
        ('"We counted 40 trucks on Monday. None came back," said Ahmed Khan, a driver.', 0),
    ],
)
def test_a_continued_quotation_is_attributed_and_never_unsourced(analyzer, text, quoted_sentence):
    analysis = analyzer.analyse(text)
    continued = cited_in(analysis, quoted_sentence)
    assert [cue.rule for cue in continued] == ["attribution.continued_quote"]
    assert analysis.unsourced[quoted_sentence] is False
    assert len(analysis.sources) == 1 and analysis.sources[0].quoted


def test_the_wire_fixture_names_every_source_in_full_with_its_kind(analyzer):
    from scorer.read.decode import read_document

    analysis = analyzer.analyse(read_document(FIXTURES / "wire-iran-syria.txt"))
    text = analysis.text
    found = {text[e.start : e.end]: e.kind for e in analysis.sources}
    expected = {
        "the Syrian Observatory for Human Rights": "named",
        "Rami Abdel Rahman, who heads the Observatory": "named",
        "Iran's foreign ministry": "named",
        "ministry spokesman Esmaeil Baghaei": "named",
        "The Syrian defence ministry": "named",
        "The United Nations Office for the Coordination of Humanitarian Affairs (OCHA)": "named",
        "figures compiled by its partners on the ground": "named",
        "OCHA spokesperson Jens Laerke": "named",
        "A senior Western diplomat in Beirut": "anonymous",
        "two regional security officials": "anonymous",
        "Dina Esfandiary, a Middle East analyst at the International Crisis Group": "named",
    }
    for name, kind in expected.items():
        assert found.get(name) == kind, name
    # Every source the article cites is listed once: nothing more than the above and the headline's "monitor".
    assert set(found) - set(expected) == {"monitor"}


def test_the_content_farm_example_rests_on_vague_sources_only(analyzer):
    from scorer.read.decode import read_document

    analysis = analyzer.analyse(read_document(ROOT / "examples" / "content-farm.txt"))
    names = {analysis.text[e.start : e.end]: e.kind for e in analysis.sources}
    assert names and set(names.values()) == {"vague"}
    assert {"reports", "Sources close to the harbour authority", "It is believed", "Analysts"} <= set(names)


def test_records_list_sources_and_cues_point_at_them(scorer):
    from scorer.read.decode import read_document

    text = read_document(FIXTURES / "wire-iran-syria.txt")
    record = scorer.score_text(text).to_dict()
    sources_listed = record["sources"]
    assert sources_listed and all(text[s["start"] : s["end"]] == s["name"] for s in sources_listed)
    for sentence in record["sentences"]:
        for cue in sentence["cues"]:
            if cue["type"] in ("attribution", "anonymous_source"):
                source = cue["source"]
                assert text[source["start"] : source["end"]] == source["text"]
                assert sentence["index"] in sources_listed[source["entity"]]["sentences"]
