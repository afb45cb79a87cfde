"""One module per dashboard page: the published rows in, a Page (charts, tables, notes) out."""
