"""Extract the N_-marked messages of forms/ and reports/ into a Qt .ts catalogue.

`pyside6-lupdate` reads the screens' self.tr() calls but neither the N_ marker
the layers below Qt use (they may not import Qt) nor a module's own `_tr` helper.
This script finds every N_("...") call with a literal argument, in the context
`forms` that `desktop.translate.label` looks up, and every `_tr("...")` of a
module whose `_tr` calls QCoreApplication.translate("context", text), and
writes them into the .ts file given; translations already in that file are
kept, messages no longer marked are dropped.

    python installer/extract_messages.py desktop/i18n/messages_es.ts forms reports desktop
"""

from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

CONTEXT = "forms"


def _helper_context(tree: ast.Module) -> str | None:
    """The context of a module's `_tr(text)` helper (`QCoreApplication.translate("ctx",
    text)`), which lupdate cannot follow; None when the module has none."""
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "_tr":
            for call in ast.walk(node):
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Attribute)
                    and call.func.attr == "translate"
                    and call.args
                    and isinstance(call.args[0], ast.Constant)
                ):
                    return str(call.args[0].value)
    return None


def _literal_calls(tree: ast.Module, name: str) -> list[str]:
    return [
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == name
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    ]


def marked_messages(folders: list[Path]) -> dict[str, list[str]]:
    """Per context, every N_("...") literal (context `forms`) and every `_tr("...")`
    of a module's own helper under the folders, once, in the order found."""
    found: dict[str, dict[str, None]] = {CONTEXT: {}}
    for folder in folders:
        for path in sorted(folder.rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for text in _literal_calls(tree, "N_"):
                found[CONTEXT].setdefault(text, None)
            helper = _helper_context(tree)
            if helper is not None:
                for text in _literal_calls(tree, "_tr"):
                    found.setdefault(helper, {}).setdefault(text, None)
    if any(folder.name == "forms" for folder in folders):
        for text in derived_code_labels():
            found[CONTEXT].setdefault(text, None)
    return {context: list(texts) for context, texts in found.items()}


def derived_code_labels() -> list[str]:
    """The labels `forms.fields.codes_of` makes from a code's own words ("opioid" reads
    Opioid): no N_ marks them, so they are read from the field definitions themselves."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from forms import definitions
    from forms.fields import Field

    labels: dict[str, None] = {}
    for value in vars(definitions).values():
        if isinstance(value, tuple) and value and all(isinstance(f, Field) for f in value):
            for field in value:
                for code in field.codes:
                    labels.setdefault(code.label, None)
    return list(labels)


def existing_translations(ts: Path) -> dict[tuple[str, str], str]:
    if not ts.exists():
        return {}
    kept = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.text and translation.get("type") is None:
                kept[name, message.findtext("source") or ""] = translation.text
    return kept


def write_catalogue(
    ts: Path,
    language: str,
    messages: dict[str, list[str]],
    known: dict[tuple[str, str], str],
) -> int:
    """Write the .ts; returns how many messages have no translation yet."""
    root = ET.Element("TS", version="2.1", language=language)
    missing = 0
    for name, texts in messages.items():
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        for text in texts:
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = text
            translation = ET.SubElement(message, "translation")
            if (name, text) in known:
                translation.text = known[name, text]
            else:
                translation.set("type", "unfinished")
                missing += 1
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", "utf-8")
    return missing


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print("usage: extract_messages.py CATALOGUE.ts FOLDER...", file=sys.stderr)
        return 2
    ts = Path(argv[0])
    language = ts.stem.rsplit("_", 1)[-1]
    messages = marked_messages([Path(f) for f in argv[1:]])
    missing = write_catalogue(ts, language, messages, existing_translations(ts))
    total = sum(len(texts) for texts in messages.values())
    print(f"{ts}: {total} messages, {missing} without a translation")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
