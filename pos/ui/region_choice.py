"""The kabupaten/kota choice list, the same in the wizard, the outlet settings and the producers screen:
the 22 of NTT from pos.core.regions, labelled "Kabupaten Sikka (53.07)", the Kemendagri code as data."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from pos.core.regions import REGIONS, find_region
from pos.ui.i18n import fill


class RegionChoice(QComboBox):
    """`code()` is the chosen Kemendagri code ("" for none where `optional`)."""

    def __init__(self, *, optional: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kabupatenChoice")
        self.optional = optional
        self._fill()

    def _fill(self) -> None:
        self.clear()
        if self.optional:
            self.addItem(self.tr("(belum dipilih)"), "")
        for region in REGIONS:
            self.addItem(region.label, region.code)

    def code(self) -> str:
        return str(self.currentData() or "")

    def choose(self, code_or_name: str | None) -> None:
        """Show a stored value: a code, a name, or (from an older version) free text that is no
        kabupaten/kota of NTT, kept as its own entry so saving does not silently change it."""
        self._fill()
        text = (code_or_name or "").strip()
        region = find_region(text)
        if region is not None:
            self.setCurrentIndex(self.findData(region.code))
        elif text:
            label = fill(self.tr("{0} (bukan kabupaten/kota NTT: pilih dari daftar)"), text)
            self.addItem(label, text)
            self.setCurrentIndex(self.count() - 1)
        else:
            self.setCurrentIndex(0)
