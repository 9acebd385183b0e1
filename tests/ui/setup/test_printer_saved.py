"""The printer dialog in the real till (pos.app.build_till): after "Simpan" the status bar shows the new
printer, never the old queue's "Antrian cetak berhenti"; the drawer kick is off without a printer."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from ui_helpers import sign_in, when_modal

from pos.app import build_till
from pos.db.engine import Database
from pos.ui.setup.printer_dialog import PrinterDialog, PrinterForm


@pytest.mark.slow
def test_after_saving_the_printer_the_status_bar_is_not_stopped(
    qtbot: Any, qapp: QApplication, demo_db: Database, tmp_path: Path
) -> None:
    till = build_till(demo_db, qapp, start_sync=False)
    window = till.window
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    try:
        sign_in(qtbot, window, "admin", "9999")
        for name in ("satu.bin", "dua.bin"):  # a queue exists from the second save on: it is replaced

            def save(dialog: PrinterDialog, target: Path = tmp_path / name) -> None:
                form = dialog.form
                form.kind.setCurrentIndex(form.kind.findData("file"))
                form.file_path.setText(str(target))
                dialog.accept_if_valid()

            handled = when_modal(PrinterDialog, save)
            window.admin_menu.actions_["printer"].trigger()
            assert handled and not isinstance(handled[-1], BaseException), handled
        end = time.monotonic() + 1.5  # the old queue's last report would arrive in this time
        while time.monotonic() < end:
            qapp.processEvents()
            time.sleep(0.02)
        assert window.printer_label.text() == "Printer siap"
        assert "berhenti" not in window.printer_label.text()
        assert till.print_queue is not None and window.submit_print is not None
    finally:
        qapp.removeEventFilter(window.scanner)
        till.stop()


def test_drawer_kick_is_off_while_no_printer_is_chosen(qtbot: Any) -> None:
    form = PrinterForm({"kind": "none", "paper": 58})
    qtbot.addWidget(form)
    assert not form.drawer.isEnabled() and not form.drawer.isChecked()
    assert form.value()["kick_drawer_after_cash"] is False
    form.kind.setCurrentIndex(form.kind.findData("network"))
    form.host.setText("192.168.1.50")
    assert form.drawer.isEnabled() and form.drawer.isChecked()  # the usual choice with a printer
    form.drawer.setChecked(False)
    form.kind.setCurrentIndex(form.kind.findData("none"))
    form.kind.setCurrentIndex(form.kind.findData("network"))
    assert not form.drawer.isChecked()  # the admin's own choice comes back
