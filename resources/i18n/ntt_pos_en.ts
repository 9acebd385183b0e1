<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name>AdminMenu</name>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="34" />
        <location filename="../../pos/ui/setup/admin_menu.py" line="77" />
        <location filename="../../pos/ui/setup/admin_menu.py" line="90" />
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="40" />
        <source>Manajemen toko: katalog, stok, konsinyasi...</source>
        <translation>Store management: catalog, stock, consignment...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="43" />
        <source>Buka laci kas</source>
        <translation>Open cash drawer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="44" />
        <source>Kas masuk / keluar...</source>
        <translation>Cash in / out...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="45" />
        <source>Pengaturan outlet...</source>
        <translation>Outlet settings...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="46" />
        <source>Pengguna...</source>
        <translation>Users...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="47" />
        <source>Printer struk...</source>
        <translation>Receipt printer...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="48" />
        <source>Antrian cetak...</source>
        <translation>Print queue...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="49" />
        <source>Event sinkron ditolak...</source>
        <translation>Rejected sync events...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="57" />
        <source>Klik untuk melihat antrian cetak</source>
        <translation>Click to see the print queue</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="64" />
        <source> · {0} gagal</source>
        <translation> · {0} failed</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="77" />
        <source>Masuk dulu sebagai admin atau manajer.</source>
        <translation>Sign in as an admin or manager first.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="88" />
        <source>Menu ini</source>
        <translation>This menu</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="112" />
        <source>Printer belum diatur: laci tidak bisa dibuka.</source>
        <translation>No printer set up: the drawer cannot be opened.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="113" />
        <location filename="../../pos/ui/setup/admin_menu.py" line="118" />
        <source>Laci kas</source>
        <translation>Cash drawer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="116" />
        <source>dibuka dari menu Admin</source>
        <translation>opened from the Admin menu</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="120" />
        <location filename="../../pos/ui/setup/admin_menu.py" line="140" />
        <source>Buka laci</source>
        <translation>Open drawer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="126" />
        <source>Buka shift dulu: kas masuk/keluar dicatat pada shift yang terbuka.</source>
        <translation>Open a shift first: cash in/out is recorded on the open shift.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="127" />
        <source>Kas masuk / keluar</source>
        <translation>Cash in / out</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/admin_menu.py" line="142" />
        <source>Tercatat: {0} {1}.</source>
        <translation>Recorded: {0} {1}.</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="101" />
        <source>Admin pertama</source>
        <translation>First admin</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="102" />
        <source>Admin mengatur outlet, pengguna dan printer. Ingat PIN ini baik-baik.</source>
        <translation>The admin manages the outlet, users and printer. Keep this PIN in mind.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="109" />
        <source>Nama pengguna</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="110" />
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="111" />
        <source>PIN (4-8 angka)</source>
        <translation>PIN (4-8 digits)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="112" />
        <source>Ulangi PIN</source>
        <translation>Repeat PIN</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="118" />
        <source>Nama pengguna admin wajib diisi.</source>
        <translation>The admin's username is required.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="121" />
        <source>PIN dan ulangan PIN tidak sama.</source>
        <translation>The PIN and its repetition differ.</translation>
    </message>
</context>
<context>
    <name>BackOffice</name>
    <message>
        <location filename="../../pos/ui/backoffice/common.py" line="88" />
        <source>{0} wajib diisi.</source>
        <translation>{0} is required.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/common.py" line="100" />
        <source>{0} harus bilangan bulat.</source>
        <translation>{0} must be a whole number.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/common.py" line="102" />
        <source>{0} harus bilangan bulat tidak negatif.</source>
        <translation>{0} must be a whole number, not negative.</translation>
    </message>
</context>
<context>
    <name>BackOfficeTable</name>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="43" />
        <location filename="../../pos/ui/backoffice/consignment_tab.py" line="31" />
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="40" />
        <location filename="../../pos/ui/backoffice/stocktake_tab.py" line="18" />
        <location filename="../../pos/ui/backoffice/suppliers_tab.py" line="24" />
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="44" />
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="45" />
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="41" />
        <location filename="../../pos/ui/backoffice/stocktake_tab.py" line="19" />
        <location filename="../../pos/ui/backoffice/suppliers_tab.py" line="25" />
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="46" />
        <source>Produsen</source>
        <translation>Producer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="47" />
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="48" />
        <source>Harga</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="49" />
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="42" />
        <source>Stok</source>
        <translation>Stock</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="50" />
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="43" />
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="51" />
        <location filename="../../pos/ui/backoffice/suppliers_tab.py" line="31" />
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/consignment_tab.py" line="32" />
        <source>Produk</source>
        <translation>Product</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/consignment_tab.py" line="33" />
        <source>Terjual</source>
        <translation>Sold</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/consignment_tab.py" line="34" />
        <source>Penjualan kotor</source>
        <translation>Gross sales</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/consignment_tab.py" line="35" />
        <source>Harga beli titip</source>
        <translation>Consignment purchase price</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="44" />
        <source>Tanda</source>
        <translation>Flag</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="47" />
        <source>Barang</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="48" />
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="49" />
        <source>Harga beli / unit</source>
        <translation>Purchase price / unit</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stocktake_tab.py" line="20" />
        <source>Dihitung</source>
        <translation>Counted</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stocktake_tab.py" line="21" />
        <source>Menurut sistem</source>
        <translation>Expected</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stocktake_tab.py" line="22" />
        <source>Selisih</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/suppliers_tab.py" line="26" />
        <source>Pemilik</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/suppliers_tab.py" line="27" />
        <source>Kabupaten</source>
        <translation>Regency</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/suppliers_tab.py" line="28" />
        <source>Desa</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/suppliers_tab.py" line="29" />
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/suppliers_tab.py" line="30" />
        <source>Syarat</source>
        <translation>Terms</translation>
    </message>
