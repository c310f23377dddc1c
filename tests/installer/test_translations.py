"""The Spanish catalogue: every message the code marks is in it and translated, and every
translation keeps its source's placeholders (a lost {label} or %1 would show the person a
sentence with a hole, or crash the str.format that fills it)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "desktop" / "i18n"
SCREENS_TS = I18N / "recovery_desk_es.ts"
MARKED_TS = I18N / "messages_es.ts"
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z_0-9]*\}|%\d")

sys.path.insert(0, str(ROOT / "installer"))
from extract_messages import marked_messages  # noqa: E402

from forms.states import STATES  # noqa: E402


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message of a .ts file."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, (name, message.findtext("source"))
            found.append((name, message.findtext("source") or "", translation))
    return found


def test_lupdate_finds_no_screen_message_missing_from_the_catalogue(tmp_path: Path) -> None:
    fresh = tmp_path / SCREENS_TS.name
    shutil.copy(SCREENS_TS, fresh)
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run(
        [str(lupdate), "-silent", "-locations", "none", "-extensions", "py", "desktop",
         "-ts", str(fresh)],
        cwd=ROOT, check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    stale = [
        (context, source, translation.get("type"))
        for context, source, translation in _messages(fresh)
        if translation.get("type") is not None or not translation.text
    ]
    # unfinished: new in the code, untranslated; vanished: no longer in the code.
    assert stale == [], "run `make messages` and translate the new messages"


def test_every_n_marked_and_helper_message_is_translated() -> None:
    wanted = {
        (context, text)
        for context, texts in marked_messages(
            [ROOT / "forms", ROOT / "reports", ROOT / "desktop"]
        ).items()
        for text in texts
    }
    translated = {
        (context, source)
        for context, source, translation in _messages(MARKED_TS)
        if translation.get("type") is None and translation.text
    }
    assert wanted - translated == set(), "run `make messages` and translate the new messages"
    assert translated - wanted == set(), "run `make messages`: these are no longer in the code"


def test_every_state_name_is_marked_for_the_catalogue() -> None:
    """The state list shows each name in the screen's language (Nuevo México (NM)): the
    extraction must find every one of them."""
    from forms.states import STATES

    marked = set(marked_messages([ROOT / "forms"])["forms"])
    assert sorted(set(STATES.values()) - marked) == []


def test_every_translation_keeps_its_sources_placeholders() -> None:
    differing = [
        (source, translation.text)
        for ts in (SCREENS_TS, MARKED_TS)
        for _, source, translation in _messages(ts)
        if Counter(PLACEHOLDER.findall(source))
        != Counter(PLACEHOLDER.findall(translation.text or ""))
    ]
    assert differing == []


def test_the_catalogue_is_spanish_not_a_copy_of_the_english() -> None:
    """An independent check of a few entries a Spanish-speaking reader would look for."""
    spanish = {
        source: translation.text
        for ts in (SCREENS_TS, MARKED_TS)
        for _, source, translation in _messages(ts)
    }
    assert spanish["Find a client"] == "Buscar un cliente"
    assert spanish["Follow-ups due"] == "Seguimientos pendientes"
    assert spanish["Birth date"] == "Fecha de nacimiento"
    assert spanish["{label}: write a whole number between {low} and {high}"].startswith(
        "{label}: escriba"
    )
    # A state whose Spanish name is its English one (Massachusetts) is a proper name too.
    proper_names = {"%1 — Recovery Desk", *STATES.values()}
    copies = [
        s
        for s, t in spanish.items()
        if s == t and len(s) > 12 and s not in proper_names and _has_words(s)
    ]
    assert copies == []


def _has_words(source: str) -> bool:
    """False for a template of placeholders and punctuation only ("{severity}, {status}"),
    which reads the same in both languages."""
    return any(ch.isalpha() for ch in re.sub(r"\{\w+\}|%\d", "", source))
