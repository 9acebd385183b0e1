"""The ASN programme panel in Indonesian formats (Rp100.000, 2 Desember 2026); read-only when the
province sets it, and looking it; the kabupaten is a choice list."""

from __future__ import annotations

import sqlite3
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QAbstractSpinBox

from pos.application.admin import AdminBackend
from pos.db.engine import Database
from pos.services import users
from pos.ui.setup.settings_dialog import SettingsDialog


def open_settings(qtbot: Any, db: Database) -> SettingsDialog:
    with db.unit_of_work() as uow:
        admin = users.authenticate(uow, "admin", "9999")
    dialog = SettingsDialog(AdminBackend(db.unit_of_work), admin)
    qtbot.addWidget(dialog)
    return dialog


def test_asn_panel_speaks_indonesian_and_takes_rupiah_as_typed(qtbot: Any, demo_db: Database) -> None:
    dialog = open_settings(qtbot, demo_db)
    assert dialog.asn_minimum.text() == "Rp100.000"  # not "Rp100,000"
    dialog.campaign_end.setDate(QDate(2026, 12, 2))
    assert dialog.campaign_end.text() == "2 Desember 2026"  # not "2 12 2026"
    dialog.asn_minimum.lineEdit().setText("150rb")  # typed as at the till
    dialog.asn_minimum.interpretText()
    assert dialog.asn_minimum.value() == 150_000 and dialog.asn_minimum.text() == "Rp150.000"
    assert not dialog.asn_minimum.isReadOnly()
    assert dialog.kabupaten.currentText() == "Kota Kupang (53.71)" and dialog.kabupaten.count() == 22


def test_province_controlled_fields_are_read_only_and_look_it(qtbot: Any, demo_db: Database) -> None:
    con = sqlite3.connect(demo_db.path)
    con.execute("INSERT INTO settings (key, value) VALUES ('sync.server', '\"https://pos.nttprov.go.id\"')")
    con.commit()
    con.close()
    dialog = open_settings(qtbot, demo_db)
    assert "server provinsi" in dialog.asn_note.text()
    for field in (dialog.asn_minimum, dialog.campaign_start, dialog.campaign_end):
        assert field.isReadOnly() and field.property("readOnly") is True
        assert field.buttonSymbols() == QAbstractSpinBox.ButtonSymbols.NoButtons
    assert dialog.campaign_name.isReadOnly() and not dialog.asn_period.isEnabled()
    assert dialog.asn_minimum.text() == "Rp100.000"
    assert dialog.ppn_rate.isReadOnly()  # the law's rate, shown, not chosen
