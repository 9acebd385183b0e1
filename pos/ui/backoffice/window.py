"""The back office window: catalog, producers, stock, stock opname, consignment settlement and reports tabs.

Open it from the till for a signed-in manager or admin (the services check the role again):

    BackOfficeWindow(db.unit_of_work, actor, print_document=queue.submit)

`print_document(document, title=...)` is where papers go (the print queue's `submit` fits); None
hides nothing but tells the manager that no printer is set. The window never touches the database:
every action is one unit of work from `uow_factory`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QMainWindow,
    QScrollArea,
    QTabWidget,
    QWidget,
)

from pos.application.backoffice import BackOfficeBackend
from pos.application.reports import ReportsBackend
from pos.application.unit_of_work import UnitOfWorkFactory
from pos.services.context import Actor, PermissionDenied, Role
from pos.ui.backoffice.catalog_tab import CatalogTab
from pos.ui.backoffice.consignment_tab import ConsignmentTab
from pos.ui.backoffice.reports_tab import ReportsTab
from pos.ui.backoffice.stock_tab import StockTab
from pos.ui.backoffice.stocktake_tab import StocktakeTab
from pos.ui.backoffice.suppliers_tab import SuppliersTab
from pos.ui.i18n import fill
from pos.ui.screen_fit import scrolling


class BackOfficeWindow(QMainWindow):
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        actor: Actor,
        *,
        print_document: Callable[..., Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        if not actor.at_least(Role.MANAGER):
            # not self.tr: the QObject is not made yet
            only = QCoreApplication.translate(
                "BackOfficeWindow", "Manajemen toko hanya untuk manajer atau admin."
            )
            raise PermissionDenied(only)
        super().__init__(parent)
        self.setWindowTitle(fill(self.tr("Manajemen toko NTT Mart - {0}"), actor.full_name))
        self.backend = BackOfficeBackend(uow_factory, actor)
        self.catalog = CatalogTab(self.backend, print_document)
        self.suppliers = SuppliersTab(self.backend)
        self.stock = StockTab(self.backend, print_document)
        self.stocktake = StocktakeTab(self.backend)
        self.consignment = ConsignmentTab(self.backend, print_document)
        self.reports = ReportsTab(ReportsBackend(uow_factory, actor), print_document)
        self.tabs = ScrollingTabs()
        for widget, title in (
            (self.catalog, self.tr("Produk")),
            (self.suppliers, self.tr("Produsen")),
            (self.stock, self.tr("Stok")),
            (self.stocktake, self.tr("Stok opname")),
            (self.consignment, self.tr("Titip jual")),
            (self.reports, self.tr("Laporan")),
        ):
            self.tabs.addTab(widget, title)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(self.tabs)
        for combo in self.findChildren(QComboBox):  # a long producer name must not widen the window
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
        self.resize(1280, 760)  # at most: pos.ui.screen_fit fits it to the screen before it is shown

    def on_scan(self, code: str) -> None:
        """This window's scan target (pos.ui.scan_routing): the current tab's, wherever the focus is
        (a button just clicked, a table): receiving adds the line, stock opname counts the item, the
        product form takes the barcode or picks the product for its labels. Never the till's cart."""
        page = self.tabs.currentWidget()
        take = getattr(page, "on_scan", None)
        if take is not None:
            take(code)
        else:
            QApplication.beep()
            message = getattr(page, "message", None)
            if message is not None:
                message.error(fill(self.tr("Hasil pindai {0} tidak dipakai di tab ini."), code))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.reports.wait()  # a report still being worked out finishes before its thread object goes
        super().closeEvent(event)

    def _tab_changed(self, index: int) -> None:
        # Producers or products added on one tab show up in the others' lists.
        widget = self.tabs.widget(index)
        if widget is self.catalog:
            self.catalog.reload_choices()
            self.catalog.refresh()
        elif widget is self.stock:
            self.stock.reload_choices()
            self.stock.refresh()
        elif widget is self.consignment:
            self.consignment.reload_choices()
        elif widget is self.reports and self.reports.view is None:
            self.reports.refresh()  # in the background: the tab shows at once, the figures follow
        elif widget is self.stocktake:
            self.stocktake.refresh()
        elif widget is self.suppliers:
            self.suppliers.refresh()  # a product import may have created producers


class ScrollingTabs(QTabWidget):
    """Tabs whose pages scroll when the screen is too small for them (1024x768: a receiving document
    with many lines, the consignment payout under its table), so the window never grows off screen.
    `widget`, `currentWidget`, `setCurrentWidget` and `indexOf` speak of the pages, not their scroll
    areas."""

    def addTab(self, widget: QWidget, title: str) -> int:  # type: ignore[override]
        return super().addTab(scrolling(widget, horizontal=True), title)

    def widget(self, index: int) -> QWidget | None:
        area = super().widget(index)
        return area.widget() if isinstance(area, QScrollArea) else area

    def currentWidget(self) -> QWidget:
        page = self.widget(self.currentIndex())
        assert page is not None, "the back office always has its tabs"
        return page

    def indexOf(self, page: QWidget) -> int:
        return next((i for i in range(self.count()) if self.widget(i) is page), -1)

    def setCurrentWidget(self, page: QWidget) -> None:
        self.setCurrentIndex(self.indexOf(page))
