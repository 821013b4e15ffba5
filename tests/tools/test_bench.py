from scorer.api import Analyzer
from tools.bench import parts, prepare


def test_bench_parts_time_every_step_of_cue_extraction(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    (source / "a.txt").write_text("Officials said the bridge may close. Chen told reporters it would not.\n", encoding="utf-8")
    copies = tmp_path / "copies"
    copies.mkdir()
    timings = parts(prepare(source, 3, copies), Analyzer())
    assert list(timings) == [
        "reading and decoding",
        "sentence splitting",
        "case folding and separators",
        "phrase scan",
        "the rest of cue finding",
    ]
    assert all(seconds >= 0 for name, seconds in timings.items() if name != "the rest of cue finding")
