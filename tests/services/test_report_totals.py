"""Generated sales, discounts, price cuts, split payments and refunds over several days, made by the real
checkout and refund services on a real SQLite till: every grouping of the sales report adds up to the
same total, to the rupiah, whether the sales are in the summaries (folded) or still live; the total is
what the plan says and what `report totals` says; the XLSX (read back with openpyxl) and the PDF (its
text, pdftotext) carry the same figures.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, replace
from dataclasses import replace as dc_replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from pos.core.cart import Discount
from pos.core.money import format_rupiah
from pos.core.payments import Payment, PaymentMethod
from pos.core.pricing import price_cart
from pos.core.report_period import Period
from pos.core.tax import TaxMode
from pos.db.engine import DB_FILENAME, Database
from pos.services import checkout, refunds, reports
from pos.services.reporting import summary, tables
from pos.services.reporting.common import Figures, outlet_header
from pos.services.reporting.export_pdf import sales_chart, write_pdf
from pos.services.reporting.export_xlsx import HEADER_ROW, write_xlsx
from pos.services.reporting.sales import GROUPINGS, SalesReport, sales_report
from tests.services.conftest import CATALOG, T0, Till

CODES = [code for code, _, _ in CATALOG]
FIRST_DAY = date(2026, 11, 20)  # T0 is 10:00 WITA on this day


@dataclass(frozen=True)
class PlannedSale:
    day: int  # days after T0
    hour: int  # hours after T0's 10:00 WITA (0-12: until 22:00 WITA, still that WITA day)
    items: list[tuple[int, int]]  # (catalog index, qty)
    line_discount: int  # percent on the first line
    sale_discount: int  # percent on the sale
    price_cut: int  # rupiah off the first line's price
    split: bool  # part by QRIS, the rest cash with change
    refund: str  # "", "all" or "one"
    by_second_cashier: bool


sale_plans = st.builds(
    PlannedSale,
    day=st.integers(0, 4),
    hour=st.integers(0, 12),
    items=st.lists(st.tuples(st.integers(0, len(CODES) - 1), st.integers(1, 3)), min_size=1, max_size=4),
    line_discount=st.sampled_from([0, 0, 5, 33, 100]),
    sale_discount=st.sampled_from([0, 0, 10, 15]),
    price_cut=st.sampled_from([0, 0, 1_000, 2_500]),
    split=st.booleans(),
    refund=st.sampled_from(["", "", "", "all", "one"]),
    by_second_cashier=st.booleans(),
)


# PPN added on top (the line's gross is net + tax) and included, besides untaxed goods
TAXED = {CODES[1]: TaxMode.PPN_ADDED, CODES[2]: TaxMode.PPN_INCLUDED}


def _copy(template: Till, folder: Path) -> Till:
    folder.mkdir(parents=True)
    shutil.copyfile(template.db.path, folder / DB_FILENAME)
    db = Database.open(folder, create=False)
    with db.unit_of_work() as uow:
        for code, mode in TAXED.items():
            uow.session.execute(
                text("UPDATE products SET tax_mode = :m WHERE code = :c"), {"m": mode.value, "c": code}
            )
        uow.commit()
    products = {c: dc_replace(p, tax_mode=TAXED.get(c, p.tax_mode)) for c, p in template.products.items()}
    return replace(template, db=db, products=products)


def _run(till: Till, plan: PlannedSale) -> tuple[int, int, int]:
    """Sell (and maybe refund) as planned; (sale total, sale discount, refunded)."""
    cart = till.cart(*[(CODES[i], qty) for i, qty in plan.items])
    if plan.price_cut:
        cart.override_price(0, max(0, cart.lines[0].unit_price - plan.price_cut))
    if plan.line_discount:
        cart.set_line_discount(0, Discount.of_percent(plan.line_discount, "uji"))
    if plan.sale_discount:
        cart.set_sale_discount(Discount.of_percent(plan.sale_discount, "uji"))
    total = price_cart(cart).total
    payments = []
    if plan.split and total > 1:
        payments = [
            Payment(PaymentMethod.QRIS, total // 3),
            Payment(PaymentMethod.CASH, total - total // 3 + 5_000),
        ]
    elif total:
        payments = [Payment(PaymentMethod.CASH, total)]
    at = T0 + timedelta(days=plan.day, hours=plan.hour, minutes=7)
    actor = till.cashier2 if plan.by_second_cashier else till.cashier
    with till.db.unit_of_work() as uow:
        sale = checkout.complete_sale(uow, actor, cart, payments, now=at, approved_by=till.manager)
    refunded = 0
    if plan.refund and sale.total:
        with till.db.unit_of_work() as uow:
            lines = None
            if plan.refund == "one":
                first = refunds.find_sale_for_refund(uow, sale.receipt_no).lines[0]
                lines = {first.sale_line_id: 1}
            try:
                done = refunds.refund_sale(
                    uow, till.manager, till.manager, sale.receipt_no, lines, "rusak", None,
                    now=at + timedelta(days=1),
                )  # fmt: skip
                refunded = done.total
            except refunds.RefundError:
                pass  # a line worth Rp0 (100% discount): nothing to give back
    return sale.total, sale.totals.discount, refunded


def _check_groupings(till: Till, period: Period, expected: Figures) -> dict[str, SalesReport]:
    kept = {}
    with till.db.unit_of_work() as uow:
        for by in GROUPINGS:
            report = sales_report(uow, till.manager, period, by)
            summed = sum((row.figures for row in report.rows), Figures())
            assert report.total == expected, by
            assert (summed.gross, summed.discount, summed.refunds, summed.net) == (
                expected.gross, expected.discount, expected.refunds, expected.net,
            ), by  # fmt: skip
            assert summed.qty == expected.qty, by
            if by in ("day", "hour", "cashier", "payment"):
                assert summed.sales == expected.sales, by
            kept[by] = report
    return kept


@pytest.mark.slow
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plans=st.lists(sale_plans, min_size=1, max_size=8), fold_after=st.integers(0, 8))
def test_every_grouping_adds_up_to_the_same_total_and_the_exports_carry_it(
    till_template: Till, tmp_path_factory: pytest.TempPathFactory, plans: list[PlannedSale], fold_after: int
) -> None:
    till = _copy(till_template, tmp_path_factory.mktemp("reports") / "till")
    try:
        gross = discount = refunded = units = 0
        for n, plan in enumerate(plans):
            if n == fold_after:
                summary.fold(till.db.unit_of_work)  # the rest stays past the mark: added up live
            total, off, back = _run(till, plan)
            gross, discount, refunded = gross + total, discount + off, refunded + back
            units += sum(qty for _, qty in plan.items)
        expected = Figures(len(plans), units, gross, discount, refunded)
        everything = Period(FIRST_DAY - timedelta(days=3), FIRST_DAY + timedelta(days=10))
        kept = _check_groupings(till, everything, expected)
        with till.db.unit_of_work() as uow:
            figures = reports.totals(uow)
            outlet = outlet_header(uow)
        assert (figures.sales, figures.gross, figures.refunded) == (expected.sales, expected.gross, refunded)

        summary.fold(till.db.unit_of_work)  # all of it in the summaries now: the same figures
        kept = _check_groupings(till, everything, expected)
        found = [tables.sales_table(report) for report in kept.values()]
        folder = till.db.path.parent
        _check_xlsx(folder / "laporan.xlsx", outlet, found, expected)
        _check_pdf(folder / "laporan.pdf", outlet, found, kept, expected)
    finally:
        till.db.close()


def _check_xlsx(path: Path, outlet: object, found: list[tables.Table], expected: Figures) -> None:
    from openpyxl import load_workbook

    write_xlsx(path, outlet, found)  # type: ignore[arg-type]
    book = load_workbook(path)
    assert len(book.sheetnames) == len(GROUPINGS)
    for sheet, table in zip(book.worksheets, found, strict=True):
        assert outlet.name in sheet["A1"].value  # type: ignore[attr-defined]
        assert sheet.freeze_panes == f"A{HEADER_ROW + 1}"
        assert [c.value for c in sheet[HEADER_ROW]] == list(table.headers)
        cells = [c for row in sheet.iter_rows(min_row=HEADER_ROW + 1) for c in row]
        assert all(c.data_type != "f" for c in cells)  # values, never formulas
        total = [c.value for c in sheet[sheet.max_row]]
        assert total[1:] == ["TOTAL", *expected.to_json().values()]
        gross_column = [c.value for c in sheet["E"][HEADER_ROW:-1]]
        assert sum(gross_column) == expected.gross
        assert sheet.cell(sheet.max_row, 5).number_format.startswith('"Rp"')


def _check_pdf(
    path: Path, outlet: object, found: list[tables.Table], kept: dict[str, SalesReport], expected: Figures
) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (Debian poppler-utils) is not installed: installer/provision.py installs it")
    charts = [sales_chart(kept["day"]), sales_chart(kept["hour"]), sales_chart(kept["product"])]
    write_pdf(path, outlet, "Laporan penjualan", found, charts)  # type: ignore[arg-type]
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert outlet.name in text  # type: ignore[attr-defined]
    assert "Halaman 1" in text
    for table in found:
        assert table.title in text
    total_lines = [line.split() for line in text.splitlines() if line.strip().startswith("TOTAL")]
    assert len(total_lines) == len(GROUPINGS)
    for words in total_lines:
        assert words[-4:] == [format_rupiah(v) for v in (expected.gross, expected.discount, expected.refunds,
                                                          expected.net)]  # fmt: skip
