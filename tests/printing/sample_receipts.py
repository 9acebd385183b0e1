"""Receipts the printing tests share: one per kind of sale the issue names."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from pos.core.receipt import Receipt, ReceiptBuyer, ReceiptHeader, ReceiptLine, ReceiptPayment

WITA = ZoneInfo("Asia/Makassar")
ISSUED = datetime(2026, 11, 28, 11, 4, 5, tzinfo=WITA)
UUID = "0b8f4c1e-5d2a-4e7b-9c3f-1a2b3c4d5e6f"
HEADER = ReceiptHeader(
    outlet_name="NTT Mart by Dekranasda Kota Kupang",
    address="Jl. El Tari No. 52, Oebobo, Kota Kupang",
    npwp=None,
    phone="0380-821234",
)
FOOTER = "Terima kasih telah membeli produk UMKM NTT\nBarang yang sudah dibeli dapat ditukar 3 hari"


def line(name: str, qty: int, unit_price: int, discount: int = 0) -> ReceiptLine:
    return ReceiptLine(name, qty, unit_price, discount, qty * unit_price - discount)


def receipt(
    lines: tuple[ReceiptLine, ...], payments: tuple[ReceiptPayment, ...], **changes: object
) -> Receipt:
    subtotal = sum(item.total for item in lines)
    discount = int(changes.pop("discount", 0))  # type: ignore[call-overload]
    tax = int(changes.pop("tax", 0))  # type: ignore[call-overload]
    total = subtotal - discount + tax
    paid = sum(payment.amount for payment in payments)
    values: dict[str, object] = {
        "header": HEADER,
        "receipt_no": "5371-01-20261128-0001",
        "sale_uuid": UUID,
        "issued_at": ISSUED,
        "cashier": "kasir1",
        "lines": lines,
        "subtotal": subtotal,
        "discount": discount,
        "tax_label": None,
        "tax": tax,
        "total": total,
        "payments": payments,
        "change": max(paid - total, 0),
        "buyer": None,
        "footer": FOOTER,
    }
    values.update(changes)
    return Receipt(**values)  # type: ignore[arg-type]


COFFEE = line("Kopi Arabika Manggarai 250 g", 2, 75_000)
HONEY = line("Madu Hutan Sumba 250 ml", 1, 85_000, discount=5_000)
SEI = line("Se'i Sapi Asap 500 g", 1, 120_000)


def samples() -> dict[str, Receipt]:
    """name -> receipt; the names are the golden files' stems."""
    return {
        "cash": receipt((COFFEE, HONEY), (ReceiptPayment("Tunai", 300_000, None),)),
        "qris": receipt(
            (SEI,),
            (ReceiptPayment("QRIS", 133_200, "QR-88123"),),
            tax=13_200,
            tax_label="PPN 11%",
            header=ReceiptHeader(HEADER.outlet_name, HEADER.address, "01.234.567.8-921.000", None),
        ),
        "split": receipt(
            (COFFEE, SEI, HONEY),
            (ReceiptPayment("Tunai", 100_000, None), ReceiptPayment("Debit", 250_000, "BRI 1234")),
            discount=10_000,
        ),
        "asn": receipt(
            (COFFEE,),
            (ReceiptPayment("Tunai", 150_000, None),),
            buyer=ReceiptBuyer(
                "19860926 ****** * 001",
                "Maria Goreti Nahak",
                "Dinas Koperasi dan UKM",
                "November 2026",
                150_000,
                100_000,
            ),
        ),
        "asn_short": receipt(
            (SEI,),
            (ReceiptPayment("QRIS", 120_000, None),),
            buyer=ReceiptBuyer("19710320 ****** * 006", None, None, "November 2026", 60_000, 100_000),
        ),
        "refund": receipt(
            (HONEY,),
            (ReceiptPayment("Tunai", 80_000, None),),
            receipt_no="5371-01-20261128-0007",
            is_refund=True,
            refund_of="5371-01-20261128-0001",
            refund_reason="Segel botol rusak",
            change=0,
        ),
        "long_names": receipt(
            (
                line(
                    "Kain Tenun Ikat Sumba Timur “Motif Kuda & Mamuli” — pewarna alami, 200×90 cm",
                    1,
                    2_750_000,
                ),
                line("Café Jagung Bosé Ñusa 🌽🎉 Pedas Level 5 extra panjang sekali", 12, 18_500, 22_000),
                line("Minyak_Kayu_Putih_Alor_Asli_Tanpa_Campuran_60ml", 3, 35_000),
            ),
            (ReceiptPayment("Transfer", 3_055_000, "Bank NTT 20261128-0042"),),
            reprint=True,
        ),
    }
