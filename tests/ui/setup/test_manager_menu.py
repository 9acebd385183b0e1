"""The manager's items of the Admin menu: the back office window and opening the drawer without a sale."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox
from ui_helpers import query, sign_in, when_modal

from pos.app import build_till
from pos.db.engine import Database
from pos.services import settings, users
from pos.ui.backoffice.window import BackOfficeWindow
from pos.ui.main_window import MainWindow


def test_manager_opens_the_back_office_and_a_cashier_cannot(qtbot: Any, window: MainWindow) -> None:
    sign_in(qtbot, window, "manajer", "5555")
    window.admin_menu.actions_["backoffice"].trigger()
    backoffice = window.admin_menu.backoffice
    qtbot.addWidget(backoffice)
    assert isinstance(backoffice, BackOfficeWindow) and backoffice.isVisible()
    assert window.admin_menu.actions_["backoffice"].shortcut().toString() == "Ctrl+M"


def test_cashier_is_refused_the_back_office(qtbot: Any, window: MainWindow) -> None:
    sign_in(qtbot, window)
    box = when_modal(QMessageBox, lambda b: (setattr(b, "seen", b.text()), b.accept()))
    window.admin_menu.actions_["backoffice"].trigger()
    assert box and "manajer" in box[0].seen
    assert getattr(window.admin_menu, "backoffice", None) is None


def test_drawer_opens_without_a_sale_only_for_a_manager_and_is_audited(
    qtbot: Any, qapp: Any, demo_db: Database, tmp_path: Path
) -> None:
    printed = tmp_path / "printer.bin"
    with demo_db.unit_of_work() as uow:
        admin = users.authenticate(uow, "admin", "9999")
        settings.put(uow, admin, "printer", {"kind": "file", "file_path": str(printed), "paper": 58})
        uow.commit()
    till = build_till(demo_db, qapp, start_sync=False)
    window = till.window
    qtbot.addWidget(window)
    try:
        window.show()
        sign_in(qtbot, window, "manajer", "5555")
        window.admin_menu.actions_["drawer"].trigger()
        qtbot.waitUntil(lambda: printed.exists() and b"\x1bp" in printed.read_bytes(), timeout=15_000)
        assert query(demo_db, "SELECT COUNT(*) FROM audit_log WHERE action = 'drawer.open'") == [(1,)]
    finally:
        qapp.removeEventFilter(window.scanner)
        assert till.print_queue is not None
        till.print_queue.stop(timeout=5)
        window.runner.wait(5000)
