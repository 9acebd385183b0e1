"""Screenshots of the cashier app's main screens, taken from a real X window under Xvfb.

    .venv/bin/python installer/screenshots.py            # writes docs/screenshots/*.png

It starts Xvfb (unless DISPLAY is already set), creates a fresh demo outlet in a temporary folder, opens
the real main window and dialogs on it, and saves what the X screen shows. Dialogs are shown
non-modally here so the script can arrange them; they are the same classes the till runs.

One-time setup on Debian 12 (the xcb platform plugin needs these; docs/engineering-notes.md):
    apt-get install xvfb libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-randr0 \
        libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
WIDTH, HEIGHT = 1366, 768  # the most common till screen; `--size 1024x768` for the smallest
SUFFIX = ""  # "_1024" in the names of the shots at 1024x768


def start_openbox() -> subprocess.Popen[bytes] | None:
    """A window manager, so that windows have frames and maximize as on a till (if installed)."""
    if shutil.which("openbox") is None:
        return None
    manager = subprocess.Popen(["openbox"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    return manager


def start_xvfb(display: str = ":97") -> subprocess.Popen[bytes] | None:
    if os.environ.get("DISPLAY"):
        return None
    if shutil.which("Xvfb") is None:
        sys.exit("Xvfb is not installed: see the apt-get line at the top of this script.")
    server = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", f"{WIDTH}x{HEIGHT}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(50):
        if Path(f"/tmp/.X11-unix/X{display[1:]}").exists():
            break
        time.sleep(0.1)
    os.environ["DISPLAY"] = display
    return server


class Shooter:
    def __init__(self, app: Any, out: Path) -> None:
        self.app, self.out = app, out

    def settle(self, seconds: float = 0.4) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.app.processEvents()
            time.sleep(0.02)

    def shoot(self, name: str) -> Path:
        self.settle()
        path = self.out / f"{name}{SUFFIX}.png"
        self.app.primaryScreen().grabWindow(0).save(str(path))
        print(f"  {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
        return path


def centre(dialog: Any, window: Any) -> None:
    """Size and place the dialog as `run_dialog` does on the till: fitted to the screen, over `window`."""
    from pos.ui.screen_fit import fit_to_screen

    fit_to_screen(dialog)


def take(out: Path) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    from pos.app import build_till, make_app, open_database, show_demo_users
    from pos.core.payments import Payment, PaymentMethod
    from pos.ui.payment import PaymentDialog
    from pos.ui.shift_dialogs import CloseShiftDialog

    app = make_app([sys.argv[0]])
    data = Path(tempfile.mkdtemp(prefix="ntt-pos-shots-"))  # removed by main() afterwards
    db = open_database(data, demo=True)
    till = build_till(db, app, start_sync=False)
    window, backend = till.window, till.window.backend
    show_demo_users(window)
    from pos.app import show_main_window

    show_main_window(window)  # as the till opens it
    shot = Shooter(app, out)
    window.signin.choose("kasir1")
    window.signin.pin.setText("1111")
    shot.shoot("signin")

    actor = backend.sign_in("kasir1", "1111")
    backend.open_shift(actor, 200_000)
    window.on_signed_in(actor)
    checkout = window.checkout
    codes = [p.barcode or p.code for p in backend.search_products("kopi", 3)]
    codes += [p.barcode or p.code for p in backend.search_products("tenun", 1)]
    for code in codes[:2]:
        checkout.handle_code(code)
    sale = backend.complete_sale(
        actor,
        checkout.cart,
        [Payment(PaymentMethod.CASH, 200_000)],
        buyer_nip=None,
        shift_id=checkout.shift.shift_id,
    )
    checkout.show_completed(sale)
    window.print_receipt(backend.receipt(sale.receipt_no))
    checkout.handle_code(f"2*{codes[2]}")
    checkout.handle_code(codes[3])
    checkout.handle_code(codes[0])
    checkout.set_buyer(_registered_nip(db))
    shot.shoot("checkout")

    from pos.ui.dialogs import BuyerDialog

    buyer = BuyerDialog(lambda text: backend.buyer(text, checkout.model.totals.total), checkout)
    nip = _registered_nip(db)
    buyer.field.setText(f"NIP. {nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}")
    centre(buyer, window)
    buyer.show()
    shot.shoot("buyer")
    buyer.close()

    total = checkout.model.totals.total
    cash = PaymentDialog(total, backend.setting("qris.static"), checkout)
    centre(cash, window)
    cash.show()
    cash.amount.setText(str((total // 100_000 + 1) * 100_000))
    shot.shoot("payment_cash")
    cash.choose(PaymentMethod.QRIS)
    shot.shoot("payment_qris")
    cash.close()

    summary = backend.shift_summary(checkout.shift.shift_id)
    close = CloseShiftDialog(summary, backend.shift_report_text(summary), lambda counts: summary, window)
    for denomination, count in ((100_000, 3), (50_000, 1), (20_000, 2), (10_000, 1), (2_000, 4)):
        close.counts[denomination].setValue(count)
    centre(close, window)
    close.show()
    shot.shoot("shift_close")
    close.close()
    _setup_shots(shot, window, backend, data)
    till.stop()
    shutil.rmtree(data, ignore_errors=True)


def _setup_shots(shot: Shooter, window: Any, backend: Any, data: Path) -> None:
    """The admin's settings dialog on the demo outlet and the first-run wizard on an empty folder."""
    from pos.ui.setup.settings_dialog import SettingsDialog
    from pos.ui.setup.wizard import SetupWizard

    admin = backend.sign_in("admin", "9999")
    settings = SettingsDialog(backend.admin, admin, window)
    centre(settings, window)
    settings.show()
    shot.shoot("settings")
    settings.close()
    _backoffice_shots(shot, window, backend, admin)
    wizard = SetupWizard(data / "baru", lambda answers: None)  # never finished here
    wizard.outlet_page.kabupaten.setCurrentIndex(wizard.outlet_page.kabupaten.findData("5307"))
    wizard.outlet_page.address.setText("Jl. Ahmad Yani No. 1, Maumere")
    wizard.admin_page.full_name.setText("Maria Goreti")
    wizard.admin_page.pin.setText("4826")
    wizard.admin_page.pin_again.setText("4826")
    centre(wizard, window)
    window.hide()  # on a first run there is no till window behind the wizard
    wizard.show()
    shot.shoot("wizard")  # the first page, as README shows it
    for number, name in enumerate(("outlet", "admin", "printer", "extras"), start=1):
        if number > 1:
            wizard.next()
        if name == "extras":
            wizard.extras_page.check_qris()  # an empty QRIS field says so
        shot.shoot(f"wizard_{number}_{name}")
    wizard.close()


