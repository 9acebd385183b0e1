"""Opening a shift with a float, and closing it with a cash count by denomination.

The close dialog shows expected cash (from the shifts service's X data), the counted total as the
cashier types counts, and the difference; closing commits the Z report data, then shows the Z report.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QDialog, QGridLayout, QHBoxLayout, QLabel, QPlainTextEdit, QSpinBox, QVBoxLayout

from pos.core.errors import DomainError
from pos.core.money import format_rupiah, parse_rupiah
from pos.services.shifts import DENOMINATIONS, ShiftSummary, ShiftView
from pos.ui.dialogs import TextDialog
from pos.ui.i18n import fill
from pos.ui.scanner import typed_only
from pos.ui.widgets import big_button


def open_shift_dialog(
    open_shift: Callable[[int], ShiftView], parent: Any, *, without_shift: bool = False
) -> TextDialog:
    """Ask for the opening float; Enter opens the shift (`value` is then the ShiftView).

    With `without_shift` (a manager: `shifts.may_work_without_shift`) "Tanpa shift" (Alt+N) accepts the
    dialog with `value` None: the back office and the Admin menu, no selling."""
    dialog = TextDialog(
        QCoreApplication.translate("OpenShiftDialog", "Buka shift"),
        QCoreApplication.translate("OpenShiftDialog", "Modal awal di laci"),
        lambda text: open_shift(parse_rupiah(text)),
        parent,
    )
    dialog.setObjectName("openShiftDialog")
    typed_only(dialog.field)
    dialog.field.setPlaceholderText(QCoreApplication.translate("OpenShiftDialog", "mis. 200000 atau 200rb"))
    dialog.ok_button.setText(QCoreApplication.translate("OpenShiftDialog", "Buka shift") + "\nEnter")
    without = QCoreApplication.translate("OpenShiftDialog", "Tanpa shift (manajemen toko)")
    skip = big_button(without, "Alt+N", dialog)
    skip.setShortcut("Alt+N")
    skip.clicked.connect(dialog.accept)  # QDialog.accept: no float checked, `value` stays None
    skip.setVisible(without_shift)
    dialog.buttons.insertWidget(0, skip)
    dialog.without_shift_button = skip  # type: ignore[attr-defined]
    return dialog


class CountSpinBox(QSpinBox):
    """A count that selects its number whenever it gets the keyboard (Tab, a click, the first field):
    typing 5 over the "0" gives 5, never 50."""

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        QTimer.singleShot(0, self, self.selectAll)  # after the click that brought the focus placed the cursor


class CloseShiftDialog(QDialog):
    """Count notes and coins; `close(counts)` closes the shift and returns the Z summary."""

    def __init__(
        self,
        summary: ShiftSummary,
        report_text: str,
        close: Callable[[dict[int, int]], ShiftSummary],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("closeShiftDialog")
        self.setWindowTitle(self.tr("Tutup shift"))
        self.summary = summary
        self._close = close
        self.closed: ShiftSummary | None = None
        self.counts: dict[int, QSpinBox] = {}
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("<b>Pecahan</b>")), 0, 0)
        grid.addWidget(QLabel(self.tr("<b>Jumlah lembar/keping</b>")), 0, 1)
        grid.addWidget(QLabel(self.tr("<b>Nilai</b>")), 0, 2)
        self.values: dict[int, QLabel] = {}
        for row, denomination in enumerate(DENOMINATIONS, start=1):
            spin = CountSpinBox(objectName=f"count{denomination}")
            spin.setRange(0, 100_000)
            spin.setMinimumHeight(34)
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            spin.valueChanged.connect(self._update)
            self.counts[denomination] = spin
            value = QLabel(format_rupiah(0))
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.values[denomination] = value
            grid.addWidget(QLabel(format_rupiah(denomination)), row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(value, row, 2)
        self.expected_label = QLabel(objectName="expectedCash")
        self.counted_label = QLabel(objectName="countedCash")
        self.difference_label = QLabel(objectName="cashDifference")
        self.error = QLabel(objectName="errorText")
        self.error.setWordWrap(True)
        self.report = QPlainTextEdit(report_text, objectName="receiptPreview")
        self.report.setReadOnly(True)
        self.report.setMinimumWidth(400)
        close_button = big_button(self.tr("Tutup shift & cetak Z"), "Ctrl+Enter", self, primary=True)
        close_button.setShortcut("Ctrl+Return")
        close_button.clicked.connect(self.try_close)
        self.close_button = close_button
        cancel = big_button(self.tr("Batal"), "Esc", self)
        cancel.clicked.connect(self.reject)
        left = QVBoxLayout()
        left.addLayout(grid)
        left.addWidget(self.expected_label)
        left.addWidget(self.counted_label)
        left.addWidget(self.difference_label)
        left.addWidget(self.error)
        left.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(cancel)
        buttons.addWidget(close_button)
        left.addLayout(buttons)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("<b>Laporan X (sebelum tutup)</b>"), objectName="reportTitle"))
        right.addWidget(self.report, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)
        self.resize(980, 700)
        self._update()
        next(iter(self.counts.values())).setFocus()  # the count starts at the biggest note

    def counted(self) -> dict[int, int]:
        return {denomination: spin.value() for denomination, spin in self.counts.items()}

    def _update(self) -> None:
        total = 0
        for denomination, spin in self.counts.items():
            value = denomination * spin.value()
            total += value
            self.values[denomination].setText(format_rupiah(value))
        expected = self.summary.expected_cash
        self.expected_label.setText(fill(self.tr("Seharusnya di laci: {0}"), format_rupiah(expected)))
        self.counted_label.setText(fill(self.tr("Dihitung: {0}"), format_rupiah(total)))
        difference = total - expected
        word = (
            self.tr("pas") if difference == 0 else (self.tr("lebih") if difference > 0 else self.tr("kurang"))
        )
        self.difference_label.setText(fill(self.tr("Selisih: {0} ({1})"), format_rupiah(difference), word))
        self.difference_label.setProperty("error", difference < 0)
        self.difference_label.style().unpolish(self.difference_label)
        self.difference_label.style().polish(self.difference_label)

    def try_close(self) -> None:
        try:
            self.closed = self._close(self.counted())
        except DomainError as error:
            self.error.setText(str(error))
            return
        self.accept()