</context>
<context>
    <name>BackOfficeWindow</name>
    <message>
        <location filename="../../pos/ui/backoffice/window.py" line="53" />
        <source>Manajemen toko hanya untuk manajer atau admin.</source>
        <translation>Store management is for managers and admins only.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/window.py" line="58" />
        <source>Manajemen toko NTT Mart - {0}</source>
        <translation>NTT Mart store management - {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/window.py" line="68" />
        <source>Produk</source>
        <translation>Products</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/window.py" line="69" />
        <source>Produsen</source>
        <translation>Producers</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/window.py" line="70" />
        <source>Stok</source>
        <translation>Stock</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/window.py" line="71" />
        <source>Stok opname</source>
        <translation>Stocktake</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/window.py" line="72" />
        <source>Titip jual</source>
        <translation>Consignment</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/window.py" line="73" />
        <source>Laporan</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/window.py" line="95" />
        <source>Hasil pindai {0} tidak dipakai di tab ini.</source>
        <translation>Scan {0} is not used on this tab.</translation>
    </message>
</context>
<context>
    <name>BuyerDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="160" />
        <source>Pembeli ASN (F4)</source>
        <translation>Civil-servant buyer (F4)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="165" />
        <source>Hapus NIP</source>
        <translation>Remove NIP</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="171" />
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="172" />
        <source>18 angka; spasi, titik, dan tulisan NIP boleh</source>
        <translation>18 digits; spaces, dots and a NIP label are fine</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="178" />
        <source>Pembeli sekarang: {0}</source>
        <translation>Buyer now: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="194" />
        <source>{0} dari 18 angka</source>
        <translation>{0} of 18 digits</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="205" />
        <source>&lt;b&gt;NIP sah, belum terdaftar&lt;/b&gt;</source>
        <translation>&lt;b&gt;Valid NIP, not registered&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="207" />
        <source>{0}: {1} dari minimal {2}, termasuk transaksi ini</source>
        <translation>{0}: {1} of the {2} minimum, this sale included</translation>
    </message>
</context>
<context>
    <name>CartTableModel</name>
    <message>
        <location filename="../../pos/ui/cart_model.py" line="44" />
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cart_model.py" line="45" />
        <source>Barang</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cart_model.py" line="46" />
        <source>Jml</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cart_model.py" line="47" />
        <source>Harga</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cart_model.py" line="48" />
        <source>Diskon</source>
        <translation>Discount</translation>
    </message>
    <message>
        <location filename="../../pos/ui/cart_model.py" line="49" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>CashMovementDialog</name>
    <message>
        <location filename="../../pos/ui/setup/cash_dialog.py" line="29" />
        <source>Kas masuk / kas keluar</source>
        <translation>Cash in / cash out</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/cash_dialog.py" line="33" />
        <source>Uang di laci sekarang: {0}</source>
        <translation>Cash in the drawer now: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/cash_dialog.py" line="34" />
        <source>Arah</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/cash_dialog.py" line="37" />
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/cash_dialog.py" line="38" />
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/cash_dialog.py" line="39" />
        <source>mis. 250000 atau 250rb</source>
        <translation>e.g. 250000 or 250rb</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/cash_dialog.py" line="40" />
        <source>Keterangan</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/cash_dialog.py" line="41" />
        <source>Disetujui manajer</source>
        <translation>Approved by manager</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/cash_dialog.py" line="44" />
        <source>PIN manajer</source>
        <translation>Manager PIN</translation>
    </message>
</context>
<context>
    <name>CatalogTab</name>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="67" />
        <source>Cari nama, kode atau barcode...</source>
        <translation>Search name, code or barcode...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="74" />
        <source>Pindai, atau kosongkan untuk barcode toko baru</source>
        <translation>Scan, or leave empty for a new store barcode</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="80" />
        <source>Titip jual</source>
        <translation>Consignment</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="80" />
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="85" />
        <source>mis. 45rb atau Rp45.000</source>
        <translation>e.g. 45rb or Rp45.000</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="86" />
        <source>Kategori...</source>
        <translation>Categories...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="93" />
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="93" />
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="94" />
        <source>Kode (SKU)</source>
        <translation>Code (SKU)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="94" />
        <source>Produsen</source>
        <translation>Producer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="95" />
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="95" />
        <source>Satuan</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="96" />
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="244" />
        <source>Harga jual</source>
        <translation>Selling price</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="96" />
        <source>Harga pokok (beli putus)</source>
        <translation>Cost price (bought outright)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="97" />
        <source>Harga beli titip / unit</source>
        <translation>Consignment purchase price / unit</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="97" />
        <source>Pajak</source>
        <translation>Tax</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="98" />
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="261" />
        <source>Stok minimum</source>
        <translation>Minimum stock</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="101" />
        <source>Simpan produk</source>
        <translation>Save product</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="103" />
        <source>Produk baru</source>
        <translation>New product</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="105" />
        <source>Cetak label</source>
        <translation>Print labels</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="107" />
        <source>Label PDF (A4)</source>
        <translation>Labels PDF (A4)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="109" />
        <source>Impor CSV/XLSX...</source>
        <translation>Import CSV/XLSX...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="111" />
        <source>Ekspor...</source>
        <translation>Export...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="142" />
        <source>(tanpa produsen)</source>
        <translation>(no producer)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="148" />
        <source>(tanpa kategori)</source>
        <translation>(no category)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="173" />
        <source>ya</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="173" />
        <source>tidak</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="184" />
        <source>Barcode {0} diisi; simpan untuk memakainya.</source>
        <translation>Barcode {0} filled in; save to use it.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="193" />
        <source>Barcode {0} belum terdaftar: diisi untuk produk baru.</source>
        <translation>Barcode {0} is not registered yet: filled in for a new product.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="195" />
        <source>Barcode {0} tidak dikenal.</source>
        <translation>Unknown barcode {0}.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="201" />
        <source>{0} dipilih (Cetak label untuk labelnya).</source>
        <translation>{0} chosen (Print labels for its labels).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="254" />
        <source>Harga pokok</source>
        <translation>Cost price</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="256" />
        <source>Harga beli titip</source>
        <translation>Consignment purchase price</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="271" />
        <source>tanpa produsen</source>
        <translation>no producer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="272" />
        <source>titip jual</source>
        <translation>consignment</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="272" />
        <source>beli putus</source>
        <translation>bought outright</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="273" />
        <source>Tersimpan: {0}, barcode {1}, {2}, produsen: {3} ({4}).</source>
        <translation>Saved: {0}, barcode {1}, {2}, producer: {3} ({4}).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="287" />
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="297" />
        <source>Pilih produk dulu.</source>
        <translation>Choose a product first.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="287" />
        <source>Printer belum diatur.</source>
        <translation>No printer set up.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="291" />
        <source>Label {0} produk</source>
        <translation>Labels for {0} products</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="292" />
        <source>{0} label dikirim ke printer.</source>
        <translation>{0} labels sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="299" />
        <source>Simpan label PDF</source>
        <translation>Save labels PDF</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="302" />
        <source>{0} label disimpan ({1} halaman): {2}</source>
        <translation>{0} labels saved ({1} pages): {2}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="331" />
        <source>Impor produk</source>
        <translation>Import products</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="335" />
        <source>Memeriksa file...</source>
        <translation>Checking the file...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="345" />
        <source>{0} baris bermasalah, tidak ada yang disimpan:</source>
        <translation>{0} rows with problems, nothing was saved:</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="353" />
        <source>Impor dibatalkan; tidak ada yang disimpan.</source>
        <translation>Import cancelled; nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="356" />
        <source>Mengimpor produk...</source>
        <translation>Importing products...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="364" />
        <source>Impor selesai: {0} produk baru, {1} diubah.</source>
        <translation>Import done: {0} new products, {1} changed.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="367" />
        <source>Produsen baru (lengkapi di tab Produsen): {0}.</source>
        <translation>New producers (complete them on the Producers tab): {0}.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="372" />
        <source>Ekspor produk</source>
        <translation>Export products</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="376" />
        <source>Mengekspor produk...</source>
        <translation>Exporting products...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/catalog_tab.py" line="378" />
        <source>{0} produk diekspor ke {1}.</source>
        <translation>{0} products exported to {1}.</translation>
    </message>
</context>
<context>
    <name>CategoriesDialog</name>
    <message>
        <location filename="../../pos/ui/backoffice/categories_dialog.py" line="29" />
        <source>Kategori produk</source>
        <translation>Product categories</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/categories_dialog.py" line="35" />
        <source>Nama kategori, mis. Kopi &amp; Teh</source>
        <translation>Category name, e.g. Coffee &amp; Tea</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/categories_dialog.py" line="37" />
        <source>Tambah kategori</source>
        <translation>Add category</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/categories_dialog.py" line="39" />
        <source>Ubah nama</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/categories_dialog.py" line="43" />
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/categories_dialog.py" line="76" />
        <source>Kategori {0} ditambahkan.</source>
        <translation>Category {0} added.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/categories_dialog.py" line="81" />
        <source>Pilih kategori di daftar dulu.</source>
        <translation>Choose a category in the list first.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/categories_dialog.py" line="83" />
        <source>Nama kategori diubah: {0}.</source>
        <translation>Category renamed: {0}.</translation>
    </message>
</context>
<context>
    <name>ChangePinDialog</name>
    <message>
        <location filename="../../pos/ui/setup/users_dialog.py" line="176" />
        <source>Buat PIN baru</source>
        <translation>Create a new PIN</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/users_dialog.py" line="183" />
        <source>PIN Anda direset. Buat PIN baru (4-8 angka, tidak berurutan).</source>
        <translation>Your PIN was reset. Create a new PIN (4-8 digits, not a sequence).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/users_dialog.py" line="185" />
        <source>PIN baru</source>
        <translation>New PIN</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/users_dialog.py" line="186" />
        <source>Ulangi PIN</source>
        <translation>Repeat PIN</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/users_dialog.py" line="197" />
        <source>PIN dan ulangan PIN tidak sama.</source>
        <translation>The PIN and its repetition differ.</translation>
    </message>
</context>
<context>
    <name>Checkout</name>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="38" />
        <source>Jumlah harus angka 1 sampai {0}.</source>
        <translation>The quantity must be a number from 1 to {0}.</translation>
    </message>
</context>
<context>
    <name>CheckoutActions</name>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="164" />
        <source>Ubah jumlah (F3)</source>
        <translation>Change quantity (F3)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="189" />
        <source>Diskon total (F6)</source>
        <translation>Sale discount (F6)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="189" />
        <source>Diskon baris (F5)</source>
        <translation>Line discount (F5)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="191" />
        <source>Diskon (mis. 10% atau 5000)</source>
        <translation>Discount (e.g. 10% or 5000)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="211" />
        <source>Ubah harga (F7)</source>
        <translation>Change price (F7)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="217" />
        <source>Ubah harga {0} ke {1}</source>
        <translation>Change price {0} to {1}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="137" />
        <source>Hapus baris</source>
        <translation>Remove line</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="137" />
        <location filename="../../pos/ui/checkout_actions.py" line="238" />
        <source>Batal transaksi</source>
        <translation>Void sale</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="181" />
        <source>NIP pembeli dihapus dari transaksi ini.</source>
        <translation>The buyer's NIP was removed from this sale.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="238" />
        <source>Batalkan seluruh transaksi ini?</source>
        <translation>Void this whole sale?</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="245" />
        <source>Transaksi dibatalkan.</source>
        <translation>Sale voided.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="259" />
        <source>Transaksi ditahan: {0} ({1}).</source>
        <translation>Sale parked: {0} ({1}).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="264" />
        <source>Selesaikan atau tahan transaksi ini dulu sebelum memanggil yang lain.</source>
        <translation>Finish or park this sale before recalling another.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="268" />
        <source>Tidak ada transaksi yang ditahan.</source>
        <translation>No parked sales.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="281" />
        <source>Transaksi dipanggil: {0}</source>
        <translation>Sale recalled: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="295" />
        <source>Perlu persetujuan manajer sebelum pembayaran.</source>
        <translation>A manager must approve before payment.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="318" />
        <source>Transaksi belum tersimpan: {0}</source>
        <translation>Sale not saved: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="329" />
        <source>Struk tidak bisa dibuat: {0}</source>
        <translation>Receipt could not be made: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="335" />
        <source>Belum ada struk untuk dicetak ulang.</source>
        <translation>No receipt to reprint yet.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="338" />
        <source>Cetak ulang struk {0}.</source>
        <translation>Reprinting receipt {0}.</translation>
    </message>
</context>
<context>
    <name>CheckoutPanel</name>
    <message>
        <location filename="../../pos/ui/checkout_panel.py" line="38" />
        <source>Pratinjau struk terakhir</source>
        <translation>Last receipt preview</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_panel.py" line="40" />
        <source>BAYAR</source>
        <translation>PAY</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_panel.py" line="45" />
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_panel.py" line="50" />
        <source>PEMBELI</source>
        <translation>BUYER</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_panel.py" line="63" />
        <source>{0} barang · {1} baris</source>
        <translation>{0} items · {1} lines</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_panel.py" line="65" />
        <source>Subtotal {0}</source>
        <translation>Subtotal {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_panel.py" line="67" />
        <source>Diskon {0}</source>
        <translation>Discount {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_panel.py" line="69" />
        <source>PPN {0}</source>
        <translation>VAT {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_panel.py" line="76" />
        <source>Bukan ASN / belum dipindai (F4)</source>
        <translation>Not a civil servant / not scanned (F4)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_panel.py" line="82" />
        <source>&lt;b&gt;NIP sah, belum terdaftar&lt;/b&gt;</source>
        <translation>&lt;b&gt;Valid NIP, not registered&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_panel.py" line="86" />
        <source>Minimal tercapai</source>
        <translation>Minimum reached</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_panel.py" line="88" />
        <source>Kurang {0}</source>
        <translation>{0} short</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_panel.py" line="101" />
        <source>Kembalian {0}</source>
        <translation>Change {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_panel.py" line="104" />
        <source>Transaksi terakhir {0}: total {1}, dibayar {2}, kembalian {3}</source>
        <translation>Last sale {0}: total {1}, paid {2}, change {3}</translation>
    </message>
</context>
<context>
    <name>CheckoutScreen</name>
    <message>
        <location filename="../../pos/ui/checkout_functions.py" line="39" />
        <source>Cari barang</source>
        <translation>Find item</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_functions.py" line="40" />
        <source>Ubah jumlah</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_functions.py" line="41" />
        <source>Pembeli ASN</source>
        <translation>ASN buyer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_functions.py" line="42" />
        <source>Diskon baris</source>
        <translation>Line discount</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_functions.py" line="43" />
        <source>Diskon total</source>
        <translation>Sale discount</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_functions.py" line="44" />
        <source>Ubah harga</source>
        <translation>Change price</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_functions.py" line="45" />
        <source>Retur</source>
        <translation>Refund</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_functions.py" line="46" />
        <source>Tahan</source>
        <translation>Park</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_functions.py" line="47" />
        <source>Panggil</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_functions.py" line="48" />
        <source>Cetak ulang</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_functions.py" line="49" />
        <source>Hapus baris</source>
        <translation>Remove line</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_functions.py" line="50" />
        <source>Batal transaksi</source>
        <translation>Void sale</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_functions.py" line="51" />
        <source>Laporan X</source>
        <translation>X report</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_functions.py" line="52" />
        <source>Tutup shift</source>
        <translation>Close shift</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_functions.py" line="53" />
        <source>Keluar</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="74" />
        <source>Pindai barcode, NIP, atau QR struk · ketik kode lalu Enter · 3*kode untuk 3 barang</source>
        <translation>Scan a barcode, NIP or receipt QR · type a code and Enter · 3*code for 3 items</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="215" />
        <source>Barcode {0} tidak dikenal.</source>
        <translation>Unknown barcode {0}.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="223" />
        <source>Kode {0} tidak dikenal.</source>
        <translation>Unknown code {0}.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="291" />
        <source>NIP tidak sah: {0}</source>
        <translation>Invalid NIP: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="294" />
        <source>Pembeli ASN dicatat: {0}</source>
        <translation>ASN buyer recorded: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="330" />
        <source>Keranjang belum tersimpan ke disk; coba lagi.</source>
        <translation>The cart is not saved to disk yet; try again.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout.py" line="340" />
        <source>Transaksi selesai. Silakan pindai barang pelanggan berikutnya.</source>
        <translation>Sale complete. Scan the next customer's items.</translation>
    </message>
</context>
<context>
    <name>CloseShiftDialog</name>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="73" />
        <source>Tutup shift</source>
        <translation>Close shift</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="79" />
        <source>&lt;b&gt;Pecahan&lt;/b&gt;</source>
        <translation>&lt;b&gt;Denomination&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="80" />
        <source>&lt;b&gt;Jumlah lembar/keping&lt;/b&gt;</source>
        <translation>&lt;b&gt;Notes/coins&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="81" />
        <source>&lt;b&gt;Nilai&lt;/b&gt;</source>
        <translation>&lt;b&gt;Value&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="104" />
        <source>Tutup shift &amp; cetak Z</source>
        <translation>Close shift &amp; print Z</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="108" />
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="122" />
        <source>&lt;b&gt;Laporan X (sebelum tutup)&lt;/b&gt;</source>
        <translation>&lt;b&gt;X report (before closing)&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="141" />
        <source>Seharusnya di laci: {0}</source>
        <translation>Expected in drawer: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="142" />
        <source>Dihitung: {0}</source>
        <translation>Counted: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="145" />
        <source>pas</source>
        <translation>exact</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="145" />
        <source>lebih</source>
        <translation>over</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="145" />
        <source>kurang</source>
        <translation>short</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="147" />
        <source>Selisih: {0} ({1})</source>
        <translation>Difference: {0} ({1})</translation>
    </message>
</context>
<context>
    <name>Confirm</name>
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
    <name>ConnectionCheck</name>
    <message>
        <location filename="../../pos/ui/setup/connection_check.py" line="37" />
        <source>Sertifikat HTTPS server {0} tidak bisa diverifikasi (SSL).</source>
        <translation>The HTTPS certificate of server {0} cannot be verified (SSL).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/connection_check.py" line="44" />
        <source>Server {0} tidak menjawab (timeout). Periksa internet outlet atau coba lagi nanti.</source>
        <translation>Server {0} does not answer (timeout). Check the outlet's internet or try again later.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/connection_check.py" line="52" />
        <source>Alamat {0} tidak ditemukan (DNS). Periksa ejaan alamat server atau internet outlet.</source>
        <translation>Address {0} not found (DNS). Check the spelling of the server address or the outlet's internet.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/connection_check.py" line="60" />
        <source>Server {0} menolak sambungan (tidak ada layanan di port itu). Periksa alamat dan port.</source>
        <translation>Server {0} refused the connection (no service on that port). Check the address and port.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/connection_check.py" line="67" />
        <source>Server {0} tidak terjangkau ({1}).</source>
        <translation>Server {0} cannot be reached ({1}).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/connection_check.py" line="75" />
        <source>Token ditolak server provinsi (401). Minta token baru ke admin provinsi.</source>
        <translation>The provincial server refused the token (401). Ask the provincial admin for a new token.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/connection_check.py" line="79" />
        <source>Kode outlet tidak cocok dengan token (403). Periksa kode outlet.</source>
        <translation>The outlet code does not match the token (403). Check the outlet code.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/connection_check.py" line="83" />
        <source>Versi aplikasi tidak cocok dengan server provinsi (409). Perbarui aplikasi.</source>
        <translation>The app version does not match the provincial server (409). Update the app.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/connection_check.py" line="87" />
        <source>Alamatnya bukan server NTT Mart (404). Periksa alamat server.</source>
        <translation>That address is not an NTT Mart server (404). Check the server address.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/connection_check.py" line="91" />
        <source>Server provinsi menjawab {0}: {1}</source>
        <translation>The provincial server answered {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/connection_check.py" line="103" />
        <source>Alamat server harus diawali http:// atau https://, mis. https://pos.nttprov.go.id</source>
        <translation>The server address must start with http:// or https://, e.g. https://pos.nttprov.go.id</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/connection_check.py" line="110" />
        <source>Isi token kasir dari admin provinsi.</source>
        <translation>Enter the till token from the provincial admin.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/connection_check.py" line="125" />
        <source>Alamat {0} tidak ditemukan (DNS). Periksa ejaan alamat server.</source>
        <translation>Address {0} not found (DNS). Check the spelling of the server address.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/connection_check.py" line="150" />
        <source>Jawaban server provinsi tidak sah. Periksa alamat server.</source>
        <translation>Invalid answer from the provincial server. Check the server address.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/connection_check.py" line="159" />
        <source>Token ini milik outlet {0} (kasir {1}), bukan outlet {2}.</source>
        <translation>This token belongs to outlet {0} (till {1}), not outlet {2}.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/connection_check.py" line="172" />
        <source>Terhubung: outlet {0} ({1}), kasir {2}.</source>
        <translation>Connected: outlet {0} ({1}), till {2}.</translation>
    </message>
</context>
<context>
    <name>ConsignmentTab</name>
    <message>
        <location filename="../../pos/ui/backoffice/consignment_tab.py" line="59" />
        <source>Hitung</source>
        <translation>Calculate</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/consignment_tab.py" line="68" />
        <source>Catat pembayaran</source>
        <translation>Record payment</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/consignment_tab.py" line="70" />
        <source>Cetak laporan</source>
        <translation>Print statement</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/consignment_tab.py" line="72" />
        <source>Laporan PDF</source>
        <translation>Statement PDF</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/consignment_tab.py" line="77" />
        <source>Produsen</source>
        <translation>Producer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/consignment_tab.py" line="79" />
        <source>Dari</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/consignment_tab.py" line="81" />
        <source>s/d</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/consignment_tab.py" line="87" />
        <location filename="../../pos/ui/backoffice/consignment_tab.py" line="146" />
        <source>Jumlah dibayar</source>
        <translation>Amount paid</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/consignment_tab.py" line="88" />
        <source>Cara bayar</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/consignment_tab.py" line="89" />
        <source>Referensi transfer</source>
        <translation>Transfer reference</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/consignment_tab.py" line="131" />
        <source>Terjual {0} | Kotor {1} | Komisi {2} | Hak produsen {3} | Sudah dibayar {4} | Sisa {5}</source>
        <translation>Sold {0} | Gross {1} | Commission {2} | Producer's share {3} | Paid so far {4} | Balance {5}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/consignment_tab.py" line="140" />
        <location filename="../../pos/ui/backoffice/consignment_tab.py" line="162" />
        <location filename="../../pos/ui/backoffice/consignment_tab.py" line="174" />
        <source>Hitung dulu penyelesaiannya.</source>
        <translation>Calculate the settlement first.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/consignment_tab.py" line="156" />
        <source>Pembayaran {0} ke {1} tercatat.</source>
        <translation>Payment of {0} to {1} recorded.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/consignment_tab.py" line="164" />
        <source>Printer belum diatur.</source>
        <translation>No printer set up.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/consignment_tab.py" line="169" />
        <source>Titip jual {0}</source>
        <translation>Consignment {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/consignment_tab.py" line="179" />
        <source>Simpan laporan PDF</source>
        <translation>Save statement PDF</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/consignment_tab.py" line="187" />
        <source>Laporan titip jual {0}</source>
        <translation>Consignment statement {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/consignment_tab.py" line="189" />
        <source>Laporan disimpan: {0}</source>
        <translation>Report saved: {0}</translation>
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
    <name>ExtrasPage</name>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="157" />
        <source>QRIS dan server provinsi</source>
        <translation>QRIS and provincial server</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="158" />
        <source>Boleh dilewati: keduanya bisa diatur nanti di menu Admin.</source>
        <translation>May be skipped: both can be set later in the Admin menu.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="160" />
        <source>Tempel atau pindai QRIS statis outlet dari bank</source>
        <translation>Paste or scan the outlet's static QRIS from the bank</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="162" />
        <source>Periksa QRIS</source>
        <translation>Check QRIS</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="171" />
        <source>Tes koneksi</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="176" />
        <source>QRIS statis</source>
        <translation>Static QRIS</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="181" />
        <source>Server provinsi</source>
        <translation>Provincial server</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="182" />
        <source>Token kasir</source>
        <translation>Till token</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="193" />
        <source>Kolom QRIS masih kosong: tempel atau pindai QRIS statis dari bank (boleh dilewati).</source>
        <translation>The QRIS field is empty: paste or scan the static QRIS from the bank (may be skipped).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="200" />
        <source>QRIS tidak bisa dipakai: {0}</source>
        <translation>QRIS cannot be used: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="213" />
        <source>Menghubungi server...</source>
        <translation>Contacting the server...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="225" />
        <source>Perbaiki QRIS atau kosongkan dulu (bisa diisi nanti di Pengaturan).</source>
        <translation>Fix the QRIS or clear it first (it can be filled in later in Settings).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="230" />
        <source>Tekan "Tes koneksi" dulu sampai berhasil, atau kosongkan alamat server.</source>
        <translation>Press "Test connection" until it succeeds, or clear the server address.</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="41" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="42" />
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>HeldListDialog</name>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="347" />
        <source>Panggil transaksi (F11)</source>
        <translation>Recall sale (F11)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/checkout_actions.py" line="358" />
        <source>Panggil</source>
        <translation>Recall</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location filename="../../pos/ui/about.py" line="23" />
        <source>NTT Mart POS versi {0}</source>
        <translation>NTT Mart POS version {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/about.py" line="24" />
        <source>Kasir offline-first untuk outlet NTT Mart (Dekranasda Provinsi NTT).</source>
        <translation>Offline-first till for the NTT Mart outlets (Dekranasda of NTT province).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/about.py" line="26" />
        <source>Outlet: {0}</source>
        <translation>Outlet: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/about.py" line="30" />
        <source>Versi baru tersedia: {0}. Hubungi TI provinsi untuk memperbarui.</source>
        <translation>New version available: {0}. Contact the province's IT to update.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/about.py" line="42" />
        <source>Bantuan</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../../pos/ui/about.py" line="44" />
        <location filename="../../pos/ui/about.py" line="52" />
        <source>Tentang NTT Mart POS</source>
        <translation>About NTT Mart POS</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../pos/ui/backoffice/import_dialog.py" line="20" />
        <source>Pratinjau impor produk</source>
        <translation>Product import preview</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/import_dialog.py" line="23" />
        <source>{0} produk baru, {1} produk diubah.</source>
        <translation>{0} new products, {1} products changed.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/import_dialog.py" line="26" />
        <source>Kategori baru: {0}.</source>
        <translation>New categories: {0}.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/import_dialog.py" line="29" />
        <source>Produsen baru akan dibuat ({0}, titip jual): {1}.</source>
        <translation>New producers will be created ({0}, consignment): {1}.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/import_dialog.py" line="33" />
        <source>{0} baris bermasalah: perbaiki file lalu impor lagi.</source>
        <translation>{0} rows with problems: fix the file and import again.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/import_dialog.py" line="41" />
        <source>Impor</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/import_dialog.py" line="42" />
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../pos/ui/main_window.py" line="61" />
        <source>Kasir {0}</source>
        <translation>Till {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="88" />
        <source>Sinkronisasi: belum diatur</source>
        <translation>Sync: not set up</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="98" />
        <location filename="../../pos/ui/main_window.py" line="254" />
        <source>Printer: tidak ada (pratinjau)</source>
        <translation>Printer: none (preview)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="98" />
        <location filename="../../pos/ui/main_window.py" line="254" />
        <source>Printer siap</source>
        <translation>Printer ready</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="137" />
        <source>Belum masuk</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="180" />
        <source>Shift #{0} · modal {1}</source>
        <translation>Shift #{0} · float {1}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="190" />
        <source>Selesaikan, tahan, atau batalkan transaksi ini sebelum keluar.</source>
        <translation>Finish, park or void this sale before signing out.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="194" />
        <source>Keluar</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="195" />
        <source>Shift Anda masih terbuka. Keluar tanpa menutup shift? (Shift tetap terbuka.)</source>
        <translation>Your shift is still open. Sign out without closing it? (The shift stays open.)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="319" />
        <source>Sinkron {0}: {1} menunggu · terakhir berhasil {2}</source>
        <translation>Sync {0}: {1} waiting · last success {2}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="338" />
        <source>Versi baru tersedia: {0}</source>
        <translation>New version available: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="340" />
        <source>Kasir ini versi {0}. Hubungi TI provinsi untuk memperbarui.</source>
        <translation>This till is version {0}. Contact the province's IT to update.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="225" />
        <source>Ditutup otomatis</source>
        <translation>Parked on close</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="304" />
        <source> · {0} antre</source>
        <translation> · {0} queued</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="315" />
        <source>Sinkron DITOLAK ({0} menunggu): {1}</source>
        <translation>Sync REFUSED ({0} waiting): {1}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="317" />
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="317" />
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="322" />
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
        <location filename="../../pos/ui/dialogs.py" line="83" />
        <source>Persetujuan manajer</source>
        <translation>Manager approval</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="88" />
        <source>Perlu PIN manajer untuk: {0}</source>
        <translation>Manager PIN needed for: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="89" />
        <source>Manajer</source>
        <translation>Manager</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="93" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
</context>
<context>
    <name>OpenCartDialog</name>
    <message>
        <location filename="../../pos/ui/recovery.py" line="65" />
        <source>Transaksi belum selesai</source>
        <translation>Unfinished sale</translation>
    </message>
    <message>
        <location filename="../../pos/ui/recovery.py" line="69" />
        <source>Kasir berhenti di tengah transaksi ({0}, pukul {1}): {2} barang, total {3}. Belum ada pembayaran yang tersimpan untuk transaksi ini.</source>
        <translation>The till stopped in the middle of a sale ({0}, at {1}): {2} items, total {3}. No payment was saved for this sale.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/recovery.py" line="78" />
        <source>Lanjutkan transaksi</source>
        <translation>Continue the sale</translation>
    </message>
    <message>
        <location filename="../../pos/ui/recovery.py" line="79" />
        <source>Tahan dulu (F11 untuk memanggil)</source>
        <translation>Park it (F11 to recall)</translation>
    </message>
</context>
<context>
    <name>OpenShiftDialog</name>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="33" />
        <location filename="../../pos/ui/shift_dialogs.py" line="41" />
        <source>Buka shift</source>
        <translation>Open shift</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="34" />
        <source>Modal awal di laci</source>
        <translation>Opening float in the drawer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="40" />
        <source>mis. 200000 atau 200rb</source>
        <translation>e.g. 200000 or 200rb</translation>
    </message>
    <message>
        <location filename="../../pos/ui/shift_dialogs.py" line="42" />
        <source>Tanpa shift (manajemen toko)</source>
        <translation>No shift (store management)</translation>
    </message>
</context>
<context>
    <name>OutletPage</name>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="61" />
        <source>Outlet</source>
        <translation>Outlet</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="62" />
        <source>Data outlet ini dicetak di setiap struk.</source>
        <translation>This outlet data is printed on every receipt.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="67" />
        <source>Jalan, kelurahan, kota</source>
        <translation>Street, village, city</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="71" />
        <source>Kabupaten/kota</source>
        <translation>Regency/city</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="72" />
        <source>Kode outlet</source>
        <translation>Outlet code</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="73" />
        <source>Nama outlet</source>
        <translation>Outlet name</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="74" />
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="75" />
        <source>Penutup struk</source>
        <translation>Receipt footer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="92" />
        <source>Kode, nama dan alamat outlet wajib diisi.</source>
        <translation>The outlet's code, name and address are required.</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../pos/ui/payment.py" line="50" />
        <source>Pembayaran (F8)</source>
        <translation>Payment (F8)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment.py" line="64" />
        <source>Jumlah diterima, mis. 100000 atau 100rb (kosong = pas)</source>
        <translation>Amount received, e.g. 100000 or 100rb (blank = exact)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment.py" line="66" />
        <source>Nomor referensi / trace EDC</source>
        <translation>Reference / EDC trace number</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment.py" line="81" />
        <source>QRIS statis outlet belum diatur</source>
        <translation>The outlet's static QRIS is not set up</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment.py" line="100" />
        <source>Terima</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment.py" line="102" />
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment.py" line="104" />
        <source>Hapus bayaran</source>
        <translation>Remove payment</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment.py" line="160" />
        <source>QRIS belum bisa dipakai: QRIS statis outlet belum diatur.</source>
        <translation>QRIS unavailable: the outlet's static QRIS is not set up.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment.py" line="184" />
        <source>QRIS statis outlet tidak sah: {0}</source>
        <translation>The outlet's static QRIS is invalid: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment.py" line="189" />
        <source>Pindai dengan aplikasi bank/e-wallet: {0}. Tekan Enter setelah pembayaran masuk.</source>
        <translation>Scan with a bank or e-wallet app: {0}. Press Enter once the payment has arrived.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment.py" line="219" />
        <source>Jumlah pembayaran harus lebih dari Rp0</source>
        <translation>The payment must be more than Rp0</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment.py" line="264" />
        <source>Kembalian {0}</source>
        <translation>Change {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment.py" line="269" />
        <source>Total {0}</source>
        <translation>Total {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment.py" line="270" />
        <source>Sisa {0}</source>
        <translation>Due {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/payment.py" line="288" />
        <source> (pas)</source>
        <translation> (exact)</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="148" />
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PrintQueueDialog</name>
    <message>
        <location filename="../../pos/ui/setup/print_queue_dialog.py" line="34" />
        <location filename="../../pos/ui/setup/print_queue_dialog.py" line="95" />
        <source>Antrian cetak</source>
        <translation>Print queue</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/print_queue_dialog.py" line="38" />
        <source>Dokumen yang belum keluar dari printer. Jika printer bermasalah (offline, kertas habis), semua menunggu berurutan dan dicoba lagi otomatis. Dokumen yang gagal karena isinya disisihkan; dokumen berikutnya tetap dicetak.</source>
        <translation>Documents not yet out of the printer. When the printer has a problem (offline, out of paper) they all wait in order and are tried again automatically. A document that fails because of its content is set aside; the next ones still print.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/print_queue_dialog.py" line="46" />
        <source>Dokumen</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/print_queue_dialog.py" line="46" />
        <source>Keadaan</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/print_queue_dialog.py" line="46" />
        <source>Percobaan</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/print_queue_dialog.py" line="49" />
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/print_queue_dialog.py" line="64" />
        <source>gagal, disisihkan</source>
        <translation>failed, set aside</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/print_queue_dialog.py" line="64" />
        <source>menunggu</source>
        <translation>waiting</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/print_queue_dialog.py" line="73" />
        <source>Cetak ulang</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/print_queue_dialog.py" line="74" />
        <location filename="../../pos/ui/setup/print_queue_dialog.py" line="88" />
        <source>Buang</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/print_queue_dialog.py" line="88" />
        <source>Buang {0}? Dokumen ini tidak akan dicetak.</source>
        <translation>Discard {0}? This document will not be printed.</translation>
    </message>
</context>
<context>
    <name>PrinterDialog</name>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="284" />
        <source>Pengaturan printer struk</source>
        <translation>Receipt printer settings</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="293" />
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="294" />
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PrinterForm</name>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="38" />
        <source>Belum ada printer (struk hanya di layar)</source>
        <translation>No printer yet (receipts on screen only)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="39" />
        <source>USB (vendor/product id)</source>
        <translation>USB (vendor/product id)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="40" />
        <source>Jaringan (LAN/Wi-Fi, port 9100)</source>
        <translation>Network (LAN/Wi-Fi, port 9100)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="41" />
        <source>Serial / Bluetooth (COM, /dev/tty...)</source>
        <translation>Serial / Bluetooth (COM, /dev/tty...)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="42" />
        <source>Printer Windows (nama printer)</source>
        <translation>Windows printer (printer name)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="43" />
        <source>Printer CUPS (Linux, nama printer)</source>
        <translation>CUPS printer (Linux, printer name)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="44" />
        <source>File atau perangkat (/dev/usb/lp0)</source>
        <translation>File or device (/dev/usb/lp0)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="110" />
        <source>mis. 0416</source>
        <translation>e.g. 0416</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="111" />
        <source>mis. 5011</source>
        <translation>e.g. 5011</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="112" />
        <source>COM3 atau /dev/ttyUSB0</source>
        <translation>COM3 or /dev/ttyUSB0</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="119" />
        <source>nama printer di sistem</source>
        <translation>the printer's name in the system</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="123" />
        <source>58 mm (32 karakter)</source>
        <translation>58 mm (32 characters)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="124" />
        <source>80 mm (48 karakter)</source>
        <translation>80 mm (48 characters)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="128" />
        <source>(umum)</source>
        <translation>(general)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="129" />
        <source>Buka laci uang setelah pembayaran tunai</source>
        <translation>Open the cash drawer after a cash payment</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="134" />
        <source>Sambungan</source>
        <translation>Connection</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="138" />
        <source>Vendor id USB</source>
        <translation>USB vendor id</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="139" />
        <source>Product id USB</source>
        <translation>USB product id</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="141" />
        <source>Port serial</source>
        <translation>Serial port</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="142" />
        <source>Baud</source>
        <translation>Baud</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="144" />
        <source>Alamat (host)</source>
        <translation>Address (host)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="145" />
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="147" />
        <source>Nama printer</source>
        <translation>Printer name</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="149" />
        <source>File/perangkat</source>
        <translation>File/device</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="150" />
        <source>Kertas</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="151" />
        <source>Profil printer</source>
        <translation>Printer profile</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="166" />
        <source>Laci kas dibuka oleh printer: pilih printer dulu.</source>
        <translation>The cash drawer is opened by the printer: choose a printer first.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="213" />
        <source>Isi vendor id dan product id USB (angka heksadesimal, mis. 0416).</source>
        <translation>Enter the USB vendor id and product id (hexadecimal, e.g. 0416).</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="230" />
        <source>Lengkapi isian sambungan printer.</source>
        <translation>Complete the printer connection fields.</translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="132" />
        <source>Printer struk</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="133" />
        <source>Boleh "Belum ada printer" dulu; bisa diatur nanti di menu Admin.</source>
        <translation>"No printer yet" is fine for now; it can be set later in the Admin menu.</translation>
    </message>
</context>
<context>
    <name>PrinterTester</name>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="246" />
        <source>Cetak halaman tes</source>
        <translation>Print a test page</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="262" />
        <source>Mencetak halaman tes...</source>
        <translation>Printing a test page...</translation>
    </message>
</context>
<context>
    <name>ProductSearchDialog</name>
    <message>
        <location filename="../../pos/ui/search.py" line="95" />
        <source>Cari barang (F2)</source>
        <translation>Find item (F2)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/search.py" line="103" />
        <source>Ketik nama, kode, atau barcode barang...</source>
        <translation>Type an item's name, code or barcode...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/search.py" line="119" />
        <source>Enter: tambahkan  ·  ↑/↓: pilih  ·  Esc: tutup</source>
        <translation>Enter: add  ·  ↑/↓: choose  ·  Esc: close</translation>
    </message>
</context>
<context>
    <name>ProductTableModel</name>
    <message>
        <location filename="../../pos/ui/search.py" line="42" />
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../pos/ui/search.py" line="42" />
        <source>Nama barang</source>
        <translation>Item name</translation>
    </message>
    <message>
        <location filename="../../pos/ui/search.py" line="42" />
        <source>Pemasok</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <location filename="../../pos/ui/search.py" line="42" />
        <source>Stok</source>
        <translation>Stock</translation>
    </message>
    <message>
        <location filename="../../pos/ui/search.py" line="42" />
        <source>Harga</source>
        <translation>Price</translation>
    </message>
</context>
<context>
    <name>QrisCheck</name>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="54" />
        <source>Merchant: {0} · Kota: {1} · NMID: {2}</source>
        <translation>Merchant: {0} · City: {1} · NMID: {2}</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="130" />
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs.py" line="136" />
        <source>Alasan wajib diisi.</source>
        <translation>A reason is required.</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <location filename="../../pos/ui/recovery.py" line="120" />
        <source>{0} struk yang belum tercetak dikirim ke printer.</source>
        <translation>{0} unprinted receipts sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/recovery.py" line="130" />
        <source>Transaksi dilanjutkan: {0} barang, {1}.</source>
        <translation>Sale continued: {0} items, {1}.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/recovery.py" line="139" />
        <source>Transaksi ditahan: {0}. Panggil dengan F11.</source>
        <translation>Sale parked: {0}. Recall it with F11.</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <location filename="../../pos/ui/refund.py" line="30" />
        <source>Retur / refund (F9)</source>
        <translation>Refund (F9)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund.py" line="35" />
        <source>Nomor struk atau pindai QR struk, lalu Enter</source>
        <translation>Receipt number or scan the receipt QR, then Enter</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund.py" line="40" />
        <source>Barang</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund.py" line="40" />
        <source>Terjual</source>
        <translation>Sold</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund.py" line="40" />
        <source>Dibayar</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund.py" line="40" />
        <source>Jumlah retur</source>
        <translation>Qty to refund</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund.py" line="45" />
        <source>Alasan retur (wajib)</source>
        <translation>Refund reason (required)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund.py" line="50" />
        <source>Semua barang</source>
        <translation>All items</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund.py" line="53" />
        <source>Refund (PIN manajer)</source>
        <translation>Refund (manager PIN)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund.py" line="56" />
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund.py" line="95" />
        <source>Struk {0} · total {1} · sudah direfund {2}</source>
        <translation>Receipt {0} · total {1} · refunded so far {2}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund.py" line="125" />
        <source>Kembalikan kepada pelanggan: {0}</source>
        <translation>Give back to the customer: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/refund.py" line="146" />
        <source>Cari struknya dulu.</source>
        <translation>Look the receipt up first.</translation>
    </message>
</context>
<context>
    <name>RegionChoice</name>
    <message>
        <location filename="../../pos/ui/region_choice.py" line="24" />
        <source>(belum dipilih)</source>
        <translation>(not chosen)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/region_choice.py" line="40" />
        <source>{0} (bukan kabupaten/kota NTT: pilih dari daftar)</source>
        <translation>{0} (not a regency/city of NTT: choose from the list)</translation>
    </message>
</context>
<context>
    <name>RejectedEventsDialog</name>
    <message>
        <location filename="../../pos/ui/setup/rejected_dialog.py" line="29" />
        <source>Penjualan</source>
        <translation>Sale</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/rejected_dialog.py" line="30" />
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/rejected_dialog.py" line="31" />
        <source>Tutup shift</source>
        <translation>Close shift</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/rejected_dialog.py" line="32" />
        <source>Stok</source>
        <translation>Stock</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/rejected_dialog.py" line="33" />
        <source>Pemasok</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/rejected_dialog.py" line="34" />
        <source>Pembayaran pemasok</source>
        <translation>Supplier payout</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/rejected_dialog.py" line="50" />
        <source>Event ditolak server provinsi</source>
        <translation>Events rejected by the provincial server</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/rejected_dialog.py" line="54" />
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/rejected_dialog.py" line="54" />
        <source>No. struk</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/rejected_dialog.py" line="54" />
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/rejected_dialog.py" line="54" />
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/rejected_dialog.py" line="60" />
        <source>Kirim ulang yang dipilih</source>
        <translation>Send the chosen ones again</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/rejected_dialog.py" line="63" />
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/rejected_dialog.py" line="67" />
        <source>Perbaiki penyebabnya bersama admin provinsi, lalu kirim ulang.</source>
        <translation>Fix the cause with the provincial admin, then send again.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/rejected_dialog.py" line="75" />
        <source>{0}: {1}, maka {2} event yang sudah terkirim dikirim ulang.</source>
        <translation>{0}: {1}, so {2} events already delivered are sent again.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/rejected_dialog.py" line="106" />
        <source>Tidak ada event yang ditolak.</source>
        <translation>No rejected events.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/rejected_dialog.py" line="111" />
        <source>Pilih event yang akan dikirim ulang.</source>
        <translation>Choose the events to send again.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/rejected_dialog.py" line="119" />
        <source>{0} event masuk antrean kirim lagi.</source>
        <translation>{0} events queued to be sent again.</translation>
    </message>
</context>
<context>
    <name>ReportCharts</name>
    <message>
        <location filename="../../pos/ui/backoffice/report_charts.py" line="22" />
        <source>Penjualan bersih per hari (ribu Rp); putus-putus: periode sebelumnya</source>
        <translation>Net sales per day (thousand Rp); dashed: previous period</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/report_charts.py" line="25" />
        <source>Penjualan bersih per jam (ribu Rp)</source>
        <translation>Net sales per hour (thousand Rp)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/report_charts.py" line="26" />
        <source>{0} produk teratas (ribu Rp)</source>
        <translation>Top {0} products (thousand Rp)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/report_charts.py" line="27" />
        <source>{0} produsen teratas (ribu Rp)</source>
        <translation>Top {0} producers (thousand Rp)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/report_charts.py" line="28" />
        <source>Cara bayar (ribu Rp)</source>
        <translation>Payment methods (thousand Rp)</translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <location filename="../../pos/ui/backoffice/reports_tab.py" line="38" />
        <source>Harian</source>
        <translation>Daily</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/reports_tab.py" line="39" />
        <source>Per jam</source>
        <translation>Hourly</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/reports_tab.py" line="40" />
        <source>Produk</source>
        <translation>Products</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/reports_tab.py" line="41" />
        <source>Produsen</source>
        <translation>Producers</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/reports_tab.py" line="42" />
        <source>Cara bayar</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/reports_tab.py" line="70" />
        <source>Pilih tanggal</source>
        <translation>Choose dates</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/reports_tab.py" line="81" />
        <source>Tampilkan</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/reports_tab.py" line="97" />
        <source>Ekspor XLSX</source>
        <translation>Export XLSX</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/reports_tab.py" line="99" />
        <source>Ekspor PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/reports_tab.py" line="101" />
        <source>Cetak ringkasan harian</source>
        <translation>Print daily summary</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/reports_tab.py" line="105" />
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/reports_tab.py" line="108" />
        <source>s/d</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/reports_tab.py" line="110" />
        <source>Laporan</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/reports_tab.py" line="166" />
        <source>Menghitung...</source>
        <translation>Calculating...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/reports_tab.py" line="247" />
        <source>Simpan laporan</source>
        <translation>Save report</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/reports_tab.py" line="257" />
        <source>Laporan disimpan: {0}</source>
        <translation>Report saved: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/reports_tab.py" line="261" />
        <source>Belum ada printer struk: atur di Admin &gt; Printer struk.</source>
        <translation>No receipt printer yet: set one up in Admin &gt; Receipt printer.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/reports_tab.py" line="271" />
        <source>Ringkasan harian {0}</source>
        <translation>Daily summary {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/reports_tab.py" line="272" />
        <source>Ringkasan harian {0} dikirim ke printer.</source>
        <translation>Daily summary {0} sent to the printer.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="105" />
        <source>Pengaturan outlet</source>
        <translation>Outlet settings</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="108" />
        <source>Outlet dan struk</source>
        <translation>Outlet and receipt</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="109" />
        <source>QRIS</source>
        <translation>QRIS</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="110" />
        <source>Program ASN</source>
        <translation>ASN programme</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="111" />
        <source>Pajak dan batas</source>
        <translation>Tax and limits</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="115" />
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="116" />
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="151" />
        <source>path gambar logo (PNG), kosong: tanpa logo</source>
        <translation>path of the logo image (PNG); empty: no logo</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="152" />
        <source>Kode outlet</source>
        <translation>Outlet code</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="153" />
        <source>Nama outlet</source>
        <translation>Outlet name</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="154" />
        <source>Kabupaten/kota</source>
        <translation>Regency/city</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="155" />
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="156" />
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="157" />
        <source>NPWP</source>
        <translation>Tax ID (NPWP)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="158" />
        <source>Zona waktu</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="159" />
        <source>Kepala struk</source>
        <translation>Receipt header</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="160" />
        <source>Penutup struk</source>
        <translation>Receipt footer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="161" />
        <source>Logo struk</source>
        <translation>Receipt logo</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="170" />
        <source>Tempel QRIS statis dari bank, atau klik kolom lalu pindai QR-nya.</source>
        <translation>Paste the static QRIS from the bank, or click the field and scan its QR.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="175" />
        <source>Belum diperiksa.</source>
        <translation>Not checked yet.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="176" />
        <source>Periksa QRIS</source>
        <translation>Check QRIS</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="200" />
        <source>Bulan kalender</source>
        <translation>Calendar month</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="201" />
        <source>Kampanye bernama</source>
        <translation>Named campaign</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="210" />
        <source>Diatur oleh server provinsi: diperbarui setiap sinkronisasi, tidak diubah di kasir.</source>
        <translation>Set by the provincial server: updated at every sync, not changed at the till.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="223" />
        <source>Minimum belanja</source>
        <translation>Minimum spending</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="224" />
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="225" />
        <source>Nama kampanye</source>
        <translation>Campaign name</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="226" />
        <source>Mulai</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="227" />
        <source>Selesai</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="233" />
        <source>Outlet memungut PPN (operator PKP)</source>
        <translation>The outlet charges VAT (registered VAT operator)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="236" />
        <source>Termasuk dalam harga</source>
        <translation>Included in the price</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="237" />
        <source>Ditambahkan ke harga</source>
        <translation>Added to the price</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="242" />
        <source>PPN 12% dari DPP 11/12 harga = 11% efektif</source>
        <translation>VAT 12% of a base of 11/12 of the price = 11% effective</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="257" />
        <source>Pembatalan barang/transaksi perlu PIN manajer</source>
        <translation>Voiding an item or a sale needs a manager's PIN</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="261" />
        <source>Cara PPN</source>
        <translation>VAT method</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="262" />
        <source>Tarif efektif</source>
        <translation>Effective rate</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="263" />
        <source>Diskon di atas ini perlu PIN manajer</source>
        <translation>A discount above this needs a manager's PIN</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="264" />
        <source>Ubah harga di atas ini perlu PIN manajer</source>
        <translation>A price change above this needs a manager's PIN</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="272" />
        <source>Tanpa QRIS: pembayaran QRIS memakai QR dari aplikasi bank.</source>
        <translation>No QRIS: QRIS payments use a QR from the bank's app.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="277" />
        <source>QRIS tidak bisa dipakai: {0}</source>
        <translation>QRIS cannot be used: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="281" />
        <source>Periksa sebelum menyimpan. Merchant: {0} · Kota: {1} · NMID: {2}</source>
        <translation>Check before saving. Merchant: {0} · City: {1} · NMID: {2}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/settings_dialog.py" line="331" />
        <source>QRIS tidak disimpan: perbaiki atau kosongkan.</source>
        <translation>QRIS not saved: fix it or clear it.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="240" />
        <source>Menyiapkan kasir NTT Mart</source>
        <translation>Setting up the NTT Mart till</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="253" />
        <source>Lanjut &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="254" />
        <source>&lt; Kembali</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="255" />
        <source>Selesai</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="256" />
        <source>Batal (jawaban disimpan)</source>
        <translation>Cancel (answers kept)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="258" />
        <source>Keluar sekarang; jawaban (tanpa PIN) disimpan dan muncul lagi saat kasir dibuka.</source>
        <translation>Leave now; the answers (without the PIN) are kept and shown again when the till opens.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="262" />
        <source>Langkah {0} dari {1}</source>
        <translation>Step {0} of {1}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="377" />
        <source>Menyiapkan kasir… (bisa beberapa detik dengan server provinsi)</source>
        <translation>Setting up the till… (a few seconds with a provincial server)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="395" />
        <source>Data outlet belum bisa diambil: {0}. Periksa internet outlet lalu tekan Selesai lagi.</source>
        <translation>The outlet's data could not be fetched: {0}. Check the outlet's internet, then press Finish again.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/wizard.py" line="402" />
        <source>Kasir belum bisa disiapkan: {0}. Jawaban tetap ada; coba tekan Selesai lagi.</source>
        <translation>The till could not be set up: {0}. Your answers are kept; try Finish again.</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <location filename="../../pos/ui/signin.py" line="41" />
        <source>Masuk kasir</source>
        <translation>Till sign-in</translation>
    </message>
    <message>
        <location filename="../../pos/ui/signin.py" line="47" />
        <location filename="../../pos/ui/signin.py" line="63" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../pos/ui/signin.py" line="53" />
        <source>Masuk</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../pos/ui/signin.py" line="62" />
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../pos/ui/signin.py" line="100" />
        <source>Outlet demo. {0}</source>
        <translation>Demo outlet. {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/signin.py" line="127" />
        <source>Masukkan PIN.</source>
        <translation>Enter your PIN.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/signin.py" line="131" />
        <source>Memeriksa PIN...</source>
        <translation>Checking PIN...</translation>
    </message>
    <message>
        <location filename="../../pos/ui/signin.py" line="146" />
        <source>Gagal masuk: {0}</source>
        <translation>Sign-in failed: {0}</translation>
    </message>
</context>
<context>
    <name>StockTab</name>
    <message>
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="66" />
        <source>Terima barang titipan</source>
        <translation>Receive consignment goods</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="67" />
        <source>Terima barang beli putus</source>
        <translation>Receive goods bought outright</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="68" />
        <source>Retur ke produsen</source>
        <translation>Return to producer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="70" />
        <source>Pindai barcode atau ketik kode, Enter</source>
        <translation>Scan a barcode or type a code, Enter</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="72" />
        <source>rupiah, mis. 380rb atau Rp380.000 (kosong: tanpa harga)</source>
        <translation>rupiah, e.g. 380rb or Rp380.000 (empty: no price)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="74" />
        <source>Simpan dokumen</source>
        <translation>Save document</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="76" />
        <source>Cetak tanda terima</source>
        <translation>Print receipt note</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="78" />
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="229" />
        <source>Simpan PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="82" />
        <source>Terima / retur barang</source>
        <translation>Receive / return goods</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="84" />
        <source>Produsen</source>
        <translation>Producer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="85" />
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="86" />
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="104" />
        <source>Barcode/kode</source>
        <translation>Barcode/code</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="87" />
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="174" />
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="88" />
        <source>Harga beli / unit</source>
        <translation>Purchase price / unit</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="90" />
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="97" />
        <source>negatif = berkurang, contoh -2</source>
        <translation>negative = less, e.g. -2</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="100" />
        <source>Simpan penyesuaian</source>
        <translation>Save adjustment</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="102" />
        <source>Penyesuaian stok</source>
        <translation>Stock adjustment</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="105" />
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="243" />
        <source>Perubahan</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="106" />
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="107" />
        <source>Keterangan</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="111" />
        <source>Perbarui daftar</source>
        <translation>Refresh list</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="113" />
        <source>Stok menipis dan terjual di bawah nol</source>
        <translation>Low stock and sold below zero</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="139" />
        <source>DI BAWAH NOL</source>
        <translation>BELOW ZERO</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="142" />
        <source>menipis</source>
        <translation>low</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="172" />
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="241" />
        <source>Barcode atau kode {0} tidak dikenal.</source>
        <translation>Unknown barcode or code {0}.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="175" />
        <source>Harga beli</source>
        <translation>Purchase price</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="185" />
        <source>{0}: {1} ditambahkan.</source>
        <translation>{0}: {1} added.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="187" />
        <source>{0}: {1} ditambahkan @ {2}.</source>
        <translation>{0}: {1} added @ {2}.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="210" />
        <source>Dokumen {0} tersimpan: {1} barang.</source>
        <translation>Document {0} saved: {1} items.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="217" />
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="226" />
        <source>Belum ada dokumen.</source>
        <translation>No document yet.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="219" />
        <source>Printer belum diatur.</source>
        <translation>No printer set up.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="235" />
        <source>PDF disimpan: {0}</source>
        <translation>PDF saved: {0}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stock_tab.py" line="249" />
        <source>Stok {0} disesuaikan ({1}, {2}).</source>
        <translation>Stock of {0} adjusted ({1}, {2}).</translation>
    </message>
</context>
<context>
    <name>StocktakeTab</name>
    <message>
        <location filename="../../pos/ui/backoffice/stocktake_tab.py" line="32" />
        <source>Mulai stok opname</source>
        <translation>Start stocktake</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stocktake_tab.py" line="34" />
        <source>Pindai barcode (tiap pindai +1), Enter</source>
        <translation>Scan a barcode (each scan +1), Enter</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stocktake_tab.py" line="37" />
        <source>Kode/barcode</source>
        <translation>Code/barcode</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stocktake_tab.py" line="38" />
        <location filename="../../pos/ui/backoffice/stocktake_tab.py" line="116" />
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stocktake_tab.py" line="42" />
        <source>Posting selisih</source>
        <translation>Post differences</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stocktake_tab.py" line="44" />
        <location filename="../../pos/ui/backoffice/stocktake_tab.py" line="144" />
        <source>Batalkan opname</source>
        <translation>Cancel stocktake</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stocktake_tab.py" line="64" />
        <source>Belum ada stok opname yang berjalan: mulai dulu.</source>
        <translation>No stocktake in progress: start one first.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stocktake_tab.py" line="71" />
        <source>Tidak ada stok opname yang berjalan.</source>
        <translation>No stocktake in progress.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stocktake_tab.py" line="74" />
        <source>Stok opname berjalan sejak {0} {1}, {2} barang dihitung.</source>
        <translation>Stocktake in progress since {0} {1}, {2} items counted.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stocktake_tab.py" line="88" />
        <source>Stok opname dimulai. Pindai barang di rak.</source>
        <translation>Stocktake started. Scan the items on the shelves.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stocktake_tab.py" line="114" />
        <source>Barcode atau kode {0} tidak dikenal.</source>
        <translation>Unknown barcode or code {0}.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stocktake_tab.py" line="131" />
        <source>Stok opname diposting: {0} barang disesuaikan, total {1}.</source>
        <translation>Stocktake posted: {0} items adjusted, total {1}.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stocktake_tab.py" line="142" />
        <source>Batalkan stok opname ini? {0} barang yang sudah dihitung akan dibuang.</source>
        <translation>Cancel this stocktake? The {0} items counted so far will be discarded.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stocktake_tab.py" line="145" />
        <source>Stok opname tetap berjalan.</source>
        <translation>The stocktake carries on.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/stocktake_tab.py" line="151" />
        <source>Stok opname dibatalkan; stok tidak berubah.</source>
        <translation>Stocktake cancelled; stock unchanged.</translation>
    </message>
</context>
<context>
    <name>SuppliersTab</name>
    <message>
        <location filename="../../pos/ui/backoffice/suppliers_tab.py" line="47" />
        <source>Titip jual (komisi)</source>
        <translation>Consignment (commission)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/suppliers_tab.py" line="47" />
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/suppliers_tab.py" line="52" />
        <source>Nama usaha</source>
        <translation>Business name</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/suppliers_tab.py" line="52" />
        <source>Pemilik</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/suppliers_tab.py" line="53" />
        <source>Kabupaten</source>
        <translation>Regency</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/suppliers_tab.py" line="53" />
        <source>Desa/kelurahan</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/suppliers_tab.py" line="54" />
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/suppliers_tab.py" line="54" />
        <source>Rekening bank</source>
        <translation>Bank account</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/suppliers_tab.py" line="55" />
        <source>Komisi (%)</source>
        <translation>Commission (%)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/suppliers_tab.py" line="58" />
        <source>Simpan produsen</source>
        <translation>Save producer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/suppliers_tab.py" line="60" />
        <source>Produsen baru</source>
        <translation>New producer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/suppliers_tab.py" line="89" />
        <source>ya</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/suppliers_tab.py" line="89" />
        <source>tidak</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/suppliers_tab.py" line="121" />
        <source>Komisi wajib diisi untuk produsen titip jual.</source>
        <translation>A commission is required for a consignment producer.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/backoffice/suppliers_tab.py" line="141" />
        <source>Tersimpan: {0} ({1}), {2}.</source>
        <translation>Saved: {0} ({1}), {2}.</translation>
    </message>
</context>
<context>
    <name>TestPrint</name>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="68" />
        <source>Belum ada printer dipilih: struk hanya tampil di layar.</source>
        <translation>No printer chosen: receipts only show on screen.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="87" />
        <source>Halaman tes</source>
        <translation>Test page</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="92" />
        <source>Printer tidak menjawab (timeout). Periksa kabel, daya dan pengaturan printer.</source>
        <translation>The printer does not answer (timeout). Check the cable, power and printer settings.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="97" />
        <source>Halaman tes terkirim ke printer. Periksa: penggaris pas di tepi kanan, QR dan barcode terbaca.</source>
        <translation>Test page sent to the printer. Check: the ruler reaches the right edge, the QR and barcode scan.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/printer_dialog.py" line="101" />
        <source>Gagal mencetak: {0}.</source>
        <translation>Printing failed: {0}.</translation>
    </message>
</context>
<context>
    <name>TillActions</name>
    <message>
        <location filename="../../pos/ui/till_actions.py" line="53" />
        <source>Pilih paling sedikit satu barang untuk diretur.</source>
        <translation>Choose at least one item to refund.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_actions.py" line="55" />
        <source>Alasan retur wajib diisi.</source>
        <translation>A refund reason is required.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_actions.py" line="58" />
        <source>Refund struk {0}: kembalikan {1}</source>
        <translation>Refund receipt {0}: give back {1}</translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_actions.py" line="71" />
        <source>Refund {0} tersimpan: kembalikan {1} tunai kepada pelanggan.</source>
        <translation>Refund {0} saved: give the customer {1} in cash.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_actions.py" line="83" />
        <source>Laporan X</source>
        <translation>X report</translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_actions.py" line="93" />
        <source>Selesaikan atau tahan transaksi ini sebelum menutup shift.</source>
        <translation>Finish or park this sale before closing the shift.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_actions.py" line="109" />
        <location filename="../../pos/ui/till_actions.py" line="111" />
        <source>Laporan Z</source>
        <translation>Z report</translation>
    </message>
</context>
<context>
    <name>UnprintedDialog</name>
    <message>
        <location filename="../../pos/ui/recovery.py" line="31" />
        <source>Struk belum tercetak</source>
        <translation>Receipts not printed</translation>
    </message>
    <message>
        <location filename="../../pos/ui/recovery.py" line="34" />
        <source>Transaksi ini sudah tersimpan, tetapi struknya belum keluar dari printer (kasir berhenti mendadak, mis. listrik padam). Cetak sekarang sebagai struk asli?</source>
        <translation>These sales are saved, but their receipts never came out of the printer (the till stopped suddenly, e.g. a power cut). Print them now as originals?</translation>
    </message>
    <message>
        <location filename="../../pos/ui/recovery.py" line="43" />
        <source>Cetak sekarang</source>
        <translation>Print now</translation>
    </message>
    <message>
        <location filename="../../pos/ui/recovery.py" line="44" />
        <source>Nanti</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../pos/ui/setup/users_dialog.py" line="36" />
        <location filename="../../pos/ui/setup/users_dialog.py" line="40" />
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/users_dialog.py" line="40" />
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/users_dialog.py" line="40" />
        <location filename="../../pos/ui/setup/users_dialog.py" line="60" />
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/users_dialog.py" line="40" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/users_dialog.py" line="55" />
        <source>PIN baru / PIN sementara</source>
        <translation>New PIN / temporary PIN</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/users_dialog.py" line="58" />
        <source>Nama pengguna</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/users_dialog.py" line="59" />
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/users_dialog.py" line="61" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/users_dialog.py" line="65" />
        <source>Tambah</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/users_dialog.py" line="66" />
        <source>Simpan perubahan</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/users_dialog.py" line="67" />
        <source>Nonaktifkan/aktifkan</source>
        <translation>Deactivate/activate</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/users_dialog.py" line="68" />
        <source>Reset PIN</source>
        <translation>Reset PIN</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/users_dialog.py" line="69" />
        <source>Buka kunci</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/users_dialog.py" line="76" />
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/users_dialog.py" line="94" />
        <source>aktif</source>
        <translation>active</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/users_dialog.py" line="94" />
        <source>nonaktif</source>
        <translation>inactive</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/users_dialog.py" line="96" />
        <source> · terkunci</source>
        <translation> · locked</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/users_dialog.py" line="98" />
        <source> · harus ganti PIN</source>
        <translation> · must change PIN</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/users_dialog.py" line="133" />
        <source>Pilih pengguna di tabel dulu.</source>
        <translation>Choose a user in the table first.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/users_dialog.py" line="142" />
        <source>Pengguna ditambahkan.</source>
        <translation>User added.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/users_dialog.py" line="150" />
        <source>Perubahan disimpan.</source>
        <translation>Changes saved.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/users_dialog.py" line="155" />
        <source>Pengguna diaktifkan.</source>
        <translation>User activated.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/users_dialog.py" line="155" />
        <source>Pengguna dinonaktifkan.</source>
        <translation>User deactivated.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/users_dialog.py" line="162" />
        <source>PIN sementara disimpan: pengguna harus membuat PIN baru saat masuk.</source>
        <translation>Temporary PIN saved: the user must create a new PIN at sign-in.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/setup/users_dialog.py" line="167" />
        <source>Kunci dibuka.</source>
        <translation>Unlocked.</translation>
    </message>
</context>
</TS>