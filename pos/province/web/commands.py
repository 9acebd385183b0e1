"""`ntt-pos-province add-user | set-password | disable-user | target`: the dashboard's users and the
province's monthly sales target, registered into the province CLI by pos.province.cli. A password
comes from the first line of --password-file (never the command line, which the process list shows)."""

from __future__ import annotations

import argparse
from pathlib import Path

from sqlalchemy import Engine

from pos.core.errors import DomainError

COMMANDS = ("add-user", "set-password", "disable-user", "target")


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    add = sub.add_parser("add-user", help="tambah pengguna dasbor (admin, viewer, agency, outlet)")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=["admin", "viewer", "agency", "outlet"])
    add.add_argument("--agency", help="instansi persis seperti di registri ASN (peran agency)")
    add.add_argument("--outlet", help="kode outlet (peran outlet)")
    add.add_argument("--password-file", type=Path, required=True, help="baris pertamanya kata sandi")
    password = sub.add_parser("set-password", help="ganti kata sandi pengguna dasbor (membuka kunci)")
    password.add_argument("username")
    password.add_argument("--password-file", type=Path, required=True)
    sub.add_parser("disable-user", help="nonaktifkan pengguna dasbor").add_argument("username")
    target = sub.add_parser("target", help="lihat atau atur target penjualan bulanan provinsi (Ringkasan)")
    target.add_argument("--amount", type=int, help="rupiah per bulan, mis. 150000000000")


def run(engine: Engine, args: argparse.Namespace) -> int:
    from pos.province.web import accounts
    from pos.province.web.accounts import WebRole

    if args.command == "add-user":
        with engine.begin() as conn:
            accounts.add_user(
                conn,
                args.username,
                WebRole(args.role),
                _password(args.password_file),
                agency=args.agency,
                outlet_code=args.outlet,
            )
        print(f"Pengguna dasbor {args.username.strip().lower()} ({args.role}) ditambahkan.")
        return 0
    if args.command == "set-password":
        with engine.begin() as conn:
            accounts.set_password(conn, args.username, _password(args.password_file))
        print(f"Kata sandi {args.username} diganti; sesi lamanya berakhir.")
        return 0
    if args.command == "target":
        return _target(engine, args.amount)
    with engine.begin() as conn:
        accounts.disable_user(conn, args.username)
    print(f"Pengguna {args.username} dinonaktifkan; sesinya berakhir.")
    return 0


def _target(engine: Engine, amount: int | None) -> int:
    from pos.core.money import format_rupiah
    from pos.province.dashboard_queries import monthly_target, save_monthly_target

    if amount is not None:
        if amount <= 0:
            raise DomainError("Target harus lebih dari Rp0")
        with engine.begin() as conn:
            save_monthly_target(conn, amount)
    with engine.connect() as conn:
        print(f"Target penjualan bulanan provinsi: {format_rupiah(monthly_target(conn))}")
    return 0


def _password(path: Path) -> str:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise DomainError(f"berkas kata sandi {path} tidak bisa dibaca: {error}") from None
    if not lines or not lines[0]:
        raise DomainError(f"berkas kata sandi {path} kosong")
    return lines[0]
