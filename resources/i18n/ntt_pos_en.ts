<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name>BuyerDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="158" />
        <source>Pembeli ASN (F4)</source>
        <translation>Civil-servant buyer (F4)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="162" />
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="163" />
        <source>18 angka; spasi, titik, dan tulisan NIP boleh</source>
        <translation>18 digits; spaces, dots and a NIP label are fine</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="179" />
        <source>{0} dari 18 angka</source>
        <translation>{0} of 18 digits</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="190" />
        <source>&lt;b&gt;NIP sah, belum terdaftar&lt;/b&gt;</source>
        <translation>&lt;b&gt;Valid NIP, not registered&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="192" />
        <source>{0}: {1} dari minimal {2}, termasuk transaksi ini</source>
        <translation>{0}: {1} of the {2} minimum, this sale included</translation>
    </message>
</context>
<context>
    <name>CartTableModel</name>
    <message>
        <location filename="../../pos/ui/cart_model.py" line="33" />
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cart_model.py" line="34" />
        <source>Barang</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cart_model.py" line="35" />
        <source>Jml</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cart_model.py" line="36" />
        <source>Harga</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cart_model.py" line="37" />
        <source>Diskon</source>
        <translation>Discount</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cart_model.py" line="38" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>CheckoutActions</name>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="129" />
        <source>Ubah jumlah (F3)</source>
        <translation>Change quantity (F3)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="144" />
        <source>Diskon total (F6)</source>
        <translation>Sale discount (F6)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="144" />
        <source>Diskon baris (F5)</source>
        <translation>Line discount (F5)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="146" />
        <source>Diskon (mis. 10% atau 5000)</source>
        <translation>Discount (e.g. 10% or 5000)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="175" />
        <source>Ubah harga (F7)</source>
        <translation>Change price (F7)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="182" />
        <source>Ubah harga {0} ke {1}</source>
        <translation>Change price {0} to {1}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="103" />
        <source>Hapus baris</source>
        <translation>Remove line</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="103" />
        <location filename="../../pos/ui/checkout_actions.py" line="208" />
        <source>Batal transaksi</source>
        <translation>Void sale</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="208" />
        <source>Batalkan seluruh transaksi ini?</source>
        <translation>Void this whole sale?</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="215" />
        <source>Transaksi dibatalkan.</source>
        <translation>Sale voided.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="229" />
        <source>Transaksi ditahan: {0} ({1}).</source>
        <translation>Sale parked: {0} ({1}).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="237" />
        <source>Selesaikan atau tahan transaksi ini dulu sebelum memanggil yang lain.</source>
        <translation>Finish or park this sale before recalling another.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="241" />
        <source>Tidak ada transaksi yang ditahan.</source>
        <translation>No parked sales.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="258" />
        <source>Transaksi dipanggil: {0}</source>
        <translation>Sale recalled: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="282" />
        <source>Transaksi belum tersimpan: {0}</source>
        <translation>Sale not saved: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="294" />
        <source>Struk tidak bisa dibuat: {0}</source>
        <translation>Receipt could not be made: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="301" />
        <source>Belum ada struk untuk dicetak ulang.</source>
        <translation>No receipt to reprint yet.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="304" />
        <source>Cetak ulang struk {0}.</source>
        <translation>Reprinting receipt {0}.</translation>
    </message>
