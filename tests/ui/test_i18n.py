"""UI text goes through Qt's translation system: Bahasa Indonesia by default, English from the .qm."""

from __future__ import annotations

from typing import Any

from pos.application.till import TillBackend
from pos.db.engine import Database
from pos.ui.checkout_functions import Function
from pos.ui.i18n import install_translations, stylesheet, translation_file
from pos.ui.main_window import MainWindow


def test_english_translation_loads_and_money_stays_rupiah(qtbot: Any, qapp: Any, demo_db: Database) -> None:
    assert translation_file("en").is_file()
    translators = install_translations(qapp, "en")
    try:
        assert translators, "ntt_pos_en.qm did not load"
        window = MainWindow(TillBackend(demo_db.unit_of_work))
        qtbot.addWidget(window)
        assert window.signin.button.text() == "Sign in\nEnter"
        assert window.checkout.buttons[Function.SEARCH].text() == "Find item\nF2"
        assert window.checkout.pay_button.text() == "PAY\nF8"
        assert window.checkout.total_label.text() == "Rp0"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_indonesian_is_the_source_language(qtbot: Any, demo_db: Database) -> None:
    window = MainWindow(TillBackend(demo_db.unit_of_work))
    qtbot.addWidget(window)
    assert window.signin.button.text() == "Masuk\nEnter"
    assert window.checkout.buttons[Function.REFUND].text() == "Retur\nF9"


def test_resources_are_read_from_the_package() -> None:
    """The stylesheet and the .qm ship inside `pos` (importlib.resources), not beside the checkout."""
    assert "QMainWindow" in stylesheet()
    assert "pos/resources/i18n" in str(translation_file("en")).replace("\\", "/")
