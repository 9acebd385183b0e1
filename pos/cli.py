"""`ntt-pos`: the till's command line. Headless commands never import Qt; the GUI is imported lazily."""

from __future__ import annotations

import argparse
import json
import logging
import platform
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pos
from pos import logsetup
from pos.core.errors import DomainError
from pos.db.engine import Database, DatabaseRefused
from pos.db.paths import resolve_data_dir
from pos.services import backup_commands, provisioning
from pos.services.reporting import commands as report_commands
from pos.sync import commands as sync_commands

if TYPE_CHECKING:  # imported where used: a command loads only what it needs
    from pos.application.till import TillBackend
    from pos.services.setup import ProvinceServer

Handler = Callable[[argparse.Namespace], int]

log = logging.getLogger(__name__)


class CliError(Exception):
    """A one-line message for the terminal; exit status 2."""


def data_dir_of(args: argparse.Namespace) -> Path:
    demo = bool(getattr(args, "demo", False) or getattr(args, "init_demo", False))
    return resolve_data_dir(args.data_dir, demo)


def open_db(args: argparse.Namespace, *, create: bool = False) -> Database:
    return Database.open(data_dir_of(args), create=create)


def cmd_gui(args: argparse.Namespace) -> int:
    from pos.app import run_gui

    return run_gui(data_dir_of(args), demo=bool(args.demo), smoke_test=bool(args.smoke_test))


def cmd_init(args: argparse.Namespace) -> int:
    if args.init_demo or args.demo:
        return init_demo(args)
    return init_outlet(args)


def init_demo(args: argparse.Namespace) -> int:
    from pos.application.till import TillBackend
    from pos.services.demo import open_demo

    db, seeded = open_demo(data_dir_of(args))
    figures = TillBackend(db.unit_of_work).totals()
    state = "dibuat" if seeded else "sudah ada"
    print(f"Outlet demo {state} di {db.path} ({figures.sales} penjualan).")
    return 0


def read_admin_pin(args: argparse.Namespace) -> str:
    """The PIN from --admin-pin-file (first line), --admin-pin, or a hidden prompt on a terminal."""
    if args.admin_pin_file:
        try:
            return Path(args.admin_pin_file).read_text(encoding="utf-8").splitlines()[0].strip()
        except (OSError, IndexError) as error:
            raise CliError(f"tidak bisa membaca PIN dari {args.admin_pin_file}: {error}") from None
    if args.admin_pin:
        return str(args.admin_pin)
    if not sys.stdin.isatty():
        raise CliError("PIN admin wajib: --admin-pin-file FILE (disarankan) atau --admin-pin PIN.")
    import getpass

    pin = getpass.getpass("PIN admin baru: ")
    if getpass.getpass("Ulangi PIN admin: ") != pin:
        raise CliError("PIN tidak sama.")
    return pin


def init_outlet(args: argparse.Namespace) -> int:
    """Headless first-run set-up of a real outlet, the same one transaction the wizard uses."""
    from pos.services import setup

    missing = [
        f"--{n.replace('_', '-')}"
        for n in ("outlet_code", "kabupaten", "address", "admin_user")
        if not getattr(args, n)
    ]
    if missing:
        raise CliError(f"`ntt-pos init` butuh {', '.join(missing)} (atau --demo untuk outlet demo).")
    kabupaten = setup.kabupaten_code(args.kabupaten)
    server, terminal = None, args.terminal or "01"
    token = sync_commands.read_token(args)
    if args.server:
        server, terminal = _province_till(args, token)
    elif token:
        raise CliError("--token butuh --server.")
    printer = None
    if args.printer_file:
        printer = {"kind": "file", "file_path": args.printer_file, "paper": args.paper}
    elif args.printer_host:
        host, _, port = args.printer_host.partition(":")
        printer = {"kind": "network", "host": host, "port": int(port or 9100), "paper": args.paper}
    outlet_setup = setup.OutletSetup(
        outlet_code=args.outlet_code,
        name=args.name or setup.outlet_name_for(kabupaten),
        kabupaten_code=kabupaten,
        address=args.address,
        admin_username=args.admin_user,
        admin_full_name=args.admin_name or "",
        admin_pin=read_admin_pin(args),
        receipt_footer=args.footer or setup.DEFAULT_FOOTER,
        terminal=terminal,
        printer=printer,
        server=server,
    )
    setup.validate(outlet_setup)  # before a database file is created
    data_dir = data_dir_of(args)
    if setup.data_dir_is_set_up(data_dir):
        raise CliError(f"{data_dir} sudah berisi outlet yang siap; tidak diubah.")
    snapshot = _outlet_snapshot(args, token, outlet_setup) if server is not None else None
    db = Database.open(data_dir, create=True)
    try:
        result = setup.initialize_outlet(db, outlet_setup)
        if snapshot is not None:
            from pos.sync.outlet_join import join

            join(db, snapshot, result.admin_username)
    finally:
        db.close()
    setup.clear_draft(data_dir)
    print(
        f"Outlet {result.outlet_code} ({result.outlet_name}) siap di {result.database}; "
        f"admin: {result.admin_username}."
    )
    if snapshot is not None and snapshot.records:
        print(
            f"Data outlet dari server provinsi: {snapshot.count('product')} produk, "
            f"{snapshot.count('supplier')} produsen, {snapshot.count('user')} pengguna, "
            f"{snapshot.count('movement')} mutasi stok."
        )
    return 0


