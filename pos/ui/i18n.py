"""Qt's translation system: the source strings are Bahasa Indonesia; `ntt_pos_en.qm` gives English.

Files live in resources/i18n (.ts edited with pyside6-linguist, .qm built with pyside6-lrelease).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

DEFAULT_LANGUAGE = "id"


def resources_dir() -> Path:
    return Path(__file__).resolve().parents[2] / "resources"


def install_translations(app: QCoreApplication, language: str = DEFAULT_LANGUAGE) -> list[QTranslator]:
    """Install Qt's own strings for `language` and, for a language other than Indonesian, ours.

    The translators are parented to `app` so they live as long as it does; returned for tests.
    """
    installed: list[QTranslator] = []
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_base = QTranslator(app)
    if qt_base.load(QLocale(language), "qtbase", "_", qt_translations):
        app.installTranslator(qt_base)
        installed.append(qt_base)
    if language != DEFAULT_LANGUAGE:
        ours = QTranslator(app)
        if ours.load(str(resources_dir() / "i18n" / f"ntt_pos_{language}.qm")):
            app.installTranslator(ours)
            installed.append(ours)
    return installed


def stylesheet() -> str:
    path = resources_dir() / "style.qss"
    return path.read_text(encoding="utf-8") if path.exists() else ""
