"""Real tills for many tests at the cost of a file copy: each (outlet, terminal) is set up once per
session by `make_real_till` (the first-run service, users, producers, products, opening stock; ~2 s of
PIN hashing), then every test gets its own copy of that database file.

The outlet is PKP: PPN is switched on in its settings (as the admin's settings screen does), so each
product sells in its own tax mode (none, PPN included, PPN added); with PPN off every line is `none`.

The fixtures are imported by the conftest.py of tests/province and tests/sync. A copy's outbox holds the
set-up events (producers, opening stock) with the template's uuids; copies of one template must therefore
not sync to one province (use another terminal, which is another template)."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from helpers.real_till import RealTill, make_real_till
from pos.db.engine import DB_FILENAME, Database
from pos.services import catalog, settings
from pos.services.context import Actor


@dataclass(frozen=True)
class TillTemplate:
    file: Path
    admin: Actor
    manager: Actor
    catalog: dict[str, Any]


class TillTemplates:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._made: dict[tuple[str, str], TillTemplate] = {}

    def get(self, code: str, terminal: str) -> TillTemplate:
        key = (code, terminal)
        if key not in self._made:
            folder = self.root / f"{code}-{terminal}"
            till = make_real_till(folder, code, terminal)
            with till.db.unit_of_work() as uow:
                settings.set_tax(uow, till.admin, ppn_enabled=True, mode="included", rate_percent=11)
                uow.commit()
            with till.db.unit_of_work() as uow:  # the products as a scan finds them now
                for barcode in till.catalog:
                    view = catalog.find_by_barcode(uow, barcode)
                    assert view is not None
                    till.catalog[barcode] = view.as_cart_product()
            till.db.close()
            con = sqlite3.connect(folder / DB_FILENAME)  # fold the WAL in: the file alone is the database
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            con.close()
            self._made[key] = TillTemplate(folder / DB_FILENAME, till.admin, till.manager, till.catalog)
        return self._made[key]


def copy_till(template: TillTemplate, folder: Path) -> RealTill:
    folder.mkdir(parents=True)
    shutil.copyfile(template.file, folder / DB_FILENAME)
    return RealTill(
        Database.open(folder, create=False), template.admin, template.manager, dict(template.catalog)
    )


@pytest.fixture(scope="session")
def till_templates(tmp_path_factory: pytest.TempPathFactory) -> TillTemplates:
    return TillTemplates(tmp_path_factory.mktemp("till-templates"))


@pytest.fixture
def new_till(till_templates: TillTemplates, tmp_path: Path) -> Iterator[Callable[..., RealTill]]:
    """`new_till("5371", "02")`: a fresh real till of that outlet and terminal, closed after the test."""
    made: list[RealTill] = []

    def make(code: str = "5371", terminal: str = "01") -> RealTill:
        till = copy_till(till_templates.get(code, terminal), tmp_path / f"till-{code}-{terminal}-{len(made)}")
        made.append(till)
        return till

    yield make
    for till in made:
        till.db.close()


@pytest.fixture
def real_till(new_till: Callable[..., RealTill]) -> RealTill:
    """Till 01 of outlet 5371, set up as a real outlet, with nothing sold yet."""
    return new_till()
