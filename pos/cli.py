"""`ntt-pos`: the till's command line. Headless commands never import Qt; the GUI is imported lazily."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from pos.core.errors import DomainError
from pos.db.engine import Database, DatabaseRefused
from pos.db.paths import resolve_data_dir
from pos.sync import commands as sync_commands

Handler = Callable[[argparse.Namespace], int]


class CliError(Exception):
    """A one-line message for the terminal; exit status 2."""


def data_dir_of(args: argparse.Namespace) -> Path:
    demo = bool(getattr(args, "demo", False) or getattr(args, "init_demo", False))
    return resolve_data_dir(args.data_dir, demo)


def open_db(args: argparse.Namespace, *, create: bool = False) -> Database:
    return Database.open(data_dir_of(args), create=create)


def cmd_gui(args: argparse.Namespace) -> int:
    from pos.app import run_gui

    return run_gui(data_dir_of(args), demo=bool(args.demo))


def ensure_demo(data_dir: Path) -> tuple[Database, bool]:
    """Open the demo database, seeding it on first use; returns (db, seeded_now)."""
    from pos.db.models import Outlet
    from pos.services.demo import seed_demo

    db = Database.open(data_dir, create=True)
    with db.unit_of_work() as uow:
        if uow.session.query(Outlet.id).first() is not None:
            return db, False
        seed_demo(uow)
        uow.commit()
    return db, True


def cmd_init(args: argparse.Namespace) -> int:
    if not args.init_demo and not args.demo:
        raise CliError("`ntt-pos init` tanpa --demo belum tersedia; gunakan `ntt-pos init --demo`.")
    db, seeded = ensure_demo(data_dir_of(args))
    from pos.services.reports import totals

    with db.unit_of_work() as uow:
        figures = totals(uow)
    state = "dibuat" if seeded else "sudah ada"
    print(f"Outlet demo {state} di {db.path} ({figures.sales} penjualan).")
    return 0


def cmd_simulate(args: argparse.Namespace) -> int:
    from pos.services.checkout import CompletedSale
    from pos.services.simulate import pick_cashier, simulate

    if args.sales < 0:
        raise CliError("--sales harus 0 atau lebih.")
    db = open_db(args)
    actor = pick_cashier(db, args.user)

    def report(sale: CompletedSale) -> None:
        print(f"COMMITTED {sale.receipt_no} {sale.total}", flush=True)

    for _ in simulate(db, actor, args.sales, seed=args.seed, on_commit=report):
        pass
    return 0


def cmd_receipt(args: argparse.Namespace) -> int:
    from pos.services.sales import find_sale, receipt_for

    db = open_db(args)
    with db.unit_of_work() as uow:
        if args.escpos:
            from pos.core.receipt import receipt_document
            from pos.printing.escpos_render import columns_for, write_escpos

            receipt = receipt_for(uow, args.receipt_no)
            write_escpos(receipt_document(receipt, columns_for(args.paper)), Path(args.escpos), args.paper)
            print(f"ESC/POS struk {args.receipt_no} ditulis ke {args.escpos} ({args.paper} mm).")
            return 0
        sale = find_sale(uow, args.receipt_no)
    if args.json:
        print(json.dumps(sale.to_json(), ensure_ascii=False, indent=2))
    else:
        from pos.core.document import render_text
        from pos.core.receipt import receipt_document

        with db.unit_of_work() as uow:
            print(render_text(receipt_document(receipt_for(uow, args.receipt_no), 32), 32))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from pos.core.money import format_rupiah
    from pos.services.reports import totals

    db = open_db(args)
    with db.unit_of_work() as uow:
        figures = totals(uow)
    if args.json:
        print(json.dumps(figures.to_json()))
    else:
        print(
            f"Penjualan: {figures.sales}  Omzet: {format_rupiah(figures.gross)}  "
            f"Refund: {figures.refunds} ({format_rupiah(figures.refunded)})  "
            f"Belum sinkron: {figures.unsynced}"
        )
    return 0


def cmd_doctor(args: argparse.Namespace) -> int:
    from pos.services.doctor import run_checks

    db = open_db(args)
    with db.unit_of_work() as uow:
        checks = run_checks(uow)
    for check in checks:
        print(f"[{'OK' if check.ok else 'GAGAL'}] {check.name}: {check.detail}")
    healthy = all(check.ok for check in checks)
    print("Sehat." if healthy else "Ada masalah: jangan berjualan dengan database ini, hubungi dukungan.")
    return 0 if healthy else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ntt-pos", description="Kasir NTT Mart (offline-first).")
    parser.add_argument("--data-dir", help="folder data kasir (bawaan: folder data pengguna)")
    parser.add_argument("--demo", action="store_true", help="pakai outlet demo (dibuat saat pertama dipakai)")
    parser.set_defaults(handler=cmd_gui)
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH")

    p = sub.add_parser("init", help="siapkan database kasir (--demo: outlet demo berisi katalog NTT)")
    p.add_argument("--demo", dest="init_demo", action="store_true", help="buat outlet demo")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("simulate", help="jalankan penjualan acak lewat layanan checkout")
    p.add_argument("--sales", type=int, required=True, help="jumlah penjualan")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--user", help="nama pengguna kasir (bawaan: kasir pertama)")
    p.set_defaults(handler=cmd_simulate)

    p = sub.add_parser("receipt", help="tampilkan satu struk")
    p.add_argument("receipt_no")
    p.add_argument("--json", action="store_true", help="sebagai JSON")
    p.add_argument("--escpos", metavar="FILE", help="tulis byte ESC/POS ke FILE")
    p.add_argument("--paper", type=int, choices=(58, 80), default=58)
    p.set_defaults(handler=cmd_receipt)

    p = sub.add_parser("report", help="laporan kasir")
    p.add_argument("which", choices=("totals",))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_report)

    p = sub.add_parser("doctor", help="periksa kesehatan database")
    p.set_defaults(handler=cmd_doctor)

    sync_commands.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except (CliError, DatabaseRefused, DomainError) as exc:
        print(f"ntt-pos: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
