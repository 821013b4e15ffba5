import codecs

import pytest

from scorer.errors import InputError
from scorer.cues.lexicon import load_lexicon
from scorer.read.decode import decode_bytes, read_document
from scorer.read.segment import segment

TEXT = "Caf\u00e9 \u201cquotes\u201d \u2014 na\u00efve\nsecond line\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"),
        codecs.BOM_UTF32_BE + TEXT.encode("utf-32-be"),
        TEXT.replace("\n", "\r\n").encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16le", "utf16be", "utf32le", "utf32be", "cp1252-crlf"],
)
def test_every_supported_encoding_decodes_to_the_same_text(data):
    assert decode_bytes(data) == TEXT


def test_latin1_bytes_undefined_in_cp1252_are_kept():
    assert decode_bytes(b"a\x81b\x9dc") == "a\x81b\x9dc"


def test_lone_carriage_returns_become_line_feeds():
    assert decode_bytes(b"one\rtwo\r\nthree") == "one\ntwo\nthree"


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", bytes(range(32)) * 50])
def test_binary_input_is_refused_naming_the_file(data):
    with pytest.raises(InputError, match="picture.png: binary file"):
        decode_bytes(data, "picture.png")


def test_read_document_reports_missing_files_and_folders(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_document(tmp_path)



def test_pipes_and_devices_are_refused_instead_of_blocking(tmp_path):
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        read_document(fifo)
