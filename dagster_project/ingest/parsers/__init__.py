"""ingest/parsers"""
