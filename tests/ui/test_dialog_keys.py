"""Issue 11's focus-and-state list in the till's dialogs: the cash count selects its 0, Del removes a
payment line, a wrongly scanned NIP can be removed, the refund says what goes back before the PIN."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import registered_nip, scan, sign_in, when_modal

from pos.application.till import TillBackend
from pos.core.money import format_rupiah
from pos.core.payments import PaymentMethod
from pos.db.engine import Database
from pos.services.refunds import RefundableLine, RefundableSale
from pos.ui.dialogs import BuyerDialog
from pos.ui.main_window import MainWindow
from pos.ui.payment import PaymentDialog
from pos.ui.refund import RefundDialog
from pos.ui.shift_dialogs import CloseShiftDialog


def test_a_count_field_selects_its_zero_so_typing_5_gives_5(qtbot: Any, demo_db: Database) -> None:
    backend = TillBackend(demo_db.unit_of_work)
    actor = backend.sign_in("kasir1", "1111")
    shift = backend.open_shift(actor, 0)
    dialog = CloseShiftDialog(backend.shift_summary(shift.shift_id), "", lambda _c: None)  # type: ignore[arg-type,return-value]
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    first = next(iter(dialog.counts.values()))
    qtbot.waitUntil(first.hasFocus, timeout=2000)  # the count starts at the first note
    qtbot.keyClicks(first, "5")
    assert first.value() == 5
    spin = dialog.counts[50_000]
    field = spin.lineEdit()
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton, pos=QPoint(2, field.height() // 2))  # left of the 0
    qtbot.waitUntil(lambda: field.selectedText() == "0", timeout=2000)
    qtbot.keyClicks(field, "5")
    assert spin.value() == 5  # not 50
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    following = QApplication.focusWidget()
    assert following is dialog.counts[20_000]
    qtbot.waitUntil(lambda: following.lineEdit().selectedText() == "0", timeout=2000)  # Tab selects too


def test_del_in_the_payment_dialog_removes_the_chosen_payment_line(qtbot: Any) -> None:
    dialog = PaymentDialog(150_000, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    for amount in ("20000", "30000", "40000"):
        dialog.amount.setText(amount)
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert [p.amount for p in dialog.payments] == [20_000, 30_000, 40_000]
    dialog.tendered.setCurrentRow(0)  # a click on the first line
    qtbot.waitUntil(dialog.amount.hasFocus, timeout=2000)  # the list never takes the keyboard
    assert dialog.amount.text() == ""
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Delete)
    assert [p.amount for p in dialog.payments] == [30_000, 40_000]
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Delete)  # nothing chosen: the last line goes
    assert [p.amount for p in dialog.payments] == [30_000]
    dialog.amount.setText("12")
    dialog.amount.setCursorPosition(0)
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Delete)  # while typing, Del edits the amount
    assert dialog.amount.text() == "2" and len(dialog.payments) == 1
    assert dialog.remaining == 120_000 and dialog.method is PaymentMethod.CASH


def test_a_wrongly_scanned_nip_is_removed_with_hapus_nip(
    qtbot: Any, window: MainWindow, demo_db: Database
) -> None:
    sign_in(qtbot, window)
    nip, _name = registered_nip(demo_db)
    scan(qtbot, window.checkout.scan_field, nip)
    assert window.checkout.buyer is not None
    seen: dict[str, Any] = {}

    def remove(dialog: BuyerDialog) -> None:
        seen["button"] = dialog.clear_button.isVisible() and "Hapus NIP" in dialog.clear_button.text()
        qtbot.keyClick(dialog.field, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)

    handled = when_modal(BuyerDialog, remove)
    qtbot.keyClick(window.checkout.scan_field, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: bool(handled), timeout=5000)
    assert seen["button"]
    assert window.checkout.buyer is None
    assert "Bukan ASN" in window.checkout.buyer_label.text()
    assert "dihapus" in window.checkout.message.text()


def refundable() -> RefundableSale:
    def line(line_id: int, name: str, qty: int, paid: int, refunded: int = 0) -> RefundableLine:
        return RefundableLine(
            line_id, line_id, line_id, f"P{line_id}", name, paid // qty, qty, refunded, paid, 0
        )

    return RefundableSale(
        1, "u", "K1-20261203-0001", date(2026, 12, 3), datetime(2026, 12, 3, tzinfo=UTC), "Yuliana", None,
        100_000, 0, (line(1, "Kopi Arabika Bajawa", 3, 100_000), line(2, "Tenun", 1, 50_000)),
    )  # fmt: skip


def test_the_refund_shows_the_money_to_give_back_before_the_pin(qtbot: Any) -> None:
    sale = refundable()
    asked: list[Any] = []
    dialog = RefundDialog(lambda _text: sale, lambda *args: asked.append(args), sale.receipt_no)
    qtbot.addWidget(dialog)
    assert "Rp0" in dialog.amount_label.text()
    dialog.table.cellWidget(0, 3).setValue(1)  # one of three: a third of Rp100.000, floored
    assert dialog.refund_amount() == sale.lines[0].amount_for(1) == 33_333
    assert format_rupiah(33_333) in dialog.amount_label.text()
    dialog.choose_all()
    assert dialog.refund_amount() == 150_000
    assert "Kembalikan" in dialog.amount_label.text() and format_rupiah(150_000) in dialog.amount_label.text()
