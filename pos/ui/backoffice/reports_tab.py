"""Laporan: a period, a report, its table and the charts; exports to XLSX and PDF, the day's summary paper.

The figures are worked out in a background job (`BackgroundJob`): it first brings the report summaries
up to date (on a till just upgraded that is a year of sales, seconds: the progress bar shows it), then
reads the report and imports the chart library, so the GUI thread only fills a table and paints.
Anything still running after half a second shows the progress bar.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pos.application.reports import CHARTED, REPORTS, ReportsBackend, ReportView, cell_text
from pos.core.report_period import PRESETS, Period, preset
from pos.ui.backoffice.common import BackgroundJob, MessageLine, ask_save_path, fill_table, make_table
from pos.ui.i18n import fill

CUSTOM = "custom"
CHART_TABS = {
    "day": QT_TRANSLATE_NOOP("ReportsTab", "Harian"),
    "hour": QT_TRANSLATE_NOOP("ReportsTab", "Per jam"),
    "product": QT_TRANSLATE_NOOP("ReportsTab", "Produk"),
    "producer": QT_TRANSLATE_NOOP("ReportsTab", "Produsen"),
    "payment": QT_TRANSLATE_NOOP("ReportsTab", "Cara bayar"),
}
PROGRESS_AFTER_MS = 500


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


class ReportsTab(QWidget):
    def __init__(self, backend: ReportsBackend, print_document: Callable[..., Any] | None) -> None:
        super().__init__()
        self.backend = backend
        self.print_document = print_document
        self.ask_save_path = ask_save_path
        self.view: ReportView | None = None
        self.job: BackgroundJob | None = None
        self.charts: dict[str, Any] = {}
        self.message = MessageLine()
        today = backend.today()  # the outlet's date (WITA), not the machine's
        self.preset = QComboBox()
        for key, label in PRESETS.items():
            self.preset.addItem(label, key)
        self.preset.addItem(self.tr("Pilih tanggal"), CUSTOM)
        self.preset.setCurrentIndex(self.preset.findData("month"))
        self.start, self.end = QDateEdit(_qdate(today.replace(day=1))), QDateEdit(_qdate(today))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
            edit.setEnabled(False)
        self.preset.currentIndexChanged.connect(self._preset_changed)
        self.which = QComboBox()
        for key, label in REPORTS.items():
            self.which.addItem(label, key)
        self.show_button = QPushButton(self.tr("Tampilkan"))
        self.show_button.clicked.connect(self.refresh)
        # no word wrap here: a wrapping label makes the tab's scroll area size the page by its preferred
        # height (height-for-width), which pushed the charts and buttons below a 768-pixel screen
        self.notes = QLabel()
        self.message.setWordWrap(False)
        self.table = make_table()
        self.table.setObjectName("report_table")
        self.table.setMinimumHeight(90)
        self.chart_tabs = QTabWidget()
        self.chart_tabs.setMinimumHeight(160)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.timeout.connect(lambda: self.progress.setVisible(self.job is not None))
        self.xlsx_button = QPushButton(self.tr("Ekspor XLSX"))
        self.xlsx_button.clicked.connect(self.export_xlsx)
        self.pdf_button = QPushButton(self.tr("Ekspor PDF"))
        self.pdf_button.clicked.connect(self.export_pdf)
        self.print_button = QPushButton(self.tr("Cetak ringkasan harian"))
        self.print_button.clicked.connect(self.print_day_summary)

        top = QGridLayout()
        top.addWidget(QLabel(self.tr("Periode")), 0, 0)
        top.addWidget(self.preset, 0, 1)
        top.addWidget(self.start, 0, 2)
        top.addWidget(QLabel(self.tr("s/d")), 0, 3)
        top.addWidget(self.end, 0, 4)
        top.addWidget(QLabel(self.tr("Laporan")), 1, 0)
        top.addWidget(self.which, 1, 1, 1, 4)
        top.addWidget(self.show_button, 1, 5)
        buttons = QHBoxLayout()
        for button in (self.xlsx_button, self.pdf_button, self.print_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.notes)
        # table over charts; both give way on a 768-pixel screen instead of pushing the buttons off it
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.chart_tabs)
        split.setChildrenCollapsible(False)
        split.setSizes([240, 220])
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    # --- period ------------------------------------------------------------------------------------
    def _preset_changed(self) -> None:
        key = self.preset.currentData()
        custom = key == CUSTOM
        for edit in (self.start, self.end):
            edit.setEnabled(custom)
        if not custom:
            period = preset(key, self.backend.today())
            self.start.setDate(_qdate(period.start))
            self.end.setDate(_qdate(period.end))

    def period(self) -> Period:
        return Period(_day(self.start), _day(self.end))

    # --- work off the GUI thread ---------------------------------------------------------------
    def refresh(self) -> None:
        """Work the chosen report out in the background; the table and charts follow when it is done."""
        try:
            period = self.period()
        except ValueError as error:
            self.message.error(str(error))
            return
        key = self.which.currentData()
        self._start(lambda progress: self._compute(key, period, progress), self._show)

    def _compute(self, key: str, period: Period, progress: Callable[[int, int], None]) -> ReportView:
        self.backend.fold(progress)
        view = self.backend.report(key, period)
        from pos.ui.backoffice import report_charts

        report_charts.load_library()  # here, off the GUI thread: the import costs ~0.3-0.7 s
        return view

    def _start(self, work: Callable[[Callable[[int, int], None]], Any], done: Callable[[Any], None]) -> None:
        if self.job is not None:
            return  # one report at a time; the buttons wait for it
        self.message.setText(self.tr("Menghitung..."))
        for button in (self.show_button, self.xlsx_button, self.pdf_button, self.print_button):
            button.setEnabled(False)
        self.progress.setRange(0, 0)  # busy until the first progress report
        self.job = BackgroundJob(work, self)
        self.job.progressed.connect(self._progressed)
        self.job.succeeded.connect(lambda value: self._finished(done, value, None))
        self.job.failed.connect(lambda error: self._finished(done, None, error))
        self._progress_timer.start(PROGRESS_AFTER_MS)
        self.job.start()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    def _finished(self, done: Callable[[Any], None], value: Any, error: Exception | None) -> None:
        job, self.job = self.job, None
        if job is not None:
            job.wait()
        self._progress_timer.stop()
        self.progress.setVisible(False)
        for button in (self.show_button, self.xlsx_button, self.pdf_button, self.print_button):
            button.setEnabled(True)
        self.message.setText("")
        if error is not None:
            self.message.error(str(error))
            return
        done(value)

    def wait(self, msecs: int = 30_000) -> bool:
        """Closing and tests: wait for the running job (its result arrives with the next events)."""
        return self.job is None or bool(self.job.wait(msecs))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.wait()
        super().closeEvent(event)

    # --- showing ---------------------------------------------------------------------------------
    def _show(self, view: ReportView) -> None:
        self.view = view
        first = view.tables[0]
        self.notes.setText("\n".join([f"{first.title} - {first.period}", *first.notes]))
        rows = [*first.rows, *([first.total] if first.total is not None else [])]
        fill_table(
            self.table,
            first.headers,
            [[cell_text(v, i in first.money) for i, v in enumerate(row)] for row in rows],
        )
        for column in range(len(first.headers)):
            if column in first.money or all(isinstance(r[column], int) for r in first.rows[:1]):
                for r in range(self.table.rowCount()):
                    item = self.table.item(r, column)
                    if item is not None:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._draw_charts(view)

    def _draw_charts(self, view: ReportView) -> None:
        from pos.ui.backoffice import report_charts

        for by in CHARTED:
            if by not in view.charts:
                continue
            if by not in self.charts:
                self.charts[by] = report_charts.chart_for()
                self.chart_tabs.addTab(self.charts[by], self.tr(str(CHART_TABS[by])))
            report_charts.show_report(self.charts[by], view.charts[by])

    # --- exports and paper ---------------------------------------------------------------------------
    def export_xlsx(self) -> None:
        self._export("xlsx", "Excel (*.xlsx)")

    def export_pdf(self) -> None:
        self._export("pdf", "PDF (*.pdf)")

    def _export(self, kind: str, filters: str) -> None:
        try:
            period = self.period()
        except ValueError as error:
            self.message.error(str(error))
            return
        suggested = f"laporan-{period.start.isoformat()}-{period.end.isoformat()}.{kind}"
        path = self.ask_save_path(self, self.tr("Simpan laporan"), suggested, filters)
        if not path:
            return

        def work(progress: Callable[[int, int], None]) -> str:
            self.backend.fold(progress)
            view = self.backend.everything(period)
            (self.backend.export_xlsx if kind == "xlsx" else self.backend.export_pdf)(view, path)
            return str(path)

        self._start(work, lambda written: self.message.ok(fill(self.tr("Laporan disimpan: {0}"), written)))

    def print_day_summary(self) -> None:
        if self.print_document is None:
            self.message.error(self.tr("Belum ada printer struk: atur di Admin > Printer struk."))
            return
        day = _day(self.end)

        def work(progress: Callable[[int, int], None]) -> Any:
            self.backend.fold(progress)
            return self.backend.day_summary(day)

        def send(document: Any) -> None:
            assert self.print_document is not None
            self.print_document(document, title=fill(self.tr("Ringkasan harian {0}"), day.isoformat()))
            self.message.ok(fill(self.tr("Ringkasan harian {0} dikirim ke printer."), f"{day:%d-%m-%Y}"))

        self._start(work, send)
