"""`ntt-pos users add` and `ntt-pos products import|export` on a real outlet made by `ntt-pos init`.

The set-up commands run as real subprocesses, as a province IT officer runs them from a script; the
many error cases go through `pos.cli.main` in-process (same parser and handlers, faster).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers.cli import ntt_pos
from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from pos.cli import main
from pos.db.engine import Database
from pos.db.models import AuditEntry, Product, Supplier, User
from pos.services import users

ADMIN_PIN = "4826"
HEADER = "kode;barcode;nama;kategori;produsen;satuan;harga;harga_pokok;harga_titip;pajak;titip;aktif;stok_min"
CATALOG = [
    "KOP-1;8991234567891;Kopi Arabika Colol 250 g;Kopi & Teh;Kelompok Tani Colol;bks;75.000;50000;;;;;5",
    "KOP-2;;Kopi Robusta Manggarai;Kopi & Teh;kelompok tani  colol;bks;45000;;;ppn_included;;;",
    'TEN-1;;=Tenun "Ikat" Sikka;Tenun;Tenun Ina Ndao;lbr;1.250.000;;900000;;ya;;1',
    "TEN-2;;-Selendang Sumba-;'=Kain;Tenun Ina Ndao;lbr;350rb;;;;;tidak;",
    "MAD-1;;@Madu Hutan Timor;+Madu;;btl;120000;;;;tidak;;",
]


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def init_outlet(folder: Path, pin_file: Path) -> None:
    run = ntt_pos(folder, "init", "--outlet-code", "5371", "--kabupaten", "5371", "--address", "X",
                  "--admin-user", "admin", "--admin-pin-file", str(pin_file))  # fmt: skip
    assert run.returncode == 0, run.stderr


@pytest.fixture(scope="module")
def outlet_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One real outlet made by `ntt-pos init` (argon2 and migrations take a while); copied per test."""
    base = tmp_path_factory.mktemp("outlet")
    init_outlet(base / "till", write(base / "admin.pin", ADMIN_PIN + "\n"))
    return base / "till"


@pytest.fixture
def outlet_dir(outlet_template: Path, tmp_path: Path) -> Path:
    """A data folder holding a fresh copy of the outlet made by `ntt-pos init`."""
    shutil.copytree(outlet_template, tmp_path / "till")
    return tmp_path / "till"


@pytest.fixture
def admin_pin(tmp_path: Path) -> Path:
    return write(tmp_path / "admin.pin", ADMIN_PIN + "\n")


def in_process(outlet_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["--data-dir", str(outlet_dir), *args])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.slow
def test_users_add_through_the_users_service(outlet_dir: Path, admin_pin: Path, tmp_path: Path) -> None:
    pin = write(tmp_path / "kasir3.pin", "3917\n")
    run = ntt_pos(outlet_dir, "users", "add", "kasir3", "--name", "Yuliana Bria", "--role", "cashier",
                  "--pin-file", str(pin), "--admin", "admin", "--admin-pin-file", str(admin_pin))  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "Pengguna kasir3 (Yuliana Bria, kasir) ditambahkan oleh admin."
    db = Database.open(outlet_dir, create=False)
    try:
        with db.unit_of_work() as uow:
            assert users.authenticate(uow, "kasir3", "3917").full_name == "Yuliana Bria"
            admin_id = uow.session.scalar(select(User.id).where(User.username == "admin"))
            entry = uow.session.scalars(select(AuditEntry).where(AuditEntry.action == "user.create")).all()[
                -1
            ]
            assert (entry.user_id, entry.detail) == (admin_id, {"username": "kasir3", "role": "cashier"})
    finally:
        db.close()


@pytest.mark.parametrize(
    ("pin", "admin", "admin_pin", "message"),
    [
        ("1234", "admin", ADMIN_PIN, "PIN terlalu mudah ditebak"),
        ("12a4", "admin", ADMIN_PIN, "PIN harus 4 sampai 8 angka"),
        ("3917", "siapa", ADMIN_PIN, "Pengguna atau PIN salah."),
        ("3917", "admin", "4827", "Pengguna atau PIN salah. Sisa percobaan: 4."),
        ("3917", "admin", None, "tidak bisa membaca PIN admin dari"),
        (None, "admin", ADMIN_PIN, "tidak bisa membaca PIN pengguna baru dari"),
        ("", "admin", ADMIN_PIN, "kosong; tulis PIN pengguna baru di baris pertama"),
    ],
)
def test_users_add_refusals_are_one_line(
    outlet_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    pin: str | None, admin: str, admin_pin: str | None, message: str,
) -> None:  # fmt: skip
    pin_file = tmp_path / "pin" if pin is None else write(tmp_path / "pin", pin)
    admin_file = tmp_path / "nope" / "admin.pin" if admin_pin is None else write(tmp_path / "a", admin_pin)
    args = ["--name", "K", "--role", "cashier", "--pin-file", str(pin_file)]
    status, out, err = in_process(
        outlet_dir, capsys, "users", "add", "kasir3", *args,
        "--admin", admin, "--admin-pin-file", str(admin_file),
    )  # fmt: skip
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("ntt-pos: ") and message in err, err


