"""The store manager's back office: catalog, producers, stock, stocktake and consignment settlement."""
