"""Labelled corpora: article folders and JSONL files, sentence files, and the corpus digest."""

import json

import pytest

from scorer.errors import InputError
from scorer.evaluate.corpus import SPLITS, UNCERTAIN, corpus_digest, load_articles, load_sentences


def write(path, text="An article.\n"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def make_corpus(root, labels=("reliable", "unreliable"), per_label=2):
    for label in labels:
        for index in range(per_label):
            write(root / label / f"{label}-{index}.txt", f"Article {index} labelled {label}.\n")
    return root


def one_line(error: pytest.ExceptionInfo) -> str:
    message = str(error.value)
    assert "\n" not in message and message
    return message


def test_a_folder_with_reliable_and_unreliable_subfolders(tmp_path):
    make_corpus(tmp_path)
    write(tmp_path / "reliable" / "nested" / "deep.md")
    write(tmp_path / "reliable" / "notes.json")  # not an article
    write(tmp_path / ".git" / "x.txt")  # hidden: not a label
    articles = load_articles(tmp_path)
    assert [(a.id, a.label, a.reliable) for a in articles] == [
        ("reliable-0", "reliable", True),
        ("reliable-1", "reliable", True),
        ("deep", "reliable", True),
        ("unreliable-0", "unreliable", False),
        ("unreliable-1", "unreliable", False),
    ]
    assert articles[0].read() == "Article 0 labelled reliable.\n"
    assert articles[0].path == tmp_path / "reliable" / "reliable-0.txt"


def test_without_articles_csv_the_split_comes_from_the_name_and_is_stable(tmp_path):
    make_corpus(tmp_path, per_label=30)
    first = {a.id: a.split for a in load_articles(tmp_path)}
    assert first == {a.id: a.split for a in load_articles(tmp_path)}
    assert set(first.values()) == set(SPLITS)
    # The split follows the file name, not the folder it lies in.
    other = tmp_path / "moved"
    write(other / "good" / "reliable-3.txt")
    write(other / "bad" / "x.txt")
    assert {a.id: a.split for a in load_articles(other, "good")}["reliable-3"] == first["reliable-3"]


def test_articles_csv_fixes_split_genre_and_hard_case(tmp_path):
    make_corpus(tmp_path)
    write(
        tmp_path / "articles.csv",
        "id,label,split,genre,topic,hard_case\n"
        "reliable-0,reliable,test,wire,conflict,justified_anonymous\n"
        "unreliable-1,unreliable,dev,blog,health,\n",
    )
    articles = {a.id: a for a in load_articles(tmp_path)}
    assert (articles["reliable-0"].split, articles["reliable-0"].genre, articles["reliable-0"].hard_case) == (
        "test", "wire", "justified_anonymous")
    assert (articles["unreliable-1"].split, articles["unreliable-1"].genre) == ("dev", "blog")
    assert articles["reliable-1"].split in SPLITS and articles["reliable-1"].genre == ""


def test_articles_csv_with_an_unknown_split_is_refused_naming_the_article(tmp_path):
    make_corpus(tmp_path)
    write(tmp_path / "articles.csv", "id,label,split\nreliable-0,reliable,validation\n")
    with pytest.raises(InputError, match="article reliable-0 has split 'validation'") as error:
        load_articles(tmp_path)
    one_line(error)


def test_articles_csv_with_a_byte_order_mark_is_read_like_one_without(tmp_path):
    make_corpus(tmp_path)
    (tmp_path / "articles.csv").write_bytes("\ufeffid,label,split\nreliable-0,reliable,test\n".encode("utf-8"))
    assert {a.id: a.split for a in load_articles(tmp_path)}["reliable-0"] == "test"


@pytest.mark.parametrize("labels, reliable, expected", [
    (("real", "fake"), None, {"real": True, "fake": False}),
    (("credible", "dubious"), None, {"credible": True, "dubious": False}),
    (("good", "bad"), "good", {"good": True, "bad": False}),
    (("reliable", "unreliable"), "unreliable", {"reliable": False, "unreliable": True}),  # the name given wins
])
def test_the_reliable_label_is_recognised_or_named(tmp_path, labels, reliable, expected):
    make_corpus(tmp_path, labels, per_label=1)
    assert {a.label: a.reliable for a in load_articles(tmp_path, reliable)} == expected


@pytest.mark.parametrize(
    "labels, reliable, message",
    [
        (("reliable",), None, r"expected one subfolder per label \(e.g. reliable/ and unreliable/\), found \['reliable'\]"),
        ((), None, r"expected one subfolder per label .*found \[\]"),
        (("good", "bad"), None, "cannot tell which subfolder is reliable among .*; name it with --reliable"),
        (("real", "fake"), "genuine", r"no subfolder named 'genuine' \(found fake, real\)"),
    ],
)
def test_folders_that_cannot_be_a_labelled_corpus_are_refused_in_one_line(tmp_path, labels, reliable, message):
    make_corpus(tmp_path, labels, per_label=1)
    with pytest.raises(InputError, match=message) as error:
        load_articles(tmp_path, reliable)
    assert one_line(error).startswith(str(tmp_path))


def test_label_folders_without_articles_are_refused(tmp_path):
    (tmp_path / "reliable").mkdir()
    write(tmp_path / "unreliable" / "readme.json")
    with pytest.raises(InputError, match=r"no article files \(.txt, .md, .text\) in its label subfolders") as error:
        load_articles(tmp_path)
    one_line(error)


def test_a_missing_corpus_is_refused(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        load_articles(tmp_path / "missing")


def test_a_jsonl_corpus(tmp_path):
    path = write(tmp_path / "corpus.jsonl", "\n".join([
        json.dumps({"text": "One.", "label": "real", "id": "a1", "split": "test"}),
        "",
        json.dumps({"text": "Two.", "label": "fake"}),
        json.dumps({"text": "Three.", "label": 1}),
        json.dumps({"text": "Four.", "label": True}),
    ]) + "\n")
    articles = load_articles(path)
    assert [(a.id, a.label, a.reliable, a.text) for a in articles] == [
        ("a1", "real", True, "One."),
        ("corpus-3", "fake", False, "Two."),
        ("corpus-4", "1", True, "Three."),
        ("corpus-5", "True", True, "Four."),
    ]
    assert articles[0].split == "test" and all(a.split in SPLITS for a in articles)
    assert articles[1].read() == "Two." and articles[1].path is None
    assert [a.reliable for a in load_articles(path, reliable="fake")] == [False, True, False, False]


def test_a_jsonl_corpus_with_a_byte_order_mark(tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"text": "One.", "label": "real"}).encode() + b"\n")
    assert [a.text for a in load_articles(path)] == ["One."]


