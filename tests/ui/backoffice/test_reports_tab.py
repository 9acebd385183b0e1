"""The Laporan tab on real widgets over a copy of the demo outlet with sales made by the real checkout:
the figures arrive from the background job, the table's TOTAL row is the service's total, the charts
are drawn, the exports write files the manager can open, the day's paper goes to the print queue, and
a cashier never gets the tab's backend."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pos.application.reports import CHARTED, ReportsBackend
from pos.core.document import render_text
from pos.core.money import format_rupiah
from pos.core.report_period import preset
from pos.db.engine import Database
from pos.services.context import Actor, PermissionDenied
from pos.services.reporting.sales import sales_report
from pos.services.simulate import simulate
from pos.ui.backoffice.reports_tab import ReportsTab


def _tab(qtbot: Any, db: Database, manager: Actor, printed: list[Any] | None = None) -> ReportsTab:
    def print_document(document: Any, title: str = "") -> None:
        assert printed is not None
        printed.append((document, title))

    chosen = print_document if printed is not None else None
    tab = ReportsTab(ReportsBackend(db.unit_of_work, manager), chosen)
    qtbot.addWidget(tab)
    tab.resize(1000, 700)
    tab.show()
    return tab


def _run(qtbot: Any, tab: ReportsTab, action: Any) -> None:
    action()
    qtbot.waitUntil(lambda: tab.job is None, timeout=30_000)


def test_the_report_arrives_in_the_background_with_its_charts(
    qtbot: Any, demo_db: Database, demo_cashier: Actor, demo_manager: Actor
) -> None:
    for _ in simulate(demo_db, demo_cashier, 15, seed=5):
        pass
    tab = _tab(qtbot, demo_db, demo_manager)
    tab.which.setCurrentIndex(tab.which.findData("sales:payment"))
    _run(qtbot, tab, tab.refresh)
    assert tab.view is not None
    with demo_db.unit_of_work() as uow:
        expected = sales_report(uow, demo_manager, preset("month", tab.backend.today()), "payment").total
    last = tab.table.rowCount() - 1
    label, net = tab.table.item(last, 1), tab.table.item(last, 7)
    assert label is not None and net is not None
    assert (label.text(), net.text()) == ("TOTAL", format_rupiah(expected.net))
    assert expected.sales == 15
    assert set(tab.charts) == set(CHARTED) and tab.chart_tabs.count() == len(CHARTED)
    assert not tab.charts["day"].grab().isNull()
    assert "Periode sebelumnya" in tab.notes.text()


def test_exports_and_the_day_summary(
    qtbot: Any, demo_db: Database, demo_cashier: Actor, demo_manager: Actor, tmp_path: Path
) -> None:
    for _ in simulate(demo_db, demo_cashier, 5, seed=6):
        pass
    printed: list[Any] = []
    tab = _tab(qtbot, demo_db, demo_manager, printed)
    xlsx, pdf = tmp_path / "laporan.xlsx", tmp_path / "laporan.pdf"
    tab.ask_save_path = lambda *args: str(xlsx)
    _run(qtbot, tab, tab.export_xlsx)
    tab.ask_save_path = lambda *args: str(pdf)
    _run(qtbot, tab, tab.export_pdf)
    assert "Laporan disimpan" in tab.message.text()
    from openpyxl import load_workbook

    sheets = load_workbook(xlsx).sheetnames
    assert len(sheets) >= 11 and "Penjualan per hari" in sheets and "Stok menipis" in sheets
    assert pdf.read_bytes().startswith(b"%PDF")
    _run(qtbot, tab, tab.print_day_summary)
    assert len(printed) == 1
    paper = render_text(printed[0][0], 32)
    assert "RINGKASAN HARIAN" in paper and printed[0][1].startswith("Ringkasan harian")


def test_only_a_manager_gets_the_reports(demo_db: Database, demo_cashier: Actor) -> None:
    with pytest.raises(PermissionDenied):
        ReportsBackend(demo_db.unit_of_work, demo_cashier)


def test_the_till_and_the_back_office_start_without_the_chart_library() -> None:
    """pyqtgraph (and numpy) load in the report's background job, never with the till or its windows."""
    import subprocess
    import sys

    probe = (
        "import sys; import pos.app, pos.ui.main_window, pos.ui.backoffice.window; "
        "print(sorted(m for m in ('pyqtgraph', 'numpy') if m in sys.modules))"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"
