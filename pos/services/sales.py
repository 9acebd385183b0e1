"""Reading committed sales back: for the receipt, the reprint dialog, the CLI and support."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from pos.core.errors import DomainError
from pos.core.nip import parse_nip
from pos.core.payments import PAYMENT_LABELS, PaymentMethod
from pos.core.receipt import Receipt, ReceiptBuyer, ReceiptHeader, ReceiptLine, ReceiptPayment
from pos.core.timeutil import local_time
from pos.db.models import Outlet, Payment, Product, Sale, SaleLine, User
from pos.db.uow import UnitOfWork
from pos.services import asn, settings


class SaleNotFound(DomainError):
    """No sale with that receipt number on this till."""


@dataclass(frozen=True)
class SaleLineView:
    line_id: int
    line_no: int
    product_id: int
    product_code: str
    name: str
    qty: int
    unit_price: int
    discount: int
    tax: int
    net: int
    unit: str = ""  # the product's unit ("pcs"), printed beside the quantity on the receipt


@dataclass(frozen=True)
class PaymentView:
    method: PaymentMethod
    amount: int
    reference: str | None


@dataclass(frozen=True)
class SaleView:
    sale_id: int
    uuid: str
    receipt_no: str
    business_date: date
    created_at: datetime
    cashier: str
    cashier_name: str
    buyer_nip: str | None
    subtotal: int
    discount: int
    tax: int
    total: int
    paid: int
    change: int
    lines: tuple[SaleLineView, ...]
    payments: tuple[PaymentView, ...]
    approved_by: str | None = None  # username of the manager who approved discounts or price cuts

    def to_json(self) -> dict[str, object]:
        """The sale for `ntt-pos receipt --json`; the NIP is masked (support needs no birth dates)."""
        return {
            "uuid": self.uuid,
            "receipt_no": self.receipt_no,
            "business_date": self.business_date.isoformat(),
            "created_at": self.created_at.isoformat(),
            "cashier": self.cashier,
            "approved_by": self.approved_by,
            "buyer_nip": str(parse_nip(self.buyer_nip)) if self.buyer_nip else None,
            "subtotal": self.subtotal,
            "discount": self.discount,
            "tax": self.tax,
            "total": self.total,
            "paid": self.paid,
            "change": self.change,
            "lines": [
                {
                    "line_no": ln.line_no,
                    "product_code": ln.product_code,
                    "name": ln.name,
                    "qty": ln.qty,
                    "unit_price": ln.unit_price,
                    "discount": ln.discount,
                    "tax": ln.tax,
                    "total": ln.net,
                }
                for ln in self.lines
            ],
            "payments": [
                {"method": p.method.value, "amount": p.amount, "reference": p.reference}
                for p in self.payments
            ],
        }


def find_sale(uow: UnitOfWork, receipt_no: str) -> SaleView:
    session = uow.session
    sale = session.scalar(select(Sale).where(Sale.receipt_no == receipt_no.strip()))
    if sale is None:
        raise SaleNotFound(f"Struk {receipt_no} tidak ditemukan di kasir ini.")
    cashier = session.get(User, sale.cashier_id)
    lines = session.execute(
        select(SaleLine, Product.unit)
        .join(Product, Product.id == SaleLine.product_id)
        .where(SaleLine.sale_id == sale.id)
        .order_by(SaleLine.line_no)
    ).all()
    pays = session.scalars(select(Payment).where(Payment.sale_id == sale.id).order_by(Payment.id))
    approver = session.get(User, sale.approved_by) if sale.approved_by is not None else None
    return SaleView(
        sale_id=sale.id,
        uuid=sale.uuid,
        receipt_no=sale.receipt_no,
        business_date=date.fromisoformat(sale.business_date),
        created_at=sale.created_at,
        cashier=cashier.username if cashier else "?",
        cashier_name=cashier.full_name if cashier else "?",
        buyer_nip=sale.buyer_nip,
        subtotal=sale.subtotal,
        discount=sale.discount,
        tax=sale.tax,
        total=sale.total,
        paid=sale.paid,
        change=sale.change,
        lines=tuple(
            SaleLineView(
                line_id=ln.id,
                line_no=ln.line_no,
                product_id=ln.product_id,
                product_code=ln.product_code,
                name=ln.name,
                qty=ln.qty,
                unit_price=ln.unit_price,
                discount=ln.line_discount + ln.sale_discount_share,
                tax=ln.tax,
                net=ln.net,
                unit=unit or "",
            )
            for ln, unit in lines
        ),
        payments=tuple(PaymentView(PaymentMethod(p.method), p.amount, p.reference) for p in pays),
        approved_by=approver.username if approver else None,
    )


def last_receipt_no(uow: UnitOfWork) -> str | None:
    return uow.session.scalar(select(Sale.receipt_no).order_by(Sale.id.desc()).limit(1))


def sale_count(uow: UnitOfWork) -> int:
    return int(uow.session.scalar(select(func.count(Sale.id))) or 0)


def header_for(uow: UnitOfWork, outlet: Outlet) -> ReceiptHeader:
    logo = settings.get(uow, "receipt.logo")
    return ReceiptHeader(
        outlet_name=outlet.name,
        address=outlet.address,
        npwp=outlet.npwp,
        phone=outlet.phone,
        logo=str(logo) if logo else None,
        extra=str(settings.get(uow, "receipt.header") or ""),
    )


def buyer_block(uow: UnitOfWork, sale: SaleView) -> ReceiptBuyer | None:
    """The ASN block: masked NIP, name, and the period's spending including this (committed) sale.

    Figures are as the till knows them now: a reprint after a sync shows the province's newer total.
    """
    if not sale.buyer_nip:
        return None
    info = asn.identify_buyer(uow, sale.buyer_nip, this_sale=0, today=sale.business_date)
    if info.period is None:
        return None
    return ReceiptBuyer(
        masked_nip=info.nip_masked,
        name=info.name,
        agency=info.agency,
        period_label=info.period.label,
        period_total=info.total_before,
        minimum=info.minimum,
    )


def receipt_for(uow: UnitOfWork, receipt_no: str, *, reprint: bool = False) -> Receipt:
    """The receipt of a committed sale, with the ASN buyer block when a NIP was given."""
    sale = find_sale(uow, receipt_no)
    outlet = settings.outlet(uow)
    tax_label = None
    if sale.tax:
        tax_label = "PPN 11% (termasuk)" if sale.total == sale.subtotal - sale.discount else "PPN 11%"
    return Receipt(
        header=header_for(uow, outlet),
        receipt_no=sale.receipt_no,
        sale_uuid=sale.uuid,
        issued_at=local_time(sale.created_at, outlet.timezone),
        cashier=sale.cashier_name,
        lines=tuple(
            ReceiptLine(ln.name, ln.qty, ln.unit_price, ln.discount, ln.net, ln.unit) for ln in sale.lines
        ),
        subtotal=sale.subtotal,
        discount=sale.discount,
        tax_label=tax_label,
        tax=sale.tax,
        total=sale.total,
        payments=tuple(
            ReceiptPayment(PAYMENT_LABELS[p.method], p.amount, p.reference, p.method.value)
            for p in sale.payments
        ),
        change=sale.change,
        buyer=buyer_block(uow, sale),
        footer=outlet.receipt_footer,
        reprint=reprint,
    )
