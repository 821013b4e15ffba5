"""The command line's paths expanded into documents: nothing given is dropped, order is stable."""

import errno
import os

from scorer.batch.inputs import STDIN, Document, expand_inputs


def write(path, text="An article.\n"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_files_are_kept_as_given_in_the_order_given(tmp_path):
    second = write(tmp_path / "b.txt")
    first = write(tmp_path / "a.html")  # a named file is scored whatever its suffix
    assert list(expand_inputs([str(second), str(first)])) == [Document(str(second)), Document(str(first))]


def test_a_file_given_twice_is_listed_twice(tmp_path):
    path = str(write(tmp_path / "a.txt"))
    assert [d.name for d in expand_inputs([path, path])] == [path, path]


def test_folders_are_walked_for_article_files_in_sorted_order(tmp_path):
    for name in ("b.txt", "a.md", "skip.json", ".hidden.txt", "sub/c.text"):
        write(tmp_path / "corpus" / name)
    alone = write(tmp_path / "alone.txt")
    documents = list(expand_inputs([str(alone), str(tmp_path / "corpus")]))
    assert [os.path.relpath(d.name, tmp_path) for d in documents] == ["alone.txt", "corpus/a.md", "corpus/b.txt", "corpus/sub/c.text"]
    assert all(d.error is None for d in documents)


def test_standard_input_and_missing_names_are_passed_through(tmp_path):
    missing = str(tmp_path / "missing.txt")
    assert list(expand_inputs([STDIN, missing, STDIN])) == [Document("-"), Document(missing), Document("-")]


def test_a_folder_named_dash_is_still_standard_input(tmp_path, monkeypatch):
    (tmp_path / "-").mkdir()
    write(tmp_path / "-" / "a.txt")
    monkeypatch.chdir(tmp_path)
    assert list(expand_inputs(["-"])) == [Document("-")]


def test_an_empty_folder_gives_no_documents(tmp_path):
    assert list(expand_inputs([str(tmp_path)])) == []


def test_an_unreadable_folder_becomes_a_document_with_an_error_in_its_place(tmp_path, monkeypatch):
    write(tmp_path / "a" / "1.txt")
    write(tmp_path / "b" / "2.txt")
    write(tmp_path / "c" / "3.txt")
    refused = str(tmp_path / "b")
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path) == refused:
            raise PermissionError(errno.EACCES, "Permission denied", refused)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    documents = list(expand_inputs([str(tmp_path)]))
    assert [os.path.relpath(d.name, tmp_path) for d in documents] == ["a/1.txt", "b", "c/3.txt"]
    assert documents[1].error == f"{refused}: cannot read folder (Permission denied)"
    assert documents[0].error is None and documents[2].error is None


def test_document_path_is_the_name_as_records_show_it(tmp_path):
    bad = os.fsdecode(b"caf\xe9\n.txt")
    assert Document(bad).path == "caf\\xe9\\x0a.txt"
    assert Document("plain/name.txt").path == "plain/name.txt"
    assert Document("-").path == "-"


def test_a_file_name_that_is_not_utf8_is_found_and_kept_as_the_file_system_gives_it(tmp_path):
    name = os.fsdecode(b"caf\xe9.txt")
    write(tmp_path / name)
    (document,) = expand_inputs([str(tmp_path)])
    assert os.path.exists(document.name)  # the raw name opens the file
    assert document.path.endswith("caf\\xe9.txt")
    document.path.encode("utf-8")
