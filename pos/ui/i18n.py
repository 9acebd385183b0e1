"""Qt's translation system: the source strings are Bahasa Indonesia; `ntt_pos_en.qm` gives English.

The files the app loads (the stylesheet, the compiled `.qm`) live inside the package, in `pos/resources`,
and are found through `importlib.resources`, so a wheel, a PyInstaller bundle and a source checkout all
find them the same way. The translation sources (`.ts`, edited with pyside6-linguist, and the script
that fills and compiles them) stay in the top-level `resources/i18n`: the app never reads them.
"""

from __future__ import annotations

import re
from importlib import resources
from importlib.resources.abc import Traversable

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

DEFAULT_LANGUAGE = "id"

_PLACE = re.compile(r"\{(\d+)\}")


def fill(text: str, *args: object) -> str:
    """A translated text with its places {0}, {1}... filled in, in one pass, like QString.arg.

    Call it on the result of `tr` (`fill(self.tr("Kurang {0}"), amount)`): pyside6-lupdate finds the
    text in the `tr` call, and the translation keeps the numbered places in its own order. Not
    `str.format`: a place the arguments do not reach stays as it is instead of raising, and an argument
    holding "{1}" is never filled again.
    """
    return _PLACE.sub(lambda m: str(args[int(m[1])]) if int(m[1]) < len(args) else m[0], text)


def resource(name: str) -> Traversable:
    """A file under pos/resources, e.g. `resource("i18n/ntt_pos_en.qm")`."""
    return resources.files("pos").joinpath("resources", *name.split("/"))


def translation_file(language: str) -> Traversable:
    return resource(f"i18n/ntt_pos_{language}.qm")


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
    qm = translation_file(language)
    if language != DEFAULT_LANGUAGE and qm.is_file():
        ours = QTranslator(app)
        # QTranslator wants a file name: as_file gives the file's own path for a package on disk
        # (wheel, bundle, checkout alike).
        with resources.as_file(qm) as path:
            loaded = ours.load(str(path))
        if loaded:
            app.installTranslator(ours)
            installed.append(ours)
    return installed


def stylesheet() -> str:
    qss = resource("style.qss")
    return qss.read_text(encoding="utf-8") if qss.is_file() else ""
