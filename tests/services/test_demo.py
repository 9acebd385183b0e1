"""The demo outlet seeded into a real till database file."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select

from pos.core.barcode import is_instore, is_valid_ean13
from pos.core.errors import DomainError
from pos.core.nip import NipKind, parse_nip
from pos.core.qris import dynamic_qris, parse_qris
from pos.db.engine import DB_FILENAME, Database
from pos.db.models import (
    AsnRegistryEntry,
    Category,
    Outlet,
    Product,
    Setting,
    StockMovement,
    Supplier,
    User,
)
from pos.services import settings, users
from pos.services.demo import DemoSummary, seed_demo

NOW = datetime(2026, 11, 28, 1, 30, tzinfo=UTC)
TODAY = date(2026, 11, 28)
NTT_KABUPATEN = {
    "Manggarai", "Ngada", "Sikka", "Ende", "Flores Timur", "Sumba Timur", "Sumba Barat Daya",
    "Timor Tengah Selatan", "Timor Tengah Utara", "Belu", "Malaka", "Alor", "Lembata", "Rote Ndao",
    "Sabu Raijua", "Kupang", "Kota Kupang", "Manggarai Barat", "Manggarai Timur", "Nagekeo",
    "Sumba Tengah", "Sumba Barat",
}  # fmt: skip


def _seed(data_dir: Path) -> tuple[Database, DemoSummary, float]:
    db = Database.open(data_dir)
    started = time.perf_counter()
    with db.unit_of_work() as uow:
        summary = seed_demo(uow, now=NOW)
        uow.commit()
    return db, summary, time.perf_counter() - started


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, DemoSummary, float]]:
    db, summary, seconds = _seed(tmp_path_factory.mktemp("demo"))
    yield db, summary, seconds
    db.close()


def test_seeding_is_fast_and_summary_matches_rows(seeded: tuple[Database, DemoSummary, float]) -> None:
    db, summary, seconds = seeded
    assert seconds < 3.0, f"seeding took {seconds:.2f} s"
    with db.session() as s:
        assert summary.products == s.scalar(select(func.count()).select_from(Product))
        assert summary.suppliers == s.scalar(select(func.count()).select_from(Supplier))
        assert summary.asn_entries == s.scalar(select(func.count()).select_from(AsnRegistryEntry))
        assert s.scalar(select(func.count()).select_from(Category)) == 8
    assert 300 <= summary.products <= 400
    assert 20 <= summary.suppliers <= 35
    assert summary.asn_entries >= 200
    assert summary.outlet_code == "5371"


def test_outlet_is_dekranasda_kota_kupang(seeded: tuple[Database, DemoSummary, float]) -> None:
    db, _, _ = seeded
    with db.unit_of_work() as uow:
        outlet = settings.outlet(uow)
        assert (outlet.code, outlet.kabupaten, outlet.terminal) == ("5371", "Kota Kupang", "01")
        assert outlet.name == "NTT Mart by Dekranasda Kota Kupang"
        assert outlet.timezone == "Asia/Makassar"
        assert "Kupang" in outlet.address and outlet.receipt_footer


def test_suppliers_are_ntt_umkm_mostly_on_consignment(seeded: tuple[Database, DemoSummary, float]) -> None:
    db, _, _ = seeded
    with db.session() as s:
        suppliers = s.scalars(select(Supplier).order_by(Supplier.id)).all()
    assert [x.code for x in suppliers] == [f"SUP-{i:03d}" for i in range(1, len(suppliers) + 1)]
    kabupaten = {x.kabupaten for x in suppliers}
    assert kabupaten <= NTT_KABUPATEN and len(kabupaten) >= 8
    consigned = [x for x in suppliers if x.consignment]
    assert len(consigned) > len(suppliers) * 2 // 3
    assert all(1000 <= x.commission_bp <= 2000 for x in consigned)
    assert all(x.commission_bp == 0 for x in suppliers if not x.consignment)
    for x in suppliers:
        assert x.owner and x.village and x.phone.startswith("08")
        assert x.bank_account.startswith(("BRI ", "Bank NTT ")) and x.bank_account.endswith(f"a.n. {x.owner}")


def test_products_are_priced_coded_and_barcoded(seeded: tuple[Database, DemoSummary, float]) -> None:
    db, _, _ = seeded
    with db.session() as s:
        products = s.scalars(select(Product)).all()
        bought = {x.id for x in s.scalars(select(Supplier).where(Supplier.consignment.is_(False)))}
    names = [p.name for p in products]
    barcodes = [p.barcode for p in products]
    codes = [p.code for p in products]
    assert len(set(names)) == len(names)
    assert len(set(barcodes)) == len(barcodes) and len(set(codes)) == len(codes)
    indonesian = [b for b in barcodes if b is not None and b.startswith("899")]
    instore = [b for b in barcodes if b is not None and is_instore(b)]
    assert all(b is not None and is_valid_ean13(b) for b in barcodes)
    assert len(indonesian) + len(instore) == len(products)
    assert 0.35 <= len(indonesian) / len(products) <= 0.65
    for p in products:
        assert p.price > 0 and p.price % 500 == 0
        assert p.unit in {"pcs", "bks", "btl", "lbr"}
        assert p.code[:3] in {"TEN", "KOP", "MAD", "MKN", "BMB", "KRJ", "HRB", "MNM"} and p.code[3] == "-"
        assert p.consignment == (p.supplier_id not in bought)
        # The outlet knows the cost only of what it bought outright, and sells above it.
        assert (p.cost is None) == p.consignment
        assert p.cost is None or 0 < p.cost < p.price
    by_name = {p.name: p.price for p in products}
    assert by_name["Kopi Arabika Manggarai 250 g"] == 65_000
    assert by_name["Madu Hutan Sumba 500 ml"] == 120_000
    assert by_name["Kain Tenun Ikat Sumba Timur Motif Kuda 2 m"] == 1_500_000


def test_every_product_has_positive_opening_stock(seeded: tuple[Database, DemoSummary, float]) -> None:
    db, _, _ = seeded
    with db.session() as s:
        product_ids = set(s.scalars(select(Product.id)))
        moves = s.scalars(select(StockMovement)).all()
        cloth = (
            select(Product.id).join(Category).where(Category.name == "Tenun & Fashion", Product.unit == "lbr")
        )
        tenun = set(s.scalars(cloth))
    assert {m.product_id for m in moves} == product_ids and len(moves) == len(product_ids)
    assert all(m.kind == "opening" and m.ref is None and m.qty > 0 for m in moves)
    assert len({m.uuid for m in moves}) == len(moves)
    # Woven cloth is costly and few: a handful a piece, unlike snacks by the dozen.
    assert tenun and all(2 <= m.qty <= 8 for m in moves if m.product_id in tenun)


def test_every_registry_nip_is_valid(seeded: tuple[Database, DemoSummary, float]) -> None:
    db, _, _ = seeded
    with db.session() as s:
        entries = s.scalars(select(AsnRegistryEntry)).all()
    kinds = [parse_nip(e.nip, today=TODAY).kind for e in entries]
    assert kinds.count(NipKind.PPPK) >= 10 and kinds.count(NipKind.PNS) >= 100
    assert all(e.name and e.agency and e.kabupaten in NTT_KABUPATEN and e.active for e in entries)
    for e in entries:
        # Digit 15 is the gender: 2 for women; the demo gives women women's names.
        female = e.nip[14] == "2"
        first = e.name.split()[0]
        assert female == (
            first
            in {
                "Maria",
                "Yuliana",
                "Theresia",
                "Veronika",
                "Anastasia",
                "Florentina",
                "Margaretha",
                "Elisabeth",
                "Agustina",
                "Yasinta",
                "Kristina",
                "Natalia",
                "Lusia",
                "Selfina",
                "Adriana",
                "Debora",
                "Ester",
                "Naomi",
                "Yublina",
                "Rambu",
                "Fransiska",
                "Getrudis",
                "Skolastika",
            }
        ), e.name


def test_staff_sign_in_with_their_demo_pins(seeded: tuple[Database, DemoSummary, float]) -> None:
    db, summary, _ = seeded
    assert summary.users == (
        ("kasir1", "cashier", "1111"),
        ("kasir2", "cashier", "2222"),
        ("manajer", "manager", "5555"),
        ("admin", "admin", "9999"),
    )
    with db.session() as s:
        rows = {u.username: u for u in s.scalars(select(User))}
    assert rows["kasir1"].full_name == "Yuliana Bria" and rows["manajer"].full_name == "Agustina Nalle"
    hasher = PasswordHasher()
    for username, role, pin in summary.users:
        assert rows[username].role == role
        assert hasher.verify(rows[username].pin_hash, pin)
    with db.unit_of_work() as uow:
        actor = users.authenticate(uow, "manajer", "5555", now=NOW)
        assert actor.username == "manajer"
        with pytest.raises(DomainError):
            users.authenticate(uow, "kasir1", "2222", now=NOW)


def test_settings_and_static_qris(seeded: tuple[Database, DemoSummary, float]) -> None:
    db, _, _ = seeded
    with db.unit_of_work() as uow:
        assert settings.get(uow, "asn.minimum") == 100_000
        assert settings.get(uow, "asn.period") == {"kind": "month"}
        assert settings.get(uow, "tax.ppn_enabled") is False
        assert settings.get(uow, "receipt.paper") == 58
        assert settings.get(uow, "discount.manager_pin_above_percent") == 10
        payload = settings.get(uow, "qris.static")
        assert uow.session.get(Setting, "qris.static") is not None
    info = parse_qris(payload)
    assert info.point_of_initiation == "static" and info.amount is None
    assert info.nmid == "ID1023270443219" and info.currency == "360"
    assert info.merchant_name is not None and 0 < len(info.merchant_name) <= 25
    assert info.merchant_name.startswith("NTT MART") and info.city == "KUPANG"
    assert info.value("52") == "5999" and info.postal_code == "85111"
    assert parse_qris(dynamic_qris(payload, 150_000)).amount == 150_000
    assert payload[-4:] == f"{_crc16_ccitt_false(payload[:-4].encode()):04X}"


def _crc16_ccitt_false(data: bytes) -> int:
    """Bit by bit, independent of the seeder's binascii and of pos.core.qris."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


