"""The back office's product import names the producers it will create, and then the ones it created."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pos.db.engine import Database
from pos.services.context import Actor
from pos.ui.backoffice.import_dialog import ImportPreviewDialog
from pos.ui.backoffice.window import BackOfficeWindow

HEADER = "kode;barcode;nama;kategori;produsen;satuan;harga;harga_pokok;harga_titip;pajak;titip;aktif;stok_min"


def test_preview_and_result_list_the_new_producers(
    qtbot: Any, demo_db: Database, demo_manager: Actor, tmp_path: Path
) -> None:
    window = BackOfficeWindow(demo_db.unit_of_work, demo_manager)
    qtbot.addWidget(window)
    window.show()
    path = tmp_path / "produk.csv"
    path.write_text(
        "\n".join(
            [
                HEADER,
                "T-1;;Selendang Ikat;;Tenun Ina Ndao;lbr;350000;;;;;;",
                "T-2;;Sarung;;SUP-001;lbr;1000;;;;;;",
            ]
        ),
        encoding="utf-8",
    )
    tab = window.catalog
    summaries: list[str] = []

    def confirm(preview: Any) -> bool:
        dialog = ImportPreviewDialog(preview, tab)
        summaries.append(dialog.summary.text())
        return dialog.accept_button.isEnabled()

    tab.ask_open_path = lambda *_: str(path)
    tab.confirm_import = confirm
    tab.start_import()
    qtbot.waitUntil(lambda: "Impor selesai" in tab.message.text(), timeout=20_000)
    assert "Produsen baru akan dibuat (1, titip jual): Tenun Ina Ndao." in summaries[0]
    made = re.search(
        r"Produsen baru \(lengkapi di tab Produsen\): (SUP-\d+) Tenun Ina Ndao\.", tab.message.text()
    )
    assert made is not None, tab.message.text()
    window.tabs.setCurrentWidget(window.suppliers)  # the producers tab shows it without a restart
    assert [s.name for s in window.suppliers.rows if s.code == made.group(1)] == ["Tenun Ina Ndao"]