</context>
<context>
    <name>CheckoutScreen</name>
    <message>
        <location filename="../../pos/ui/checkout.py" line="45" />
        <source>Cari barang</source>
        <translation>Find item</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="46" />
        <source>Ubah jumlah</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="47" />
        <source>Pembeli ASN</source>
        <translation>ASN buyer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="48" />
        <source>Diskon baris</source>
        <translation>Line discount</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="49" />
        <source>Diskon total</source>
        <translation>Sale discount</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="50" />
        <source>Ubah harga</source>
        <translation>Change price</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="51" />
        <source>Retur</source>
        <translation>Refund</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="52" />
        <source>Tahan</source>
        <translation>Park</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="53" />
        <source>Panggil</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="54" />
        <source>Cetak ulang</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="55" />
        <source>Hapus baris</source>
        <translation>Remove line</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="56" />
        <source>Batal transaksi</source>
        <translation>Void sale</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="57" />
        <source>Laporan X</source>
        <translation>X report</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="58" />
        <source>Tutup shift</source>
        <translation>Close shift</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="59" />
        <source>Keluar</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="83" />
        <source>Pindai barcode, NIP, atau QR struk · ketik kode lalu Enter · 3*kode untuk 3 barang</source>
        <translation>Scan a barcode, NIP or receipt QR · type a code and Enter · 3*code for 3 items</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="118" />
        <source>Pratinjau struk terakhir</source>
        <translation>Last receipt preview</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="126" />
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="131" />
        <source>PEMBELI</source>
        <translation>BUYER</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="137" />
        <source>BAYAR</source>
        <translation>PAY</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="230" />
        <source>Barcode {0} tidak dikenal.</source>
        <translation>Unknown barcode {0}.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="303" />
        <source>NIP tidak sah: {0}</source>
        <translation>Invalid NIP: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="306" />
        <source>Pembeli ASN dicatat: {0}</source>
        <translation>ASN buyer recorded: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="312" />
        <source>Bukan ASN / belum dipindai (F4)</source>
        <translation>Not a civil servant / not scanned (F4)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="318" />
        <source>&lt;b&gt;NIP sah, belum terdaftar&lt;/b&gt;</source>
        <translation>&lt;b&gt;Valid NIP, not registered&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="322" />
        <source>Minimal tercapai</source>
        <translation>Minimum reached</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="324" />
        <source>Kurang {0}</source>
        <translation>{0} short</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="341" />
        <source>{0} barang · {1} baris</source>
        <translation>{0} items · {1} lines</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="345" />
        <source>Subtotal {0}</source>
        <translation>Subtotal {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="347" />
        <source>Diskon {0}</source>
        <translation>Discount {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="349" />
        <source>PPN {0}</source>
        <translation>VAT {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="360" />
        <source>Kembalian {0}</source>
        <translation>Change {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="362" />
        <source>Transaksi terakhir {0}: total {1}, dibayar {2}, kembalian {3}</source>
        <translation>Last sale {0}: total {1}, paid {2}, change {3}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="369" />
        <source>Transaksi selesai. Silakan pindai barang pelanggan berikutnya.</source>
        <translation>Sale complete. Scan the next customer's items.</translation>
    </message>
</context>
<context>
    <name>CloseShiftDialog</name>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="48" />
        <source>Tutup shift</source>
        <translation>Close shift</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="54" />
        <source>&lt;b&gt;Pecahan&lt;/b&gt;</source>
        <translation>&lt;b&gt;Denomination&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="55" />
        <source>&lt;b&gt;Jumlah lembar/keping&lt;/b&gt;</source>
        <translation>&lt;b&gt;Notes/coins&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="56" />
        <source>&lt;b&gt;Nilai&lt;/b&gt;</source>
        <translation>&lt;b&gt;Value&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="79" />
        <source>Tutup shift &amp; cetak Z</source>
        <translation>Close shift &amp; print Z</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="83" />
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="97" />
        <source>&lt;b&gt;Laporan X (sebelum tutup)&lt;/b&gt;</source>
        <translation>&lt;b&gt;X report (before closing)&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="116" />
        <source>Seharusnya di laci: {0}</source>
        <translation>Expected in drawer: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="118" />
        <source>Dihitung: {0}</source>
        <translation>Counted: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="121" />
        <source>pas</source>
        <translation>exact</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="121" />
        <source>lebih</source>
        <translation>over</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="121" />
        <source>kurang</source>
        <translation>short</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="124" />
        <source>Selisih: {0} ({1})</source>
        <translation>Difference: {0} ({1})</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="40" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="41" />
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>HeldListDialog</name>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="313" />
        <source>Panggil transaksi (F11)</source>
        <translation>Recall sale (F11)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="324" />
        <source>Panggil</source>
        <translation>Recall</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../pos/ui/main_window.py" line="49" />
        <source>Kasir {0}</source>
        <translation>Till {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="63" />
        <source>Sinkronisasi: belum diatur</source>
        <translation>Sync: not set up</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="69" />
        <source>Printer: tidak ada (pratinjau)</source>
        <translation>Printer: none (preview)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="69" />
        <location filename="../../pos/ui/main_window.py" line="224" />
        <source>Printer siap</source>
        <translation>Printer ready</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="95" />
        <source>Belum masuk</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="109" />
        <source>Shift #{0} · modal {1}</source>
        <translation>Shift #{0} · float {1}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="120" />
        <source>Selesaikan, tahan, atau batalkan transaksi ini sebelum keluar.</source>
        <translation>Finish, park or void this sale before signing out.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="124" />
        <source>Keluar</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="125" />
        <source>Shift Anda masih terbuka. Keluar tanpa menutup shift? (Shift tetap terbuka.)</source>
        <translation>Your shift is still open. Sign out without closing it? (The shift stays open.)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="154" />
        <source>Pilih paling sedikit satu barang untuk diretur.</source>
        <translation>Choose at least one item to refund.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="156" />
        <source>Alasan retur wajib diisi.</source>
        <translation>A refund reason is required.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="159" />
        <source>Refund struk {0}</source>
        <translation>Refund receipt {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="170" />
        <source>Refund {0} tersimpan: kembalikan {1} tunai kepada pelanggan.</source>
        <translation>Refund {0} saved: give the customer {1} in cash.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="180" />
        <source>Laporan X</source>
        <translation>X report</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="187" />
        <source>Selesaikan atau tahan transaksi ini sebelum menutup shift.</source>
        <translation>Finish or park this sale before closing the shift.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="201" />
        <location filename="../../pos/ui/main_window.py" line="204" />
        <source>Laporan Z</source>
        <translation>Z report</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="214" />
        <source>Ditutup otomatis</source>
        <translation>Parked on close</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="234" />
        <source> · {0} antre</source>
        <translation> · {0} queued</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="242" />
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="242" />
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="244" />
        <source>Sinkron {0}: {1} menunggu · terakhir {2}</source>
        <translation>Sync {0}: {1} waiting · last {2}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="250" />
        <source> · {0} ditolak</source>
        <translation> · {0} rejected</translation>
    </message>
</context>
<context>
    <name>ManagerPinDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="82" />
        <source>Persetujuan manajer</source>
        <translation>Manager approval</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="87" />
        <source>Perlu PIN manajer untuk: {0}</source>
        <translation>Manager PIN needed for: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="88" />
        <source>Manajer</source>
        <translation>Manager</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="91" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../pos/ui/payment.py" line="48" />
        <source>Pembayaran (F8)</source>
        <translation>Payment (F8)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment.py" line="61" />
        <source>Jumlah diterima, mis. 100000 atau 100rb (kosong = pas)</source>
        <translation>Amount received, e.g. 100000 or 100rb (blank = exact)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment.py" line="63" />
        <source>Nomor referensi / trace EDC</source>
        <translation>Reference / EDC trace number</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment.py" line="78" />
        <source>QRIS statis outlet belum diatur</source>
        <translation>The outlet's static QRIS is not set up</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment.py" line="97" />
        <source>Terima</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment.py" line="99" />
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment.py" line="101" />
        <source>Hapus bayaran</source>
        <translation>Remove payment</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment.py" line="147" />
        <source>QRIS belum bisa dipakai: QRIS statis outlet belum diatur.</source>
        <translation>QRIS unavailable: the outlet's static QRIS is not set up.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment.py" line="171" />
        <source>QRIS statis outlet tidak sah: {0}</source>
        <translation>The outlet's static QRIS is invalid: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment.py" line="176" />
        <source>Pindai dengan aplikasi bank/e-wallet: {0}. Tekan Enter setelah pembayaran masuk.</source>
        <translation>Scan with a bank or e-wallet app: {0}. Press Enter once the payment has arrived.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment.py" line="205" />
        <source>Jumlah pembayaran harus lebih dari Rp0</source>
        <translation>The payment must be more than Rp0</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment.py" line="235" />
        <source>Kembalian {0}</source>
        <translation>Change {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment.py" line="240" />
        <source>Total {0}</source>
        <translation>Total {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment.py" line="241" />
        <source>Sisa {0}</source>
        <translation>Due {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment.py" line="257" />
        <source> (pas)</source>
        <translation> (exact)</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="146" />
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ProductSearchDialog</name>
    <message>
        <location filename="../../pos/ui/search.py" line="90" />
        <source>Cari barang (F2)</source>
        <translation>Find item (F2)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/search.py" line="96" />
        <source>Ketik nama, kode, atau barcode barang...</source>
        <translation>Type an item's name, code or barcode...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/search.py" line="111" />
        <source>Enter: tambahkan  ·  ↑/↓: pilih  ·  Esc: tutup</source>
        <translation>Enter: add  ·  ↑/↓: choose  ·  Esc: close</translation>
    </message>
</context>
<context>
    <name>ProductTableModel</name>
    <message>
        <location filename="../../pos/ui/search.py" line="39" />
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../pos/ui/search.py" line="40" />
        <source>Nama barang</source>
        <translation>Item name</translation>
    </message>
    <message>
        <location filename="../../pos/ui/search.py" line="41" />
        <source>Pemasok</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <location filename="../../pos/ui/search.py" line="42" />
        <source>Stok</source>
        <translation>Stock</translation>
    </message>
    <message>
        <location filename="../../pos/ui/search.py" line="43" />
        <source>Harga</source>
        <translation>Price</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="128" />
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="134" />
        <source>Alasan wajib diisi.</source>
        <translation>A reason is required.</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <location filename="../../pos/ui/refund.py" line="29" />
        <source>Retur / refund (F9)</source>
        <translation>Refund (F9)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund.py" line="34" />
        <source>Nomor struk atau pindai QR struk, lalu Enter</source>
        <translation>Receipt number or scan the receipt QR, then Enter</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund.py" line="39" />
        <source>Barang</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund.py" line="39" />
        <source>Terjual</source>
        <translation>Sold</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund.py" line="39" />
        <source>Dibayar</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund.py" line="39" />
        <source>Jumlah retur</source>
        <translation>Qty to refund</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund.py" line="44" />
        <source>Alasan retur (wajib)</source>
        <translation>Refund reason (required)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund.py" line="47" />
        <source>Semua barang</source>
        <translation>All items</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund.py" line="50" />
        <source>Refund (PIN manajer)</source>
        <translation>Refund (manager PIN)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund.py" line="53" />
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund.py" line="88" />
        <source>Struk {0} · total {1} · sudah direfund {2}</source>
        <translation>Receipt {0} · total {1} · refunded so far {2}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund.py" line="119" />
        <source>Cari struknya dulu.</source>
        <translation>Look the receipt up first.</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <location filename="../../pos/ui/signin.py" line="29" />
        <source>Masuk kasir</source>
        <translation>Till sign-in</translation>
    </message>
    <message>
        <location filename="../../pos/ui/signin.py" line="35" />
        <location filename="../../pos/ui/signin.py" line="49" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../pos/ui/signin.py" line="40" />
        <source>Masuk</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../pos/ui/signin.py" line="48" />
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../pos/ui/signin.py" line="74" />
        <source>Outlet demo. {0}</source>
        <translation>Demo outlet. {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/signin.py" line="92" />
        <source>Masukkan PIN.</source>
        <translation>Enter your PIN.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/signin.py" line="96" />
        <source>Memeriksa PIN...</source>
        <translation>Checking PIN...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/signin.py" line="113" />
        <source>Gagal masuk: {0}</source>
        <translation>Sign-in failed: {0}</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="25" />
        <location filename="../../pos/ui/shift_dialogs.py" line="32" />
        <source>Buka shift</source>
        <translation>Open shift</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="26" />
        <source>Modal awal di laci</source>
        <translation>Opening float in the drawer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="31" />
        <source>mis. 200000 atau 200rb</source>
        <translation>e.g. 200000 or 200rb</translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets.py" line="51" />
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets.py" line="52" />
        <source>Tidak</source>
        <translation>No</translation>
    </message>
</context>
</TS>