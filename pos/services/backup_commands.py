"""`ntt-pos backup`, `backups`, `restore` and the body of `doctor`; pos/cli.py calls `register(subparsers)`.

None of them asks a question or a PIN: they act on files the operator already holds. Errors are one
line on stderr (pos.cli turns DatabaseRefused, DomainError and BackupFailed into that).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pos.core.errors import DomainError
from pos.db import backup
from pos.db.engine import DB_FILENAME, Database, DatabaseRefused
from pos.db.files import SQLITE_MAGIC
from pos.db.paths import resolve_data_dir
from pos.services import backups, health
from pos.services.doctor import Check, run_checks

ProvinceCheck = Callable[[Database], "Check | None"]


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("backup", help="buat satu file cadangan database sekarang")
    p.add_argument("--to", metavar="DIR", help="folder tujuan (bawaan: folder backups di folder data)")
    p.set_defaults(handler=cmd_backup)
    p = subparsers.add_parser("backups", help="daftar cadangan (tanggal, ukuran, penjualan, struk terakhir)")
    p.add_argument("--dir", metavar="DIR", help="folder lain, mis. disk USB (bawaan: folder backups)")
    p.add_argument("--json", action="store_true", help="sebagai JSON")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--second-dir", metavar="DIR", help="simpan juga setiap cadangan otomatis di DIR")
    group.add_argument("--no-second-dir", action="store_true", help="berhenti menyalin ke folder kedua")
    p.set_defaults(handler=cmd_backups)
    p = subparsers.add_parser("restore", help="pulihkan database dari file cadangan (database lama disimpan)")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(handler=cmd_restore)


def _data_dir(args: argparse.Namespace) -> Path:
    return resolve_data_dir(getattr(args, "data_dir", None), bool(getattr(args, "demo", False)))


def cmd_backup(args: argparse.Namespace) -> int:
    folder = Path(args.to) if args.to else None
    if folder is not None and not folder.is_dir():
        raise DomainError(f"folder {folder} tidak ada; cadangan tidak dibuat.")
    db = Database.open(_data_dir(args), create=False)
    try:
        with db.unit_of_work() as uow:
            path = backups.take_backup(uow, backup.KIND_MANUAL, folder=folder)
    except backup.BackupFailed as error:
        raise DomainError(f"cadangan gagal: {error}") from None
    finally:
        db.close()
    print(path)
    return 0


def cmd_backups(args: argparse.Namespace) -> int:
    data_dir = _data_dir(args)
    if args.second_dir or args.no_second_dir:
        return _set_second_dir(data_dir, None if args.no_second_dir else Path(args.second_dir))
    folder = Path(args.dir) if args.dir else backup.backup_dir(data_dir)
    infos = [backup.describe(name) for name in backup.list_backups(folder)]
    if args.json:
        print(json.dumps([_as_json(info) for info in infos], ensure_ascii=False, indent=2))
        return 0
    if not infos:
        print(f"Belum ada cadangan di {folder}.")
        return 0
    print(f"{'TANGGAL':19}  {'JENIS':16}  {'UKURAN':>9}  {'PENJUALAN':>9}  {'STRUK TERAKHIR':24}  FILE")
    for info in infos:
        sales = "-" if info.sales is None else str(info.sales)
        last = info.problem or info.last_receipt or "-"
        print(
            f"{info.name.taken_at:%Y-%m-%d %H:%M:%S}  {info.name.kind:16}  {_size(info.size):>9}  "
            f"{sales:>9}  {last:24}  {info.name.path}"
        )
    return 0


def _as_json(info: backup.BackupInfo) -> dict[str, Any]:
    return {
        "file": str(info.name.path),
        "taken_at": info.name.taken_at.isoformat(),
        "kind": info.name.kind,
        "till": info.name.till,
        "size": info.size,
        "sales": info.sales,
        "last_receipt": info.last_receipt,
        "problem": info.problem,
    }


def _size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB".replace(".", ",")
    return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")


def _set_second_dir(data_dir: Path, folder: Path | None) -> int:
    db = Database.open(data_dir, create=False)
    try:
        with db.unit_of_work() as uow:
            backups.set_second_dir(uow, folder.resolve() if folder else None)
            uow.commit()
    finally:
        db.close()
    if folder is None:
        print("Cadangan otomatis tidak lagi disalin ke folder kedua.")
    else:
        missing = "" if folder.is_dir() else " (folder itu belum ada: pasang disknya; sampai itu, peringatan)"
        print(f"Setiap cadangan otomatis juga disalin ke {folder.resolve()}{missing}.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from pos.db.restore import restore

    data_dir = _data_dir(args)
    report = restore(data_dir, Path(args.file))
    # opened once the way the till opens it: an older backup is upgraded now (with its own backup first)
    Database.open(data_dir, create=False).close()
    print(
        f"Dipulihkan dari {report.source}: {report.sales} penjualan, struk terakhir "
        f"{report.last_receipt or '-'}; database kasir: {report.database}."
    )
    if report.replaced is not None:
        print(f"Database sebelumnya disimpan tanpa diubah: {report.replaced}")
    if report.counters_kept:
        kept = report.counters_kept
        print(f"Nomor struk yang terpakai sesudah cadangan ini tidak dipakai lagi ({kept} penghitung).")
    print("Berikutnya: `ntt-pos sync --once` (bila terhubung ke server provinsi), lalu `ntt-pos doctor`.")
    return 0


def doctor(data_dir: Path, province_check: ProvinceCheck) -> int:
    """Print every check; exit 1 only for damaged or inconsistent data (warnings keep 0)."""
    if not (data_dir / DB_FILENAME).exists():
        Database.open(data_dir, create=False)  # raises the usual "belum ada" refusal
    try:
        db = Database.open(data_dir, create=False)
    except DatabaseRefused as refused:
        path = data_dir / DB_FILENAME
        with path.open("rb") as head:
            sqlite_file = head.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
        problems = backup.integrity_problems(path, limit=5) if sqlite_file else []
        if not problems:
            # whole but not usable here (another program's file, not SQLite at all, a newer app): one
            # line, exit 2. Only a SQLite file that fails its checks is "damaged" (exit 1).
            raise
        _print(Check("database", False, str(refused)))
        print(health.damaged_message(problems, backups.latest_good_backup(data_dir)))
        return 1
    try:
        with db.unit_of_work() as uow:
            checks = run_checks(uow)
            checks += health.backup_checks(uow, data_dir)
            till = backups.till_label(uow)
        extra = province_check(db)
        if extra is not None:
            checks.append(extra)
    finally:
        db.close()
    for check in checks:
        _print(check)
    integrity = [c for c in checks if c.name == "integritas SQLite" and not c.ok]
    if integrity:
        problems = integrity[0].detail.split("; ")
        print(health.damaged_message(problems, backups.latest_good_backup(data_dir, till)))
    healthy = all(check.ok for check in checks)
    print("Sehat." if healthy else "Ada masalah: jangan berjualan dengan database ini, hubungi dukungan.")
    return 0 if healthy else 1


def _print(check: Check) -> None:
    print(f"[{check.label}] {check.name}: {check.detail}")