@pytest.mark.parametrize(
    "line, message",
    [
        ('{"text": "Two.", "label": ', r":2: not JSON"),
        ("[1, 2]", r":2: expected a JSON object"),
        ('{"label": "real"}', r":2: each line needs a string 'text' and a 'label'"),
        ('{"text": 5, "label": "real"}', r":2: each line needs a string 'text' and a 'label'"),
        ('{"text": "Two."}', r":2: each line needs a string 'text' and a 'label'"),
    ],
)
def test_a_bad_jsonl_line_is_an_input_error_naming_the_line(tmp_path, line, message):
    path = write(tmp_path / "corpus.jsonl", json.dumps({"text": "One.", "label": "real"}) + "\n" + line + "\n")
    with pytest.raises(InputError, match=f"^{path}{message}") as error:
        load_articles(path)
    one_line(error)


def test_an_empty_jsonl_corpus_is_refused(tmp_path):
    path = write(tmp_path / "empty.jsonl", "\n\n")
    with pytest.raises(InputError, match="no records"):
        load_articles(path)


def test_sentences_from_csv_with_binary_labels(tmp_path):
    path = write(tmp_path / "weasel.csv", 'text,label\n"Some say, it rains.",1\nIt rained.,0\nMaybe.,true\nNo.,  0 \n')
    sentences = load_sentences(path)
    assert [(s.text, s.types) for s in sentences] == [
        ("Some say, it rains.", frozenset({UNCERTAIN})),
        ("It rained.", frozenset()),
        ("Maybe.", frozenset({UNCERTAIN})),
        ("No.", frozenset()),
    ]
    assert all(s.split is None for s in sentences)


