"""Jinja2's bytecode cache of the report templates: same reports with it, without it, and when it is unusable."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.helpers import AUDIT_DATE, EXAMPLES, run_installed

POLICY = EXAMPLES / "alpha-town.yaml"


def html_report(target: Path, env: dict[str, str]) -> bytes:
    result = run_installed(
        "audit", POLICY, "--format", "html", "-o", target, "--date", AUDIT_DATE, "--fail-on", "none", env=env
    )
    assert result.code == 0, result.stderr
    return target.read_bytes()


def entries(cache: Path) -> dict[str, tuple[int, int]]:
    """Each cached template file's name with its inode and modification time (changed by every rewrite)."""
    folder = cache / "templates"
    return {path.name: (path.stat().st_ino, path.stat().st_mtime_ns) for path in sorted(folder.glob("*.cache"))}


@pytest.fixture(scope="module")
def uncached(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The HTML report rendered with caching off."""
    folder = tmp_path_factory.mktemp("uncached")
    report = html_report(folder / "r.html", {"AUDITOR_NO_CACHE": "1", "AUDITOR_CACHE_DIR": str(folder / "cache")})
    assert not (folder / "cache").exists()  # off means nothing is written either
    return report


def test_the_cache_is_filled_then_used_and_changes_nothing(tmp_path: Path, uncached: bytes) -> None:
    cache = tmp_path / "cache"
    env = {"AUDITOR_CACHE_DIR": str(cache)}
    assert html_report(tmp_path / "first.html", env) == uncached
    filled = entries(cache)
    assert len(filled) == 2  # audit.html.j2 and the base.html.j2 it extends
    assert stat.S_IMODE((cache / "templates").stat().st_mode) == 0o700
    assert html_report(tmp_path / "second.html", env) == uncached
    assert entries(cache) == filled  # read, not compiled and written again


def test_an_edited_template_is_compiled_afresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import jinja2

    from auditor.reporters.page import ENVIRONMENT_OPTIONS
    from auditor.reporters.template_cache import bytecode_cache

    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("AUDITOR_NO_CACHE", raising=False)
    templates = tmp_path / "templates"
    templates.mkdir()
    source = templates / "page.html.j2"

    def render() -> str:  # a fresh environment, as in a new run
        environment = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates)),
            bytecode_cache=bytecode_cache(ENVIRONMENT_OPTIONS),
            **ENVIRONMENT_OPTIONS,
        )
        return environment.get_template(source.name).render(name="<x>")

    source.write_text("first {{ name }}\n", encoding="utf-8")
    assert render() == "first &lt;x&gt;\n"
    cached = entries(tmp_path / "cache")
    assert len(cached) == 1
    assert render() == "first &lt;x&gt;\n"
    assert entries(tmp_path / "cache") == cached
    source.write_text("second {{ name }}\n", encoding="utf-8")
    assert render() == "second &lt;x&gt;\n"
    assert entries(tmp_path / "cache") != cached


def test_another_jinja2_does_not_reuse_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import jinja2

    from auditor.reporters.page import ENVIRONMENT_OPTIONS, TEMPLATES_DIR
    from auditor.reporters.template_cache import bytecode_cache

    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("AUDITOR_NO_CACHE", raising=False)

    def load() -> None:
        jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
            bytecode_cache=bytecode_cache(ENVIRONMENT_OPTIONS),
            **ENVIRONMENT_OPTIONS,
        ).get_template("base.html.j2")

    load()
    before = entries(tmp_path / "cache")
    monkeypatch.setattr(jinja2, "__version__", "99.0.0")
    load()
    after = entries(tmp_path / "cache")
    assert len(before) == 1 and len(after) == 2 and set(before) < set(after)


def _not_a_directory(cache: Path) -> None:
    cache.write_text("a file where the cache directory should be\n", encoding="utf-8")


def _writable_by_others(cache: Path) -> None:
    (cache / "templates").mkdir(parents=True)
    (cache / "templates").chmod(0o777)


def _garbage_entries(cache: Path) -> None:
    for entry in (cache / "templates").glob("*.cache"):
        entry.write_bytes(entry.read_bytes()[:40])  # Jinja2's header, then a truncated checksum


def _fifo_entries(cache: Path) -> None:
    for entry in (cache / "templates").glob("*.cache"):
        entry.unlink()
        os.mkfifo(entry)


@pytest.mark.parametrize(
    ("spoil", "filled_first", "used_after"),
    [
        (_not_a_directory, False, False),
        (_writable_by_others, False, False),
        (_garbage_entries, True, True),
        (_fifo_entries, True, True),
    ],
    ids=["not-a-directory", "writable-by-others", "garbage-entries", "fifo-entries"],
)
def test_an_unusable_cache_changes_nothing_and_never_hangs(
    spoil: object, filled_first: bool, used_after: bool, tmp_path: Path, uncached: bytes
) -> None:
    """Wherever the cache cannot be trusted, read or written, templates are compiled from source."""
    assert callable(spoil)
    cache = tmp_path / "cache"
    env = {"AUDITOR_CACHE_DIR": str(cache)}
    if filled_first:
        html_report(tmp_path / "fill.html", env)
    spoil(cache)
    assert html_report(tmp_path / "r.html", env) == uncached  # run_installed's timeout catches a hang
    if used_after:  # the spoilt entries were replaced by good ones
        assert len(entries(cache)) == 2
        assert all(stat.S_ISREG((cache / "templates" / name).stat().st_mode) for name in entries(cache))
    elif cache.is_dir():
        assert entries(cache) == {}
