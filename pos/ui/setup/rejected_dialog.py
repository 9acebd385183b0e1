"""Sync events the province rejected, for a manager: kind, receipt number, reason, when; "Kirim ulang"
puts the chosen ones back in the outbox once the cause was fixed. Nothing is ever dropped silently."""

from __future__ import annotations

import json
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos.application.admin import AdminBackend
from pos.core.errors import DomainError
from pos.core.timeutil import local_time
from pos.services.context import Actor
from pos.services.outbox import RejectedEvent
from pos.ui.i18n import fill

KIND_LABELS = {
    "sale": QT_TRANSLATE_NOOP("RejectedEventsDialog", "Penjualan"),
    "refund": QT_TRANSLATE_NOOP("RejectedEventsDialog", "Refund"),
    "shift_close": QT_TRANSLATE_NOOP("RejectedEventsDialog", "Tutup shift"),
    "stock_movement": QT_TRANSLATE_NOOP("RejectedEventsDialog", "Stok"),
    "supplier": QT_TRANSLATE_NOOP("RejectedEventsDialog", "Pemasok"),
    "payout": QT_TRANSLATE_NOOP("RejectedEventsDialog", "Pembayaran pemasok"),
}


def receipt_of(event: RejectedEvent) -> str:
    try:
        payload = json.loads(event.payload).get("payload", {})
    except ValueError:
        return "-"
    return str(payload.get("receipt_no") or payload.get("refund_no") or "-")


class RejectedEventsDialog(QDialog):
    def __init__(self, backend: AdminBackend, actor: Actor, timezone: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("rejectedEventsDialog")
        self.setWindowTitle(self.tr("Event ditolak server provinsi"))
        self.backend, self.actor, self.timezone = backend, actor, timezone
        self.table = QTableWidget(0, 4, objectName="rejectedTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Jenis"), self.tr("No. struk"), self.tr("Alasan"), self.tr("Waktu")]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.message = QLabel(objectName="rejectedMessage", wordWrap=True)
        self.requeue_button = QPushButton(self.tr("Kirim ulang yang dipilih"), objectName="requeueButton")
        self.requeue_button.clicked.connect(self.requeue)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Perbaiki penyebabnya bersama admin provinsi, lalu kirim ulang."), wordWrap=True)
        )
        self.notice = QLabel(objectName="requeueNotice", wordWrap=True)
        notice = backend.requeue_notice()
        if notice:
            when = local_time(datetime.fromisoformat(str(notice["at"])), timezone).strftime("%d/%m/%Y %H:%M")
            self.notice.setText(
                fill(
                    self.tr("{0}: {1}, maka {2} event yang sudah terkirim dikirim ulang."),
                    when,
                    notice["reason"],
                    notice["events"],
                )
            )
        self.notice.setVisible(bool(notice))
        layout.addWidget(self.notice)
        layout.addWidget(self.table)
        layout.addWidget(self.requeue_button)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.setMinimumSize(760, 420)
        self.events: list[RejectedEvent] = []
        self.reload()

    def reload(self) -> None:
        try:
            self.events = self.backend.rejected_events(self.actor)
        except DomainError as error:
            self.message.setText(str(error))
            self.requeue_button.setEnabled(False)
            return
        self.table.setRowCount(len(self.events))
        for row, event in enumerate(self.events):
            when = local_time(event.created_at, self.timezone).strftime("%d/%m/%Y %H:%M")
            kind = self.tr(str(KIND_LABELS[event.kind])) if event.kind in KIND_LABELS else event.kind
            cells = (kind, receipt_of(event), event.reason, when)
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if not self.events:
            self.message.setText(self.tr("Tidak ada event yang ditolak."))

    def requeue(self) -> None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if not rows:
            self.message.setText(self.tr("Pilih event yang akan dikirim ulang."))
            return
        try:
            count = self.backend.requeue(self.actor, [self.events[row].id for row in rows])
        except DomainError as error:
            self.message.setText(str(error))
            return
        self.reload()
        self.message.setText(fill(self.tr("{0} event masuk antrean kirim lagi."), str(count)))
