"""NTT Mart POS: an offline-first point of sale for NTT Mart outlets."""

__version__ = "0.1.0"
