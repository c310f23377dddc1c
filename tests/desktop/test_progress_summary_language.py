"""The client progress summary in the language the client reads: every heading, sentence,
date and the 42 CFR 2.32 notice in Spanish, through the catalogue the desktop compiles
(desktop/report_words.py); the English copy as it always was."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pypdf import PdfReader

from db.engine import Database
from desktop.report_words import report_catalogues
from forms.consents import Recipient, record_consent
from reports.outputs.progress_summary import write_progress_summary
from reports.tables.language import report_language
from tests.accounts import signed_in
from tests.desktop.test_report_language import catalogue  # noqa: F401  (the fixture)
from tests.reports.outputs.test_progress_summary import TODAY, _client

DOCTOR = Recipient("named_recipient", "Dr Ana Ruiz")
SPANISH = (
    "Resumen de progreso",
    "Rosa Martín (RD-7)",
    "27 de noviembre de 2026",
    "La recuperación es posible, y cada paso cuenta.",
    "Objetivo: Reducción",
    "Situación actual",
    "En remisión temprana del consumo de opioides desde el 10 de enero de 2026: ningún criterio"
    " salvo el deseo intenso durante 6 meses",
    "Progreso desde la admisión del 10 de enero de 2026",
    "Valoraciones propias, de 0 (mala) a 20 (muy buena)",
    "Calidad de vida: sube de 8 en la admisión a 13",
    "Todavía no se ha registrado el BARC-10: se puede preguntar en el próximo seguimiento",
    "Logros alcanzados",
    "Remisión temprana del consumo de opioides, el 10 de abril de 2026",
    "Qué viene después",
    "Remisión sostenida del consumo de opioides el 10 de enero de 2027",
)
# What an English reader sees on the English copy; none of it may stay on the Spanish one.
ENGLISH = (
    "Progress summary",
    "Recovery is possible",
    "Goal:",
    "Reduction",
    "Where things stand",
    "In early remission",
    "opioids",
    "no criteria but craving",
    "Progress since the intake",
    "Own ratings",
    "Quality of life",
    "Psychological health",
    "No BARC-10 recorded",
    "Milestones reached",
    "What comes next",
    "Sustained remission",
    "A date ahead",
    "2026-01-10",
    "2026-11-27",
    "November",
)


def _text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def _write(database: Database, catalogue: Path, target: Path, code: str, **kw: object) -> str:  # noqa: F811
    language = report_language(code, report_catalogues(catalogue))
    actor = kw.pop("actor", None) or signed_in(database, "front_desk")
    write_progress_summary(database, actor, "RD-7", target, TODAY, language=language, **kw)  # type: ignore[arg-type]
    return _text(target)


def test_the_spanish_summary_says_every_word_in_spanish(
    database: Database,
    catalogue: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    _client(database)
    spanish = _write(database, catalogue, tmp_path / "es.pdf", "es")
    missing = [phrase for phrase in SPANISH if phrase not in spanish]
    assert missing == []
    left = [word for word in ENGLISH if word in spanish]
    assert left == []
    english = _write(database, catalogue, tmp_path / "en.pdf", "en")
    assert [word for word in ENGLISH if word not in english] == ["November"]
    assert "Resumen" not in english and "Situación" not in english


def test_a_disclosed_spanish_copy_carries_the_notice_in_spanish_with_its_citations(
    database: Database,
    catalogue: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    cid = _client(database)
    admin = signed_in(database, "admin")
    consent = {"scope": "named_recipient", "recipient": "Dr Ana Ruiz", "signed_on": "2026-10-01"}
    record_consent(database, admin, cid, consent, TODAY)
    manager = signed_in(database, "manager")
    spanish = _write(
        database, catalogue, tmp_path / "es.pdf", "es", actor=manager, recipient=DOCTOR
    )
    assert (
        "Divulgado a Dr Ana Ruiz el 27 de noviembre de 2026 con el consentimiento por escrito"
        " de la persona." in spanish
    )
    assert "está protegido por las normas federales de confidencialidad (42 CFR part 2)" in spanish
    assert "(véase 42 CFR 2.31)" in spanish
    assert "protected by Federal confidentiality rules" not in spanish
    assert "Disclosed to" not in spanish
    assert dt.date(2026, 11, 27).isoformat() not in spanish