@pytest.mark.slow
def test_duplicates_binary_pin_files_managers_and_lockout(
    outlet_dir: Path, admin_pin: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def add(
        username: str, role: str, pin_file: Path, admin: str = "admin", by: Path = admin_pin
    ) -> tuple[int, str]:
        status, _, err = in_process(outlet_dir, capsys, "users", "add", username, "--name", username.title(),
                                    "--role", role, "--pin-file", str(pin_file), "--admin", admin,
                                    "--admin-pin-file", str(by))  # fmt: skip
        assert status == 0 or (err.count("\n") == 1 and err.startswith("ntt-pos: ")), err
        return status, err

    pin = write(tmp_path / "pin", "3917")
    assert add("manajer", "manager", pin) == (0, "")
    assert "sudah dipakai" in add("MANAJER", "cashier", pin)[1]
    binary = tmp_path / "pin.bin"
    binary.write_bytes(b"\xff\xfe\x00\x91")
    assert "bukan file teks" in add("kasir1", "cashier", binary)[1]
    assert "tidak bisa membaca PIN pengguna baru" in add("kasir1", "cashier", tmp_path)[1]  # a folder
    assert "hanya boleh dilakukan oleh admin" in add("kasir1", "cashier", pin, "manajer", pin)[1]
    wrong = write(tmp_path / "wrong", "1111")
    for _ in range(4):
        assert "Sisa percobaan" in add("kasir1", "cashier", pin, by=wrong)[1]
    assert "Dikunci 5 menit" in add("kasir1", "cashier", pin, by=wrong)[1]
    assert "dikunci" in add("kasir1", "cashier", pin)[1]  # the right PIN, locked as at sign-in


def cells(path: Path) -> list[list[tuple[object, str]]]:
    sheet = load_workbook(path).active
    assert sheet is not None
    return [[(c.value, c.data_type) for c in row] for row in sheet.iter_rows()]


@pytest.mark.slow
def test_import_creates_producers_and_the_export_round_trips_into_a_new_outlet(
    outlet_dir: Path, admin_pin: Path, tmp_path: Path
) -> None:
    source = write(tmp_path / "katalog.csv", "\n".join([HEADER, *CATALOG]) + "\n")
    run = ntt_pos(
        outlet_dir, "products", "import", str(source), "--admin", "admin", "--admin-pin-file", str(admin_pin)
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        "Impor katalog.csv selesai: 5 produk baru, 0 diubah, 0 perubahan harga.",
        "Kategori baru: Kopi & Teh, Tenun, =Kain, +Madu.",
        "Produsen baru (2, titip jual; lengkapi data dan komisinya di menu Manajemen toko):",
        "  SUP-001  Kelompok Tani Colol",
        "  SUP-002  Tenun Ina Ndao",
    ]
    exported = {}
    for suffix in (".csv", ".xlsx"):
        exported[suffix] = tmp_path / f"satu{suffix}"
        run = ntt_pos(outlet_dir, "products", "export", str(exported[suffix]))
        assert run.returncode == 0 and run.stdout.strip() == f"5 produk diekspor ke {exported[suffix]}.", (
            run.stderr
        )
    lines = exported[".csv"].read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == HEADER.replace(";", ",")
    assert lines[1].startswith("KOP-1,8991234567891,Kopi Arabika Colol 250 g,Kopi & Teh,Kelompok Tani Colol,")
    assert '"\'=Tenun ""Ikat"" Sikka"' in lines[4] and ",'-Selendang Sumba-,'=Kain," in lines[5]
    assert ",'@Madu Hutan Timor,'+Madu,," in lines[3]
    sheet = cells(exported[".xlsx"])
    assert ('=Tenun "Ikat" Sikka', "s") in sheet[4] and ("@Madu Hutan Timor", "s") in sheet[3]
    assert not any(kind == "f" for row in sheet for _, kind in row)

    for suffix, first in exported.items():
        fresh = tmp_path / f"baru{suffix}"
        init_outlet(fresh, admin_pin)
        run = ntt_pos(
            fresh, "products", "import", str(first), "--admin", "admin", "--admin-pin-file", str(admin_pin)
        )
        assert run.returncode == 0 and "5 produk baru" in run.stdout, run.stderr
        again = tmp_path / f"dua{suffix}"
        assert ntt_pos(fresh, "products", "export", str(again)).returncode == 0
        if suffix == ".csv":
            assert again.read_bytes() == first.read_bytes()
        else:
            assert cells(again) == cells(first)


def test_bad_rows_are_listed_with_their_lines_and_nothing_is_written(
    outlet_dir: Path, admin_pin: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        "OK-1;;Baik;;Produsen Baru;pcs;1000;;;;;;",
        "B-1;;Stok Pangkat;;;pcs;1000;;;;;;\u00b2",
        "B-2;;Harga Raksasa;;;pcs;123456789012345678901234;;;;;;",
        "B-3;;Harga Negatif;;;pcs;-5000;;;;;;",
        "B-4;;Stok Raksasa;;;pcs;1000;;;;;;123456789012345678901234",
    ]
    path = write(tmp_path / "salah.csv", "\n".join([HEADER, *rows]) + "\n")
    status, out, err = in_process(outlet_dir, capsys, "products", "import", str(path), "--admin", "admin",
                                  "--admin-pin-file", str(admin_pin))  # fmt: skip
    assert (status, out) == (1, "")
    lines = err.splitlines()
    assert lines[0] == "ntt-pos: salah.csv: 4 baris bermasalah; tidak ada yang disimpan."
    assert [line.split(":")[0].strip() for line in lines[1:]] == ["Baris 3", "Baris 4", "Baris 5", "Baris 6"]
    assert "Traceback" not in err
    db = Database.open(outlet_dir, create=False)
    try:
        with db.unit_of_work() as uow:
            assert uow.session.scalars(select(Product.id)).all() == []
            assert uow.session.scalars(select(Supplier.id)).all() == []
    finally:
        db.close()


@pytest.mark.slow
def test_unreadable_files_and_wrong_users_are_one_line(
    outlet_dir: Path, admin_pin: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "kosong.xlsx"
    Workbook().save(empty)
    random_bytes = tmp_path / "acak.xlsx"
    random_bytes.write_bytes(bytes(range(256)) * 8)
    truncated = tmp_path / "terpotong.xlsx"
    truncated.write_bytes(empty.read_bytes()[:700])
    latin = tmp_path / "latin.csv"
    latin.write_bytes(f"{HEADER}\nL-1;;Caf\u00e9 Ende;;;pcs;1000;;;;;;\n".encode("cp1252"))
    pdf = write(tmp_path / "katalog.pdf", "x")
    expected = {
        empty: "Baris 1: file tidak berisi baris produk",
        random_bytes: "acak.xlsx rusak atau bukan file Excel",
        truncated: "terpotong.xlsx rusak atau bukan file Excel",
        latin: "Baris 2: huruf tidak terbaca di kolom nama: file bukan UTF-8",
        pdf: "tidak didukung",
        tmp_path / "tidak-ada.csv": "tidak-ada.csv tidak bisa dibaca",
    }
    for path, message in expected.items():
        status, out, err = in_process(outlet_dir, capsys, "products", "import", str(path), "--admin", "admin",
                                      "--admin-pin-file", str(admin_pin))  # fmt: skip
        assert status != 0 and out == "" and message in err and "Traceback" not in err, (path, err)
        assert err.startswith("ntt-pos: ") and len(err.splitlines()) <= 2, err
    status, _, err = in_process(outlet_dir, capsys, "products", "export", str(tmp_path / "tidak" / "ada.csv"))
    assert (
        status == 2
        and err.strip()
        == f"ntt-pos: tidak bisa menulis {tmp_path / 'tidak' / 'ada.csv'}: "
        f"folder {tmp_path / 'tidak'} tidak ada"
    )
    status, _, err = in_process(outlet_dir, capsys, "products", "export", str(tmp_path / "a.ods"))
    assert status == 2 and err.strip() == "ntt-pos: Ekspor hanya ke .csv atau .xlsx."
    pin = write(tmp_path / "k.pin", "3917")
    args = ["--name", "K", "--role", "cashier", "--pin-file", str(pin)]
    assert main(["--data-dir", str(outlet_dir), "users", "add", "kasir1", *args, "--admin", "admin",
                 "--admin-pin-file", str(admin_pin)]) == 0  # fmt: skip
    status, _, err = in_process(outlet_dir, capsys, "products", "import", str(latin), "--admin", "kasir1",
                                "--admin-pin-file", str(pin))  # fmt: skip
    assert status == 2 and "Mengimpor produk hanya boleh dilakukan oleh manajer" in err
    status, _, err = in_process(tmp_path / "kosong", capsys, "products", "export", str(tmp_path / "a.csv"))
    assert status == 2 and "Database kasir belum ada" in err