def _backoffice_shots(shot: Shooter, window: Any, backend: Any, admin: Any) -> None:
    """The back office at the till's screen size: catalog with a product, producers, receiving."""
    from PySide6.QtWidgets import QApplication

    from pos.ui.backoffice.window import BackOfficeWindow
    from pos.ui.screen_fit import fit_to_screen

    office = BackOfficeWindow(backend.admin.unit_of_work, admin)
    fit_to_screen(office)  # as the Admin menu opens it
    office.show()
    office.activateWindow()
    catalog = office.catalog
    catalog.search.setText("Kopi Arabika")
    catalog.table.selectRow(0)
    shot.shoot("backoffice_catalog")
    office.tabs.setCurrentWidget(office.suppliers)
    office.suppliers.table.selectRow(0)
    shot.shoot("backoffice_producers")
    office.tabs.setCurrentWidget(office.stock)
    stock = office.stock
    product = catalog.rows[0]
    stock.qty.setText("24")
    stock.cost.setText("380rb")
    stock.code.setText(product.barcode or product.code)
    stock.add_line()
    stock.cost.setText("380rb")
    QApplication.processEvents()
    shot.shoot("backoffice_receiving")
    _reports_shot(shot, office, backend, admin)
    office.close()


def _reports_shot(shot: Shooter, office: Any, backend: Any, admin: Any) -> None:
    """Laporan over the last 30 days, after a month of sales made by the real checkout (back-dated)."""
    import random
    from datetime import timedelta

    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QApplication

    from pos.core.cart import Cart
    from pos.core.payments import Payment, PaymentMethod
    from pos.core.pricing import price_cart
    from pos.core.timeutil import utc_now
    from pos.services import checkout

    rng = random.Random(13)
    words = ("kopi", "tenun", "madu", "sabun", "kacang")
    products = [p for word in words for p in backend.search_products(word, 8)]
    now = utc_now()
    factory = backend.admin.unit_of_work
    for day in range(30, -1, -1):
        for _ in range(rng.randint(4, 12) + (8 if (now - timedelta(days=day)).day >= 25 else 0)):
            cart = Cart()
            for product in rng.sample(products, rng.randint(1, 4)):
                cart.add(product.as_cart_product(), rng.choice((1, 1, 2)))
            at = now - timedelta(days=day, hours=rng.randint(0, 9), minutes=rng.randint(0, 59))
            method = rng.choice((*tuple(PaymentMethod)[:3], PaymentMethod.CASH))
            with factory() as uow:
                checkout.complete_sale(uow, admin, cart, [Payment(method, price_cart(cart).total)], now=at)
    reports = office.reports
    office.tabs.setCurrentWidget(reports)
    reports.preset.setCurrentIndex(reports.preset.findData("custom"))
    today = reports.backend.today()
    start = today - timedelta(days=29)
    reports.start.setDate(QDate(start.year, start.month, start.day))
    reports.end.setDate(QDate(today.year, today.month, today.day))
    reports.which.setCurrentIndex(reports.which.findData("sales:producer"))

    def settle() -> None:  # the figures arrive from a background job
        while reports.job is not None:
            QApplication.processEvents()
            reports.wait(100)
        QApplication.processEvents()

    settle()  # the report the tab opened with
    reports.refresh()
    settle()
    reports.chart_tabs.setCurrentIndex(0)
    shot.shoot("backoffice_reports")


def _registered_nip(db: Any) -> str:
    import sqlite3

    con = sqlite3.connect(db.path)
    try:
        return str(
            con.execute("SELECT nip FROM asn_registry WHERE active ORDER BY nip LIMIT 1").fetchone()[0]
        )
    finally:
        con.close()


def main() -> int:
    global WIDTH, HEIGHT, SUFFIX
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--size", default=f"{WIDTH}x{HEIGHT}", help="screen size, e.g. 1024x768")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    WIDTH, HEIGHT = (int(n) for n in args.size.split("x"))
    SUFFIX = "" if WIDTH == 1366 else f"_{WIDTH}"
    server = start_xvfb()
    manager = start_openbox() if server is not None else None
    try:
        take(args.out)
    finally:
        if manager is not None:
            manager.terminate()
            manager.wait(5)
        if server is not None:
            server.terminate()
            server.wait(5)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
