"""Reports for the store manager (issue 13): sales by any grouping, approvals, ASN buyers, stock,
consignment owed, each over a period of business dates and compared with the previous period.

Pure aggregation in SQL (one pass per figure, grouped in SQLite); Python only merges the few grouped
rows and attaches labels. `pos.services.reports` keeps the till's totals and X/Z figures.
"""
