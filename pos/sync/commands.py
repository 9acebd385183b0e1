"""`ntt-pos connect` and `ntt-pos sync --once`; pos/cli.py calls `register(subparsers)`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from pos.core.errors import DomainError
from pos.core.money import format_rupiah
from pos.db.paths import resolve_data_dir


def register(subparsers: Any) -> None:
    connect = subparsers.add_parser(
        "connect", help="hubungkan kasir ini ke server provinsi dengan token kasirnya"
    )
    connect.add_argument("--server", required=True, help="mis. https://pos.nttprov.go.id")
    add_token_options(connect)
    connect.add_argument("--outlet", help="kode outlet yang diharapkan (token milik outlet lain ditolak)")
    connect.set_defaults(handler=cmd_connect)
    sync = subparsers.add_parser("sync", help="kirim penjualan ke server provinsi dan tarik registri ASN")
    sync.add_argument("--once", action="store_true", required=True, help="satu putaran lalu selesai")
    sync.add_argument("--json", action="store_true", help="ringkasan sebagai JSON")
    sync.set_defaults(handler=cmd_sync)


def add_token_options(parser: Any) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--token", help="token kasir dari `ntt-pos-province add-outlet` atau `add-till`")
    group.add_argument(
        "--token-file", help="file berisi token (baris pertama): tidak tampak di riwayat shell"
    )


def read_token(args: argparse.Namespace) -> str | None:
    """The token from --token-file (first line) or --token; None when neither is given."""
    if getattr(args, "token_file", None):
        try:
            return Path(args.token_file).read_text(encoding="utf-8").splitlines()[0].strip()
        except (OSError, IndexError, UnicodeDecodeError) as error:
            raise DomainError(f"tidak bisa membaca token dari {args.token_file}: {error}") from None
    token = getattr(args, "token", None)
    return token.strip() if token else None


def _data_dir(args: argparse.Namespace) -> Path:
    return resolve_data_dir(getattr(args, "data_dir", None), bool(getattr(args, "demo", False)))


def cmd_connect(args: argparse.Namespace) -> int:
    """Ask the server whose till the token is; a till that has not sold takes that outlet code and
    terminal, a till that has must match it. Nothing is stored unless all of that holds."""
    from pos.db.engine import Database
    from pos.sync.client import SyncError
    from pos.sync.connect import connect_till, identify

    token = read_token(args)
    if not token:
        print("ntt-pos: --token atau --token-file wajib", file=sys.stderr)
        return 2
    if not args.server.startswith(("http://", "https://")):
        print("ntt-pos: alamat server harus diawali http:// atau https://", file=sys.stderr)
        return 2
    try:
        hello = identify(args.server, token)
    except SyncError as error:
        print(f"ntt-pos: koneksi tidak disimpan: {error}", file=sys.stderr)
        return 3
    db = Database.open(_data_dir(args), create=False)
    try:
        label, readdressed = connect_till(db, args.server, token, hello, expected_outlet=args.outlet)
    except DomainError as error:
        print(f"ntt-pos: koneksi tidak disimpan: {error}", file=sys.stderr)
        return 4
    finally:
        db.close()
    note = f" ({readdressed} event yang belum terkirim ikut kode ini)" if readdressed else ""
    print(f"Terhubung: kasir {label} ({hello['outlet_name']}) ke {args.server}{note}")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    """Exit 0 when everything was delivered and accepted; 1 when events are still pending; 3 when the
    server is unreachable; 4 when it refused this till; 5 while any event is rejected and unresolved."""

    from pos.db.engine import Database
    from pos.sync.client import NotDelivered, ProvinceClient, SyncRefused
    from pos.sync.runner import load_connection, summary_json, sync_once

    db = Database.open(_data_dir(args), create=False)
    try:
        connection = load_connection(db)
        if connection is None:
            print(
                "ntt-pos: belum terhubung; jalankan `ntt-pos connect --server URL --token-file FILE`",
                file=sys.stderr,
            )
            return 2
        try:
            with ProvinceClient(connection.server, connection.token) as client:
                summary = sync_once(db, client)
        except SyncRefused as error:
            print(f"ntt-pos: {error}", file=sys.stderr)
            return 4
        except NotDelivered as error:
            from pos.services import outbox

            with db.unit_of_work() as uow:
                pending = outbox.counts(uow).pending
            print(f"ntt-pos: sinkronisasi belum selesai, {pending} event menunggu: {error}", file=sys.stderr)
            return 3
        with db.unit_of_work() as uow:
            pending_total = _pending_sales_total(uow)
    finally:
        db.close()
    if args.json:
        print(summary_json(summary))
    else:
        print(
            f"Terkirim {summary.accepted}, sudah ada {summary.duplicate}, ditolak {summary.rejected}; "
            f"menunggu {summary.pending} ({format_rupiah(pending_total)}); perubahan registri ASN "
            f"{summary.registry_changes}; total pembeli ASN periode {summary.period_key}: "
            f"{summary.buyer_totals}"
        )
    if summary.rejected_open:
        print(
            f"ntt-pos: {summary.rejected_open} event ditolak server provinsi dan belum diselesaikan; "
            "lihat menu Admin > Event sinkron ditolak",
            file=sys.stderr,
        )
        return 5
    return 0 if summary.pending == 0 else 1


def _pending_sales_total(uow: Any) -> int:
    import json

    from pos.services import outbox

    total = 0
    for event in outbox.pending_batch(uow, 100_000):
        if event.kind == "sale":
            total += int(json.loads(event.payload)["payload"]["total"])
    return total
