"""User-facing language: Japanese by default, English with ``--lang en``.

Messages are ``key -> {ja, en}`` data, one table per concern under :mod:`auditor.i18n.messages`,
so translations are reviewed side by side. Two ways to use them:

- :func:`t` renders a message in the current language (a context variable the CLI sets once per
  command, and the reporter registry sets from the report's options while a report renders).
  Errors and report text use it: they are rendered at once.
- :func:`both` renders a message in every language. Results that outlive the command's language
  (audit outcomes, waiver states) carry such bilingual texts, like rule titles, and a reporter
  :func:`pick`\\ s the variant it needs, so the engine and batch workers never depend on it.

Library code never branches on the language itself.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Literal

from auditor.i18n.messages import MESSAGES as MESSAGES

Lang = Literal["ja", "en"]
LANGS: tuple[Lang, ...] = ("ja", "en")
Bilingual = dict[str, str]
"""A text in every language: ``{"ja": ..., "en": ...}`` (rule titles, outcome messages)."""

_current: ContextVar[Lang] = ContextVar("auditor_lang", default="ja")


def set_language(lang: Lang) -> None:
    """Choose the language of every message produced from now on in this context."""
    _current.set(lang)


def language() -> Lang:
    """The language currently in force."""
    return _current.get()


@contextmanager
def using(lang: str) -> Iterator[None]:
    """Render in ``lang`` inside the ``with`` block, then restore the language in force before."""
    token = _current.set("en" if lang == "en" else "ja")
    try:
        yield
    finally:
        _current.reset(token)


def t(key: str, /, **params: object) -> str:
    """Translate message ``key`` into the current language and fill in ``params``.

    A parameter that is itself bilingual (a :data:`Bilingual` mapping) is filled in the same language.
    """
    return translate(key, _current.get(), **params)


def translate(key: str, lang: str, /, **params: object) -> str:
    """Message ``key`` in ``lang`` (a report renders in the language of its options)."""
    chosen = "en" if lang == "en" else "ja"
    return _format(MESSAGES[key][chosen], chosen, params)


def both(key: str, /, **params: object) -> Bilingual:
    """Message ``key`` rendered in every language (bilingual parameters are matched per language)."""
    entry = MESSAGES[key]
    return {lang: _format(entry[lang], lang, params) for lang in LANGS}


def joined(separator: str, texts: list[Bilingual]) -> Bilingual:
    """Bilingual texts joined, language by language."""
    return {lang: separator.join(text[lang] for text in texts) for lang in LANGS}


def pick(text: Mapping[str, str] | None, lang: str | None = None) -> str:
    """The variant of a bilingual text in ``lang`` (default: the current language), else Japanese."""
    if not text:
        return ""
    return text.get(lang or _current.get()) or text.get("ja") or next(iter(text.values()), "")


def _format(template: str, lang: str, params: Mapping[str, object]) -> str:
    filled = {name: _in(value, lang) for name, value in params.items()}
    return template.format(**filled)


def _in(value: object, lang: str) -> object:
    if isinstance(value, Mapping) and "ja" in value and "en" in value:
        return value.get(lang) or value["ja"]
    return value
