"""Antrian cetak: the jobs the printer has not taken, each with "Cetak ulang" and "Buang".

Opened from the Admin menu or by clicking the printer in the status bar, by any signed-in user (the
cashier whose customer waits for the receipt). "Buang" asks first and is audited with who did it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos.core.errors import DomainError
from pos.ui.i18n import fill
from pos.ui.widgets import confirm, show_error

Discard = Callable[[Any], None]  # audits a discarded pos.printing.queue.PrintJob


class PrintQueueDialog(QDialog):
    def __init__(self, queue: Any, on_discard: Discard, status_signal: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("printQueueDialog")
        self.setWindowTitle(self.tr("Antrian cetak"))
        self.queue, self.on_discard = queue, on_discard
        intro = QLabel(
            self.tr(
                "Dokumen yang belum keluar dari printer. Jika printer bermasalah (offline, kertas habis), "
                "semua menunggu berurutan dan dicoba lagi otomatis. Dokumen yang gagal karena isinya "
                "disisihkan; dokumen berikutnya tetap dicetak."
            ),
            wordWrap=True,
        )
        self.table = QTableWidget(0, 4, objectName="printQueueTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Dokumen"), self.tr("Keadaan"), self.tr("Percobaan"), ""]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        close = QPushButton(self.tr("Tutup"), objectName="closePrintQueue")
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(close)
        self.resize(680, 360)
        if status_signal is not None:
            status_signal.connect(lambda _status: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        jobs = self.queue.pending() if self.queue is not None else []
        self.table.setRowCount(len(jobs))
        for row, job in enumerate(jobs):
            state = self.tr("gagal, disisihkan") if job.held else self.tr("menunggu")
            if job.last_error:
                state += f": {job.last_error}"
            self.table.setItem(row, 0, QTableWidgetItem(job.title or f"#{job.id}"))
            self.table.setItem(row, 1, QTableWidgetItem(state))
            self.table.setItem(row, 2, QTableWidgetItem(str(job.attempts)))
            cell = QWidget()
            buttons = QHBoxLayout(cell)
            buttons.setContentsMargins(0, 0, 0, 0)
            again = QPushButton(self.tr("Cetak ulang"), objectName=f"reprintJob{job.id}")
            drop = QPushButton(self.tr("Buang"), objectName=f"discardJob{job.id}")
            again.clicked.connect(lambda _c=False, j=job: self.reprint(j))
            drop.clicked.connect(lambda _c=False, j=job: self.discard(j))
            buttons.addWidget(again)
            buttons.addWidget(drop)
            self.table.setCellWidget(row, 3, cell)

    def reprint(self, job: Any) -> None:
        self.queue.reprint(job.id)
        self.refresh()

    def discard(self, job: Any) -> None:
        title = job.title or f"#{job.id}"
        if not confirm(
            self, self.tr("Buang"), fill(self.tr("Buang {0}? Dokumen ini tidak akan dicetak."), title)
        ):
            return
        if self.queue.discard(job.id):
            try:
                self.on_discard(job)
            except DomainError as error:
                show_error(self, self.tr("Antrian cetak"), str(error))
        self.refresh()
