"""The checkout's side panel: the total in large type, the ASN buyer and their progress toward the
minimum, the last sale's change and receipt, and the BAYAR button. It shows; the screen decides."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QFrame, QLabel, QPlainTextEdit, QProgressBar, QVBoxLayout

from pos.application.till import BuyerInfo
from pos.core.money import format_rupiah
from pos.core.pricing import Totals
from pos.services.checkout import CompletedSale
from pos.ui.i18n import fill
from pos.ui.widgets import big_button


class CheckoutPanel(QFrame):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidePanel")
        self.total_label = QLabel(format_rupiah(0), objectName="bigTotal")
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.count_label = QLabel(objectName="itemCount")
        self.detail_label = QLabel(objectName="totalDetail")
        self.buyer_label = QLabel(objectName="buyerText")
        self.buyer_label.setWordWrap(True)
        self.buyer_progress = QProgressBar(objectName="buyerProgress")
        self.buyer_progress.setTextVisible(True)
        self.buyer_progress.hide()
        self.last_sale_label = QLabel(objectName="lastSale")
        self.last_sale_label.setWordWrap(True)
        self.receipt_preview = QPlainTextEdit(objectName="receiptPreview")
        self.receipt_preview.setReadOnly(True)
        self.receipt_preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.receipt_preview.setPlaceholderText(self.tr("Pratinjau struk terakhir"))
        self.change_label = QLabel(objectName="bigChange")
        self.pay_button = big_button(self.tr("BAYAR"), "F8", self, primary=True)
        self.pay_button.setObjectName("payButton")
        self.pay_button.setMinimumHeight(84)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("TOTAL"), objectName="caption"))
        layout.addWidget(self.total_label)
        layout.addWidget(self.count_label)
        layout.addWidget(self.detail_label)
        layout.addSpacing(8)
        layout.addWidget(QLabel(self.tr("PEMBELI"), objectName="caption"))
        layout.addWidget(self.buyer_label)
        layout.addWidget(self.buyer_progress)
        layout.addWidget(self.change_label)
        layout.addWidget(self.last_sale_label)
        layout.addWidget(self.receipt_preview, 1)
        layout.addWidget(self.pay_button)
        self.setMinimumWidth(290)  # 1024x768 leaves the cart about 680 px beside it
        self.setMaximumWidth(420)

    def show_totals(self, totals: Totals) -> None:
        self.total_label.setText(format_rupiah(totals.total))
        fit_font(self.total_label, 48, 24)
        count = fill(self.tr("{0} barang · {1} baris"), totals.item_count, len(totals.lines))
        self.count_label.setText(count)
        parts = [fill(self.tr("Subtotal {0}"), format_rupiah(totals.subtotal))]
        if totals.discount:
            parts.append(fill(self.tr("Diskon {0}"), format_rupiah(-totals.discount)))
        if totals.tax:
            parts.append(fill(self.tr("PPN {0}"), format_rupiah(totals.tax)))
        self.detail_label.setText(" · ".join(parts))
        self.pay_button.setEnabled(bool(totals.lines))

    def show_buyer(self, buyer: BuyerInfo | None, this_sale: int) -> None:
        """The ASN buyer with what they spent this period, this sale included (`this_sale`)."""
        if buyer is None:
            self.buyer_label.setText(self.tr("Bukan ASN / belum dipindai (F4)"))
            self.buyer_progress.hide()
            return
        who = (
            f"<b>{buyer.name}</b><br>{buyer.agency or ''}"
            if buyer.name
            else self.tr("<b>NIP sah, belum terdaftar</b>")
        )
        total = buyer.before + this_sale
        state = (
            self.tr("Minimal tercapai")
            if total >= buyer.minimum
            else fill(self.tr("Kurang {0}"), format_rupiah(buyer.minimum - total))
        )
        self.buyer_label.setText(
            f"{buyer.masked}<br>{who}<br>{buyer.period_label}: {format_rupiah(total)} / "
            f"{format_rupiah(buyer.minimum)} · {state}"
        )
        self.buyer_progress.setRange(0, buyer.minimum)
        self.buyer_progress.setValue(min(total, buyer.minimum))
        self.buyer_progress.setFormat(f"{min(100, total * 100 // max(1, buyer.minimum))}%")
        self.buyer_progress.show()

    def show_completed(self, sale: CompletedSale) -> None:
        """The last sale stays here (change in large type) while the next one starts."""
        self.change_label.setText(fill(self.tr("Kembalian {0}"), format_rupiah(sale.change)))
        self.last_sale_label.setText(
            fill(
                self.tr("Transaksi terakhir {0}: total {1}, dibayar {2}, kembalian {3}"),
                sale.receipt_no,
                format_rupiah(sale.total),
                format_rupiah(sale.paid),
                format_rupiah(sale.change),
            )
        )


def fit_font(label: QLabel, largest_px: int, smallest_px: int) -> None:
    """Shrink a big-number label until its text fits (Rp12.500.000 for a stack of tenun ikat)."""
    width = label.contentsRect().width()
    if width <= 0:
        return
    font = label.font()
    size = largest_px
    while size > smallest_px:
        font.setPixelSize(size)
        if QFontMetrics(font).horizontalAdvance(label.text()) <= width:
            break
        size -= 2
    if label.property("fittedPx") != size:  # a style sheet change re-polishes: only when it changes
        label.setProperty("fittedPx", size)
        label.setStyleSheet(f"font-size: {size}px;")
