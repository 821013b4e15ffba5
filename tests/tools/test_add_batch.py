"""Adding a batch of articles to a corpus: splits by the corpus's fixed 14/3/3 rule, nothing clobbered."""

import csv
import json
from collections import Counter

import pytest

from tools.add_batch import FIELDS, add_batch, assign_splits, main

HEADER = "id,label,split,genre,topic,hard_case\n"


def make_corpus(root):
    for label in ("reliable", "unreliable"):
        (root / label).mkdir(parents=True)
    (root / "reliable" / "old-1.txt").write_text("Old article.\n")
    (root / "articles.csv").write_text(HEADER + "old-1,reliable,train,wire,conflict,\n")
    (root / "sentences.jsonl").write_text(json.dumps({"article": "old-1", "split": "train", "text": "Old.", "cues": []}) + "\n")
    return root


def make_batch(root, groups: dict[tuple[str, str], int], sentences: list[dict] | None = None):
    rows = []
    for (label, genre), size in groups.items():
        (root / label).mkdir(parents=True, exist_ok=True)
        for index in range(size):
            article_id = f"{label}-{genre}-{index:02d}"
            (root / label / f"{article_id}.txt").write_text(f"Article {article_id}.\n")
            rows.append({"id": article_id, "label": label, "genre": genre, "topic": "health", "hard_case": ""})
    with open(root / "articles.csv", "w", newline="") as handle:
        writer = csv.DictWriter(handle, ["id", "label", "genre", "topic", "hard_case"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    if sentences is not None:
        (root / "sentences.jsonl").write_text("".join(json.dumps(record) + "\n" for record in sentences))
    return rows


def read_rows(corpus):
    with open(corpus / "articles.csv", newline="") as handle:
        return list(csv.DictReader(handle))


def snapshot(folder):
    return {path.relative_to(folder): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.mark.parametrize(
    "size, expected",
    [
        (20, {"train": 14, "dev": 3, "test": 3}),
        (40, {"train": 28, "dev": 6, "test": 6}),
        (7, {"train": 5, "dev": 1, "test": 1}),  # the pattern's first seven: T T D T T S T
        (3, {"train": 2, "dev": 1}),
    ],
)
def test_splits_follow_the_14_3_3_pattern_within_each_group(size, expected):
    rows = [{"id": f"a{index}", "label": "reliable", "genre": "wire"} for index in range(size)]
    assert Counter(assign_splits(rows).values()) == expected


def test_each_label_and_genre_is_a_group_of_its_own():
    rows = [
        {"id": f"{label}-{genre}-{index}", "label": label, "genre": genre}
        for label in ("reliable", "unreliable")
        for genre in ("wire", "blog")
        for index in range(20)
    ]
    splits = assign_splits(rows)
    for label in ("reliable", "unreliable"):
        for genre in ("wire", "blog"):
            group = Counter(splits[row["id"]] for row in rows if row["label"] == label and row["genre"] == genre)
            assert group == {"train": 14, "dev": 3, "test": 3}


def test_a_split_depends_on_the_ids_not_the_order_they_are_listed_in():
    rows = [{"id": f"id-{index}", "label": "reliable", "genre": "wire"} for index in range(25)]
    assert assign_splits(rows) == assign_splits(rows[::-1])


def test_add_batch_copies_articles_and_appends_their_rows(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    rows = make_batch(tmp_path / "batch", {("reliable", "wire"): 20, ("unreliable", "blog"): 4})
    assert add_batch(tmp_path / "batch", corpus) == 24
    written = read_rows(corpus)
    assert list(written[0]) == list(FIELDS)
    assert written[0]["id"] == "old-1" and written[0]["split"] == "train"
    added = {row["id"]: row for row in written[1:]}
    assert set(added) == {row["id"] for row in rows}
    assert Counter(row["split"] for row in added.values() if row["label"] == "reliable") == {"train": 14, "dev": 3, "test": 3}
    for row in rows:
        assert (corpus / row["label"] / f"{row['id']}.txt").read_text() == f"Article {row['id']}.\n"
        assert added[row["id"]]["genre"] == row["genre"] and added[row["id"]]["topic"] == "health"


def test_sentences_take_their_articles_split(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    rows = make_batch(tmp_path / "batch", {("reliable", "wire"): 20}, sentences=[
        {"article": f"reliable-wire-{index:02d}", "text": f"Sentence {index}.", "cues": []} for index in range(20)
    ])
    add_batch(tmp_path / "batch", corpus)
    splits = {row["id"]: row["split"] for row in read_rows(corpus)}
    lines = (corpus / "sentences.jsonl").read_text().splitlines()
    assert json.loads(lines[0])["article"] == "old-1"
    added = [json.loads(line) for line in lines[1:]]
    assert len(added) == len(rows)
    for record in added:
        assert list(record)[:2] == ["article", "split"]
        assert record["split"] == splits[record["article"]]
    assert {record["split"] for record in added} == {"train", "dev", "test"}


def test_an_id_already_in_the_corpus_is_refused_and_nothing_changes(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    batch = tmp_path / "batch"
    make_batch(batch, {("reliable", "wire"): 2})
    (batch / "reliable" / "old-1.txt").write_text("A new text under an old id.\n")
    with open(batch / "articles.csv", "a") as handle:
        handle.write("old-1,reliable,wire,health,\n")
    before = snapshot(corpus)
    with pytest.raises(SystemExit, match="add_batch: already in .*: old-1"):
        add_batch(batch, corpus)
    assert snapshot(corpus) == before


def test_a_missing_article_file_is_refused_and_nothing_changes(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    batch = tmp_path / "batch"
    make_batch(batch, {("reliable", "wire"): 3})
    (batch / "reliable" / "reliable-wire-01.txt").unlink()
    before = snapshot(corpus)
    with pytest.raises(SystemExit, match=r"reliable-wire-01\.txt is missing"):
        add_batch(batch, corpus)
    assert snapshot(corpus) == before


def test_a_sentence_of_an_article_outside_the_batch_is_refused(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    batch = tmp_path / "batch"
    make_batch(batch, {("reliable", "wire"): 2}, sentences=[{"article": "elsewhere", "text": "Hm.", "cues": []}])
    with pytest.raises(SystemExit, match="sentences name elsewhere, which are not in the batch"):
        add_batch(batch, corpus)


def test_a_refused_sentence_file_leaves_the_corpus_unchanged(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    batch = tmp_path / "batch"
    make_batch(batch, {("reliable", "wire"): 2}, sentences=[{"article": "elsewhere", "text": "Hm.", "cues": []}])
    before = snapshot(corpus)
    with pytest.raises(SystemExit):
        add_batch(batch, corpus)
    assert snapshot(corpus) == before


def test_main_reports_how_many_were_added(tmp_path, capsys):
    corpus = make_corpus(tmp_path / "corpus")
    make_batch(tmp_path / "batch", {("unreliable", "blog"): 5})
    assert main([str(tmp_path / "batch"), str(corpus)]) == 0
    assert f"5 articles added to {corpus}" in capsys.readouterr().err
