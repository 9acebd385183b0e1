"""`ntt-pos users add`, `ntt-pos products import|export`: setting up an outlet from files, without a screen.

pos/cli.py calls `register(subparsers)`. The commands only read files and call the services, so the
PIN rules, the role checks, the lockout and the audit log are exactly those of the till's own screens.
PINs come from files (first line), never from the command line, where any user could read them in
the process list. Errors are `DomainError`s, which pos.cli prints as one line with exit status 2; an
import with bad rows lists every row on stderr and exits 1, having written nothing.
"""

from __future__ import annotations

import argparse
import errno
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pos.core.errors import DomainError
from pos.db.engine import Database
from pos.db.paths import resolve_data_dir
from pos.services.context import ROLE_LABELS, Actor, Role

if TYPE_CHECKING:
    from pos.db.uow import UnitOfWork

# The services are imported inside the handlers: every `ntt-pos` start (the till, `simulate`) loads
# this module, and should not pay for the import machinery it does not use.


class ProvisioningError(DomainError):
    """A file or an admin that the command cannot use; nothing was written."""


def register(subparsers: Any) -> None:
    people = subparsers.add_parser("users", help="kelola pengguna tanpa layar")
    people_sub = people.add_subparsers(dest="users_command", metavar="PERINTAH", required=True)
    add = people_sub.add_parser("add", help="tambah pengguna; disetujui dengan PIN admin")
    add.add_argument("username", help="nama pengguna baru, mis. kasir3")
    add.add_argument("--name", required=True, help="nama lengkap")
    add.add_argument("--role", required=True, choices=[role.value for role in Role], help="peran")
    add.add_argument("--pin-file", required=True, help="file berisi PIN pengguna baru (baris pertama)")
    _admin_arguments(add)
    add.set_defaults(handler=cmd_users_add)

    products = subparsers.add_parser("products", help="impor / ekspor katalog produk (CSV, XLSX)")
    products_sub = products.add_subparsers(dest="products_command", metavar="PERINTAH", required=True)
    load = products_sub.add_parser("import", help="impor produk: semua baris atau tidak sama sekali")
    load.add_argument("file", help="FILE.csv atau FILE.xlsx dengan kolom seperti hasil ekspor")
    _admin_arguments(load)
    load.set_defaults(handler=cmd_products_import)
    dump = products_sub.add_parser("export", help="ekspor semua produk dengan kolom impor")
    dump.add_argument("file", help="FILE.csv atau FILE.xlsx")
    dump.set_defaults(handler=cmd_products_export)


def _admin_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--admin", required=True, help="nama pengguna yang menyetujui (admin)")
    parser.add_argument("--admin-pin-file", required=True, help="file berisi PIN-nya (baris pertama)")


def _open(args: argparse.Namespace) -> Database:
    return Database.open(resolve_data_dir(args.data_dir, bool(args.demo)), create=False)


def _why(error: OSError) -> str:
    reasons = {
        errno.ENOENT: "file tidak ada",
        errno.EACCES: "tidak ada izin",
        errno.EPERM: "tidak ada izin",
        errno.EISDIR: "itu folder, bukan file",
    }
    return reasons.get(error.errno or 0, error.strerror or str(error))


def read_pin(path_text: str, whose: str) -> str:
    """The first line of a PIN file, without surrounding spaces."""
    try:
        lines = Path(path_text).read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise ProvisioningError(f"tidak bisa membaca PIN {whose} dari {path_text}: {_why(error)}") from None
    except UnicodeDecodeError:
        raise ProvisioningError(f"{path_text} bukan file teks; tulis PIN {whose} di baris pertama") from None
    pin = lines[0].strip() if lines else ""
    if not pin:
        raise ProvisioningError(f"{path_text} kosong; tulis PIN {whose} di baris pertama")
    return pin


def sign_in(uow: UnitOfWork, username: str, pin: str) -> Actor:
    """The sign-in of the till (argon2, wrong PINs counted, lockout); a one-time PIN is not enough."""
    from pos.services import users

    actor = users.authenticate(uow, username, pin)
    if users.needs_new_pin(uow, actor.username):
        raise ProvisioningError(
            f"PIN {actor.username} masih PIN sementara: masuk di kasir dan ganti PIN dulu."
        )
    return actor


def cmd_users_add(args: argparse.Namespace) -> int:
    from pos.services import users

    pin = read_pin(args.pin_file, "pengguna baru")
    admin_pin = read_pin(args.admin_pin_file, "admin")
    db = _open(args)
    try:
        with db.unit_of_work() as uow:
            admin = sign_in(uow, args.admin, admin_pin)
            made = users.create_user(
                uow, admin, username=args.username, full_name=args.name, role=Role(args.role), pin=pin
            )
    finally:
        db.close()
    print(
        f"Pengguna {made.username} ({made.full_name}, {ROLE_LABELS[made.role].lower()}) "
        f"ditambahkan oleh {admin.username}."
    )
    return 0


def cmd_products_import(args: argparse.Namespace) -> int:
    from pos.services import product_import

    path = Path(args.file)
    admin_pin = read_pin(args.admin_pin_file, "admin")
    db = _open(args)
    try:
        with db.unit_of_work() as uow:
            admin = sign_in(uow, args.admin, admin_pin)
        with db.unit_of_work() as uow:
            result = product_import.import_products(uow, admin, path)
    except product_import.ImportRefused as refused:
        if not refused.errors:
            raise
        print(f"ntt-pos: {path.name}: {refused}", file=sys.stderr)
        for error in refused.errors:
            print(f"  {error}", file=sys.stderr)
        return 1
    finally:
        db.close()
    print(
        f"Impor {path.name} selesai: {result.added} produk baru, {result.updated} diubah, "
        f"{result.price_changes} perubahan harga."
    )
    if result.new_categories:
        print(f"Kategori baru: {', '.join(result.new_categories)}.")
    if result.new_producers:
        print(
            f"Produsen baru ({len(result.new_producers)}, titip jual; lengkapi data dan komisinya "
            "di menu Manajemen toko):"
        )
        for producer in result.new_producers:
            print(f"  {producer.code}  {producer.name}")
    return 0


def cmd_products_export(args: argparse.Namespace) -> int:
    from pos.services import product_import

    path = Path(args.file)
    db = _open(args)
    try:
        with db.unit_of_work() as uow:
            written = product_import.export_products(uow, path)
    except OSError as error:
        why = f"folder {path.parent} tidak ada" if error.errno == errno.ENOENT else _why(error)
        raise ProvisioningError(f"tidak bisa menulis {path}: {why}") from None
    finally:
        db.close()
    print(f"{written} produk diekspor ke {path}.")
    return 0
