# ruff: noqa: E501  (a translation table reads best one pair per line)
"""Fill resources/i18n/ntt_pos_en.ts with the English texts below, then build the .qm the app loads
(pos/resources/i18n/ntt_pos_en.qm, inside the package so that wheels and bundles carry it).

    .venv/bin/pyside6-lupdate pos/ui/*.py -ts resources/i18n/ntt_pos_en.ts -source-language id \
        -target-language en
    .venv/bin/python resources/i18n/fill_en.py        # also runs pyside6-lrelease

The source language of the app is Bahasa Indonesia; strings missing here stay Indonesian (and are
listed by this script so a translator can add them).
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
TS = HERE / "ntt_pos_en.ts"
QM = HERE.parents[1] / "pos" / "resources" / "i18n" / "ntt_pos_en.qm"

EN = {
    "Pembeli ASN (F4)": "Civil-servant buyer (F4)",
    "NIP": "NIP",
    "18 angka; spasi, titik, dan tulisan NIP boleh": "18 digits; spaces, dots and a NIP label are fine",
    "{0} dari 18 angka": "{0} of 18 digits",
    "<b>NIP sah, belum terdaftar</b>": "<b>Valid NIP, not registered</b>",
    "{0}: {1} dari minimal {2}, termasuk transaksi ini": "{0}: {1} of the {2} minimum, this sale included",
    "No": "No",
    "Barang": "Item",
    "Jml": "Qty",
    "Harga": "Price",
    "Diskon": "Discount",
    "Total": "Total",
    "Ubah jumlah (F3)": "Change quantity (F3)",
    "Diskon total (F6)": "Sale discount (F6)",
    "Diskon baris (F5)": "Line discount (F5)",
    "Diskon (mis. 10% atau 5000)": "Discount (e.g. 10% or 5000)",
    "Ubah harga (F7)": "Change price (F7)",
    "Ubah harga {0} ke {1}": "Change price {0} to {1}",
    "Hapus baris": "Remove line",
    "Batal transaksi": "Void sale",
    "Batalkan seluruh transaksi ini?": "Void this whole sale?",
    "Transaksi dibatalkan.": "Sale voided.",
    "Transaksi ditahan: {0} ({1}).": "Sale parked: {0} ({1}).",
    "Selesaikan atau tahan transaksi ini dulu sebelum memanggil yang lain.": "Finish or park this sale before recalling another.",
    "Tidak ada transaksi yang ditahan.": "No parked sales.",
    "Transaksi dipanggil: {0}": "Sale recalled: {0}",
    "Transaksi belum tersimpan: {0}": "Sale not saved: {0}",
    "Struk tidak bisa dibuat: {0}": "Receipt could not be made: {0}",
    "Belum ada struk untuk dicetak ulang.": "No receipt to reprint yet.",
    "Cetak ulang struk {0}.": "Reprinting receipt {0}.",
    "Cari barang": "Find item",
    "Ubah jumlah": "Quantity",
    "Pembeli ASN": "ASN buyer",
    "Diskon baris": "Line discount",
    "Diskon total": "Sale discount",
    "Ubah harga": "Change price",
    "Retur": "Refund",
    "Tahan": "Park",
    "Panggil": "Recall",
    "Cetak ulang": "Reprint",
    "Laporan X": "X report",
    "Tutup shift": "Close shift",
    "Keluar": "Sign out",
    "Pindai barcode, NIP, atau QR struk · ketik kode lalu Enter · 3*kode untuk 3 barang": "Scan a barcode, NIP or receipt QR · type a code and Enter · 3*code for 3 items",
    "Pratinjau struk terakhir": "Last receipt preview",
    "TOTAL": "TOTAL",
    "PEMBELI": "BUYER",
    "BAYAR": "PAY",
    "Barcode {0} tidak dikenal.": "Unknown barcode {0}.",
    "NIP tidak sah: {0}": "Invalid NIP: {0}",
    "Pembeli ASN dicatat: {0}": "ASN buyer recorded: {0}",
    "Bukan ASN / belum dipindai (F4)": "Not a civil servant / not scanned (F4)",
    "Minimal tercapai": "Minimum reached",
    "Kurang {0}": "{0} short",
    "{0} barang · {1} baris": "{0} items · {1} lines",
    "Subtotal {0}": "Subtotal {0}",
    "Diskon {0}": "Discount {0}",
    "PPN {0}": "VAT {0}",
    "Kembalian {0}": "Change {0}",
    "Transaksi terakhir {0}: total {1}, dibayar {2}, kembalian {3}": "Last sale {0}: total {1}, paid {2}, change {3}",
    "Transaksi selesai. Silakan pindai barang pelanggan berikutnya.": "Sale complete. Scan the next customer's items.",
    "<b>Pecahan</b>": "<b>Denomination</b>",
    "<b>Jumlah lembar/keping</b>": "<b>Notes/coins</b>",
    "<b>Nilai</b>": "<b>Value</b>",
    "Tutup shift & cetak Z": "Close shift & print Z",
    "Batal": "Cancel",
    "<b>Laporan X (sebelum tutup)</b>": "<b>X report (before closing)</b>",
    "Seharusnya di laci: {0}": "Expected in drawer: {0}",
    "Dihitung: {0}": "Counted: {0}",
    "pas": "exact",
    "lebih": "over",
    "kurang": "short",
    "Selisih: {0} ({1})": "Difference: {0} ({1})",
    "OK": "OK",
    "Panggil transaksi (F11)": "Recall sale (F11)",
    "Kasir {0}": "Till {0}",
    "Sinkronisasi: belum diatur": "Sync: not set up",
    "Printer: tidak ada (pratinjau)": "Printer: none (preview)",
    "Printer siap": "Printer ready",
    "Belum masuk": "Not signed in",
    "Shift #{0} · modal {1}": "Shift #{0} · float {1}",
    "Selesaikan, tahan, atau batalkan transaksi ini sebelum keluar.": "Finish, park or void this sale before signing out.",
    "Shift Anda masih terbuka. Keluar tanpa menutup shift? (Shift tetap terbuka.)": "Your shift is still open. Sign out without closing it? (The shift stays open.)",
    "Pilih paling sedikit satu barang untuk diretur.": "Choose at least one item to refund.",
    "Alasan retur wajib diisi.": "A refund reason is required.",
    "Refund struk {0}": "Refund receipt {0}",
    "Refund {0} tersimpan: kembalikan {1} tunai kepada pelanggan.": "Refund {0} saved: give the customer {1} in cash.",
    "Selesaikan atau tahan transaksi ini sebelum menutup shift.": "Finish or park this sale before closing the shift.",
    "Laporan Z": "Z report",
    " · {0} antre": " · {0} queued",
    "Sinkron {0}: {1} menunggu · terakhir {2}": "Sync {0}: {1} waiting · last {2}",
    "online": "online",
    "offline": "offline",
    " · {0} ditolak": " · {0} rejected",
    "Ditutup otomatis": "Parked on close",
    "Outlet demo. {0}": "Demo outlet. {0}",
    "Persetujuan manajer": "Manager approval",
    "Perlu PIN manajer untuk: {0}": "Manager PIN needed for: {0}",
    "Manajer": "Manager",
    "PIN": "PIN",
    "Pembayaran (F8)": "Payment (F8)",
    "Jumlah diterima, mis. 100000 atau 100rb (kosong = pas)": "Amount received, e.g. 100000 or 100rb (blank = exact)",
    "Nomor referensi / trace EDC": "Reference / EDC trace number",
    "QRIS statis outlet belum diatur": "The outlet's static QRIS is not set up",
    "Terima": "Accept",
    "Hapus bayaran": "Remove payment",
    "QRIS belum bisa dipakai: QRIS statis outlet belum diatur.": "QRIS unavailable: the outlet's static QRIS is not set up.",
    "QRIS statis outlet tidak sah: {0}": "The outlet's static QRIS is invalid: {0}",
    "Pindai dengan aplikasi bank/e-wallet: {0}. Tekan Enter setelah pembayaran masuk.": "Scan with a bank or e-wallet app: {0}. Press Enter once the payment has arrived.",
    "Jumlah pembayaran harus lebih dari Rp0": "The payment must be more than Rp0",
    "Total {0}": "Total {0}",
    "Sisa {0}": "Due {0}",
    " (pas)": " (exact)",
    "Tutup": "Close",
    "Cari barang (F2)": "Find item (F2)",
    "Ketik nama, kode, atau barcode barang...": "Type an item's name, code or barcode...",
    "Enter: tambahkan  ·  ↑/↓: pilih  ·  Esc: tutup": "Enter: add  ·  ↑/↓: choose  ·  Esc: close",
    "Kode": "Code",
    "Nama barang": "Item name",
    "Pemasok": "Supplier",
    "Stok": "Stock",
    "Alasan": "Reason",
    "Alasan wajib diisi.": "A reason is required.",
    "Retur / refund (F9)": "Refund (F9)",
    "Nomor struk atau pindai QR struk, lalu Enter": "Receipt number or scan the receipt QR, then Enter",
    "Terjual": "Sold",
    "Dibayar": "Paid",
    "Jumlah retur": "Qty to refund",
    "Alasan retur (wajib)": "Refund reason (required)",
    "Semua barang": "All items",
    "Refund (PIN manajer)": "Refund (manager PIN)",
    "Struk {0} · total {1} · sudah direfund {2}": "Receipt {0} · total {1} · refunded so far {2}",
    "Cari struknya dulu.": "Look the receipt up first.",
    "Masuk kasir": "Till sign-in",
    "Masuk": "Sign in",
    "Pengguna": "User",
    "Masukkan PIN.": "Enter your PIN.",
    "Memeriksa PIN...": "Checking PIN...",
    "Gagal masuk: {0}": "Sign-in failed: {0}",
    "Buka shift": "Open shift",
    "Modal awal di laci": "Opening float in the drawer",
    "mis. 200000 atau 200rb": "e.g. 200000 or 200rb",
    "Ya": "Yes",
    "Tidak": "No",
}


def main() -> int:
    tree = ET.parse(TS)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if source in EN:
            translation.text = EN[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    for source in sorted(set(missing)):
        print(f"untranslated: {source!r}")
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    return subprocess.run([str(lrelease), str(TS), "-qm", str(QM)], check=False).returncode


if __name__ == "__main__":
    raise SystemExit(main())