def _outlet_snapshot(args: argparse.Namespace, token: str | None, outlet_setup: Any) -> Any:
    """The outlet's shared data, read before any file is created: an --admin-user the outlet already
    has must come with that user's PIN (pos.sync.outlet_join)."""
    from pos.core.errors import DomainError
    from pos.sync.client import SyncError
    from pos.sync.outlet_join import check_admin, fetch

    try:
        snapshot = fetch(args.server, token or "")
    except SyncError as error:
        raise CliError(f"server provinsi: {error}; tidak ada yang dibuat") from None
    try:
        check_admin(snapshot, outlet_setup.admin_username, outlet_setup.admin_pin)
    except DomainError as error:
        raise CliError(str(error)) from None
    return snapshot


def _province_till(args: argparse.Namespace, token: str | None) -> tuple[ProvinceServer, str]:
    """Ask the server whose till the token is, before any database is created: a token of another
    outlet (or, with --terminal, another terminal) stops the set-up here."""
    from pos.services import setup
    from pos.sync.client import SyncError
    from pos.sync.connect import identify
    from pos.sync.protocol import till_label

    if not token:
        raise CliError("--server butuh --token-file FILE atau --token (dari `ntt-pos-province add-outlet`).")
    if not args.server.startswith(("http://", "https://")):
        raise CliError("alamat server harus diawali http:// atau https://")
    try:
        hello = identify(args.server, token)
    except SyncError as error:
        raise CliError(f"server provinsi: {error}; tidak ada yang dibuat") from None
    owner, terminal = hello["outlet"], hello["terminal"]
    if owner != args.outlet_code:
        raise CliError(
            f"token ini milik outlet {owner} (kasir {till_label(owner, terminal)}), "
            f"bukan {args.outlet_code}; tidak ada yang dibuat"
        )
    if args.terminal and args.terminal != terminal:
        raise CliError(
            f"token ini milik kasir {terminal}, bukan --terminal {args.terminal}; tidak ada yang dibuat"
        )
    return setup.ProvinceServer(args.server.rstrip("/"), token, till_label(owner, terminal)), terminal


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


def till_backend(args: argparse.Namespace) -> TillBackend:
    """The till's use cases over the data folder's database, as the cashier's screens have them."""
    from pos.application.till import TillBackend

    return TillBackend(open_db(args).unit_of_work)


def cmd_receipt(args: argparse.Namespace) -> int:
    """A sale's receipt as first issued (what the buyer got), as text, JSON or ESC/POS bytes."""
    from pos.core.document import columns_for, render_text
    from pos.core.receipt import receipt_document

    till = till_backend(args)
    if args.json:
        print(json.dumps(till.find_sale(args.receipt_no).to_json(), ensure_ascii=False, indent=2))
        return 0
    receipt = till.receipt(args.receipt_no)
    if args.escpos:
        from pos.printing.escpos_render import write_escpos

        write_escpos(receipt_document(receipt, columns_for(args.paper)), Path(args.escpos), args.paper)
        print(f"ESC/POS struk {args.receipt_no} ditulis ke {args.escpos} ({args.paper} mm).")
        return 0
    columns = columns_for(args.paper)
    print(render_text(receipt_document(receipt, columns), columns))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from pos.core.money import format_rupiah

    figures = till_backend(args).totals()
    if args.json:
        print(json.dumps(figures.to_json()))
    else:
        print(
            f"Penjualan: {figures.sales}  Omzet: {format_rupiah(figures.gross)}  "
            f"Refund: {figures.refunds} ({format_rupiah(figures.refunded)})  "
            f"Belum sinkron: {figures.unsynced} (ditolak server: {figures.rejected})"
        )
    return 0


