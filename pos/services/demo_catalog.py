"""Demo outlet data: the UMKM producers of NTT and what each of them supplies to NTT Mart Kota Kupang.

Pure data. `pos.services.demo` turns it into rows. A product is one name of a `ProductLine` times one
of its variants (size, motif or pack), so every name is unique without a made-up serial number.
Prices are the shelf price in rupiah for the variant; the seeder nudges them a little per producer.
"""

from __future__ import annotations

from dataclasses import dataclass

# Hand-laid tables read better than one value a line: keep the formatter out.
# fmt: off

# SKU prefix per category: the code of a product is e.g. "KOP-0001".
CATEGORIES: tuple[tuple[str, str], ...] = (
    ("Tenun & Fashion", "TEN"),
    ("Kopi & Teh", "KOP"),
    ("Madu", "MAD"),
    ("Makanan & Camilan", "MKN"),
    ("Bumbu & Garam", "BMB"),
    ("Kerajinan", "KRJ"),
    ("Minyak & Herbal", "HRB"),
    ("Minuman", "MNM"),
)


@dataclass(frozen=True)
class ProductLine:
    """Products of one kind from one producer: every name in every variant (label, price)."""

    category: str
    names: tuple[str, ...]
    variants: tuple[tuple[str, int], ...]
    unit: str
    stock: tuple[int, int]  # opening stock range, inclusive
    min_stock: int


@dataclass(frozen=True)
class Producer:
    name: str
    owner: str
    kabupaten: str
    village: str
    bank: str  # bank name; the account number is generated
    # Bought outright (not consignment) when commission_bp is None; the outlet then knows the cost.
    commission_bp: int | None
    # Registered with GS1 Indonesia: its packaged goods carry an 899 barcode.
    gs1: bool
    lines: tuple[ProductLine, ...]


def _pl(
    category: str,
    names: tuple[str, ...],
    variants: tuple[tuple[str, int], ...],
    unit: str,
    stock: tuple[int, int],
    min_stock: int,
) -> ProductLine:
    return ProductLine(category, names, variants, unit, stock, min_stock)


TEN, KOP, MAD, MKN = "Tenun & Fashion", "Kopi & Teh", "Madu", "Makanan & Camilan"
BMB, KRJ, HRB, MNM = "Bumbu & Garam", "Kerajinan", "Minyak & Herbal", "Minuman"

TENUN_STOCK, COFFEE_STOCK, SNACK_STOCK, CRAFT_STOCK = (2, 8), (10, 40), (20, 80), (3, 15)

