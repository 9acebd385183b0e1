"""`ntt-pos connect` and `ntt-pos sync --once`; pos/cli.py calls `register(subparsers)`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from pos.core.money import format_rupiah
from pos.db.paths import resolve_data_dir


def register(subparsers: Any) -> None:
    connect = subparsers.add_parser("connect", help="simpan alamat server provinsi, kode outlet dan token")
    connect.add_argument("--server", required=True, help="mis. https://pos.nttprov.go.id")
    connect.add_argument("--outlet", required=True, help="kode outlet, mis. 5371-01")
    connect.add_argument("--token", required=True, help="token dari `ntt-pos-province add-outlet`")
    connect.add_argument("--no-check", action="store_true", help="simpan tanpa menghubungi server")
    connect.set_defaults(handler=cmd_connect)
    sync = subparsers.add_parser("sync", help="kirim penjualan ke server provinsi dan tarik registri ASN")
    sync.add_argument("--once", action="store_true", required=True, help="satu putaran lalu selesai")
    sync.add_argument("--json", action="store_true", help="ringkasan sebagai JSON")
    sync.set_defaults(handler=cmd_sync)


def _data_dir(args: argparse.Namespace) -> Path:
    return resolve_data_dir(getattr(args, "data_dir", None), bool(getattr(args, "demo", False)))


def cmd_connect(args: argparse.Namespace) -> int:
    from pos.db.engine import Database
    from pos.sync.client import ProvinceClient, SyncError
    from pos.sync.protocol import OUTLET_CODE_RE
    from pos.sync.runner import Connection, save_connection

    if not OUTLET_CODE_RE.match(args.outlet):
        print(f"ntt-pos: kode outlet '{args.outlet}' tidak sah", file=sys.stderr)
        return 2
    if not args.server.startswith(("http://", "https://")):
        print("ntt-pos: alamat server harus diawali http:// atau https://", file=sys.stderr)
        return 2
    if not args.no_check:
        try:
            with ProvinceClient(args.server, args.outlet, args.token, read_timeout=15) as client:
                client.health()
                client.asn_changes(2**62, 1)  # needs a valid token: checks it without changing anything
                client.push([])  # an empty batch checks that the token belongs to this outlet
        except SyncError as error:
            print(f"ntt-pos: koneksi tidak disimpan: {error}", file=sys.stderr)
            return 3
    db = Database.open(_data_dir(args), create=False)
    try:
        save_connection(db, Connection(server=args.server.rstrip("/"), outlet=args.outlet, token=args.token))
    finally:
        db.close()
    print(f"Terhubung: outlet {args.outlet} ke {args.server}")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    """Exit 0 only when nothing is left pending; 3 when the server is unreachable, 4 when refused."""
    import json

    from pos.db.engine import Database
    from pos.services import outbox
    from pos.sync.client import NotDelivered, ProvinceClient, SyncRefused
    from pos.sync.runner import load_connection, summary_json, sync_once

    db = Database.open(_data_dir(args), create=False)
    try:
        connection = load_connection(db)
        if connection is None:
            print(
                "ntt-pos: belum terhubung; jalankan "
                "`ntt-pos connect --server URL --outlet KODE --token TOKEN`",
                file=sys.stderr,
            )
            return 2
        try:
            with ProvinceClient(connection.server, connection.outlet, connection.token) as client:
                summary = sync_once(db, client)
        except SyncRefused as error:
            print(f"ntt-pos: {error}", file=sys.stderr)
            return 4
        except NotDelivered as error:
            with db.unit_of_work() as uow:
                pending = outbox.counts(uow).pending
            print(f"ntt-pos: sinkronisasi belum selesai, {pending} event menunggu: {error}", file=sys.stderr)
            return 3
        with db.unit_of_work() as uow:
            rejected = outbox.counts(uow).rejected
            pending_total = _pending_sales_total(uow)
    finally:
        db.close()
    if args.json:
        print(json.dumps({**json.loads(summary_json(summary)), "rejected_in_list": rejected}))
    else:
        print(
            f"Terkirim {summary.accepted}, sudah ada {summary.duplicate}, ditolak {summary.rejected}; "
            f"menunggu {summary.pending} ({format_rupiah(pending_total)}); perubahan registri ASN "
            f"{summary.registry_changes}; total pembeli ASN periode {summary.period_key}: "
            f"{summary.buyer_totals}"
        )
        if rejected:
            print(f"Perhatian: {rejected} event ditolak server provinsi; lihat daftar di menu manajer.")
    return 0 if summary.pending == 0 else 1


def _pending_sales_total(uow: Any) -> int:
    import json

    from pos.services import outbox

    total = 0
    for event in outbox.pending_batch(uow, 100_000):
        if event.kind == "sale":
            total += int(json.loads(event.payload)["payload"]["total"])
    return total