def cmd_doctor(args: argparse.Namespace) -> int:
    from pos.services.backup_commands import doctor
    from pos.sync.province_check import province_events_check

    # first, so that it shows even when the database cannot be opened: support asks for this file
    print(f"Log kasir: {logsetup.log_file(args.data_dir)}")
    return doctor(data_dir_of(args), province_events_check)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ntt-pos", description="Kasir NTT Mart (offline-first).")
    parser.add_argument("--data-dir", help="folder data kasir (bawaan: folder data pengguna)")
    parser.add_argument("--demo", action="store_true", help="pakai outlet demo (dibuat saat pertama dipakai)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {pos.__version__}")
    # hidden, for installers and tests: open the GUI, quit after its first paint (pos/ui/smoke.py)
    parser.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    parser.set_defaults(handler=cmd_gui)
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH")

    p = sub.add_parser("init", help="siapkan outlet baru tanpa layar (atau --demo: outlet demo)")
    p.add_argument("--demo", dest="init_demo", action="store_true", help="buat outlet demo")
    p.add_argument("--outlet-code", help="kode outlet, mis. 5371")
    p.add_argument("--name", help="nama outlet (bawaan: NTT Mart by Dekranasda <Kabupaten>)")
    p.add_argument("--kabupaten", help="kode Kemendagri (5301-5321, 5371) atau nama kabupaten/kota")
    p.add_argument("--address", help="alamat outlet (dicetak di struk)")
    p.add_argument("--footer", help="baris penutup struk")
    p.add_argument("--terminal", help="nomor kasir di outlet (bawaan 01, atau kasir pemilik token)")
    p.add_argument("--admin-user", help="nama pengguna admin pertama")
    p.add_argument("--admin-name", help="nama lengkap admin")
    p.add_argument("--admin-pin-file", help="file berisi PIN admin (disarankan: tidak tampak di riwayat)")
    p.add_argument("--admin-pin", help="PIN admin (tampak di daftar proses; lebih baik --admin-pin-file)")
    p.add_argument("--paper", type=int, choices=(58, 80), default=80, help="lebar kertas printer")
    p.add_argument("--printer-host", help="printer jaringan HOST[:PORT]")
    p.add_argument("--printer-file", help="tulis struk ke file/perangkat ini")
    p.add_argument("--server", help="alamat server provinsi (opsional; ditanya dulu sebelum apa pun dibuat)")
    sync_commands.add_token_options(p)
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
    p.add_argument("--paper", type=int, choices=(58, 80), default=58, help="lebar kertas (teks dan ESC/POS)")
    p.set_defaults(handler=cmd_receipt)

    report_commands.register(sub, totals=cmd_report)  # report totals | sales | stock | asn

    p = sub.add_parser("doctor", help="periksa kesehatan database")
    p.set_defaults(handler=cmd_doctor)

    sync_commands.register(sub)
    provisioning.register(sub)
    backup_commands.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    with logsetup.file_logging(args.data_dir):  # to the log file only: the output below stays as it is
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    handler: Handler = args.handler
    command = args.command or "kasir"
    log.info(
        "ntt-pos %s: versi %s, folder data %s, Python %s, %s",
        command,
        pos.__version__,
        data_dir_of(args),
        platform.python_version(),
        platform.platform(),
    )
    try:
        return handler(args)
    except (CliError, DatabaseRefused, DomainError) as exc:
        log.log(logging.ERROR if isinstance(exc, DatabaseRefused) else logging.WARNING, "ntt-pos %s: %s",
                command, exc)  # fmt: skip
        print(f"ntt-pos: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception:
        log.exception("ntt-pos %s: kesalahan tak terduga", command)
        raise
