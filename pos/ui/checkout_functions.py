"""The checkout's functions: each a button with its key, reached from the button, the key, or a scan.

A function travels as a `Function` member, never as text: `Function("serach")` raises at once where a
misspelt string would have done nothing. Cart functions are carried out by `CheckoutActions`, the others
(refund, X report, closing the shift, signing out) by the main window;
tests/ui/test_checkout_functions.py checks that every member has exactly one of them.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP


class Function(StrEnum):
    """The value is the stem of the button's object name (`searchButton`)."""

    SEARCH = "search"
    QTY = "qty"
    BUYER = "buyer"
    LINE_DISCOUNT = "lineDiscount"
    SALE_DISCOUNT = "saleDiscount"
    PRICE = "price"
    REFUND = "refund"
    PARK = "park"
    RECALL = "recall"
    REPRINT = "reprint"
    REMOVE_LINE = "removeLine"
    VOID_SALE = "voidSale"
    X_REPORT = "xReport"
    CLOSE_SHIFT = "closeShift"
    SIGN_OUT = "signOut"
    PAY = "pay"  # the big BAYAR button (F8), beside the others


# (function, label, key) of the function buttons, in screen order (BAYAR has a place of its own).
FUNCTION_BUTTONS: tuple[tuple[Function, object, str], ...] = (
    (Function.SEARCH, QT_TRANSLATE_NOOP("CheckoutScreen", "Cari barang"), "F2"),
    (Function.QTY, QT_TRANSLATE_NOOP("CheckoutScreen", "Ubah jumlah"), "F3"),
    (Function.BUYER, QT_TRANSLATE_NOOP("CheckoutScreen", "Pembeli ASN"), "F4"),
    (Function.LINE_DISCOUNT, QT_TRANSLATE_NOOP("CheckoutScreen", "Diskon baris"), "F5"),
    (Function.SALE_DISCOUNT, QT_TRANSLATE_NOOP("CheckoutScreen", "Diskon total"), "F6"),
    (Function.PRICE, QT_TRANSLATE_NOOP("CheckoutScreen", "Ubah harga"), "F7"),
    (Function.REFUND, QT_TRANSLATE_NOOP("CheckoutScreen", "Retur"), "F9"),
    (Function.PARK, QT_TRANSLATE_NOOP("CheckoutScreen", "Tahan"), "F10"),
    (Function.RECALL, QT_TRANSLATE_NOOP("CheckoutScreen", "Panggil"), "F11"),
    (Function.REPRINT, QT_TRANSLATE_NOOP("CheckoutScreen", "Cetak ulang"), "F12"),
    (Function.REMOVE_LINE, QT_TRANSLATE_NOOP("CheckoutScreen", "Hapus baris"), "Del"),
    (Function.VOID_SALE, QT_TRANSLATE_NOOP("CheckoutScreen", "Batal transaksi"), "Alt+B"),
    (Function.X_REPORT, QT_TRANSLATE_NOOP("CheckoutScreen", "Laporan X"), "Alt+X"),
    (Function.CLOSE_SHIFT, QT_TRANSLATE_NOOP("CheckoutScreen", "Tutup shift"), "Alt+T"),
    (Function.SIGN_OUT, QT_TRANSLATE_NOOP("CheckoutScreen", "Keluar"), "Alt+K"),
)