def test_sentences_from_jsonl_with_cues_types_or_label(tmp_path):
    path = write(tmp_path / "sentences.jsonl", "\n".join(json.dumps(record) for record in [
        {"text": "Chen said it may rain.", "split": "dev", "cues": [{"type": "attribution", "text": "Chen said"}, {"type": "speculative_modal", "text": "may"}]},
        {"text": "No cues here.", "split": "train", "cues": []},
        {"text": "Reportedly so.", "types": ["hedge"]},
        {"text": "Labelled.", "label": 1},
    ]) + "\n")
    assert [(s.text, s.types, s.split) for s in load_sentences(path)] == [
        ("Chen said it may rain.", frozenset({"attribution", "speculative_modal"}), "dev"),
        ("No cues here.", frozenset(), "train"),
        ("Reportedly so.", frozenset({"hedge"}), None),
        ("Labelled.", frozenset({UNCERTAIN}), None),
    ]


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("s.csv", "text,other\nHello.,x\n", r"s\.csv:2: each record needs 'label', 'cues' or 'types'"),
        ("s.csv", "words,label\nHello.,1\n", r"s\.csv:2: each record needs a string 'text'"),
        ("s.jsonl", '{"text": "A.", "label": 0}\n{"text": "B."}\n', r"s\.jsonl:2: each record needs 'label', 'cues' or 'types'"),
        ("s.jsonl", '{"text": "A.", "label": 0}\nnot json\n', r"s\.jsonl:2: not JSON"),
    ],
)
def test_bad_sentence_records_are_input_errors_naming_the_line(tmp_path, name, content, message):
    path = write(tmp_path / name, content)
    with pytest.raises(InputError, match=message) as error:
        load_sentences(path)
    one_line(error)


def test_a_missing_sentence_file_is_refused(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_sentences(tmp_path / "none.csv")


def test_corpus_digest_follows_the_data_and_not_the_documents_about_it(tmp_path):
    make_corpus(tmp_path)
    write(tmp_path / "GUIDELINES.md", "How to label.\n")
    write(tmp_path / "articles.csv", "id,label,split\n")
    original = corpus_digest(tmp_path)
    assert corpus_digest(tmp_path) == original

    write(tmp_path / "GUIDELINES.md", "How to label, revised.\n")
    write(tmp_path / "DATASHEET.md", "New datasheet.\n")
    write(tmp_path / ".hidden", "editor state\n")
    assert corpus_digest(tmp_path) == original

    article = tmp_path / "reliable" / "reliable-0.txt"
    write(article, "Article 0 labelled reliable, edited.\n")
    edited = corpus_digest(tmp_path)
    assert edited != original
    write(article, "Article 0 labelled reliable.\n")
    assert corpus_digest(tmp_path) == original


@pytest.mark.parametrize(
    "change",
    [
        lambda root: write(root / "reliable" / "new.md", "A Markdown article is data.\n"),
        lambda root: (root / "reliable" / "reliable-1.txt").rename(root / "unreliable" / "reliable-1.txt"),
        lambda root: write(root / "articles.csv", "id,label,split\nreliable-0,reliable,test\n"),
        lambda root: write(root / "sentences.jsonl", "{}\n"),
    ],
    ids=["article-md-in-label-folder", "relabelled", "split-file", "sentences"],
)
def test_corpus_digest_changes_with_any_data_file(tmp_path, change):
    make_corpus(tmp_path)
    write(tmp_path / "articles.csv", "id,label,split\n")
    original = corpus_digest(tmp_path)
    change(tmp_path)
    assert corpus_digest(tmp_path) != original
