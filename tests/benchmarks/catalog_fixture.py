"""A till database with a 100,000-product catalog, built fast with Core inserts (for benchmarks)."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert

from pos.core.barcode import ean13_check_digit
from pos.db.engine import Database
from pos.db.models import Outlet, Product, StockMovement, Supplier, User
from pos.services.users import hasher

WORDS = [
    "Kopi",
    "Arabika",
    "Robusta",
    "Madu",
    "Hutan",
    "Tenun",
    "Ikat",
    "Selendang",
    "Sarung",
    "Kain",
    "Se'i",
    "Sapi",
    "Babi",
    "Jagung",
    "Bose",
    "Garam",
    "Minyak",
    "Kayu",
    "Putih",
    "Kacang",
    "Mete",
    "Keripik",
    "Pisang",
    "Gula",
    "Lontar",
    "Teh",
    "Kelor",
    "Sambal",
    "Lu'at",
    "Tas",
    "Anyaman",
    "Topi",
    "Sasando",
    "Kue",
    "Rambut",
    "Dendeng",
    "Abon",
    "Ikan",
    "Cakalang",
    "Sirup",
    "Asam",
    "Jahe",
    "Merah",
    "Kunyit",
    "Vanili",
    "Cengkeh",
    "Kemiri",
]
PLACES = [
    "Manggarai",
    "Bajawa",
    "Sumba",
    "Sikka",
    "Ende",
    "Alor",
    "Rote",
    "Sabu",
    "Lembata",
    "Belu",
    "Kupang",
    "Flores",
    "Timor",
    "Malaka",
]
SIZES = ("100 g", "200 g", "250 g", "500 g", "1 kg", "60 ml", "250 ml", "500 ml", "1 pcs", "2 m")


def build_catalog(folder: Path, products: int = 100_000, seed: int = 1) -> Database:
    rng = random.Random(seed)
    db = Database.open(folder)
    now = datetime.now(UTC)
    with db.unit_of_work() as uow:
        s = uow.session
        s.add(
            Outlet(
                code="5371",
                name="NTT Mart by Dekranasda Kota Kupang",
                kabupaten="Kota Kupang",
                created_at=now,
            )
        )
        s.add(
            User(
                username="kasir1",
                full_name="Kasir Satu",
                role="cashier",
                pin_hash=hasher().hash("2468"),
                created_at=now,
            )
        )
        s.execute(insert(Supplier), [{"code": f"SUP-{i:03d}", "name": f"UMKM {i}"} for i in range(1, 41)])
        rows = []
        for i in range(1, products + 1):
            name = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {rng.choice(PLACES)} {rng.choice(SIZES)} #{i}"
            first12 = f"899{i:09d}"
            rows.append(
                {
                    "code": f"SKU-{i:06d}",
                    "barcode": first12 + ean13_check_digit(first12),
                    "name": name,
                    "price": rng.randrange(5, 500) * 1000,
                    "supplier_id": rng.randint(1, 40),
                    "updated_at": now,
                }
            )
        s.execute(insert(Product), rows)
        s.execute(
            insert(StockMovement),
            [
                {"uuid": str(uuid.uuid4()), "product_id": i, "qty": 50, "kind": "opening", "created_at": now}
                for i in range(1, products + 1)
            ],
        )
        uow.commit()
    return db
