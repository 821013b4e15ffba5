"""The rule registry (`scorer rules`): every rule id a record can carry is listed, once, described."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scorer.cli import app
from scorer.cues.lexicon import IGNORE, load_lexicon
from scorer.cues.matcher import CODE_RULES
from scorer.cues.types import CUE_TYPES
from scorer.read.decode import read_document
from scorer.rules import all_rules
from scorer.sources.rules import record_rule_ids

from .conftest import FIXTURES, ROOT, TRAINING_DATA


@pytest.fixture(scope="module")
def rules():
    return all_rules()


@pytest.fixture()
def run():
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)

    return invoke


def test_rules_are_sorted_by_id_and_each_id_is_listed_once(rules):
    ids = [rule.id for rule in rules]
    assert ids == sorted(set(ids))
    assert len(ids) > 50


def test_no_rule_id_is_defined_in_two_places():
    """all_rules() keys rules by id, so an id defined twice would silently lose one definition.

    The lexicon may name a phrase rule and a line rule alike (both page furniture: "share this" in a
    sentence, "Share this" as a whole line); the rules decided in code never reuse a lexicon id.
    """
    lexicon = load_lexicon()
    phrase_types: dict[str, set[str]] = {}
    for rule in lexicon.phrases.values():
        if rule.type != IGNORE:
            phrase_types.setdefault(rule.rule, set()).add(rule.type)
    assert {rule: types for rule, types in phrase_types.items() if len(types) > 1} == {}
    lines = {rule for rule, _ in lexicon.line_rules}
    assert all(phrase_types[rule] == {"boilerplate"} for rule in lines & set(phrase_types))
    in_code = [{rule for rule, *_ in CODE_RULES}, {rule for rule, *_ in record_rule_ids()}]
    assert in_code[0] & in_code[1] == set()
    for ids in in_code:
        assert ids & (set(phrase_types) | lines) == set()


def test_every_rule_has_a_known_type_a_description_an_example_and_an_origin(rules):
    for rule in rules:
        assert rule.type in CUE_TYPES, rule.id
        assert rule.id.split(".", 1)[0] == rule.type and rule.id.count(".") == 1, rule.id
        assert rule.description.strip() and rule.example.strip(), rule.id
        assert "\n" not in rule.description and "\n" not in rule.example, rule.id
        assert (ROOT / "scorer" / "cues" / rule.origin).is_file() or (ROOT / rule.origin).is_file(), rule.origin


def test_every_cue_type_has_rules(rules):
    assert {rule.type for rule in rules} == set(CUE_TYPES)


def analysed_files() -> list[Path]:
    files = sorted(TRAINING_DATA.rglob("*.txt")) + sorted((ROOT / "examples").glob("*.txt")) + sorted(FIXTURES.glob("*.txt"))
    assert len(files) > 100
    return files


def test_every_rule_id_seen_while_analysing_the_corpus_and_examples_is_listed(analyzer, rules):
    listed = {rule.id for rule in rules}
    seen: dict[str, str] = {}
    for path in analysed_files():
        for cue in analyzer.analyse(read_document(path)).cues:
            seen.setdefault(cue.rule, path.name)
    assert {rule: where for rule, where in seen.items() if rule not in listed} == {}
    assert len(seen) > 50


def test_rule_examples_of_code_rules_are_caught_by_their_rule(analyzer):
    text = "Intro line for context.\n\nYou will not believe this!!!\n"
    assert "sensational.repeated_exclamation" in {cue.rule for cue in analyzer.analyse(text).cues}
    headline = "Council Approves New Bridge Plan"
    text = f"{headline}\n\nThe council met on Tuesday.\n\n{headline}\n"
    assert "boilerplate.repeated_headline" in {cue.rule for cue in analyzer.analyse(text).cues}


@pytest.mark.parametrize("line", ["\u00a9 2024 Example News", "Copyright 2024 Example News", "(c) 2024 Example News"])
def test_a_copyright_footer_line_is_caught_by_the_copyright_rule(analyzer, line):
    text = f"The council met on Tuesday and approved the budget.\n\n{line}\n"
    assert "boilerplate.copyright" in {cue.rule for cue in analyzer.analyse(text).cues}


def test_cli_lists_every_rule_with_its_description_and_example(run, rules):
    result = run("rules")
    assert result.exit_code == 0
    for rule in rules:
        assert f"{rule.id}\n    {rule.description}\n    e.g. {rule.example}\n" in result.output


def test_cli_json_parses_to_the_registry(run, rules):
    result = run("rules", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.output) == [rule.to_dict() for rule in rules]


@pytest.mark.parametrize("cue_type", CUE_TYPES)
def test_cli_type_filter_lists_only_that_type(run, rules, cue_type):
    listed = json.loads(run("rules", "--type", cue_type, "--format", "json").output)
    assert [rule["id"] for rule in listed] == [rule.id for rule in rules if rule.type == cue_type]
    assert listed


def test_cli_unknown_type_exits_2_in_one_line(run):
    result = run("rules", "--type", "gossip")
    assert result.exit_code == 2
    assert result.output == "scorer: no rules of type 'gossip'\n"


@pytest.mark.parametrize("fmt", ["xml", "csv", "jsonl"])
def test_cli_bad_format_exits_2(run, fmt):
    result = run("rules", "--format", fmt)
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "--format must be text or json" in result.output


def test_cli_help_has_examples(run):
    result = run("rules", "--help")
    assert result.exit_code == 0 and "Examples" in result.output and "scorer rules --type hedge" in result.output


def test_the_lexicon_readme_rule_table_agrees_with_the_registry():
    result = subprocess.run([sys.executable, "-m", "tools.lexicon_readme", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
