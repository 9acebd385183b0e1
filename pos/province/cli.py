"""`ntt-pos-province`: run the provincial server and administer it. Global options come first:
`ntt-pos-province --database-url URL serve --host H --port P`."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from pos.core.asn_period import AsnProgramme, PeriodKind, format_date_id
from pos.core.errors import DomainError
from pos.core.money import format_rupiah


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ntt-pos-province", description="Server provinsi NTT Mart")
    parser.add_argument(
        "--database-url", help="SQLAlchemy URL; bawaan: berkas SQLite di folder data pengguna"
    )
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="jalankan server HTTP")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8080)
    serve.add_argument(
        "--workers", type=int, default=1, help="jumlah proses server (lebih dari 1 perlu PostgreSQL)"
    )
    verify = sub.add_parser("verify", help="hitung ulang ringkasan dari penjualan mentah dan bandingkan")
    verify.add_argument("--month", help="YYYY-MM (bawaan: semua bulan)")
    verify.add_argument("--repair", action="store_true", help="bangun ulang ringkasan bila ada selisih")
    verify.add_argument("--json", action="store_true")

    add = sub.add_parser("add-outlet", help="daftarkan outlet dan kasir 01-nya; mencetak token kasir sekali")
    add.add_argument("code", help="kode outlet tanpa '-', mis. 5371")
    add.add_argument("--name", required=True)
    add.add_argument("--kabupaten", required=True)
    till = sub.add_parser(
        "add-till", help="daftarkan kasir berikutnya (02, 03, ...); mencetak tokennya sekali"
    )
    till.add_argument("code", help="kode outlet, mis. 5371")
    for name, text in (("rotate-token", "ganti token kasir"), ("revoke-token", "cabut token kasir")):
        sub.add_parser(name, help=text).add_argument(
            "till", help="KODE (kasir 01) atau KODE-TT, mis. 5371-02"
        )
    release = sub.add_parser("release", help="umumkan versi aplikasi kasir terbaru")
    release.add_argument("version")
    release.add_argument("--url", required=True)
    release.add_argument("--sha256", required=True)
    release.add_argument("--notes", default="")

    imp = sub.add_parser("import-asn", help="impor registri ASN dari CSV (NIP, nama, instansi, kabupaten)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--json", action="store_true")

    prog = sub.add_parser("programme", help="lihat atau atur minimum belanja dan periode ASN")
    prog.add_argument("--minimum", type=int)
    prog.add_argument("--period", choices=["month", "campaign"])
    prog.add_argument("--campaign-name")
    prog.add_argument("--campaign-start", type=date.fromisoformat)
    prog.add_argument("--campaign-end", type=date.fromisoformat)
    prog.add_argument("--json", action="store_true")

    report = sub.add_parser("report", help="laporan").add_subparsers(dest="report", required=True)
    rep_outlets = report.add_parser("outlets", help="penjualan per outlet (semua kasirnya)")
    rep_outlets.add_argument(
        "--tills", action="store_true", help="per kasir: sinkron terakhir, antrean, versi"
    )
    rep_outlets.add_argument("--json", action="store_true")
    rep_rejected = report.add_parser("rejected", help="event yang ditolak, per kasir")
    rep_rejected.add_argument("--outlet", help="hanya outlet ini")
    rep_rejected.add_argument("--json", action="store_true")
    rep_stock = report.add_parser("stock", help="stok per produk satu outlet (mutasi semua kasirnya)")
    rep_stock.add_argument("--outlet", required=True, help="kode outlet, mis. 5371")
    rep_stock.add_argument("--json", action="store_true")
    for name, text in (("compliance", "kepatuhan belanja ASN"), ("suppliers", "penjualan per produsen UMKM")):
        rep = report.add_parser(name, help=text)
        rep.add_argument("--month", help="YYYY-MM (bawaan: periode program kini)")
        rep.add_argument("--json", action="store_true")
    from pos.province.web.commands import add_parsers as add_web_parsers  # the dashboard's users

    add_web_parsers(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from pos.province.database import create_province_engine, default_database_url, upgrade
    from pos.province.serving import DATABASE_URL_ENV

    url = args.database_url or os.environ.get(DATABASE_URL_ENV) or default_database_url()
    args.database_url = url
    engine = create_province_engine(url)
    try:
        upgrade(engine)
        return _run(engine, args)
    except DomainError as error:
        print(f"Gagal: {error}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()


def _run(engine: Engine, args: argparse.Namespace) -> int:
    from pos.province import outlets

    if args.command == "serve":
        from pos.province.serving import serve

        return serve(engine, args.database_url, args.host, args.port, args.workers)
    if args.command == "verify":
        from pos.province.verify import run_verify

        return run_verify(engine, args.month, as_json=args.json, repair=args.repair)
    # Each command that issues a token prints it as the last word, so a roll-out script can take it.
    if args.command == "add-outlet":
        with engine.begin() as conn:
            token = outlets.add_outlet(conn, args.code, args.name, args.kabupaten)
        print(f"Outlet {args.code} terdaftar, kasir 01. Simpan tokennya, tidak ditampilkan lagi: {token}")
        return 0
    if args.command == "add-till":
        with engine.begin() as conn:
            terminal, token = outlets.add_till(conn, args.code)
        print(f"Kasir {args.code}-{terminal} terdaftar. Simpan tokennya, tidak ditampilkan lagi: {token}")
        return 0
    if args.command == "rotate-token":
        with engine.begin() as conn:
            token = outlets.rotate_token(conn, args.till)
        print(f"Token lama kasir {args.till} tidak berlaku lagi. Token baru: {token}")
        return 0
    if args.command == "revoke-token":
        with engine.begin() as conn:
            outlets.revoke_token(conn, args.till)
        print(f"Token kasir {args.till} dicabut.")
        return 0
    if args.command == "release":
        return _release(engine, args)
    if args.command == "import-asn":
        return _import_asn(engine, args)
    if args.command == "programme":
        return _programme(engine, args)
    from pos.province.web import commands as web_commands

    if args.command in web_commands.COMMANDS:
        return web_commands.run(engine, args)
    return _report(engine, args)


def _import_asn(engine: Engine, args: argparse.Namespace) -> int:
    from pos.province.asn import import_asn_csv

    try:
        text = args.file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise DomainError(f"berkas {args.file} tidak bisa dibaca: {error}") from None
    with engine.begin() as conn:
        report = import_asn_csv(conn, text)
    if args.json:
        print(
            json.dumps(
                {
                    "inserted": report.inserted,
                    "updated": report.updated,
                    "unchanged": report.unchanged,
                    "errors": [{"line": e.line, "message": e.message} for e in report.errors],
                }
            )
        )
    else:
        for problem in report.errors:
            print(f"baris {problem.line}: {problem.message}")
        print(
            f"ASN baru {report.inserted}, diubah {report.updated}, tetap {report.unchanged}, "
            f"baris salah {len(report.errors)}"
        )
    return 1 if report.errors else 0


def _programme(engine: Engine, args: argparse.Namespace) -> int:
    from pos.province.programme import load_programme
    from pos.province.summaries import set_programme

    with engine.begin() as conn:
        current = load_programme(conn)
        if any(
            v is not None
            for v in (args.minimum, args.period, args.campaign_name, args.campaign_start, args.campaign_end)
        ):
            period = PeriodKind(args.period) if args.period else current.period
            campaign = period is PeriodKind.CAMPAIGN
            current = AsnProgramme(
                minimum=args.minimum if args.minimum is not None else current.minimum,
                period=period,
                campaign_name=(args.campaign_name or current.campaign_name) if campaign else "",
                campaign_start=(args.campaign_start or current.campaign_start) if campaign else None,
                campaign_end=(args.campaign_end or current.campaign_end) if campaign else None,
            )
            set_programme(conn, current)  # saved, and a new campaign's totals built from the sales
    if args.json:
        print(
            json.dumps(
                {
                    "minimum": current.minimum,
                    "period": current.period.value,
                    "campaign_name": current.campaign_name,
                    "campaign_start": current.campaign_start.isoformat() if current.campaign_start else None,
                    "campaign_end": current.campaign_end.isoformat() if current.campaign_end else None,
                }
            )
        )
    elif current.period is PeriodKind.MONTH:
        print(f"Minimum belanja ASN {format_rupiah(current.minimum)} per bulan kalender")
    else:
        assert current.campaign_start is not None and current.campaign_end is not None
        print(
            f"Minimum belanja ASN {format_rupiah(current.minimum)} selama kampanye {current.campaign_name} "
            f"({format_date_id(current.campaign_start)} s.d. {format_date_id(current.campaign_end)})"
        )
    return 0


def _report(engine: Engine, args: argparse.Namespace) -> int:
    from pos.province import reports
    from pos.province.programme import current_period, load_programme, month_period, province_today

    with engine.connect() as conn:
        if args.report == "outlets" and args.tills:
            return _tills(conn, args.json)
        if args.report == "rejected":
            return _rejected(conn, args.outlet, args.json)
        if args.report == "stock":
            from pos.province.outlet_data import print_stock

            return print_stock(conn, args.outlet, args.json)
        if args.report == "outlets":
            rows = reports.outlets_report(conn)
            if args.json:
                print(json.dumps(rows, ensure_ascii=False))
                return 0
            _table(
                ["Outlet", "Nama", "Penjualan", "Bruto", "Retur", "Sinkron terakhir"],
                [
                    [
                        r["outlet"],
                        r["name"],
                        str(r["sales"]),
                        format_rupiah(r["gross"]),
                        format_rupiah(r["refunds"]),
                        _when(r["last_sync"]),
                    ]
                    for r in rows
                ],
            )
            return 0
        programme = load_programme(conn)
        period = month_period(args.month) if args.month else current_period(programme, province_today())
        if args.report == "compliance":
            data = reports.compliance_report(conn, period, programme.minimum)
            if args.json:
                print(json.dumps(data, ensure_ascii=False))
                return 0
            s = data["summary"]
            print(
                f"Kepatuhan belanja ASN {period.label}: minimum {format_rupiah(programme.minimum)}; "
                f"{s['met']} dari {s['asn']} ASN memenuhi; total {format_rupiah(s['total'])}"
            )
            _table(
                ["Instansi", "ASN", "Memenuhi", "Belum", "Total"],
                [
                    [a["agency"], str(a["asn"]), str(a["met"]), str(a["not_met"]), format_rupiah(a["total"])]
                    for a in data["agencies"]
                ],
            )
            print()
            _table(
                ["NIP", "Nama", "Instansi", "Total", "Status"],
                [
                    [
                        p["nip"],
                        p["name"],
                        p["agency"],
                        format_rupiah(p["total"]),
                        "memenuhi" if p["met"] else "belum",
                    ]
                    for p in data["asn"]
                ],
            )
            return 0
        rows = reports.suppliers_report(conn, period)
        if args.json:
            print(json.dumps({"period": period.key, "suppliers": rows}, ensure_ascii=False))
            return 0
        print(f"Penjualan per produsen UMKM, {period.label}")
        _table(
            ["Produsen", "Transaksi", "Unit", "Bruto", "Retur", "Neto"],
            [
                [
                    r["supplier"],
                    str(r["sales"]),
                    str(r["qty"]),
                    format_rupiah(r["gross"]),
                    format_rupiah(r["refunded"]),
                    format_rupiah(r["net"]),
                ]
                for r in rows
            ],
        )
        return 0


def _tills(conn: Any, as_json: bool) -> int:
    from pos.province.tills import tills_report

    rows = tills_report(conn)
    if as_json:
        print(json.dumps(rows, ensure_ascii=False))
        return 0
    _table(
        ["Kasir", "Penjualan", "Bruto", "Sinkron terakhir", "Menunggu", "Ditolak", "Versi"],
        [
            [
                r["till"] + (" (dicabut)" if r["revoked"] else ""),
                str(r["sales"]),
                format_rupiah(r["gross"]),
                _when(r["last_sync"]),
                "?" if r["pending"] is None else str(r["pending"]),
                str(r["rejected_at_province"]),
                r["app_version"] or "?",
            ]
            for r in rows
        ],
    )
    return 0


def _rejected(conn: Any, outlet: str | None, as_json: bool) -> int:
    from pos.province.tills import rejected_report

    rows = rejected_report(conn, outlet)
    if as_json:
        print(json.dumps(rows, ensure_ascii=False))
        return 0
    if not rows:
        print("Tidak ada event yang ditolak.")
        return 0
    _table(
        ["Kasir", "Jenis", "UUID", "Percobaan", "Terakhir", "Alasan"],
        [
            [r["till"], r["kind"], r["uuid"], str(r["attempts"]), r["last_rejected_at"], r["reason"]]
            for r in rows
        ],
    )
    return 0


def _release(engine: Engine, args: argparse.Namespace) -> int:
    import re

    from sqlalchemy import delete, insert

    from pos.province.schema import settings
    from pos.province.tills import RELEASE_KEY

    if not re.fullmatch(r"[0-9]+(\.[0-9]+){1,3}", args.version):
        raise DomainError("versi harus seperti 0.2.0")
    if not re.fullmatch(r"[0-9a-fA-F]{64}", args.sha256):
        raise DomainError("--sha256 harus 64 angka heksadesimal")
    if not args.url.startswith(("https://", "http://")):
        raise DomainError("--url harus diawali https:// atau http://")
    value = {"version": args.version, "url": args.url, "sha256": args.sha256.lower(), "notes": args.notes}
    with engine.begin() as conn:
        conn.execute(delete(settings).where(settings.c.key == RELEASE_KEY))
        conn.execute(insert(settings).values(key=RELEASE_KEY, value=json.dumps(value)))
    print(f"Versi kasir terbaru: {args.version}. Kasir mengetahuinya pada sinkronisasi berikutnya.")
    return 0


def _when(iso: str | None) -> str:
    """A stored UTC time as people in NTT read it (WITA); the JSON output keeps ISO 8601 UTC."""
    if not iso:
        return "belum pernah"
    from datetime import datetime
    from zoneinfo import ZoneInfo

    return datetime.fromisoformat(iso).astimezone(ZoneInfo("Asia/Makassar")).strftime("%d/%m/%Y %H:%M WITA")


def _table(headers: list[str], rows: list[list[Any]]) -> None:
    widths = [max(len(str(c)) for c in column) for column in zip(headers, *rows, strict=False)]
    for row in [headers, ["-" * w for w in widths], *rows]:
        print("  ".join(str(cell).ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
