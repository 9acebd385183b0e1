<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name />
    <message>
        <location filename="../../pos/ui/about.py" line="21" />
        <source>NTT Mart POS versi {0}</source>
        <translation>NTT Mart POS version {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/about.py" line="22" />
        <source>Kasir offline-first untuk outlet NTT Mart (Dekranasda Provinsi NTT).</source>
        <translation>Offline-first till for the NTT Mart outlets (Dekranasda of NTT province).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/about.py" line="24" />
        <source>Outlet: {0}</source>
        <translation>Outlet: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/about.py" line="28" />
        <source>Versi baru tersedia: {0}. Hubungi TI provinsi untuk memperbarui.</source>
        <translation>New version available: {0}. Contact the province's IT to update.</translation>
    </message>
</context>
<context>
    <name>AdminMenu</name>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="33" />
        <location filename="../../pos/ui/setup/admin_menu.py" line="76" />
        <location filename="../../pos/ui/setup/admin_menu.py" line="89" />
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="39" />
        <source>Manajemen toko: katalog, stok, konsinyasi...</source>
        <translation>Store management: catalog, stock, consignment...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="42" />
        <source>Buka laci kas</source>
        <translation>Open cash drawer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="43" />
        <source>Kas masuk / keluar...</source>
        <translation>Cash in / out...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="44" />
        <source>Pengaturan outlet...</source>
        <translation>Outlet settings...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="45" />
        <source>Pengguna...</source>
        <translation>Users...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="46" />
        <source>Printer struk...</source>
        <translation>Receipt printer...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="47" />
        <source>Antrian cetak...</source>
        <translation>Print queue...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="48" />
        <source>Event sinkron ditolak...</source>
        <translation>Rejected sync events...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="56" />
        <source>Klik untuk melihat antrian cetak</source>
        <translation>Click to see the print queue</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="63" />
        <source> · {0} gagal</source>
        <translation> · {0} failed</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="76" />
        <source>Masuk dulu sebagai admin atau manajer.</source>
        <translation>Sign in as an admin or manager first.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="87" />
        <source>Menu ini</source>
        <translation>This menu</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="111" />
        <source>Printer belum diatur: laci tidak bisa dibuka.</source>
        <translation>No printer set up: the drawer cannot be opened.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="112" />
        <location filename="../../pos/ui/setup/admin_menu.py" line="117" />
        <source>Laci kas</source>
        <translation>Cash drawer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="115" />
        <source>dibuka dari menu Admin</source>
        <translation>opened from the Admin menu</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="119" />
        <location filename="../../pos/ui/setup/admin_menu.py" line="139" />
        <source>Buka laci</source>
        <translation>Open drawer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="125" />
        <source>Buka shift dulu: kas masuk/keluar dicatat pada shift yang terbuka.</source>
        <translation>Open a shift first: cash in/out is recorded on the open shift.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="126" />
        <source>Kas masuk / keluar</source>
        <translation>Cash in / out</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="141" />
        <source>Tercatat: {0} {1}.</source>
        <translation>Recorded: {0} {1}.</translation>
    </message>
</context>
<context>
    <name>BuyerDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="159" />
        <source>Pembeli ASN (F4)</source>
        <translation>Civil-servant buyer (F4)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="164" />
        <source>Hapus NIP</source>
        <translation>Remove NIP</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="170" />
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="171" />
        <source>18 angka; spasi, titik, dan tulisan NIP boleh</source>
        <translation>18 digits; spaces, dots and a NIP label are fine</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="177" />
        <source>Pembeli sekarang: {0}</source>
        <translation>Buyer now: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="193" />
        <source>{0} dari 18 angka</source>
        <translation>{0} of 18 digits</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="204" />
        <source>&lt;b&gt;NIP sah, belum terdaftar&lt;/b&gt;</source>
        <translation>&lt;b&gt;Valid NIP, not registered&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="206" />
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
        <location filename="../../pos/ui/checkout_actions.py" line="155" />
        <source>Ubah jumlah (F3)</source>
        <translation>Change quantity (F3)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="179" />
        <source>Diskon total (F6)</source>
        <translation>Sale discount (F6)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="179" />
        <source>Diskon baris (F5)</source>
        <translation>Line discount (F5)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="181" />
        <source>Diskon (mis. 10% atau 5000)</source>
        <translation>Discount (e.g. 10% or 5000)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="203" />
        <source>Ubah harga (F7)</source>
        <translation>Change price (F7)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="209" />
        <source>Ubah harga {0} ke {1}</source>
        <translation>Change price {0} to {1}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="132" />
        <source>Hapus baris</source>
        <translation>Remove line</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="132" />
        <location filename="../../pos/ui/checkout_actions.py" line="233" />
        <source>Batal transaksi</source>
        <translation>Void sale</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="171" />
        <source>NIP pembeli dihapus dari transaksi ini.</source>
        <translation>The buyer's NIP was removed from this sale.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="233" />
        <source>Batalkan seluruh transaksi ini?</source>
        <translation>Void this whole sale?</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="240" />
        <source>Transaksi dibatalkan.</source>
        <translation>Sale voided.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="255" />
        <source>Transaksi ditahan: {0} ({1}).</source>
        <translation>Sale parked: {0} ({1}).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="263" />
        <source>Selesaikan atau tahan transaksi ini dulu sebelum memanggil yang lain.</source>
        <translation>Finish or park this sale before recalling another.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="267" />
        <source>Tidak ada transaksi yang ditahan.</source>
        <translation>No parked sales.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="280" />
        <source>Transaksi dipanggil: {0}</source>
        <translation>Sale recalled: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="294" />
        <source>Perlu persetujuan manajer sebelum pembayaran.</source>
        <translation>A manager must approve before payment.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="317" />
        <source>Transaksi belum tersimpan: {0}</source>
        <translation>Sale not saved: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="329" />
        <source>Struk tidak bisa dibuat: {0}</source>
        <translation>Receipt could not be made: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="336" />
        <source>Belum ada struk untuk dicetak ulang.</source>
        <translation>No receipt to reprint yet.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="339" />
        <source>Cetak ulang struk {0}.</source>
        <translation>Reprinting receipt {0}.</translation>
    </message>
</context>
<context>
    <name>CheckoutScreen</name>
    <message>
        <location filename="../../pos/ui/checkout.py" line="49" />
        <source>Cari barang</source>
        <translation>Find item</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="50" />
        <source>Ubah jumlah</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="51" />
        <source>Pembeli ASN</source>
        <translation>ASN buyer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="52" />
        <source>Diskon baris</source>
        <translation>Line discount</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="53" />
        <source>Diskon total</source>
        <translation>Sale discount</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="54" />
        <source>Ubah harga</source>
        <translation>Change price</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="55" />
        <source>Retur</source>
        <translation>Refund</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="56" />
        <source>Tahan</source>
        <translation>Park</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="57" />
        <source>Panggil</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="58" />
        <source>Cetak ulang</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="59" />
        <source>Hapus baris</source>
        <translation>Remove line</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="60" />
        <source>Batal transaksi</source>
        <translation>Void sale</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="61" />
        <source>Laporan X</source>
        <translation>X report</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="62" />
        <source>Tutup shift</source>
        <translation>Close shift</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="63" />
        <source>Keluar</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="91" />
        <source>Pindai barcode, NIP, atau QR struk · ketik kode lalu Enter · 3*kode untuk 3 barang</source>
        <translation>Scan a barcode, NIP or receipt QR · type a code and Enter · 3*code for 3 items</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="123" />
        <source>Pratinjau struk terakhir</source>
        <translation>Last receipt preview</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="131" />
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="136" />
        <source>PEMBELI</source>
        <translation>BUYER</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="142" />
        <source>BAYAR</source>
        <translation>PAY</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="249" />
        <source>Barcode {0} tidak dikenal.</source>
        <translation>Unknown barcode {0}.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="322" />
        <source>NIP tidak sah: {0}</source>
        <translation>Invalid NIP: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="325" />
        <source>Pembeli ASN dicatat: {0}</source>
        <translation>ASN buyer recorded: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="331" />
        <source>Bukan ASN / belum dipindai (F4)</source>
        <translation>Not a civil servant / not scanned (F4)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="337" />
        <source>&lt;b&gt;NIP sah, belum terdaftar&lt;/b&gt;</source>
        <translation>&lt;b&gt;Valid NIP, not registered&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="341" />
        <source>Minimal tercapai</source>
        <translation>Minimum reached</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="343" />
        <source>Kurang {0}</source>
        <translation>{0} short</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="360" />
        <source>{0} barang · {1} baris</source>
        <translation>{0} items · {1} lines</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="364" />
        <source>Subtotal {0}</source>
        <translation>Subtotal {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="366" />
        <source>Diskon {0}</source>
        <translation>Discount {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="368" />
        <source>PPN {0}</source>
        <translation>VAT {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="400" />
        <source>Keranjang belum tersimpan ke disk; coba lagi.</source>
        <translation>The cart is not saved to disk yet; try again.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="408" />
        <source>Kembalian {0}</source>
        <translation>Change {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="410" />
        <source>Transaksi terakhir {0}: total {1}, dibayar {2}, kembalian {3}</source>
        <translation>Last sale {0}: total {1}, paid {2}, change {3}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="417" />
        <source>Transaksi selesai. Silakan pindai barang pelanggan berikutnya.</source>
        <translation>Sale complete. Scan the next customer's items.</translation>
    </message>
</context>
<context>
    <name>CloseShiftDialog</name>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="69" />
        <source>Tutup shift</source>
        <translation>Close shift</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="75" />
        <source>&lt;b&gt;Pecahan&lt;/b&gt;</source>
        <translation>&lt;b&gt;Denomination&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="76" />
        <source>&lt;b&gt;Jumlah lembar/keping&lt;/b&gt;</source>
        <translation>&lt;b&gt;Notes/coins&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="77" />
        <source>&lt;b&gt;Nilai&lt;/b&gt;</source>
        <translation>&lt;b&gt;Value&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="100" />
        <source>Tutup shift &amp; cetak Z</source>
        <translation>Close shift &amp; print Z</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="104" />
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="118" />
        <source>&lt;b&gt;Laporan X (sebelum tutup)&lt;/b&gt;</source>
        <translation>&lt;b&gt;X report (before closing)&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="138" />
        <source>Seharusnya di laci: {0}</source>
        <translation>Expected in drawer: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="140" />
        <source>Dihitung: {0}</source>
        <translation>Counted: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="143" />
        <source>pas</source>
        <translation>exact</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="143" />
        <source>lebih</source>
        <translation>over</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="143" />
        <source>kurang</source>
        <translation>short</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="146" />
        <source>Selisih: {0} ({1})</source>
        <translation>Difference: {0} ({1})</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../pos/ui/crash.py" line="55" />
        <source>Terjadi kesalahan</source>
        <translation>An error occurred</translation>
    </message>
    <message>
        <location filename="../../pos/ui/crash.py" line="59" />
        <source>Terjadi kesalahan. Transaksi yang sudah tersimpan aman.</source>
        <translation>An error occurred. Sales already saved are safe.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/crash.py" line="64" />
        <source>Keranjang yang sedang berjalan tetap ada; lanjutkan seperti biasa. Kalau terulang, hubungi dukungan TI dan kirimkan detailnya (tombol Salin detail).</source>
        <translation>The cart in progress is still there; carry on as usual. If it happens again, contact IT support and send the details (Copy details button).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/crash.py" line="72" />
        <source>Salin detail</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <location filename="../../pos/ui/crash.py" line="75" />
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../pos/ui/crash.py" line="95" />
        <source>Detail disalin</source>
        <translation>Details copied</translation>
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
        <location filename="../../pos/ui/checkout_actions.py" line="348" />
        <source>Panggil transaksi (F11)</source>
        <translation>Recall sale (F11)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="359" />
        <source>Panggil</source>
        <translation>Recall</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location filename="../../pos/ui/about.py" line="41" />
        <source>Bantuan</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../../pos/ui/about.py" line="43" />
        <location filename="../../pos/ui/about.py" line="50" />
        <source>Tentang NTT Mart POS</source>
        <translation>About NTT Mart POS</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../pos/ui/main_window.py" line="59" />
        <source>Kasir {0}</source>
        <translation>Till {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="84" />
        <source>Sinkronisasi: belum diatur</source>
        <translation>Sync: not set up</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="94" />
        <location filename="../../pos/ui/main_window.py" line="313" />
        <source>Printer: tidak ada (pratinjau)</source>
        <translation>Printer: none (preview)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="94" />
        <location filename="../../pos/ui/main_window.py" line="313" />
        <source>Printer siap</source>
        <translation>Printer ready</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="128" />
        <source>Belum masuk</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="171" />
        <source>Shift #{0} · modal {1}</source>
        <translation>Shift #{0} · float {1}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="183" />
        <source>Selesaikan, tahan, atau batalkan transaksi ini sebelum keluar.</source>
        <translation>Finish, park or void this sale before signing out.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="187" />
        <source>Keluar</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="188" />
        <source>Shift Anda masih terbuka. Keluar tanpa menutup shift? (Shift tetap terbuka.)</source>
        <translation>Your shift is still open. Sign out without closing it? (The shift stays open.)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="217" />
        <source>Pilih paling sedikit satu barang untuk diretur.</source>
        <translation>Choose at least one item to refund.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="219" />
        <source>Alasan retur wajib diisi.</source>
        <translation>A refund reason is required.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="222" />
        <source>Refund struk {0}: kembalikan {1}</source>
        <translation>Refund receipt {0}: give back {1}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="376" />
        <source>Sinkron {0}: {1} menunggu · terakhir berhasil {2}</source>
        <translation>Sync {0}: {1} waiting · last success {2}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="398" />
        <source>Versi baru tersedia: {0}</source>
        <translation>New version available: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="400" />
        <source>Kasir ini versi {0}. Hubungi TI provinsi untuk memperbarui.</source>
        <translation>This till is version {0}. Contact the province's IT to update.</translation>
    </message>
    <message>
        <source>Refund struk {0}</source>
        <translation>Refund receipt {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="236" />
        <source>Refund {0} tersimpan: kembalikan {1} tunai kepada pelanggan.</source>
        <translation>Refund {0} saved: give the customer {1} in cash.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="246" />
        <source>Laporan X</source>
        <translation>X report</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="253" />
        <source>Selesaikan atau tahan transaksi ini sebelum menutup shift.</source>
        <translation>Finish or park this sale before closing the shift.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="270" />
        <location filename="../../pos/ui/main_window.py" line="273" />
        <source>Laporan Z</source>
        <translation>Z report</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="284" />
        <source>Ditutup otomatis</source>
        <translation>Parked on close</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="361" />
        <source> · {0} antre</source>
        <translation> · {0} queued</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="371" />
        <source>Sinkron DITOLAK ({0} menunggu): {1}</source>
        <translation>Sync REFUSED ({0} waiting): {1}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="374" />
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="374" />
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>Sinkron {0}: {1} menunggu · terakhir {2}</source>
        <translation>Sync {0}: {1} waiting · last {2}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="382" />
        <source> · {0} ditolak</source>
        <translation> · {0} rejected</translation>
    </message>
</context>
<context>
    <name>ManagerPage</name>
    <message>
        <location filename="../../pos/ui/manager_page.py" line="24" />
        <source>Tanpa shift: tidak ada penjualan dan laci kas. Untuk menjual, buka shift dulu.</source>
        <translation>No shift: no sales and no cash drawer. To sell, open a shift first.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_page.py" line="29" />
        <source>Manajemen toko</source>
        <translation>Store management</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_page.py" line="32" />
        <source>Buka shift untuk menjual</source>
        <translation>Open a shift to sell</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_page.py" line="35" />
        <source>Keluar</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../pos/ui/manager_page.py" line="61" />
        <source>Tanpa shift (tidak bisa menjual)</source>
        <translation>No shift (cannot sell)</translation>
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
        <location filename="../../pos/ui/dialogs.py" line="92" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
</context>
<context>
    <name>OpenCartDialog</name>
    <message>
        <location filename="../../pos/ui/recovery.py" line="63" />
        <source>Transaksi belum selesai</source>
        <translation>Unfinished sale</translation>
    </message>
    <message>
        <location filename="../../pos/ui/recovery.py" line="67" />
        <source>Kasir berhenti di tengah transaksi ({0}, pukul {1}): {2} barang, total {3}. Belum ada pembayaran yang tersimpan untuk transaksi ini.</source>
        <translation>The till stopped in the middle of a sale ({0}, at {1}): {2} items, total {3}. No payment was saved for this sale.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/recovery.py" line="76" />
        <source>Lanjutkan transaksi</source>
        <translation>Continue the sale</translation>
    </message>
    <message>
        <location filename="../../pos/ui/recovery.py" line="77" />
        <source>Tahan dulu (F11 untuk memanggil)</source>
        <translation>Park it (F11 to recall)</translation>
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
        <location filename="../../pos/ui/payment.py" line="157" />
        <source>QRIS belum bisa dipakai: QRIS statis outlet belum diatur.</source>
        <translation>QRIS unavailable: the outlet's static QRIS is not set up.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment.py" line="181" />
        <source>QRIS statis outlet tidak sah: {0}</source>
        <translation>The outlet's static QRIS is invalid: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment.py" line="186" />
        <source>Pindai dengan aplikasi bank/e-wallet: {0}. Tekan Enter setelah pembayaran masuk.</source>
        <translation>Scan with a bank or e-wallet app: {0}. Press Enter once the payment has arrived.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment.py" line="215" />
        <source>Jumlah pembayaran harus lebih dari Rp0</source>
        <translation>The payment must be more than Rp0</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment.py" line="260" />
        <source>Kembalian {0}</source>
        <translation>Change {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment.py" line="265" />
        <source>Total {0}</source>
        <translation>Total {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment.py" line="266" />
        <source>Sisa {0}</source>
        <translation>Due {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment.py" line="283" />
        <source> (pas)</source>
        <translation> (exact)</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="147" />
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ProductSearchDialog</name>
    <message>
        <location filename="../../pos/ui/search.py" line="92" />
        <source>Cari barang (F2)</source>
        <translation>Find item (F2)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/search.py" line="98" />
        <source>Ketik nama, kode, atau barcode barang...</source>
        <translation>Type an item's name, code or barcode...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/search.py" line="114" />
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
        <location filename="../../pos/ui/dialogs.py" line="129" />
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="135" />
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
        <location filename="../../pos/ui/refund.py" line="49" />
        <source>Semua barang</source>
        <translation>All items</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund.py" line="52" />
        <source>Refund (PIN manajer)</source>
        <translation>Refund (manager PIN)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund.py" line="55" />
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund.py" line="93" />
        <source>Struk {0} · total {1} · sudah direfund {2}</source>
        <translation>Receipt {0} · total {1} · refunded so far {2}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund.py" line="122" />
        <source>Kembalikan kepada pelanggan: {0}</source>
        <translation>Give back to the customer: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund.py" line="143" />
        <source>Cari struknya dulu.</source>
        <translation>Look the receipt up first.</translation>
    </message>
</context>
<context>
    <name>RegionChoice</name>
    <message>
        <location filename="../../pos/ui/region_choice.py" line="23" />
        <source>(belum dipilih)</source>
        <translation>(not chosen)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/region_choice.py" line="39" />
        <source>{0} (bukan kabupaten/kota NTT: pilih dari daftar)</source>
        <translation>{0} (not a regency/city of NTT: choose from the list)</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <location filename="../../pos/ui/signin.py" line="40" />
        <source>Masuk kasir</source>
        <translation>Till sign-in</translation>
    </message>
    <message>
        <location filename="../../pos/ui/signin.py" line="46" />
        <location filename="../../pos/ui/signin.py" line="62" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../pos/ui/signin.py" line="52" />
        <source>Masuk</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../pos/ui/signin.py" line="61" />
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../pos/ui/signin.py" line="99" />
        <source>Outlet demo. {0}</source>
        <translation>Demo outlet. {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/signin.py" line="126" />
        <source>Masukkan PIN.</source>
        <translation>Enter your PIN.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/signin.py" line="130" />
        <source>Memeriksa PIN...</source>
        <translation>Checking PIN...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/signin.py" line="147" />
        <source>Gagal masuk: {0}</source>
        <translation>Sign-in failed: {0}</translation>
    </message>
</context>
<context>
    <name>UnprintedDialog</name>
    <message>
        <location filename="../../pos/ui/recovery.py" line="29" />
        <source>Struk belum tercetak</source>
        <translation>Receipts not printed</translation>
    </message>
    <message>
        <location filename="../../pos/ui/recovery.py" line="32" />
        <source>Transaksi ini sudah tersimpan, tetapi struknya belum keluar dari printer (kasir berhenti mendadak, mis. listrik padam). Cetak sekarang sebagai struk asli?</source>
        <translation>These sales are saved, but their receipts never came out of the printer (the till stopped suddenly, e.g. a power cut). Print them now as originals?</translation>
    </message>
    <message>
        <location filename="../../pos/ui/recovery.py" line="41" />
        <source>Cetak sekarang</source>
        <translation>Print now</translation>
    </message>
    <message>
        <location filename="../../pos/ui/recovery.py" line="42" />
        <source>Nanti</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="31" />
        <location filename="../../pos/ui/shift_dialogs.py" line="38" />
        <source>Buka shift</source>
        <translation>Open shift</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="32" />
        <source>Modal awal di laci</source>
        <translation>Opening float in the drawer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="37" />
        <source>mis. 200000 atau 200rb</source>
        <translation>e.g. 200000 or 200rb</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="39" />
        <source>Tanpa shift (manajemen toko)</source>
        <translation>No shift (store management)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets.py" line="56" />
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets.py" line="57" />
        <source>Tidak</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>self.window</name>
    <message>
        <location filename="../../pos/ui/recovery.py" line="118" />
        <source>{0} struk yang belum tercetak dikirim ke printer.</source>
        <translation>{0} unprinted receipts sent to the printer.</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../pos/ui/recovery.py" line="129" />
        <source>Transaksi dilanjutkan: {0} barang, {1}.</source>
        <translation>Sale continued: {0} items, {1}.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/recovery.py" line="140" />
        <source>Transaksi ditahan: {0}. Panggil dengan F11.</source>
        <translation>Sale parked: {0}. Recall it with F11.</translation>
    </message>
</context>
</TS>