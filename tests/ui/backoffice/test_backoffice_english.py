"""The back office in English (issue 16, "Translations kept whole"): its tabs, buttons, column headers
and messages come from resources/i18n/ntt_pos_en.ts, and the translator goes again so the other tests
keep seeing Bahasa Indonesia."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication

from pos.db.engine import Database
from pos.services.context import Actor
from pos.ui.backoffice.window import BackOfficeWindow
from pos.ui.i18n import install_translations


def header_labels(table: Any) -> list[str]:
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


def test_the_back_office_speaks_english(
    qtbot: Any, qapp: QApplication, demo_db: Database, demo_manager: Actor
) -> None:
    translators = install_translations(qapp, "en")
    try:
        window = BackOfficeWindow(demo_db.unit_of_work, demo_manager)
        qtbot.addWidget(window)
        tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        assert tabs == ["Products", "Producers", "Stock", "Stocktake", "Consignment", "Reports"]
        assert window.windowTitle() == f"NTT Mart store management - {demo_manager.full_name}"
        assert window.catalog.save_button.text() == "Save product"
        assert window.catalog.search.placeholderText() == "Search name, code or barcode..."
        assert header_labels(window.catalog.table)[:4] == ["Code", "Barcode", "Name", "Producer"]
        assert window.stocktake.start_button.text() == "Start stocktake"
        assert window.consignment.settle_button.text() == "Calculate"
        assert window.reports.show_button.text() == "Show"
        window.catalog.labels_pdf()  # nothing chosen: the refusal is English too
        assert window.catalog.message.text() == "Choose a product first."
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
    again = BackOfficeWindow(demo_db.unit_of_work, demo_manager)
    qtbot.addWidget(again)
    assert again.tabs.tabText(0) == "Produk"
    assert again.catalog.save_button.text() == "Simpan produk"