def test_seeding_twice_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    db, _, _ = _seed(tmp_path)
    try:
        with db.unit_of_work() as uow, pytest.raises(DomainError, match="database sudah berisi data"):
            seed_demo(uow, now=NOW)
        with db.session() as s:
            assert s.scalar(select(func.count()).select_from(Outlet)) == 1
    finally:
        db.close()


def test_a_database_with_only_an_outlet_is_refused(tmp_path: Path) -> None:
    db = Database.open(tmp_path)
    try:
        with db.unit_of_work() as uow:
            uow.session.add(
                Outlet(code="5310", name="NTT Mart by Dekranasda Sikka", kabupaten="Sikka", created_at=NOW)
            )
            uow.commit()
        with db.unit_of_work() as uow, pytest.raises(DomainError, match="database sudah berisi data"):
            seed_demo(uow, now=NOW)
    finally:
        db.close()


def test_two_seeded_databases_are_identical(
    seeded: tuple[Database, DemoSummary, float], tmp_path: Path
) -> None:
    first, _, _ = seeded
    second, _, _ = _seed(tmp_path)
    second.close()
    tables = ("outlets", "categories", "suppliers", "products", "stock_movements", "asn_registry", "settings")
    a = sqlite3.connect(first.path)
    b = sqlite3.connect(tmp_path / DB_FILENAME)
    try:
        for table in tables:
            rows_a = a.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            assert rows_a, table
            assert rows_a == b.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall(), table
        # PIN hashes are salted, so users are compared without them.
        query = "SELECT id, username, full_name, role, active, must_change_pin FROM users ORDER BY id"
        assert a.execute(query).fetchall() == b.execute(query).fetchall()
    finally:
        a.close()
        b.close()


def test_naive_time_is_refused(tmp_path: Path) -> None:
    db = Database.open(tmp_path)
    try:
        with db.unit_of_work() as uow, pytest.raises(ValueError):
            seed_demo(uow, now=datetime(2026, 11, 28, 9, 0))
    finally:
        db.close()
