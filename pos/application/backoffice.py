"""The back office's use cases as the store manager's screens see them: one short unit of work per call.

The screens never hold a session: each method opens a unit of work from the factory it was given,
calls a service with the signed-in manager, and returns the service's dataclasses. The services
check the role, validate, audit and commit; a refusal arrives as a DomainError with its message.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from pos.application.unit_of_work import UnitOfWorkFactory
from pos.core.document import Document
from pos.core.report_documents import consignment_statement_document
from pos.core.timeutil import local_time
from pos.services import checkout, consignment, product_import, settings, stock, stocktake
from pos.services import products as product_service
from pos.services import suppliers as supplier_service
from pos.services.context import Actor
from pos.services.products import CategoryInfo, LabelData, PriceChangeView, ProductDetail, ProductInput
from pos.services.suppliers import SupplierInfo, SupplierInput

T = TypeVar("T")


class BackOfficeBackend:
    def __init__(self, uow_factory: UnitOfWorkFactory, actor: Actor) -> None:
        self._uow = uow_factory
        self.actor = actor

    def _run(self, work: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        with self._uow() as uow:
            return work(uow, *args, **kwargs)

    def _act(self, work: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        with self._uow() as uow:
            return work(uow, self.actor, *args, **kwargs)

    def outlet_time(self, at: datetime) -> datetime:
        """A stored (UTC) time as the outlet's clock shows it (WITA by default), never the machine's."""
        return local_time(at, self._run(checkout.outlet_info).timezone)

    def paper_columns(self) -> int:
        return self._run(settings.receipt_columns)

    # --- catalog -----------------------------------------------------------------------------
    def products(self, text: str = "", supplier_id: int | None = None) -> list[ProductDetail]:
        return list(
            self._run(product_service.list_products, text_filter=text, supplier_id=supplier_id, limit=1000)
        )

    def product(self, product_id: int) -> ProductDetail:
        return self._run(product_service.get_product, product_id)

    def find_product(self, code: str) -> ProductDetail | None:
        return self._run(product_service.find_product, code)

    def categories(self) -> list[CategoryInfo]:
        return list(self._run(product_service.categories))

    def save_category(self, category_id: int | None, name: str) -> CategoryInfo:
        if category_id is None:
            return self._act(product_service.add_category, name)
        return self._act(product_service.rename_category, category_id, name)

    def save_product(self, product_id: int | None, data: ProductInput) -> ProductDetail:
        if product_id is None:
            return self._act(product_service.create_product, data)
        return self._act(product_service.update_product, product_id, data)

    def price_history(self, product_id: int) -> list[PriceChangeView]:
        return list(self._run(product_service.price_history, product_id))

    def labels(self, product_ids: list[int]) -> list[LabelData]:
        return list(self._run(product_service.label_data, product_ids))

    def preview_import(self, path: Path, progress: product_import.Progress | None = None) -> Any:
        return self._run(product_import.preview, path, progress)

    def import_products(self, path: Path, progress: product_import.Progress | None = None) -> Any:
        return self._act(product_import.import_products, path, progress)

    def export_products(self, path: Path, progress: product_import.Progress | None = None) -> int:
        return int(self._run(product_import.export_products, path, progress))

    # --- producers ---------------------------------------------------------------------------
    def suppliers(self, text: str = "") -> list[SupplierInfo]:
        return list(self._run(supplier_service.list_suppliers, text=text))

    def save_supplier(self, supplier_id: int | None, data: SupplierInput) -> SupplierInfo:
        if supplier_id is None:
            return self._act(supplier_service.create_supplier, data)
        return self._act(supplier_service.update_supplier, supplier_id, data)

    # --- stock -------------------------------------------------------------------------------
    def receive(
        self, supplier_id: int, lines: Sequence[stock.StockLine], consignment_: bool | None, note: str
    ) -> stock.StockDocumentView:
        return self._act(stock.receive, supplier_id, lines, consignment=consignment_, note=note)

    def return_goods(
        self, supplier_id: int, lines: Sequence[stock.StockLine], note: str
    ) -> stock.StockDocumentView:
        return self._act(stock.return_to_producer, supplier_id, lines, note=note)

    def adjust(self, product_id: int, qty: int, reason: str, note: str) -> stock.MovementView:
        return self._act(stock.adjust, product_id, qty, reason, note=note)

    def document_paper(self, view: stock.StockDocumentView, width: int | None = None) -> Document:
        return self._run(stock.document_for_producer, view, width or self.paper_columns())

    def low_stock(self) -> list[stock.StockLevel]:
        return list(self._run(stock.low_stock))

    def below_zero(self) -> list[stock.StockLevel]:
        return list(self._run(stock.below_zero))

    # --- stocktake ---------------------------------------------------------------------------
    def current_stocktake(self) -> stocktake.StocktakeInfo | None:
        return self._run(stocktake.current)

    def start_stocktake(self, note: str) -> stocktake.StocktakeInfo:
        return self._act(stocktake.start, note)

    def count_scanned(self, stocktake_id: int, code: str) -> stocktake.CountLine:
        return self._act(stocktake.count_scanned, stocktake_id, code)

    def count_typed(self, stocktake_id: int, product_id: int, qty: int) -> stocktake.CountLine:
        return self._act(stocktake.count, stocktake_id, product_id, qty)

    def stocktake_lines(self, stocktake_id: int) -> list[stocktake.CountLine]:
        return list(self._run(stocktake.lines, stocktake_id))

    def post_stocktake(self, stocktake_id: int) -> stocktake.PostedStocktake:
        return self._act(stocktake.post, stocktake_id)

    def cancel_stocktake(self, stocktake_id: int) -> None:
        self._act(stocktake.cancel, stocktake_id)

    # --- consignment -------------------------------------------------------------------------
    def default_period(self) -> tuple[date, date]:
        return self._run(consignment.default_period)

    def settle(self, supplier_id: int, start: date, end: date) -> consignment.Settlement:
        return self._act(consignment.settle, supplier_id, start, end)

    def record_payout(
        self, supplier_id: int, start: date, end: date, amount: int, method: str, reference: str | None
    ) -> consignment.PayoutView:
        return self._act(consignment.record_payout, supplier_id, start, end, amount, method, reference)

    def statement_paper(self, settlement: consignment.Settlement, width: int | None = None) -> Document:
        data = self._run(consignment.statement, settlement)
        return consignment_statement_document(data, width or self.paper_columns())