PRODUCERS: tuple[Producer, ...] = (
    Producer("Kopi Colol Manggarai Timur", "Yohanes Lado", "Manggarai Timur", "Colol", "BRI", 1500, True, (
        _pl(KOP, ("Kopi Arabika Colol", "Kopi Robusta Colol", "Kopi Arabika Colol Honey Process"),
            (("100 g", 30000), ("250 g", 65000), ("500 g", 120000)), "bks", COFFEE_STOCK, 5),
        _pl(KOP, ("Kopi Arabika Colol Biji Sangrai",), (("250 g", 70000), ("1 kg", 250000)), "bks",
            COFFEE_STOCK, 3),
    )),
    Producer("KSU Asnikom Manggarai", "Maria Goreti Nai", "Manggarai", "Ruteng", "Bank NTT", 1500, True, (
        _pl(KOP, ("Kopi Arabika Manggarai", "Kopi Juria Manggarai", "Kopi Arabika Manggarai Natural"),
            (("100 g", 32000), ("250 g", 65000), ("500 g", 125000)), "bks", COFFEE_STOCK, 5),
        _pl(KOP, ("Kopi Arabika Manggarai Drip Bag",), (("isi 5", 35000), ("isi 10", 65000)), "bks",
            COFFEE_STOCK, 5),
    )),
    Producer("Kopi Bajawa Fa Masa", "Agustinus Wona", "Ngada", "Beiwali", "BRI", 1500, True, (
        _pl(KOP, ("Kopi Arabika Bajawa", "Kopi Robusta Bajawa", "Kopi Arabika Bajawa Wine Process"),
            (("200 g", 45000), ("250 g", 60000), ("500 g", 115000)), "bks", COFFEE_STOCK, 5),
        _pl(KOP, ("Kopi Bajawa Bubuk Tradisional",), (("100 g", 20000), ("250 g", 42000)), "bks",
            COFFEE_STOCK, 5),
    )),
    Producer("Teh Kelor Moringa Kupang", "Theresia Bessie", "Kupang", "Oelnasi", "Bank NTT", 1500, True, (
        _pl(KOP, ("Teh Kelor Celup", "Teh Kelor Daun Kering", "Teh Kelor Jahe Merah"),
            (("isi 20", 25000), ("isi 40", 45000)), "bks", COFFEE_STOCK, 5),
        _pl(HRB, ("Bubuk Daun Kelor", "Kapsul Daun Kelor"), (("50 g", 30000), ("100 g", 55000)), "btl",
            COFFEE_STOCK, 4),
        _pl(MKN, ("Stik Kelor", "Keripik Daun Kelor"), (("100 g", 15000), ("250 g", 32000)), "bks",
            SNACK_STOCK, 10),
    )),
    Producer("Madu Hutan Sumba Wanggameti", "Umbu Rangga Kaborang", "Sumba Timur", "Wanggameti", "BRI",
             1500, True, (
        _pl(MAD, ("Madu Hutan Sumba", "Madu Hutan Sumba Mentah"),
            (("250 ml", 65000), ("500 ml", 120000), ("1 liter", 225000)), "btl", (8, 30), 4),
    )),
    Producer("KTH Madu Mutis", "Yakobus Nenobais", "Timor Tengah Selatan", "Fatumnasi", "Bank NTT", 1200,
             True, (
        _pl(MAD, ("Madu Hutan Mutis", "Madu Hutan Timor", "Madu Kelulut Timor"),
            (("250 ml", 60000), ("500 ml", 110000), ("1 liter", 210000)), "btl", (8, 30), 4),
        _pl(MAD, ("Madu Sachet Timor",), (("isi 10", 25000), ("isi 25", 55000)), "bks", (15, 50), 5),
    )),
    Producer("Se'i Ibu Yuli Baun", "Yuliana Manafe", "Kupang", "Baun", "BRI", None, False, (
        _pl(MKN, ("Se'i Sapi", "Se'i Babi", "Se'i Ayam"),
            (("250 g", 85000), ("500 g", 165000), ("1 kg", 320000)), "bks", (5, 20), 3),
        _pl(BMB, ("Sambal Lu'at Se'i",), (("100 ml", 20000), ("200 ml", 35000)), "btl", SNACK_STOCK, 8),
    )),
    Producer("Dendeng Sapi Timor Oesao", "Kornelis Tallo", "Kupang", "Oesao", "Bank NTT", 1200, True, (
        _pl(MKN, ("Dendeng Sapi Timor", "Dendeng Sapi Pedas Timor", "Abon Sapi Timor"),
            (("100 g", 45000), ("250 g", 105000)), "bks", (10, 30), 4),
    )),
    Producer("Jagung Bose Mama Ati", "Selfina Fanggidae", "Kota Kupang", "Oebobo", "Bank NTT", 1500, True, (
        _pl(MKN, ("Jagung Bose Instan", "Jagung Bose Kacang Merah", "Jagung Titi Flores"),
            (("250 g", 18000), ("500 g", 32000), ("1 kg", 60000)), "bks", SNACK_STOCK, 10),
        _pl(MKN, ("Jagung Katemak Instan",), (("500 g", 30000),), "bks", SNACK_STOCK, 10),
    )),
    Producer("Jagung Titi Ile Ape", "Benediktus Koten", "Lembata", "Lamawara", "BRI", 1500, False, (
        _pl(MKN, ("Jagung Titi Lembata", "Jagung Titi Gula Merah Lembata"),
            (("200 g", 17500), ("500 g", 38000)), "bks", SNACK_STOCK, 10),
        _pl(MKN, ("Kacang Tanah Sangrai Lembata",), (("250 g", 20000), ("500 g", 37000)), "bks",
            SNACK_STOCK, 10),
    )),
    Producer("Garam Beryodium Bolok", "Daniel Amalo", "Kupang", "Bolok", "BRI", None, True, (
        _pl(BMB, ("Garam Beryodium Kupang", "Garam Halus Kupang", "Garam Kasar Kupang"),
            (("250 g", 5000), ("500 g", 8000), ("1 kg", 14000)), "bks", (30, 80), 15),
    )),
    Producer("Kacang Mete Adonara", "Gregorius Kelen", "Flores Timur", "Waiwerang", "BRI", 1500, True, (
        _pl(MKN, ("Kacang Mete Flores", "Kacang Mete Flores Pedas", "Kacang Mete Flores Madu"),
            (("100 g", 30000), ("250 g", 70000), ("500 g", 135000)), "bks", SNACK_STOCK, 10),
        _pl(MKN, ("Kacang Mete Mentah Flores",), (("500 g", 110000), ("1 kg", 210000)), "bks", (10, 30), 5),
    )),
    Producer("UD Pisang Kepok Naibonat", "Ester Tanesib", "Kupang", "Naibonat", "Bank NTT", 2000, False, (
        _pl(MKN, ("Keripik Pisang Kepok", "Keripik Pisang Kepok Balado", "Keripik Pisang Kepok Manis",
                  "Keripik Ubi Ungu", "Keripik Singkong Pedas"),
            (("100 g", 10000), ("250 g", 22000)), "bks", SNACK_STOCK, 10),
    )),
    Producer("Kue Rambut Ina Ruing", "Naomi Selan", "Timor Tengah Utara", "Kefamenanu", "BRI", 2000,
             False, (
        _pl(MKN, ("Kue Rambut", "Kue Rambut Gula Lontar", "Kue Kembang Goyang", "Kue Cucur Timor",
                  "Kue Bawang Kefa"),
            (("200 g", 15000), ("500 g", 35000)), "bks", SNACK_STOCK, 10),
    )),
    Producer("Gula Lontar Seba", "Obed Riwu", "Sabu Raijua", "Seba", "Bank NTT", 1500, True, (
        _pl(MKN, ("Gula Lontar Sabu", "Gula Lontar Cair Sabu", "Gula Semut Lontar Sabu"),
            (("250 g", 20000), ("500 g", 35000), ("1 kg", 65000)), "bks", SNACK_STOCK, 10),
        _pl(MNM, ("Sirup Tuak Manis Sabu",), (("330 ml", 25000), ("600 ml", 40000)), "btl", SNACK_STOCK, 8),
    )),
    Producer("Lontar Rote Ndao Nusak Termanu", "Ruben Ndolu", "Rote Ndao", "Busalangga", "BRI", 1500,
             True, (
        _pl(MKN, ("Gula Lempeng Rote", "Gula Air Rote", "Kue Gula Lontar Rote"),
            (("250 g", 18000), ("500 g", 33000)), "bks", SNACK_STOCK, 10),
        _pl(MNM, ("Air Nira Lontar Rote",), (("330 ml", 22000),), "btl", SNACK_STOCK, 8),
    )),
    Producer("Sanggar Tenun Ikat Praiyawang", "Rambu Ana Hamakonda", "Sumba Timur", "Rende", "BRI", 2000,
             False, (
        _pl(TEN, ("Kain Tenun Ikat Sumba Timur", "Kain Tenun Ikat Sumba Timur Pewarna Alam"),
            (("Motif Kuda 2 m", 1500000), ("Motif Mamuli 2 m", 1650000), ("Motif Udang 2 m", 1450000),
             ("Motif Ayam 1,5 m", 950000)), "lbr", TENUN_STOCK, 1),
        _pl(TEN, ("Selendang Tenun Sumba Timur",), (("Motif Kuda", 350000), ("Motif Mamuli", 375000)), "lbr",
            TENUN_STOCK, 1),
    )),
    Producer("Kelompok Tenun Kodi Sumba Barat Daya", "Rambu Kahi Dapawole", "Sumba Barat Daya", "Kodi",
             "Bank NTT", 2000, False, (
        _pl(TEN, ("Kain Tenun Kodi", "Sarung Tenun Sumba Barat Daya"),
            (("Motif Kodi 2 m", 1200000), ("Motif Wajo 2 m", 1100000), ("Motif Kabala 1,5 m", 800000)),
            "lbr", TENUN_STOCK, 1),
    )),
    Producer("Sentra Tenun Lepo Lorun", "Alfonsa Horeng", "Sikka", "Nita", "BRI", 2000, False, (
        _pl(TEN, ("Sarung Tenun Sikka", "Kain Tenun Ikat Sikka"),
            (("Motif Utan Merah", 950000), ("Motif Gajah", 1050000), ("Motif Okukirei", 900000)),
            "lbr", TENUN_STOCK, 1),
        _pl(TEN, ("Selendang Tenun Sikka",), (("Motif Utan Merah", 250000), ("Motif Jentera", 275000),
                                             ("Motif Wenda", 240000)), "lbr", TENUN_STOCK, 2),
    )),
    Producer("Tenun Ikat Lio Ende", "Maria Yasinta Wolo", "Ende", "Nggela", "Bank NTT", 1800, False, (
        _pl(TEN, ("Lawo Tenun Lio", "Ragi Tenun Lio Pria"),
            (("Motif Jara Nggaja", 1150000), ("Motif Mangga", 980000), ("Pewarna Alam", 1350000)),
            "lbr", TENUN_STOCK, 1),
        _pl(TEN, ("Selendang Tenun Ende",), (("Motif Nggela", 225000), ("Motif Jopu", 235000)), "lbr",
            TENUN_STOCK, 2),
    )),
    Producer("Kelompok Tenun Bunga Insana", "Florentina Taek", "Timor Tengah Utara", "Insana", "BRI", 2000,
             False, (
        _pl(TEN, ("Selimut Tenun Insana", "Sarung Tenun Biboki", "Kain Buna Timor"),
            (("Motif Buna", 850000), ("Motif Sotis", 900000), ("Motif Lotis", 780000)), "lbr",
            TENUN_STOCK, 1),
        _pl(TEN, ("Syal Tenun Timor", "Selendang Tenun Insana"),
            (("Merah Hitam", 175000), ("Biru Putih", 185000)), "lbr", TENUN_STOCK, 2),
    )),
    Producer("Tenun Sarung Ndao Rote", "Adriana Pello", "Rote Ndao", "Ndao", "Bank NTT", 2000, False, (
        _pl(TEN, ("Sarung Tenun Rote", "Kain Tenun Ndao"),
            (("Motif Bunga Pepaya", 850000), ("Motif Tanpa Nama", 780000), ("Motif Kaisuk", 820000)),
            "lbr", TENUN_STOCK, 1),
        _pl(TEN, ("Kemeja Tenun Rote Pria", "Blus Tenun Rote Wanita"),
            (("S", 350000), ("M", 350000), ("L", 375000), ("XL", 395000)), "pcs", TENUN_STOCK, 1),
    )),
    Producer("Butik Tenun Dekranasda Kota Kupang", "Agustina Nalle", "Kota Kupang", "Kelapa Lima",
             "Bank NTT", None, False, (
        _pl(TEN, ("Kemeja Tenun Ikat Pria", "Kemeja Tenun Ikat Lengan Panjang"),
            (("S", 325000), ("M", 325000), ("L", 350000), ("XL", 375000)), "pcs", TENUN_STOCK, 1),
        _pl(TEN, ("Tas Selempang Tenun", "Dompet Tenun Ikat", "Masker Kain Tenun"),
            (("Motif Sumba", 85000), ("Motif Timor", 80000)), "pcs", CRAFT_STOCK, 2),
        _pl(TEN, ("Dasi Tenun Ikat",), (("Motif Sumba", 95000), ("Motif Sikka", 95000)), "pcs",
            CRAFT_STOCK, 2),
    )),
    Producer("Topi Ti'i Langga Nusak Baa", "Melkianus Messakh", "Rote Ndao", "Baa", "BRI", 1500, False, (
        _pl(KRJ, ("Topi Ti'i Langga", "Topi Ti'i Langga Pewarna Alam"),
            (("Anak", 75000), ("Dewasa", 150000), ("Besar Upacara", 250000)), "pcs", CRAFT_STOCK, 2),
        _pl(KRJ, ("Sasando Mini Souvenir", "Sasando Gong Souvenir"),
            (("20 cm", 125000), ("35 cm", 275000)), "pcs", CRAFT_STOCK, 2),
    )),
    Producer("Sanggar Sasando Oebelo", "Jefri Ndoen", "Kupang", "Oebelo", "Bank NTT", 1500, False, (
        _pl(KRJ, ("Sasando Elektrik", "Sasando Tradisional"),
            (("Kecil", 1250000), ("Sedang", 2250000)), "pcs", (1, 4), 1),
        _pl(KRJ, ("Gantungan Kunci Sasando",), (("isi 1", 15000), ("isi 5", 60000)), "pcs", SNACK_STOCK, 10),
    )),
    Producer("Anyaman Lontar Oelolok", "Yublina Atok", "Timor Tengah Utara", "Oelolok", "BRI", 1500, False, (
        _pl(KRJ, ("Tas Anyaman Lontar", "Keranjang Anyaman Lontar", "Tempat Sirih Anyaman Lontar"),
            (("Kecil", 45000), ("Sedang", 85000), ("Besar", 140000)), "pcs", CRAFT_STOCK, 2),
        _pl(KRJ, ("Tikar Anyaman Lontar",), (("1 x 2 m", 175000),), "lbr", CRAFT_STOCK, 1),
    )),
    Producer("Kerajinan Gading Kayu Alor", "Yunus Lake", "Alor", "Kalabahi", "Bank NTT", 1500, False, (
        _pl(KRJ, ("Moko Mini Alor", "Miniatur Rumah Adat Alor", "Patung Kayu Alor"),
            (("Kecil", 85000), ("Besar", 225000)), "pcs", CRAFT_STOCK, 2),
        _pl(MKN, ("Kenari Alor", "Kenari Alor Kupas Sangrai"), (("100 g", 35000), ("250 g", 80000)), "bks",
            SNACK_STOCK, 10),
    )),
    Producer("Koperasi Kenari Pantar", "Ferdinandus Lamak", "Alor", "Pantar", "BRI", None, True, (
        _pl(MKN, ("Kue Kenari Alor", "Permen Kenari Alor", "Bagea Kenari"),
            (("150 g", 25000), ("300 g", 45000)), "bks", SNACK_STOCK, 10),
    )),
    Producer("Minyak Kayu Putih Boking", "Silvester Nahak", "Timor Tengah Selatan", "Boking", "BRI", 1500,
             True, (
        _pl(HRB, ("Minyak Kayu Putih Timor", "Minyak Kayu Putih Aromaterapi Timor", "Minyak Kayu Putih Bayi"),
            (("30 ml", 25000), ("60 ml", 45000), ("100 ml", 70000)), "btl", (15, 50), 6),
    )),
    Producer("Minyak Kemiri Alami Malaka", "Lusia Klau", "Malaka", "Betun", "Bank NTT", 1500, True, (
        _pl(HRB, ("Minyak Kemiri Malaka", "Minyak Kelapa Murni Malaka", "Minyak Sereh Wangi Malaka"),
            (("60 ml", 35000), ("100 ml", 55000)), "btl", (15, 50), 6),
        _pl(BMB, ("Kemiri Kupas Malaka",), (("250 g", 20000), ("500 g", 38000)), "bks", SNACK_STOCK, 10),
    )),
    Producer("Lulur Tradisional Belu", "Anastasia Seran", "Belu", "Atambua", "BRI", 2000, False, (
        _pl(HRB, ("Lulur Beras Kencur Timor", "Param Jahe Timor", "Sabun Minyak Kemiri"),
            (("100 g", 25000), ("250 g", 50000)), "pcs", SNACK_STOCK, 8),
        _pl(BMB, ("Sambal Lu'at Timor", "Sambal Lu'at Pedas Atambua", "Sambal Teri Belu"),
            (("100 ml", 18000), ("250 ml", 35000)), "btl", SNACK_STOCK, 8),
    )),
    Producer("Rempah Nagekeo Mbay", "Wilhelmus Ghero", "Nagekeo", "Mbay", "Bank NTT", 1500, True, (
        _pl(BMB, ("Bumbu Rendang Nagekeo", "Bumbu Kuah Asam Nagekeo", "Lada Hitam Nagekeo",
                  "Kunyit Bubuk Mbay"),
            (("50 g", 12000), ("100 g", 20000)), "bks", SNACK_STOCK, 10),
        _pl(MNM, ("Jahe Merah Instan Mbay", "Kunyit Asam Instan Mbay"), (("250 g", 25000), ("500 g", 45000)),
            "bks", SNACK_STOCK, 8),
    )),
    Producer("Kopi & Kakao Labuan Bajo", "Stefanus Jemadu", "Manggarai Barat", "Labuan Bajo", "BRI", 1500,
             True, (
        _pl(KOP, ("Kopi Arabika Komodo", "Kopi Luwak Liar Manggarai Barat"),
            (("100 g", 40000), ("200 g", 75000)), "bks", COFFEE_STOCK, 4),
        _pl(MKN, ("Cokelat Kakao Flores", "Cokelat Kakao Flores Kopi"), (("50 g", 18000), ("100 g", 32000)),
            "bks", SNACK_STOCK, 10),
        _pl(MNM, ("Bubuk Kakao Murni Flores",), (("200 g", 38000),), "bks", SNACK_STOCK, 8),
    )),
    Producer("Minuman Sehat Lembah Sumba", "Umbu Yakobus Lero", "Sumba Barat", "Waikabubak", "Bank NTT",
             1200, True, (
        _pl(MNM, ("Sirup Markisa Sumba", "Sirup Asam Jawa Sumba", "Sari Buah Lontar Sumba"),
            (("330 ml", 20000), ("600 ml", 35000)), "btl", SNACK_STOCK, 8),
        _pl(MNM, ("Air Mineral Mata Air Sumba",), (("600 ml", 5000), ("1,5 liter", 9000)), "btl",
            (40, 80), 20),
    )),
    Producer("KUB Tenun Anakalang", "Rambu Marlin Lero", "Sumba Tengah", "Anakalang", "BRI", 2000, False, (
        _pl(TEN, ("Kain Tenun Anakalang", "Selendang Tenun Sumba Tengah"),
            (("Motif Lambaleko", 650000), ("Motif Kakatua", 700000)), "lbr", TENUN_STOCK, 1),
    )),
)
