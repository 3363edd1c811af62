"""Help follows the language: Japanese by default, English with ``--lang en`` or ``AUDITOR_LANG=en``.

Every command and option takes its help from the message tables (checked over the whole command
tree), the language is settled before click parses (``auditor --lang en validate`` works), and
Japanese help wraps to the terminal's width like English does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import click
import pytest

from auditor import exitcodes
from auditor.cli import cli
from auditor.cli.helpformat import display_width
from auditor.cli.localized import Command, Group, Option
from auditor.i18n import MESSAGES, translate, using
from tests.helpers import EXAMPLES, GOLDEN, run_cli

GOLDEN_COMMANDS = [[], ["audit"], ["diff"], ["batch"], ["baseline", "create"], ["baseline", "update"]]
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _tree(command: click.Command, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    yield path, command
    if isinstance(command, click.Group):
        context = click.Context(command)
        for name in command.list_commands(context):
            sub = command.get_command(context, name)
            assert sub is not None, name
            yield from _tree(sub, (*path, name))


TREE = list(_tree(cli))


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("command", GOLDEN_COMMANDS, ids=lambda c: "-".join(c) or "auditor")
def test_help_matches_golden(command: list[str], lang: str, update_golden: bool) -> None:
    # click's test runner renders help for 80 columns, whatever the terminal.
    result = run_cli(*command, "-h", "--lang", lang)
    assert result.code == 0, result.stderr
    golden = GOLDEN / "help" / f"{'-'.join(command) or 'auditor'}.{lang}.txt"
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize(("path", "command"), TREE, ids=[" ".join(path) or "auditor" for path, _ in TREE])
def test_every_command_and_option_has_help_in_both_languages(path: tuple[str, ...], command: click.Command) -> None:
    assert isinstance(command, Command | Group)
    keys = [command.help_key] + [p.help_key for p in command.params if isinstance(p, Option)]
    assert command.examples, "a command's help shows examples"
    for param in command.params:
        if isinstance(param, click.Option):
            assert isinstance(param, Option), f"{param.name}: use auditor.cli.localized.option"
    for key in keys:
        assert key in MESSAGES, f"help {key!r} is not a message key"
        ja, en = translate(key, "ja"), translate(key, "en")
        assert ja and en and ja != en, key
        assert JAPANESE.search(ja), key


@pytest.mark.parametrize(("path", "command"), TREE, ids=[" ".join(path) or "auditor" for path, _ in TREE])
def test_help_is_japanese_by_default_english_on_request(path: tuple[str, ...], command: click.Command) -> None:
    japanese = run_cli(*path, "-h")
    assert japanese.code == 0, japanese.stderr
    assert japanese.stdout.startswith("使い方: auditor") and "オプション:" in japanese.stdout
    assert "例:" in japanese.stdout and "このヘルプを表示して終了します。" in japanese.stdout
    english = run_cli(*path, "-h", "--lang", "en")
    assert english.stdout.startswith("Usage: auditor") and "Example:" in english.stdout
    assert "Show this message and exit." in english.stdout and "使い方" not in english.stdout


def test_the_environment_chooses_the_language_and_the_option_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AUDITOR_LANG", "en")
    assert run_cli("audit", "-h").stdout.startswith("Usage:")
    assert run_cli("audit", "-h", "--lang", "ja").stdout.startswith("使い方:")
    assert run_cli("--lang=ja", "audit", "-h").stdout.startswith("使い方:")


def test_lang_before_the_command_applies_to_it() -> None:
    result = run_cli("--lang", "en", "validate", "does-not-exist.yaml")
    assert result.code == exitcodes.USAGE_OR_INPUT
    assert result.stderr.startswith("error: does-not-exist.yaml")
    ok = run_cli("--lang", "en", "validate", EXAMPLES / "alpha-town.yaml")
    assert ok.code == 0 and ok.stdout.strip().endswith(": valid (policy)")
    default = run_cli("validate", EXAMPLES / "alpha-town.yaml")
    assert default.stdout.strip().endswith("妥当です（ポリシー）")


def test_top_level_help_lists_lang() -> None:
    result = run_cli("-h")
    assert "--lang [ja|en]" in result.stdout and "--version" in result.stdout


@pytest.mark.parametrize("columns", [60, 80, 120])
@pytest.mark.parametrize(("path", "command"), TREE, ids=[" ".join(path) or "auditor" for path, _ in TREE])
def test_japanese_help_fits_the_terminal(path: tuple[str, ...], command: click.Command, columns: int) -> None:
    # Rendered for a terminal of this width (click's test runner would force 80 columns).
    with using("ja"):
        context = command.context_class(command, info_name=" ".join(("auditor", *path)), terminal_width=columns)
        text = command.get_help(context)
    examples = set(getattr(command, "examples", ()))
    # Lines that cannot be broken: examples (command lines, shown as written) and option names.
    too_wide = [
        line
        for line in text.splitlines()
        if display_width(line) > columns and line.strip() not in examples and not line.lstrip().startswith("-")
    ]
    assert too_wide == []
    assert JAPANESE.search(text)
