"""Issue 11: every label of the till in Bahasa Indonesia ("Back office" was the only English one), with
the English translation kept in step (resources/i18n/ntt_pos_en.ts, compiled into the package)."""

from __future__ import annotations

from typing import Any

from pos.application.till import TillBackend
from pos.db.engine import Database
from pos.services.context import Actor, Role
from pos.ui.backoffice.window import BackOfficeWindow
from pos.ui.i18n import install_translations
from pos.ui.main_window import MainWindow


def test_the_back_office_is_manajemen_toko(qtbot: Any, demo_db: Database) -> None:
    window = MainWindow(TillBackend(demo_db.unit_of_work))
    qtbot.addWidget(window)
    labels = [action.text() for action in window.admin_menu.actions_.values()]
    assert window.admin_menu.actions_["backoffice"].text() == "Manajemen toko: katalog, stok, konsinyasi..."
    assert not [text for text in labels if "back office" in text.lower()]
    backoffice = BackOfficeWindow(demo_db.unit_of_work, Actor(1, "manajer", "Agustina Nalle", Role.MANAGER))
    qtbot.addWidget(backoffice)
    assert backoffice.windowTitle() == "Manajemen toko NTT Mart - Agustina Nalle"


def test_the_english_translation_follows(qtbot: Any, qapp: Any, demo_db: Database) -> None:
    translators = install_translations(qapp, "en")
    try:
        window = MainWindow(TillBackend(demo_db.unit_of_work))
        qtbot.addWidget(window)
        actions = window.admin_menu.actions_
        assert actions["backoffice"].text() == "Store management: catalog, stock, consignment..."
        assert actions["printqueue"].text() == "Print queue..."
        assert window.manager_page.backoffice_button.text() == "Store management\nCtrl+M"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
