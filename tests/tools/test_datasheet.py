"""The datasheet's counts, as Markdown tables, on a corpus small enough to count by hand."""

import json

from tools.datasheet import main, render

ARTICLES = {
    ("reliable", "r1"): "The minister said so.",  # 4 words
    ("reliable", "r2"): "Police confirmed two arrests on Friday night.",  # 7 words
    ("reliable", "r3"): "Quiet.",  # 1 word
    ("unreliable", "u1"): "Insiders claim the dam might fail!",  # 6 words
}
SENTENCES = [
    {"article": "r1", "split": "train", "text": "The minister said so.", "cues": [{"type": "attribution", "text": "The minister said"}]},
    {"article": "u1", "split": "train", "text": "Insiders claim the dam might fail!",
     "cues": [{"type": "anonymous_source", "text": "Insiders claim"}, {"type": "speculative_modal", "text": "might"},
              {"type": "speculative_modal", "text": "might"}]},
    {"article": "r2", "split": "test", "text": "Police confirmed two arrests on Friday night.", "cues": [{"type": "attribution", "text": "Police confirmed"}]},
    {"article": "r3", "split": "dev", "text": "Quiet.", "cues": []},
]


def make_corpus(root):
    for (label, article_id), text in ARTICLES.items():
        (root / label).mkdir(parents=True, exist_ok=True)
        (root / label / f"{article_id}.txt").write_text(text + "\n")
    (root / "articles.csv").write_text(
        "id,label,split,genre,topic,hard_case\n"
        "r1,reliable,train,wire,politics,\n"
        "r2,reliable,test,local_news,crime,\n"
        "r3,reliable,dev,wire,weather,short\n"
        "u1,unreliable,train,blog,politics,\n"
    )
    (root / "sentences.jsonl").write_text("".join(json.dumps(record) + "\n" for record in SENTENCES))
    return root


def table(text: str, title: str) -> list[str]:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"| {title} |"))
    end = next((i for i in range(start, len(lines)) if not lines[i].startswith("|")), len(lines))
    return lines[start:end]


def test_totals_line(tmp_path):
    assert render(make_corpus(tmp_path)).splitlines()[0] == "4 articles, 18 words."


def test_split_genre_topic_and_hard_case_tables_count_articles_by_label(tmp_path):
    text = render(make_corpus(tmp_path))
    assert table(text, "split") == [
        "| split | reliable | unreliable | total |",
        "| --- | --- | --- | --- |",
        "| dev | 1 | 0 | 1 |",
        "| test | 1 | 0 | 1 |",
        "| train | 1 | 1 | 2 |",
    ]
    assert table(text, "genre")[2:] == ["| blog | 0 | 1 | 1 |", "| local_news | 1 | 0 | 1 |", "| wire | 2 | 0 | 2 |"]
    assert table(text, "topic")[2:] == ["| crime | 1 | 0 | 1 |", "| politics | 1 | 1 | 2 |", "| weather | 1 | 0 | 1 |"]
    assert table(text, "hard case")[2:] == ["| (none) | 2 | 1 | 3 |", "| short | 1 | 0 | 1 |"]


def test_word_counts_per_label(tmp_path):
    text = render(make_corpus(tmp_path))
    assert table(text, "words") == [
        "| words | reliable | unreliable |",
        "| --- | --- | --- |",
        "| min | 1 | 6 |",
        "| median | 4 | 6 |",
        "| max | 7 | 6 |",
    ]


def test_sentences_carrying_each_cue_type_by_split(tmp_path):
    text = render(make_corpus(tmp_path))
    assert "4 labelled sentences; sentences carrying each cue type, by split:" in text
    # A sentence with two "might" cues carries speculative_modal once.
    assert table(text, "cue type") == [
        "| cue type | train | dev | test | total |",
        "| --- | --- | --- | --- | --- |",
        "| (no cue) | 0 | 1 | 0 | 1 |",
        "| anonymous_source | 1 | 0 | 0 | 1 |",
        "| attribution | 1 | 0 | 1 | 2 |",
        "| speculative_modal | 1 | 0 | 0 | 1 |",
    ]


def test_main_prints_the_render(tmp_path, capsys):
    root = make_corpus(tmp_path)
    assert main([str(root)]) == 0
    assert capsys.readouterr().out == render(root) + "\n"
